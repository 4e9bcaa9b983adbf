// Package errs is rolefit's one way to fail: an error with a code that the
// web layer maps to an HTTP status, a message that is safe to show a user,
// and, for bad input, the fields or rows that were wrong.
package errs

import (
	"errors"
	"fmt"
	"sort"
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

// Error implements error. It lists the fields in a stable order so logs and
// command-line output read the same every time.
func (e *Error) Error() string {
	if len(e.Fields) == 0 {
		return e.Message
	}
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(e.Message)
	for _, k := range keys {
		fmt.Fprintf(&b, "; %s: %s", k, e.Fields[k])
	}
	return b.String()
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

// Forbidden reports a signed-in user asking for something their role does
// not allow.
func Forbidden(message string) *Error {
	return &Error{Code: CodeForbidden, Message: message}
}

// RateLimited reports too many attempts in a short time.
func RateLimited(message string) *Error {
	return &Error{Code: CodeRateLimited, Message: message}
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
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Something went wrong on our side. It has been logged; please try again."
}

// FieldsOf returns the field errors of err, or nil.
func FieldsOf(err error) map[string]string {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}
