package store

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/assess"
	"rolefit/questionnaires"
)

// Version 3 fills the score rows of responses stored before it, points
// each person at their latest self-report, marks manager ratings, and
// keeps job titles.
func TestMigrationFillsScoreRowsAndProfiles(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "old.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.migrateTo(ctx, 2); err != nil {
		t.Fatal(err)
	}
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	ss, _ := cat.Latest("sales-service")
	mr, _ := cat.Latest("manager-rating")
	rng := rand.New(rand.NewPCG(1, 1))
	at := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	exec := func(sql string, args ...any) {
		t.Helper()
		if err := st.write.Exec(sql, args...).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	exec("INSERT INTO organisations (id, name, created_at) VALUES ('o1', 'Old Co', ?)", at)
	exec("INSERT INTO people (id, org_id, name, kind, role, created_at, updated_at) VALUES ('p1', 'o1', 'Sam', 'staff', 'Seller', ?, ?)", at, at)
	respond := func(id string, q *assess.Questionnaire, when time.Time) assess.Result {
		r := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)})
		res := assess.Score(q, r, assess.Options{})
		a, _ := json.Marshal(r.Answers)
		b, _ := json.Marshal(res)
		exec(`INSERT INTO responses (id, org_id, person_id, source, questionnaire_id, questionnaire_version, questionnaire_hash,
			answers, page_seconds, result, hunter, farmer, profile_class, flag_count, submitted_at)
			VALUES (?, 'o1', 'p1', 'api', ?, ?, ?, ?, '[]', ?, 1, 1, '', 0, ?)`, id, q.ID, q.Version, q.Hash, string(a), string(b), when)
		return res
	}
	self := respond("r1", ss, at)
	respond("r2", mr, at.Add(time.Hour)) // a rating after the self-report
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var rows []ScoreRow
	if err := st.read.Where("response_id = ?", "r1").Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	if want := len(self.Scales) + len(self.Composites); len(rows) != want {
		t.Fatalf("%d score rows for the self-report, want %d", len(rows), want)
	}
	for _, r := range rows {
		for _, s := range append(self.Scales, self.Composites...) {
			if s.ID == r.ScaleID && (s.Score == nil) != (r.Score == nil) || s.ID == r.ScaleID && s.Score != nil && *s.Score != *r.Score {
				t.Errorf("%s: row %v, result %v", s.ID, r.Score, s.Score)
			}
		}
	}
	p, err := st.Scope("o1").PersonWithProfile(ctx, "p1")
	if err != nil {
		t.Fatal(err)
	}
	if p.ProfileResponseID == nil || *p.ProfileResponseID != "r1" || p.JobTitle != "Seller" {
		t.Errorf("after migrating: profile %v, job title %q", p.ProfileResponseID, p.JobTitle)
	}
	var view string
	st.read.Raw("SELECT view FROM responses WHERE id = 'r2'").Scan(&view)
	if view != rolefit.ViewManager {
		t.Errorf("the manager rating's view is %q", view)
	}
}
