package store

import (
	"regexp"
	"slices"
	"testing"
	"time"
)

var idShape = regexp.MustCompile(`^[A-Z2-7]{26}$`)

// TestTimeIDsSortByTheirMillisecond checks that time IDs have the shape of
// every other ID, sort as text in the order of their times, carry the
// time in their first ten characters and differ within one millisecond.
func TestTimeIDsSortByTheirMillisecond(t *testing.T) {
	base := time.Date(2026, 12, 8, 1, 2, 3, 0, time.UTC)
	var ids []string
	for i := range 2000 {
		// Steps of every size from a millisecond to about a year.
		ids = append(ids, timeID(base.Add(time.Duration(i*i*i)*time.Millisecond)))
	}
	for _, id := range ids {
		if !idShape.MatchString(id) {
			t.Fatalf("%q is not 26 characters of A–Z and 2–7", id)
		}
	}
	if !slices.IsSorted(ids) {
		t.Fatal("time IDs made in time order do not sort in that order")
	}
	a, b := timeID(base), timeID(base)
	if a == b {
		t.Fatalf("two IDs in one millisecond are the same: %s", a)
	}
	if a[:10] != b[:10] || a[:10] == timeID(base.Add(time.Millisecond))[:10] {
		t.Fatalf("the first ten characters are not the millisecond: %s %s", a, b)
	}
	// The random part uses all 32 characters in every position.
	seen := make([]map[byte]bool, 16)
	for i := range seen {
		seen[i] = map[byte]bool{}
	}
	for range 4000 {
		id := timeID(base)
		for i := range 16 {
			seen[i][id[10+i]] = true
		}
	}
	for i, s := range seen {
		if len(s) != 32 {
			t.Fatalf("random character %d took %d of 32 values", i, len(s))
		}
	}
}
