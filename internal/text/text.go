// Package text checks free text people type into rolefit (names, job
// titles, notes) for characters that have no business there: invalid
// UTF-8, NUL and other control characters, and the bidirectional
// override and isolate characters that make text display in another
// order than it is stored (the "Trojan Source" trick, CVE-2021-42574), so
// that a name in a list could pass itself off as something else.
package text

import (
	"fmt"
	"unicode/utf8"

	"rolefit/internal/errs"
)

// Problem says what is wrong with a one-line text such as a name, or ""
// when nothing is. It allows every printable character of every script,
// and the left-to-right and right-to-left marks (U+200E, U+200F) that
// names in right-to-left scripts may need.
func Problem(s string) string { return problem(s, false) }

// ProblemMultiline is Problem for text that may run over several lines,
// such as a note: it also allows line breaks and tabs.
func ProblemMultiline(s string) string { return problem(s, true) }

func problem(s string, multiline bool) string {
	if !utf8.ValidString(s) {
		return "is not valid UTF-8 text"
	}
	for _, r := range s {
		switch {
		case multiline && (r == '\n' || r == '\r' || r == '\t'):
		case r == 0:
			return "must not contain a NUL character"
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			// C0 and C1 control characters (Unicode category Cc).
			return fmt.Sprintf("must not contain control characters (found U+%04X)", r)
		case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			// Unicode Bidirectional Algorithm (UAX #9) embeddings,
			// overrides and isolates.
			return fmt.Sprintf("must not contain characters that change the direction of text (found U+%04X)", r)
		}
	}
	return ""
}

// CheckName returns an invalid-input error naming field when the one-line
// value has a Problem, or nil.
func CheckName(field, value string) error {
	if msg := Problem(value); msg != "" {
		return errs.InvalidFields("Please correct the highlighted fields.", map[string]string{field: msg})
	}
	return nil
}
