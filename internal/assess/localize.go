package assess

import (
	"slices"
	"strings"
)

// DefaultLanguage is the source language of a definition that names
// none: rolefit's questionnaires were written in English before they could
// carry translations.
const DefaultLanguage = "en"

// In returns the definition with its texts in lang, one of Languages, and
// false when it is not offered in lang. Everything but the texts is the
// same: the IDs, keys, scales, pairs, version and hash, so answers given
// in any language are scored alike.
func (q *Questionnaire) In(lang string) (*Questionnaire, bool) {
	src := q.sourceDef()
	if lang == src.Language {
		return src, true
	}
	l, ok := src.local[lang]
	return l, ok
}

// Offers reports whether respondents may answer in lang.
func (q *Questionnaire) Offers(lang string) bool {
	_, ok := q.In(lang)
	return ok
}

// sourceDef returns the definition in its source language.
func (q *Questionnaire) sourceDef() *Questionnaire {
	if q.origin != nil {
		return q.origin
	}
	return q
}

// ConsentIn returns the consent statement with the organisation's name
// filled in, or "" when the definition has none of its own.
func (q *Questionnaire) ConsentIn(org string) string {
	return FillOrganisation(q.Consent, org)
}

// FillOrganisation puts the organisation's name in place of
// PlaceholderOrganisation in a description, intro or consent statement.
func FillOrganisation(text, org string) string {
	return strings.ReplaceAll(text, PlaceholderOrganisation, org)
}

// localize builds the copies of q in each offered language but the
// source. Parse calls it once q is valid.
func localize(q *Questionnaire) {
	q.Lang = q.Language
	for _, lang := range q.Languages {
		if lang == q.Language {
			continue
		}
		c := *q
		c.Lang, c.local, c.origin, c.texts = lang, nil, q, nil
		c.Scale.Labels = slices.Clone(q.Scale.Labels)
		c.Pages = make([]Page, len(q.Pages))
		for p, page := range q.Pages {
			c.Pages[p] = page
			c.Pages[p].Items = make([]Item, len(page.Items))
			for i, it := range page.Items {
				it.Options = slices.Clone(it.Options)
				c.Pages[p].Items[i] = it
			}
		}
		for _, e := range q.texts {
			e.set(&c, e.byLang[lang])
		}
		c.idx = buildIndex(&c)
		if q.local == nil {
			q.local = map[string]*Questionnaire{}
		}
		q.local[lang] = &c
	}
}
