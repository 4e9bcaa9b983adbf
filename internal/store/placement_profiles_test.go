package store_test

import (
	"cmp"
	"encoding/json"
	"fmt"
	"rolefit"
	"slices"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// TestPlacementProfiles checks the placement's read of the profiles against
// ProfiledPeople, the read every other use of the profiles makes: the same
// people in the same order with the same details, and of their score rows
// exactly those of the scales asked for, on both databases; another
// organisation's people never appear.
func TestPlacementProfiles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		role, err := o.CreateRole(ctx, seller(), by)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		record := func(o *store.Scope, personID, view, severity string, rows ...store.ScoreRow) {
			t.Helper()
			n++
			clock.Advance(time.Second)
			if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: personID, QuestionnaireID: "q", QuestionnaireVersion: 1 + n%2,
				QuestionnaireHash: "sha256:x", Answers: map[string]int{"a": 1}, View: view,
				Scored: store.Scored{Result: json.RawMessage(`{}`), Severity: severity, Scores: rows}}, by); err != nil {
				t.Fatal(err)
			}
		}
		f := func(v float64) *float64 { return &v }
		row := func(scale string, score, pct *float64) store.ScoreRow {
			return store.ScoreRow{ScaleID: scale, Kind: store.ScaleFacet, Score: score, Percentile: pct}
		}
		person := func(o *store.Scope, name string, kind rolefit.PersonKind) string {
			t.Helper()
			p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: name, Kind: kind}, by)
			if err != nil {
				t.Fatal(err)
			}
			return p.ID
		}
		staff := person(o, "Staff with a role", rolefit.Staff)
		if err := o.SetCurrentRole(ctx, staff, role.ID, by); err != nil {
			t.Fatal(err)
		}
		record(o, staff, rolefit.ViewSelf, "", row("hunter", f(3.25), f(61.5)), row("farmer", f(2.5), nil), row("drive", f(4), f(90)))
		// Two self-reports: the profile is the later one, with other figures.
		twice := person(o, "Answered twice", rolefit.Candidate)
		record(o, twice, rolefit.ViewSelf, "", row("hunter", f(1), f(1)), row("farmer", f(1), f(1)))
		record(o, twice, rolefit.ViewSelf, "look", row("hunter", nil, nil), row("farmer", f(4.75), f(99.25)), row("drive", f(2), nil))
		careless := person(o, "Careless", rolefit.Candidate)
		record(o, careless, rolefit.ViewSelf, "likely", row("hunter", f(2), f(30)))
		looked := person(o, "Looked at", rolefit.Candidate)
		record(o, looked, rolefit.ViewSelf, "likely", row("farmer", f(3), f(40)))
		if err := o.MarkLookedAt(ctx, looked, by); err != nil {
			t.Fatal(err)
		}
		person(o, "Without a profile", rolefit.Candidate)
		rated := person(o, "Rated only", rolefit.Staff)
		record(o, rated, rolefit.ViewManager, "", row("hunter", f(3), nil))
		for i := range 3 {
			p := person(o, fmt.Sprintf("Candidate %d", i), rolefit.Candidate)
			record(o, p, rolefit.ViewSelf, "", row("hunter", f(float64(i)), f(float64(10*i))), row("drive", f(1.5), f(20)))
		}
		// Another organisation with the same scales, whose people and rows
		// the first must never see.
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		o2 := st.Scope(org2.ID)
		other, err := o2.CreatePerson(ctx, rolefit.NewPerson{Name: "Other", Kind: rolefit.Staff}, rolefit.ActorOf(a2))
		if err != nil {
			t.Fatal(err)
		}
		record(o2, other.ID, rolefit.ViewSelf, "", row("hunter", f(5), f(100)), row("farmer", f(5), f(100)))

		want, err := o.ProfiledPeople(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) != 7 {
			t.Fatalf("ProfiledPeople gave %d people, want 7", len(want))
		}
		for _, scales := range [][]string{{"hunter", "farmer"}, {"drive"}, {"farmer", "hunter", "drive", "absent"}, nil} {
			got, err := o.PlacementProfiles(ctx, scales)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("scales %v: %d people, want %d", scales, len(got), len(want))
			}
			for i := range want {
				w, g := want[i], got[i]
				if g.ID != w.ID || g.Name != w.Name || g.Kind != w.Kind || !equalPtr(g.CurrentRoleID, w.CurrentRoleID) ||
					g.QuestionnaireID != w.QuestionnaireID || g.QuestionnaireVersion != w.QuestionnaireVersion ||
					!g.ProfileAt.Equal(w.ProfileAt) || g.Severity != w.Severity || (g.LookedAt == nil) != (w.LookedAt == nil) ||
					g.LookedAt != nil && !g.LookedAt.Equal(*w.LookedAt) {
					t.Errorf("scales %v: person %d = %+v, want %+v", scales, i, g, w)
				}
				var wantRows []string
				for _, r := range w.Scores {
					if slices.Contains(scales, r.ScaleID) {
						wantRows = append(wantRows, showRow(r))
					}
				}
				gotRows := make([]string, len(g.Scores))
				for k, r := range g.Scores {
					gotRows[k] = showRow(r)
				}
				slices.SortFunc(gotRows, cmp.Compare)
				if !slices.Equal(gotRows, wantRows) {
					t.Errorf("scales %v: %s's rows = %v, want %v", scales, w.Name, gotRows, wantRows)
				}
			}
		}
		if ps, err := o2.PlacementProfiles(ctx, []string{"hunter"}); err != nil || len(ps) != 1 || ps[0].ID != other.ID || len(ps[0].Scores) != 1 || *ps[0].Scores[0].Score != 5 {
			t.Errorf("Beta reads %+v, %v; want Other alone with one row", ps, err)
		}
	})
}

func equalPtr[T comparable](a, b *T) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// showRow writes the fields of a score row a placement reads.
func showRow(r store.ScoreRow) string {
	show := func(v *float64) string {
		if v == nil {
			return "null"
		}
		return fmt.Sprint(*v)
	}
	return r.ScaleID + " " + show(r.Score) + " " + show(r.Percentile)
}
