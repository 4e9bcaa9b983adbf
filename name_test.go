package rolefit_test

import (
	"strings"
	"testing"

	"rolefit"
)

// A name is trimmed, required, bounded, and refused when it holds a
// character that could disguise it.
func TestCleanName(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		bad      bool
	}{
		{"  Dana Diaz ", "Dana Diaz", false},
		{"   ", "", true},
		{strings.Repeat("x", 10), strings.Repeat("x", 10), false},
		{strings.Repeat("x", 11), strings.Repeat("x", 11), true},
		{"Eve\u202eoD", "Eve\u202eoD", true},
	} {
		got, problem := rolefit.CleanName(tc.in, 10)
		if got != tc.want || (problem != "") != tc.bad {
			t.Errorf("CleanName(%q, 10) = %q, %q; want %q and a problem: %v", tc.in, got, problem, tc.want, tc.bad)
		}
	}
}
