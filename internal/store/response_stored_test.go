package store_test

import (
	"encoding/json"
	"reflect"
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// TestRecordResponseStoresEveryColumn reads back every column a recorded
// response writes with its pre-built statements: the response row, its
// score rows (NULLs kept), the profile and its updated_at, and the audit
// entry.
func TestRecordResponseStoresEveryColumn(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o, by := st.Scope(org.ID), rolefit.ActorOf(a)
		p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Kind: rolefit.Candidate}, by)
		if err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Hour)
		at := clock.Now()
		score, lo, hi, pct := 3.5, 3.1, 3.9, 62.0
		rows := []store.ScoreRow{
			{ScaleID: "drive", Kind: store.ScaleFacet, Score: &score, BandLow: &lo, BandHigh: &hi, Percentile: &pct},
			{ScaleID: "hunter", Kind: store.ScaleComposite},
		}
		r, err := o.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: "q", QuestionnaireVersion: 2,
			QuestionnaireHash: "h1", Answers: map[string]int{"a": 1, "b": 5}, PageSeconds: []float64{12.5, 30},
			Scored: store.Scored{Result: json.RawMessage(`{"x":1}`), Scores: rows, FlagCount: 2,
				Severity: "look", ScoringVersion: 3}, Language: "de"}, by)
		if err != nil {
			t.Fatal(err)
		}
		got, err := o.Response(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := rolefit.Response{ID: r.ID, OrgID: org.ID, PersonID: p.ID, Source: rolefit.SourceAPI, QuestionnaireID: "q",
			QuestionnaireVersion: 2, QuestionnaireHash: "h1", View: rolefit.ViewSelf, FlagCount: 2, Severity: "look",
			ScoringVersion: 3, Language: "de", SubmittedAt: at, Answers: map[string]int{"a": 1, "b": 5}, PageSeconds: []float64{12.5, 30},
			Result: json.RawMessage(`{"x":1}`)}
		if !got.SubmittedAt.Equal(at) {
			t.Errorf("submitted at: got %v, want %v", got.SubmittedAt, at)
		}
		got.SubmittedAt = at
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("response read back:\ngot  %+v\nwant %+v", *got, want)
		}
		// The record as stored: answers and page times as JSON text.
		for col, want := range map[string]string{"answers": `{"a":1,"b":5}`, "page_seconds": `[12.5,30]`, "result": `{"x":1}`} {
			if got := storetest.QueryString(t, st, "SELECT "+col+" FROM responses WHERE id = '"+r.ID+"'"); got != want {
				t.Errorf("stored %s: got %s, want %s", col, got, want)
			}
		}
		pp, err := o.ProfiledPerson(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(pp.Scores) != 2 {
			t.Fatalf("got %d score rows, want 2", len(pp.Scores))
		}
		for _, s := range pp.Scores {
			switch s.ScaleID {
			case "drive":
				if s.Kind != store.ScaleFacet || s.Score == nil || *s.Score != 3.5 || s.Percentile == nil || *s.Percentile != 62 {
					t.Errorf("drive: got %+v, want facet 3.5 at the 62nd percentile", s)
				}
			case "hunter":
				if s.Kind != store.ScaleComposite || s.Score != nil || s.Percentile != nil {
					t.Errorf("hunter: got %+v, want a composite with no score and no percentile", s)
				}
			default:
				t.Errorf("got score row %q, want drive and hunter", s.ScaleID)
			}
		}
		person, err := o.Person(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if person.ProfileResponseID == nil || *person.ProfileResponseID != r.ID {
			t.Errorf("profile: got %v, want %s", person.ProfileResponseID, r.ID)
		}
		if !person.UpdatedAt.Equal(at) {
			t.Errorf("person updated at: got %v, want %v", person.UpdatedAt, at)
		}
		log, err := o.AuditLog(ctx, 1)
		if err != nil || len(log) != 1 {
			t.Fatalf("audit log: %v, %v", log, err)
		}
		e := log[0]
		if e.Action != "record_response" || e.SubjectType != "person" || e.SubjectID != p.ID || e.Detail != "q v2" ||
			e.ActorID != by.ID || e.ActorName != by.Name || !e.CreatedAt.Equal(at) {
			t.Errorf("audit entry: got %+v, want record_response of person %s, detail q v2, at %v", e, p.ID, at)
		}
	})
}
