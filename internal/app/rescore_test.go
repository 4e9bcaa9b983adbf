package app_test

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"rolefit"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// A response scored by older rules is scored again from its raw answers:
// its result, flags and score rows change, its answers do not, and the
// organisation's audit log says so. Current results are left alone.
func TestRescoreRedoesOutdatedResults(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	path := filepath.Join(t.TempDir(), "rolefit.db")
	st, err := store.Open(ctx, path, storetest.Options(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	w := newWorld(t, st, clock)
	old := w.person(t, "Olga Old", rolefit.Candidate)
	cur := w.person(t, "Cora Current", rolefit.Candidate)
	answers := allAnswered(t, "sales-service", 4)
	r1, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: old.ID, Questionnaire: "sales-service", Answers: answers})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: cur.ID, Questionnaire: "sales-service", Answers: answers}); err != nil {
		t.Fatal(err)
	}
	// Make r1 look as the first scoring rules left it: a flag they raised
	// and no scoring version.
	var res assess.Result
	json.Unmarshal(r1.Result, &res)
	res.ScoringVersion = 0
	res.Quality.Flags = []assess.Flag{{Code: assess.CheckSynonyms, Reason: "correlation over 7 synonym pairs below 0"}}
	oldResult, _ := json.Marshal(res)
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE responses SET scoring_version = 1, flag_count = 1, severity = '', result = ? WHERE id = ?`, string(oldResult), r1.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE response_scores SET score = 1 WHERE response_id = ?`, r1.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := w.uc.OutdatedResponses(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 1 {
		t.Fatalf("%d outdated responses, want 1", n)
	}

	var progress []int
	rep, err := w.uc.Rescore(ctx, func(n int) { progress = append(progress, n) })
	if err != nil || rep.Rescored != 1 || len(rep.Skipped) != 0 || len(progress) != 1 {
		t.Fatalf("rescore: %+v, %v, progress %v", rep, err, progress)
	}
	d, err := w.uc.Person(ctx, w.mgr, old.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := d.Profile
	if got.ScoringVersion != assess.ScoringVersion || got.Scored.ScoringVersion != assess.ScoringVersion || got.FlagCount != len(got.Scored.Quality.Flags) {
		t.Errorf("after rescoring: version %d / %d, %d flags stored, %d in the result", got.ScoringVersion, got.Scored.ScoringVersion, got.FlagCount, len(got.Scored.Quality.Flags))
	}
	for _, f := range got.Scored.Quality.Flags {
		if f.Code == assess.CheckSynonyms {
			t.Error("the old rules' synonym flag survived the rescore")
		}
	}
	if len(got.Answers) != len(answers) || got.Answers["inf1"] != 4 {
		t.Error("the answers changed")
	}
	counts, _ := w.org.ScoreDistribution(ctx, "sales-service", got.QuestionnaireVersion)
	for _, c := range counts {
		if c.Score == 1 {
			t.Errorf("%s still has the stale score row", c.ScaleID)
		}
	}
	var entries int
	db.QueryRow(`SELECT COUNT(*) FROM audit_entries WHERE action = 'rescore' AND detail LIKE '1 responses scored again%'`).Scan(&entries)
	if entries != 1 {
		t.Errorf("%d audit entries for the rescore, want 1", entries)
	}
	// A second run finds nothing to do.
	if rep, err := w.uc.Rescore(ctx, nil); err != nil || rep.Rescored != 0 {
		t.Errorf("second rescore: %+v %v", rep, err)
	}
	// A response on a questionnaire that is no longer installed is reported.
	db.Exec(`UPDATE responses SET scoring_version = 1, questionnaire_hash = 'sha256:other' WHERE id = ?`, r1.ID)
	rep, err = w.uc.Rescore(ctx, nil)
	if err != nil || rep.Rescored != 0 || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0], "differs") {
		t.Errorf("changed questionnaire: %+v %v", rep, err)
	}
}
