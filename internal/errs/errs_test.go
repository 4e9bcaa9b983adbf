package errs_test

import (
	"errors"
	"fmt"
	"testing"

	"rolefit/internal/errs"
)

func TestCodeAndMessage(t *testing.T) {
	wrapped := fmt.Errorf("save person: %w", errs.InvalidFields("Please correct the fields.", map[string]string{"b": "is bad", "a": "is worse"}))
	for _, tc := range []struct {
		err  error
		code string
		msg  string
	}{
		{nil, "", ""},
		{errs.NotFound("person"), errs.CodeNotFound, "person not found"},
		{fmt.Errorf("solve: %w", errs.Timeout("The placement took too long.")), errs.CodeTimeout, "The placement took too long."},
		{wrapped, errs.CodeInvalid, "Please correct the fields."},
		{errors.New("disk on fire"), errs.CodeInternal, "Something went wrong on our side. It has been logged; please try again."},
	} {
		if got := errs.Code(tc.err); got != tc.code {
			t.Errorf("Code(%v) = %q, want %q", tc.err, got, tc.code)
		}
		if tc.err != nil && errs.Message(tc.err) != tc.msg {
			t.Errorf("Message(%v) = %q, want %q", tc.err, errs.Message(tc.err), tc.msg)
		}
	}
	if got := wrapped.Error(); got != "save person: Please correct the fields.; a: is worse; b: is bad" {
		t.Errorf("Error() = %q: fields must be listed in a stable order", got)
	}
	if errs.FieldsOf(wrapped)["a"] != "is worse" || errs.FieldsOf(errors.New("x")) != nil {
		t.Error("FieldsOf does not find the fields through wrapping")
	}
}
