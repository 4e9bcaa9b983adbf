package assess

// Validating a definition's languages and translations (text.go says how
// texts are written): every offered language must be a known BCP 47 tag
// and complete, every translation must say how it was made, and a
// translation must keep the source's placeholders.

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// validateLanguages checks the languages, the notes on how each
// translation was made and every translatable text, and settles
// q.Languages (the source language alone when the file lists none).
func validateLanguages(d *decoder, raw *rawDoc) {
	q, top := raw.q, raw.top
	q.multilingual = top.has("language") || top.has("languages") || top.has("translations") || top.has("consent")
	sourceOK := true
	if top.has("language") {
		if msg := TagProblem(q.Language); msg != "" {
			d.add(top.at("language"), "", "language: %s", msg)
			sourceOK = false
		}
	}
	offered := map[string]bool{}
	if !top.has("languages") {
		q.Languages = []string{q.Language}
		offered[q.Language] = true
	} else {
		var valid []string
		for i, l := range q.Languages {
			line := raw.langLines[i]
			if msg := TagProblem(l); msg != "" {
				d.add(line, "", "languages: %s", msg)
				continue
			}
			if offered[l] {
				d.add(line, "", "languages: %s is listed twice", l)
				continue
			}
			offered[l] = true
			valid = append(valid, l)
		}
		q.Languages = valid
		if sourceOK && !offered[q.Language] {
			d.add(top.at("languages"), "", "languages must include %s, the source language", q.Language)
		}
	}
	for _, l := range q.Languages {
		if _, ok := q.Translations[l]; !ok && l != q.Language {
			d.add(top.at("translations"), "translations", "no note of how the %s translation was made: say who translated it, how, and how it was checked", l)
		}
	}
	for _, l := range sortedKeys(q.Translations) {
		if !offered[l] {
			d.add(raw.notes.at(l), "translations", "a note on %s, which languages does not offer", l)
		}
	}
	missing := map[string]int{}
	texts := 0
	for _, e := range raw.texts {
		if !e.plain {
			q.multilingual = true
		}
		if e.plain && e.byLang[q.Language] == "" {
			continue // nothing to translate; the field's own check says if it must not be empty
		}
		texts++
		checkText(d, q, e, offered, missing)
	}
	for _, l := range q.Languages {
		if n := missing[l]; n > 0 {
			d.add(top.at("languages"), "", "language %s is offered but incomplete: %d of %d texts have no %s translation", l, n, texts, l)
		}
	}
}

// checkText checks one text's translations, counting those missing by
// language.
func checkText(d *decoder, q *Questionnaire, e *textEntry, offered map[string]bool, missing map[string]int) {
	at := func(lang string) int {
		if l, ok := e.lines[lang]; ok {
			return l
		}
		return e.line
	}
	src, hasSource := e.byLang[q.Language]
	if !e.plain {
		for _, l := range e.order {
			switch {
			case TagProblem(l) != "":
				d.add(at(l), e.subject, "%s: %s", e.field, TagProblem(l))
			case !offered[l]:
				d.add(at(l), e.subject, "%s: extra %s translation: languages does not offer %s", e.field, l, l)
			case e.byLang[l] == "":
				d.add(at(l), e.subject, "%s: the %s text is empty", e.field, l)
			}
		}
		if !hasSource {
			d.add(e.line, e.subject, "%s: has no %s text, the source language", e.field, q.Language)
		}
	}
	want := placeholders(src)
	for _, l := range q.Languages {
		if l == q.Language {
			continue
		}
		t, ok := e.byLang[l]
		if !ok {
			d.add(e.line, e.subject, "%s: missing %s translation", e.field, l)
			missing[l]++
			continue
		}
		if got := placeholders(t); hasSource && t != "" && !slices.Equal(got, want) {
			d.add(at(l), e.subject, "%s: the %s translation has placeholders %s where the source has %s", e.field, l, listOrNone(got), listOrNone(want))
		}
	}
}

// TagProblem says what is wrong with a language tag, or "" when it is a
// known BCP 47 language tag written in its canonical form ("es", "de-CH").
func TagProblem(tag string) string {
	t, err := language.Parse(tag)
	if tag == "" || err != nil {
		return fmt.Sprintf("%q is not a known BCP 47 language tag such as en, es or de-CH", tag)
	}
	if _, conf := t.Base(); conf != language.Exact {
		return fmt.Sprintf("%q names no language", tag)
	}
	if t.String() != tag {
		return fmt.Sprintf("write %q as %s", tag, t.String())
	}
	return ""
}

func listOrNone(ps []string) string {
	if len(ps) == 0 {
		return "none"
	}
	return strings.Join(ps, " ")
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
