package questionnaires_test

import (
	"testing"

	"rolefit/internal/assess"
	"rolefit/questionnaires"
)

// The shipped interview bank and job questionnaire load, cover every
// facet of sales-service and anchor every point of the rating scale.
func TestShippedBankAndJob(t *testing.T) {
	c := loadShipped(t)
	ex, err := assess.LoadExtras(questionnaires.FS, c)
	if err != nil {
		t.Fatalf("shipped banks and job questionnaires do not load:\n%v", err)
	}
	b := ex.Bank("sales-service")
	if b == nil {
		t.Fatal("no interview bank for sales-service")
	}
	q, _ := c.Latest("sales-service")
	for _, s := range q.Scales {
		f, ok := b.Facet(s.ID)
		if !ok {
			t.Errorf("facet %s has no questions", s.ID)
			continue
		}
		if len(f.Questions) < 4 {
			t.Errorf("facet %s has %d questions, want 4 or more", s.ID, len(f.Questions))
		}
		for p := 1; p <= 5; p++ {
			if f.Anchors[p] == "" {
				t.Errorf("facet %s has no anchor at %d", s.ID, p)
			}
		}
	}
	j := ex.Job("job-sales-service")
	if j == nil || len(j.Statements) < 10 || len(j.Statements) > 15 {
		t.Fatalf("job questionnaire %v: want about 12 statements", j)
	}
	asked := map[string]bool{}
	for _, s := range j.Statements {
		for f := range s.Facets {
			asked[f] = true
		}
	}
	for _, s := range q.Scales {
		if !asked[s.ID] {
			t.Errorf("no job statement asks for facet %s", s.ID)
		}
	}
}
