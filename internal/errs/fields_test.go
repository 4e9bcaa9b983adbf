package errs

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestManyFieldsAreCapped(t *testing.T) {
	for _, n := range []int{0, 1, MaxFields, MaxFields + 1, 130_000} {
		fields := map[string]string{}
		for i := 1; i <= n; i++ {
			fields[fmt.Sprintf("row %d: email", i)] = "is not an e-mail address"
		}
		err := InvalidFields("Some rows are wrong.", fields)
		listed := min(n, MaxFields)
		if got := len(FieldsOf(err)); got != listed {
			t.Errorf("%d fields: FieldsOf lists %d, want %d", n, got, listed)
		}
		if got := Unlisted(err); got != n-listed {
			t.Errorf("%d fields: Unlisted = %d, want %d", n, got, n-listed)
		}
		// The first rows are the ones listed.
		got := FieldsOf(err)
		for i := 1; i <= listed; i++ {
			if _, ok := got[fmt.Sprintf("row %d: email", i)]; !ok {
				t.Errorf("%d fields: row %d is not listed", n, i)
			}
		}
		msg := Message(err)
		if more := fmt.Sprintf("%d more problems are not listed", n-listed); (n > listed) != strings.Contains(msg, more) {
			t.Errorf("%d fields: message %q, want %q mentioned only when some are left out", n, msg, more)
		}
		if got := strings.Count(err.Error(), "; "); got != listed+min(1, n-listed) {
			t.Errorf("%d fields: Error() has %d parts, want %d", n, got, listed+min(1, n-listed))
		}
	}
}

func TestNaturalCompare(t *testing.T) {
	got := []string{"row 10: email", "row 9: name", "row 9: email", "answers.x10", "answers.x9", "row 100", "row 0010", "b", "a", "row 010"}
	slices.SortFunc(got, naturalCompare)
	want := []string{"a", "answers.x9", "answers.x10", "b", "row 9: email", "row 9: name", "row 0010", "row 010", "row 10: email", "row 100"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted\n got %q\nwant %q", got, want)
	}
}
