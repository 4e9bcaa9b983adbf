package placement

import "testing"

// TestMaxPeople checks the bound against values worked by hand from its
// three parts.
func TestMaxPeople(t *testing.T) {
	for _, tc := range []struct{ roles, want int }{
		{0, 10000}, {1, 10000}, {20, 10000}, {21, 9523}, {40, 5000}, {48, 4166},
		{49, 2020}, {100, 1414}, {200, 1000}, {1204, 407},
	} {
		if got := MaxPeople(tc.roles); got != tc.want {
			t.Errorf("MaxPeople(%d) = %d, want %d", tc.roles, got, tc.want)
		}
	}
}
