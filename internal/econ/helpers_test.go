package econ

import (
	"math"
	"testing"

	"rolefit/internal/errs"
)

// near reports whether got and want agree to 1e-9, relative to their size.
func near(got, want float64) bool {
	return math.Abs(got-want) <= 1e-9*max(1, math.Abs(want))
}

// ptr returns a pointer to v, for the optional inputs.
func ptr[T any](v T) *T { return &v }

// wantInvalid fails unless err is an errs invalid error naming field.
func wantInvalid(t *testing.T, err error, field string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one for %s", field)
	}
	if errs.Code(err) != errs.CodeInvalid {
		t.Fatalf("code %q (%v), want %q", errs.Code(err), err, errs.CodeInvalid)
	}
	if _, ok := errs.FieldsOf(err)[field]; !ok {
		t.Fatalf("fields %v, want one for %s", errs.FieldsOf(err), field)
	}
}
