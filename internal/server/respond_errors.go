package server

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
	"rolefit/internal/i18n"
)

// A respondent reads every error of their pages in the language of the
// pages: the use cases' messages are written for managers, so the error
// handler writes a respondent's from the message catalogues instead,
// from the error's code or from the message a respondent page named
// (respondError).

// localRespondent holds the respondent of a request once the link is
// found, so that its errors are written in the respondent's language.
const localRespondent = "respondent"

// respondErr is an error of a respondent's page with the message key (and
// its arguments) of what the respondent reads.
type respondErr struct {
	err  error
	key  string
	args []any
}

func (e *respondErr) Error() string { return e.err.Error() }
func (e *respondErr) Unwrap() error { return e.err }

// respondError gives err the catalogue message key a respondent reads.
func respondError(err error, key string, args ...any) error {
	return &respondErr{err: err, key: key, args: args}
}

// isRespondentPath reports whether a request is for a respondent's page.
func isRespondentPath(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/i/") }

// respondentPrinter is the printer of a respondent page's error: the
// respondent's, once their link is known, else the catalogue language
// the browser asks for first, else the source language.
func respondentPrinter(c *fiber.Ctx, msgs *i18n.Catalogue) *i18n.Printer {
	if rs, ok := c.Locals(localRespondent).(*respondent); ok {
		return rs.L
	}
	lang, _ := i18n.Match(c.Get(fiber.HeaderAcceptLanguage), msgs.Languages())
	return msgs.Printer(lang, nil)
}

// respondentError is what a respondent reads of err: a title and a message
// in L's language.
func respondentError(L *i18n.Printer, err error, code string, status int) (title, message string) {
	switch code {
	case errs.CodeInvalid, errs.CodeNotFound, errs.CodeConflict, errs.CodeRateLimited, errs.CodeTimeout:
		title = L.T("error.title." + code)
		message = L.T("error." + code)
	default:
		title, message = L.T("error.title.other"), L.T("error.internal")
	}
	if status == fiber.StatusRequestEntityTooLarge || status == fiber.StatusRequestHeaderFieldsTooLarge {
		title, message = L.T("error.title.invalid"), L.T("error.invalid")
	}
	var re *respondErr
	if errors.As(err, &re) {
		message = L.T(re.key, re.args...)
	}
	return title, message
}
