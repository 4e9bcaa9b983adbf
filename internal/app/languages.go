package app

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
)

// The languages a questionnaire is answered in: those its definition
// offers (assess.Questionnaire.Languages) in which rolefit also has the
// respondent's pages (internal/i18n).

// Offered returns the languages q can be answered in, its source first.
func (a *App) Offered(q *assess.Questionnaire) []string {
	var out []string
	for _, l := range q.Languages {
		if a.msgs.Has(l) {
			out = append(out, l)
		}
	}
	return out
}

// checkLanguage refuses a language q cannot be answered in, naming field.
func (a *App) checkLanguage(q *assess.Questionnaire, field, lang string) error {
	if p := assess.TagProblem(lang); p != "" {
		return errs.InvalidFields("That is not a language.", map[string]string{field: p})
	}
	if !slices.Contains(a.Offered(q), lang) {
		return errs.InvalidFields("The questionnaire is not offered in that language.",
			map[string]string{field: fmt.Sprintf("%s is offered in %s, not %s", Ref(q), strings.Join(a.Offered(q), ", "), lang)})
	}
	return nil
}

// answeredIn is the language of answers recorded in one call: lang when
// given (and offered), else q's source language.
func answeredIn(q *assess.Questionnaire, lang string) (string, error) {
	if lang == "" {
		return q.Language, nil
	}
	if p := assess.TagProblem(lang); p != "" {
		return "", errs.InvalidFields("That is not a language.", map[string]string{"language": p})
	}
	if !q.Offers(lang) {
		return "", errs.InvalidFields("The questionnaire is not offered in that language.",
			map[string]string{"language": fmt.Sprintf("%s is offered in %s, not %s", Ref(q), strings.Join(q.Languages, ", "), lang)})
	}
	return lang, nil
}

// LanguageName names a language in English, for the managers' pages:
// "German" for de.
func LanguageName(tag string) string {
	if n := display.English.Tags().Name(language.Make(tag)); n != "" {
		return n
	}
	return tag
}

// LanguageList names languages in English, joined with commas and "and".
func LanguageList(tags []string) string {
	names := make([]string, len(tags))
	for i, t := range tags {
		names[i] = LanguageName(t)
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
