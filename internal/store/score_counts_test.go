package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"rolefit"
	"slices"
	"testing"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/assess"
	"rolefit/questionnaires"
)

// recordSimulated stores a simulated, scored response of q for a person.
func recordSimulated(t *testing.T, o *Scope, q *assess.Questionnaire, rng *rand.Rand, personID string) *rolefit.Response {
	t.Helper()
	r := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)})
	sc, err := ScoredFrom(assess.Score(q, r, assess.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := o.RecordResponse(context.Background(), NewResponse{PersonID: personID, QuestionnaireID: q.ID,
		QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash, Answers: r.Answers, Scored: sc}, rolefit.Actor{ID: "t", Name: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// recordAtVersion12 stores a simulated response as a rolefit of schema
// version 12 did: the response and its score rows, nothing that later
// versions write beside them (such as the outbound queue's events).
func recordAtVersion12(t *testing.T, st *Store, o *Scope, q *assess.Questionnaire, rng *rand.Rand, personID string) {
	t.Helper()
	r := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)})
	sc, err := ScoredFrom(assess.Score(q, r, assess.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	err = st.tx(context.Background(), func(tx *gorm.DB) error {
		_, err := insertResponse(tx, st.now, rolefit.Response{OrgID: o.id, PersonID: personID, Source: rolefit.SourceAPI,
			QuestionnaireID: q.ID, QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash, View: rolefit.ViewSelf}, r.Answers, nil, sc)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// countsFromRows is the reference: the distribution counted from the
// score rows themselves.
func countsFromRows(t *testing.T, st *Store, orgID, qid string, version int) []ScoreCount {
	t.Helper()
	var out []ScoreCount
	err := st.read.Raw(`SELECT scale_id, score, COUNT(*) AS n FROM response_scores
		WHERE org_id = ? AND questionnaire_id = ? AND questionnaire_version = ? AND score IS NOT NULL
		GROUP BY scale_id, score ORDER BY scale_id, score`, orgID, qid, version).Scan(&out).Error
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameCounts(t *testing.T, when string, st *Store, orgID, qid string, version int) {
	t.Helper()
	got, err := st.Scope(orgID).ScoreDistribution(context.Background(), qid, version)
	if err != nil {
		t.Fatal(err)
	}
	want := countsFromRows(t, st, orgID, qid, version)
	if !slices.Equal(got, want) {
		t.Errorf("%s: score_counts gives %d distinct scores, the score rows %d:\ngot  %v\nwant %v", when, len(got), len(want), got, want)
	}
	if len(want) == 0 {
		t.Errorf("%s: no score rows to compare: the test checks nothing", when)
	}
}

// Every way a score row comes or goes keeps score_counts equal to counting
// the rows: a submission, a rescore's delete and insert, an update of a
// score, a response deleted, a person erased (cascading to the responses
// and their rows), and the organisation deleted.
func TestScoreCountsFollowTheScoreRows(t *testing.T) {
	ctx := context.Background()
	f := newGroupFixture(t)
	st, o := f.st, f.st.Scope(f.orgID)
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := cat.Latest("sales-service")
	rng := rand.New(rand.NewPCG(7, 7))
	by := rolefit.Actor{ID: "t", Name: "test"}
	var people []string
	var responses []string
	record := func(personID string) {
		t.Helper()
		responses = append(responses, recordSimulated(t, o, q, rng, personID).ID)
	}
	for i := range 12 {
		p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: fmt.Sprintf("Person %d", i), Kind: rolefit.Candidate}, by)
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p.ID)
		record(p.ID)
		record(p.ID)
	}
	sameCounts(t, "after 24 submissions", st, f.orgID, q.ID, q.Version)

	exec := func(sql string, args ...any) {
		t.Helper()
		if err := st.write.Exec(sql, args...).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	// A rescore replaces a response's rows.
	var rows []ScoreRow
	if err := st.read.Where("response_id = ?", responses[0]).Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	exec("DELETE FROM response_scores WHERE response_id = ?", responses[0])
	sameCounts(t, "after a response's rows were deleted", st, f.orgID, q.ID, q.Version)
	for i := range rows {
		if rows[i].Score != nil {
			v := *rows[i].Score + 0.25
			rows[i].Score = &v
		}
	}
	if err := st.write.Create(&rows).Error; err != nil {
		t.Fatal(err)
	}
	sameCounts(t, "after they were written again with other scores", st, f.orgID, q.ID, q.Version)
	// Updates: a score changed, set to none, and back.
	exec("UPDATE response_scores SET score = 9.5 WHERE response_id = ? AND scale_id = 'hunter'", responses[1])
	sameCounts(t, "after a score was changed", st, f.orgID, q.ID, q.Version)
	exec("UPDATE response_scores SET score = NULL WHERE response_id = ?", responses[2])
	sameCounts(t, "after scores were cleared", st, f.orgID, q.ID, q.Version)
	exec("UPDATE response_scores SET score = 3 WHERE response_id = ?", responses[2])
	sameCounts(t, "after cleared scores were set", st, f.orgID, q.ID, q.Version)
	// Cascades from a deleted response and an erased person.
	exec("DELETE FROM responses WHERE id = ?", responses[3])
	sameCounts(t, "after a response was deleted", st, f.orgID, q.ID, q.Version)
	if err := o.ErasePerson(ctx, people[5], by); err != nil {
		t.Fatal(err)
	}
	sameCounts(t, "after a person was erased", st, f.orgID, q.ID, q.Version)

	// Deleting the organisation leaves no counts behind.
	exec("DELETE FROM organisations WHERE id = ?", f.orgID)
	var left int64
	if err := st.read.Raw("SELECT COUNT(*) FROM score_counts WHERE org_id = ?", f.orgID).Scan(&left).Error; err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Errorf("%d score_counts rows left after the organisation was deleted, want 0", left)
	}
}

// Version 13 counts the score rows stored before it.
func TestMigrationCountsEarlierScoreRows(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "old.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.migrateTo(ctx, 12); err != nil {
		t.Fatal(err)
	}
	// The organisation as version 12 stored it: today's code would write
	// columns that schema does not have yet.
	org := rolefit.Organisation{ID: newID(), Name: "Acme"}
	if err := st.write.Exec("INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)", org.ID, org.Name, time.Now().UTC()).Error; err != nil {
		t.Fatal(err)
	}
	o := st.Scope(org.ID)
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	q, _ := cat.Latest("sales-service")
	rng := rand.New(rand.NewPCG(3, 3))
	by := rolefit.Actor{ID: "t", Name: "test"}
	for i := range 10 {
		p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: fmt.Sprintf("Person %d", i), Kind: rolefit.Candidate}, by)
		if err != nil {
			t.Fatal(err)
		}
		recordAtVersion12(t, st, o, q, rng, p.ID)
	}
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	sameCounts(t, "after migrating", st, org.ID, q.ID, q.Version)
	var norms int64
	if err := st.read.Raw("SELECT COUNT(*) FROM sqlite_master WHERE name = 'response_scores_norms'").Scan(&norms).Error; err != nil {
		t.Fatal(err)
	}
	if norms != 0 {
		t.Error("the index response_scores_norms is still there after version 13")
	}
}
