package main

import (
	"fmt"
	"strings"

	"rolefit/internal/assess"
	"rolefit/internal/i18n"
)

// languageProblems lists, for q, every language it offers that rolefit
// has no respondent's pages in (internal/i18n's message catalogues): a
// respondent could not read the welcome, the buttons or the errors.
func languageProblems(q *assess.Questionnaire) []assess.Problem {
	msgs := i18n.Shipped()
	var out []assess.Problem
	for _, l := range q.Languages {
		if !msgs.Has(l) {
			out = append(out, assess.Problem{File: q.Source, Msg: fmt.Sprintf(
				"languages: rolefit has no respondent's pages in %s (it has %s); add internal/i18n/messages/%s.json, or leave %s out",
				l, strings.Join(msgs.Languages(), ", "), l, l)})
		}
	}
	return out
}

// checkCatalogLanguages refuses a catalog with a questionnaire offered in
// a language without respondent's pages.
func checkCatalogLanguages(cat *assess.Catalog) error {
	var problems []assess.Problem
	for _, q := range cat.All() {
		problems = append(problems, languageProblems(q)...)
	}
	if len(problems) > 0 {
		return &assess.LoadError{Problems: problems}
	}
	return nil
}
