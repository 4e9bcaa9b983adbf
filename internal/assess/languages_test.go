package assess

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// trilingual is validBase in English, Spanish and German, with a
// consent statement and a choice item whose options are translated.
const trilingual = `id: t
version: 1
language: en
languages: [en, es, de]
translations:
  es: Translated for the test.
  de: Translated for the test.
title: {en: Work style, es: Estilo de trabajo, de: Arbeitsstil}
description: {en: "For {organisation}.", es: "Para {organisation}.", de: "Für {organisation}."}
consent: {en: "I agree to answer for {organisation}.", es: "Acepto responder para {organisation}.", de: "Ich stimme zu, für {organisation} zu antworten."}
response_scale:
  min: 1
  max: 5
  labels:
    - {en: No, es: "No", de: Nein}
    - {en: Rather no, es: Más bien no, de: Eher nein}
    - {en: Neither, es: Ni sí ni no, de: Weder noch}
    - {en: Rather yes, es: Más bien sí, de: Eher ja}
    - {en: "Yes", es: Sí, de: Ja}
composites:
  - {id: hunter, name: H}
  - {id: farmer, name: F}
scales:
  - {id: s1, name: S1, composite: hunter}
  - {id: s2, name: S2, composite: farmer}
pages:
  - title: {en: First, es: Primera, de: Erste}
    intro: {en: Read each one., es: Lea cada una., de: Lesen Sie jede.}
    items:
      - {id: i1, text: {en: one, es: uno, de: eins}, scale: s1, key: 1}
      - {id: i2, text: {en: two, es: dos, de: zwei}, scale: s1, key: -1}
      - {id: i3, text: {en: three, es: tres, de: drei}, scale: s2, key: 1}
      - {id: i4, text: {en: four, es: cuatro, de: vier}, scale: s2, key: -1}
      - id: p1
        options:
          - {text: {en: sell, es: vender, de: verkaufen}, composite: hunter}
          - {text: {en: serve, es: atender, de: betreuen}, composite: farmer}
`

func TestQuestionnaireInEachLanguage(t *testing.T) {
	q, err := Parse("t.yaml", []byte(trilingual))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(q.Languages, []string{"en", "es", "de"}) || q.Language != "en" || q.Lang != "en" {
		t.Fatalf("language %q, languages %v, lang %q", q.Language, q.Languages, q.Lang)
	}
	want := map[string][]string{ // title, intro, i2, option 2, label 3, consent
		"en": {"Work style", "Read each one.", "two", "serve", "Neither", "I agree to answer for Acme."},
		"es": {"Estilo de trabajo", "Lea cada una.", "dos", "atender", "Ni sí ni no", "Acepto responder para Acme."},
		"de": {"Arbeitsstil", "Lesen Sie jede.", "zwei", "betreuen", "Weder noch", "Ich stimme zu, für Acme zu antworten."},
	}
	for lang, w := range want {
		l, ok := q.In(lang)
		if !ok {
			t.Fatalf("not offered in %s", lang)
		}
		i2, _ := l.Item("i2")
		choices, _ := l.Choices("p1")
		got := []string{l.Title, l.Pages[0].Intro, i2.Text, choices[1].Label, l.Scale.Label(3), l.ConsentIn("Acme")}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s: got %q, want %q", lang, got, w)
		}
		if l.Lang != lang || l.Hash != q.Hash || l.Version != q.Version || l.String() != q.String() {
			t.Errorf("%s copy: lang %q, hash %s, %s; want the source's hash and version", lang, l.Lang, l.Hash, l)
		}
		if back, _ := l.In("en"); back != q {
			t.Errorf("%s copy's In(en) is not the source definition", lang)
		}
	}
	if _, ok := q.In("fr"); ok || q.Offers("fr") {
		t.Errorf("offered in fr, which the file does not list")
	}
	// The source's texts are untouched by building the copies.
	if i1, _ := q.Item("i1"); i1.Text != "one" || q.Scale.Labels[0] != "No" {
		t.Errorf("source texts changed: %q, %q", i1.Text, q.Scale.Labels[0])
	}
}

// A response scores the same whatever language it was answered in: only
// the texts differ between the copies.
func TestScoringIsTheSameInEveryLanguage(t *testing.T) {
	q, err := Parse("t.yaml", []byte(trilingual))
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(22, 3))
	for range 20 {
		resp := Simulate(q, rng, Simulation{Traits: RandomTraits(q, rng), SlipRate: DefaultSlipRate})
		want := Score(q, resp, Options{})
		for _, lang := range []string{"es", "de"} {
			l, _ := q.In(lang)
			if got := Score(l, resp, Options{}); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: scored %+v, in en %+v", lang, got, want)
			}
		}
	}
}

// A definition that says nothing of languages keeps the hash format it
// had before translations existed (the hashes stored with responses); one
// that does is hashed with every translation.
func TestHashCoversTranslations(t *testing.T) {
	base := hashOf(t, trilingual)
	for _, c := range []struct{ old, new string }{
		{"es: dos,", "es: dos.,"},
		{"de: betreuen}", "de: Betreuen}"},
		{"es: Ni sí ni no", "es: Ni sí o no"},
		{"de: Arbeitsstil}", "de: Arbeitsweise}"},
		{"Acepto responder", "Acepto contestar"},
	} {
		if !strings.Contains(trilingual, c.old) {
			t.Fatalf("no %q", c.old)
		}
		if h := hashOf(t, strings.Replace(trilingual, c.old, c.new, 1)); h == base {
			t.Errorf("changing %q to %q kept the hash", c.old, c.new)
		}
	}
	// How a translation was made is about the content, not part of it.
	if h := hashOf(t, strings.Replace(trilingual, "es: Translated for the test.", "es: Reviewed since.", 1)); h != base {
		t.Errorf("a changed note changed the hash")
	}
	// Saying the source language is a statement about the content.
	if hashOf(t, "language: en\n"+validBase) == hashOf(t, validBase) {
		t.Errorf("declaring the language kept the format 1 hash")
	}
}

func TestTagProblem(t *testing.T) {
	for tag, want := range map[string]string{
		"en":     "",
		"de-CH":  "",
		"es-419": "",
		"EN":     `write "EN" as en`,
		"de_CH":  `write "de_CH" as de-CH`,
		"de-":    `"de-" is not a known BCP 47 language tag`,
		"xx":     `"xx" is not a known BCP 47 language tag`,
		"":       `"" is not a known BCP 47 language tag`,
		"und":    `"und" names no language`,
	} {
		got := TagProblem(tag)
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("TagProblem(%q) = %q, want %q", tag, got, want)
		}
	}
}
