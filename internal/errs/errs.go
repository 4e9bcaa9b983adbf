// Package errs is rolefit's one way to fail: an error with a code that the
// web layer maps to an HTTP status, a message that is safe to show a user,
// and, for bad input, the fields or rows that were wrong.
package errs

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Codes of rolefit errors. They are also the "code" of the JSON API's error
// envelope, so they never change once published.
const (
	CodeInvalid      = "invalid"
	CodeNotFound     = "not_found"
	CodeConflict     = "conflict"
	CodeUnauthorized = "unauthorized"
	CodeForbidden    = "forbidden"
	CodeRateLimited  = "rate_limited"
	CodeTimeout      = "timeout"
	CodeInternal     = "internal"
)

// Error is an error a user may see. Message must not leak internals; Fields
// maps a field name ("answers.inf1", "email") or a row ("row 7: email") to
// what is wrong with it.
type Error struct {
	Code    string
	Message string
	Fields  map[string]string
}

// MaxFields is how many field errors an error lists. A body or file with
// thousands of bad entries would otherwise come back as an error larger
// than itself; the first MaxFields, in the order a person reads them,
// say what is wrong, and the message says how many more there are.
const MaxFields = 50

// Error implements error. It lists the fields in a stable order so logs and
// command-line output read the same every time.
func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	keys := e.listedKeys()
	var b strings.Builder
	b.WriteString(e.Message)
	for _, k := range keys {
		fmt.Fprintf(&b, "; %s: %s", k, e.Fields[k])
	}
	if n := len(e.Fields) - len(keys); n > 0 {
		fmt.Fprintf(&b, "; and %d more", n)
	}
	return b.String()
}

// listedKeys returns the names of the fields to list: at most MaxFields,
// in natural order ("row 2" before "row 10").
func (e *Error) listedKeys() []string {
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, naturalCompare)
	if len(keys) > MaxFields {
		keys = keys[:MaxFields]
	}
	return keys
}

// naturalCompare orders strings as text, except that runs of digits
// compare by their value, so "row 9: email" comes before "row 10: email".
// Strings that differ only in leading zeros fall back to plain order.
func naturalCompare(a, b string) int {
	if c := naturalPrefix(a, b); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func naturalPrefix(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Compare(len(na), len(nb)); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// Invalid reports bad input described by a formatted message.
func Invalid(format string, args ...any) *Error {
	return &Error{Code: CodeInvalid, Message: fmt.Sprintf(format, args...)}
}

// InvalidFields reports bad input in the named fields. fields must not be
// empty; a nil map is treated as a plain Invalid.
func InvalidFields(message string, fields map[string]string) *Error {
	return &Error{Code: CodeInvalid, Message: message, Fields: fields}
}

// NotFound reports that the thing asked for does not exist, or that it
// belongs to another organisation: the two must look the same.
func NotFound(what string) *Error {
	return &Error{Code: CodeNotFound, Message: what + " not found"}
}

// Conflict reports a request that clashes with the current state, such as a
// duplicate e-mail address or an already submitted response.
func Conflict(format string, args ...any) *Error {
	return &Error{Code: CodeConflict, Message: fmt.Sprintf(format, args...)}
}

// Unauthorized reports a request without valid credentials.
func Unauthorized(message string) *Error {
	return &Error{Code: CodeUnauthorized, Message: message}
}

// Forbidden reports a signed-in user asking for something their access does
// not allow.
func Forbidden(message string) *Error {
	return &Error{Code: CodeForbidden, Message: message}
}

// RateLimited reports too many attempts in a short time.
func RateLimited(message string) *Error {
	return &Error{Code: CodeRateLimited, Message: message}
}

// Timeout reports work stopped because the request's time ran out before
// it was done, such as a placement too large to solve within the request's
// deadline: the request was sound, and may succeed when tried again.
func Timeout(message string) *Error {
	return &Error{Code: CodeTimeout, Message: message}
}

// Code returns the code of err: the code of the first *Error in its chain,
// or CodeInternal for any other error, and "" for nil.
func Code(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// Message returns the user-safe message of err: its *Error message, or a
// generic sentence for internal errors, whose details belong in the log.
// When err has more than MaxFields field errors, it says how many are not
// listed.
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		if n := len(e.Fields) - MaxFields; n > 0 {
			return fmt.Sprintf("%s (%d more problems are not listed.)", e.Message, n)
		}
		return e.Message
	}
	return "Something went wrong on our side. It has been logged; please try again."
}

// FieldsOf returns the field errors of err, or nil: all of them, or the
// first MaxFields when there are more (see Message).
func FieldsOf(err error) map[string]string {
	var e *Error
	if !errors.As(err, &e) {
		return nil
	}
	if len(e.Fields) <= MaxFields {
		return e.Fields
	}
	listed := make(map[string]string, MaxFields)
	for _, k := range e.listedKeys() {
		listed[k] = e.Fields[k]
	}
	return listed
}

// Unlisted returns how many field errors of err FieldsOf leaves out.
func Unlisted(err error) int {
	var e *Error
	if errors.As(err, &e) && len(e.Fields) > MaxFields {
		return len(e.Fields) - MaxFields
	}
	return 0
}
