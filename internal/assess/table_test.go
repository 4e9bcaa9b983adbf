package assess

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// AnswersTable lays out stored answers exactly as ReadResponses reads the
// same answers from a CSV: the same items in the same order, the same
// values, NaN where an item was not answered; answers to items the
// questionnaire does not have are left out.
func TestAnswersTableMatchesReadResponses(t *testing.T) {
	q := loadReliabilityQuestionnaire(t, "fixtures.yaml")
	answers := []map[string]int{
		{"a1": 1, "a2": 5, "b1": 3, "zz": 4},
		{"a3": 2},
		{},
	}
	var ids []string
	for _, it := range q.Items() {
		ids = append(ids, it.ID)
	}
	var csv strings.Builder
	csv.WriteString(strings.Join(ids, ",") + "\n")
	for _, a := range answers {
		cells := make([]string, len(ids))
		for j, id := range ids {
			if v, ok := a[id]; ok {
				cells[j] = strconv.Itoa(v)
			}
		}
		csv.WriteString(strings.Join(cells, ",") + "\n")
	}
	want, err := ReadResponses(strings.NewReader(csv.String()), q)
	if err != nil {
		t.Fatal(err)
	}
	got := AnswersTable(q, answers)
	if strings.Join(got.Items, ",") != strings.Join(want.Items, ",") {
		t.Fatalf("got items %v, want %v", got.Items, want.Items)
	}
	if len(got.Answers) != len(want.Answers) {
		t.Fatalf("got %d rows, want %d", len(got.Answers), len(want.Answers))
	}
	for r := range want.Answers {
		for j := range want.Items {
			g, w := got.Answers[r][j], want.Answers[r][j]
			if g != w && !(math.IsNaN(g) && math.IsNaN(w)) {
				t.Errorf("row %d item %s: got %v, want %v", r, want.Items[j], g, w)
			}
		}
	}
}
