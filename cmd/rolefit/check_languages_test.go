package main

import (
	"regexp"
	"strings"
	"testing"
)

// checkTrilingual is checkGood in English, Spanish and German. Lines:
// 3 title, 5 languages, 7–8 the notes, 9 the labels, 14 and 15 the items.
const checkTrilingual = `id: t
version: 1
title: {en: T, es: T es, de: T de}
language: en
languages: [en, es, de]
translations:
  es: Written for the test.
  de: Written for the test.
response_scale: {min: 1, max: 5, labels: [{en: a, es: a1, de: a2}, {en: b, es: b1, de: b2}, {en: c, es: c1, de: c2}, {en: d, es: d1, de: d2}, {en: e, es: e1, de: e2}]}
scales:
  - {id: s1, name: S1}
pages:
  - items:
      - {id: i1, text: {en: one, es: uno, de: eins}, scale: s1, key: 1}
      - {id: i2, text: {en: two, es: dos, de: zwei}, scale: s1, key: -1}
`

// rolefit check lists every kind of translation problem, each with its
// line, and refuses the file.
func TestCheckTranslationProblems(t *testing.T) {
	dir := t.TempDir()
	good := writeCheckFile(t, dir, "good.yaml", checkTrilingual)
	if code, out, errOut := runCheckCmd(t, good); code != 0 || !strings.Contains(out, "ok (t v1, 2 items in en, es, de, sha256:") {
		t.Fatalf("the trilingual file: exit %d\n%s%s", code, out, errOut)
	}
	tests := []struct {
		name     string
		old, new string
		want     []string
	}{
		{"missing translation", ", de: zwei}", "}", []string{
			":15: item i2: text: missing de translation",
			":5: language de is offered but incomplete: 1 of 8 texts have no de translation",
		}},
		{"extra translation", "de: zwei}", "de: zwei, fr: deux}", []string{
			":15: item i2: text: extra fr translation: languages does not offer fr",
		}},
		{"placeholders differ", "title: {en: T, es: T es, de: T de}", `title: {en: "T for {organisation}", es: "T para {org}", de: "T für {organisation}"}`, []string{
			":3: title: the es translation has placeholders {org} where the source has {organisation}",
		}},
		{"placeholder dropped", "title: {en: T, es: T es, de: T de}", `title: {en: "T for {organisation}", es: T es, de: "T für {organisation}"}`, []string{
			":3: title: the es translation has placeholders none where the source has {organisation}",
		}},
		{"unknown tag in a text", "de: zwei}", "de: zwei, xx: deux}", []string{
			`:15: item i2: text: "xx" is not a known BCP 47 language tag such as en, es or de-CH`,
		}},
		{"unknown tag offered", "languages: [en, es, de]", "languages: [en, es, de, qq]", []string{
			`:5: languages: "qq" is not a known BCP 47 language tag such as en, es or de-CH`,
		}},
		{"tag not in canonical form", "languages: [en, es, de]", "languages: [en, ES, de]", []string{
			`:5: languages: write "ES" as es`,
		}},
		{"language offered but not translated", "languages: [en, es, de]\ntranslations:\n", "languages: [en, es, de, fr]\ntranslations:\n  fr: Not done yet.\n", []string{
			":3: title: missing fr translation",
			":10: response_scale: label 1: missing fr translation",
			":15: item i1: text: missing fr translation",
			":16: item i2: text: missing fr translation",
			":5: language fr is offered but incomplete: 8 of 8 texts have no fr translation",
		}},
		{"no note of how a translation was made", "  de: Written for the test.\n", "", []string{
			":7: translations: no note of how the de translation was made: say who translated it, how, and how it was checked",
		}},
		{"a note on a language not offered", "  de: Written for the test.\n", "  de: Written for the test.\n  fr: Made up.\n", []string{
			":9: translations: a note on fr, which languages does not offer",
		}},
		{"no source text", "text: {en: two, es: dos, de: zwei}", "text: {es: dos, de: zwei}", []string{
			":15: item i2: text: has no en text, the source language",
		}},
		{"empty translation", "es: dos,", `es: "",`, []string{
			":15: item i2: text: the es text is empty",
		}},
		{"source language not offered", "languages: [en, es, de]", "languages: [es, de]", []string{
			":5: languages must include en, the source language",
		}},
		{"unknown source language", "language: en", "language: english", []string{
			`:4: language: "english" is not a known BCP 47 language tag such as en, es or de-CH`,
		}},
		{"a language rolefit has no respondent's pages in", "", "", []string{
			": languages: rolefit has no respondent's pages in fr (it has en, de, es); add internal/i18n/messages/fr.json, or leave fr out",
		}},
		{"a string where only the source language is given", "text: {en: two, es: dos, de: zwei}", "text: two", []string{
			":15: item i2: text: missing es translation",
			":15: item i2: text: missing de translation",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(checkTrilingual, tt.old, tt.new, 1)
			if tt.old == "" {
				// Complete in French, which rolefit has no pages in.
				src = strings.NewReplacer("languages: [en, es, de]", "languages: [en, es, de, fr]", "translations:\n", "translations:\n  fr: Made for the test.\n",
					"de: T de}", "de: T de, fr: T fr}", "de: zwei}", "de: zwei, fr: deux}", "de: eins}", "de: eins, fr: un}").Replace(checkTrilingual)
				src = regexp.MustCompile(`de: ([a-e])2\}`).ReplaceAllString(src, "de: ${1}2, fr: ${1}3}")
			} else if !strings.Contains(checkTrilingual, tt.old) {
				t.Fatalf("checkTrilingual has no %q", tt.old)
			}
			bad := writeCheckFile(t, t.TempDir(), "bad.yaml", src)
			code, out, errOut := runCheckCmd(t, bad)
			if code != 1 || out != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing", code, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, bad+w+"\n") {
					t.Errorf("stderr lacks %q:\n%s", bad+w, errOut)
				}
			}
		})
	}
}
