package store

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCommonPasswordList checks the list itself: every entry could
// otherwise be accepted (long enough, not refused by an earlier rule),
// lower-case as the check compares, and listed once.
func TestCommonPasswordList(t *testing.T) {
	if n := len(commonPasswords); n < 200 {
		t.Errorf("the list has %d passwords, want a few hundred", n)
	}
	seen := map[string]bool{}
	for line := range strings.Lines(commonPasswordList) {
		p := strings.TrimRight(line, "\n")
		if p == "" || strings.HasPrefix(p, "#") {
			continue
		}
		if seen[p] {
			t.Errorf("%q is listed twice", p)
		}
		seen[p] = true
		if utf8.RuneCountInString(p) < MinPasswordLength {
			t.Errorf("%q is shorter than the minimum length, so listing it does nothing", p)
		}
		if p != strings.ToLower(p) || p != strings.TrimSpace(p) {
			t.Errorf("%q is not lower-case and trimmed; the check would never match it", p)
		}
		if got := checkPassword(p); !strings.Contains(got, "common") {
			t.Errorf("checkPassword(%q) = %q, want the common-password message", p, got)
		}
	}
}
