package store_test

import (
	"fmt"
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// fptr returns a pointer to v.
func fptr(v float64) *float64 { return &v }

// teamScored is a scoring with the given hunter and farmer composites
// (nil: no score) and bands half a point wide either side.
func teamScored(hunter, farmer *float64, flags int) store.Scored {
	sc := store.Scored{Result: []byte(`{}`), FlagCount: flags}
	for _, c := range []struct {
		id string
		v  *float64
	}{{"hunter", hunter}, {"farmer", farmer}} {
		row := store.ScoreRow{ScaleID: c.id, Kind: store.ScaleComposite, Score: c.v}
		if c.v != nil {
			row.BandLow, row.BandHigh = fptr(*c.v-0.5), fptr(*c.v+0.5)
		}
		sc.Scores = append(sc.Scores, row)
	}
	// Facet rows are not read as composites.
	sc.Scores = append(sc.Scores, store.ScoreRow{ScaleID: "drive", Kind: store.ScaleFacet, Score: fptr(1)})
	return sc
}

func TestTeam(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		record := func(p *rolefit.Person, view string, sc store.Scored) {
			t.Helper()
			clock.Advance(time.Second)
			if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 2,
				Answers: map[string]int{"x": 1}, View: view, Scored: sc}, by); err != nil {
				t.Fatal(err)
			}
		}
		add := func(name string, kind rolefit.PersonKind, title string) *rolefit.Person {
			t.Helper()
			clock.Advance(time.Second)
			p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: name, Kind: kind, JobTitle: title}, by)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		ann := add("Ann", rolefit.Candidate, "")
		bo := add("Bo", rolefit.Staff, "Account manager")
		cy := add("Cy", rolefit.Staff, "Seller")
		add("Di (not assessed)", rolefit.Staff, "Seller")
		ed := add("Ed", rolefit.Candidate, "")
		record(ann, rolefit.ViewSelf, teamScored(fptr(4.2), fptr(2.5), 0))
		record(bo, rolefit.ViewSelf, teamScored(fptr(1), fptr(1), 0))
		// Bo's newer self-report is the profile; a later manager's rating
		// never takes its place.
		record(bo, rolefit.ViewSelf, teamScored(fptr(3.25), fptr(4.75), 2))
		record(bo, rolefit.ViewManager, teamScored(fptr(5), fptr(5), 0))
		record(cy, rolefit.ViewSelf, teamScored(nil, fptr(3), 1))
		record(ed, rolefit.ViewManager, teamScored(fptr(5), fptr(5), 0)) // a rating alone is no profile
		// Another organisation's assessed person.
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		o2 := st.Scope(org2.ID)
		zed, _ := o2.CreatePerson(ctx, rolefit.NewPerson{Name: "Zed", Kind: rolefit.Candidate}, rolefit.ActorOf(a2))
		if _, err := o2.RecordResponse(ctx, store.NewResponse{PersonID: zed.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 2,
			Answers: map[string]int{"x": 1}, View: rolefit.ViewSelf, Scored: teamScored(fptr(5), fptr(1), 0)}, rolefit.ActorOf(a2)); err != nil {
			t.Fatal(err)
		}

		ms, next, err := o.Team(ctx, store.TeamQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if next != "" {
			t.Errorf("one page: next cursor %q", next)
		}
		got := map[string]string{}
		for _, m := range ms {
			got[m.Name] = describe(m)
		}
		want := map[string]string{
			"Ann": "candidate||sales-service:2|true|0|4.2[3.7,4.7]|2.5[2,3]",
			"Bo":  "staff|Account manager|sales-service:2|true|2|3.25[2.75,3.75]|4.75[4.25,5.25]",
			"Cy":  "staff|Seller|sales-service:2|true|1|-[-,-]|3[2.5,3.5]",
		}
		if len(got) != len(want) {
			t.Errorf("team = %v, want the three assessed people of Acme", got)
		}
		for name, w := range want {
			if got[name] != w {
				t.Errorf("%s: got %q, want %q", name, got[name], w)
			}
		}

		for _, tc := range []struct {
			q    store.TeamQuery
			want []string
		}{
			{store.TeamQuery{Kind: rolefit.Staff}, []string{"Bo", "Cy"}},
			{store.TeamQuery{Kind: rolefit.Candidate}, []string{"Ann"}},
			{store.TeamQuery{JobTitle: " account MANAGER "}, []string{"Bo"}},
			{store.TeamQuery{Kind: rolefit.Candidate, JobTitle: "Seller"}, nil},
		} {
			ms, _, err := o.Team(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, m := range ms {
				names = append(names, m.Name)
			}
			if fmt.Sprint(names) != fmt.Sprint(tc.want) {
				t.Errorf("Team(%+v) = %v, want %v", tc.q, names, tc.want)
			}
		}

		// Pages of one person each, in the order people were added, with
		// nobody missed or repeated.
		var names []string
		cursor := ""
		for range 10 {
			ms, next, err := o.Team(ctx, store.TeamQuery{Limit: 1, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				names = append(names, m.Name)
			}
			if cursor = next; cursor == "" {
				break
			}
		}
		if fmt.Sprint(names) != "[Ann Bo Cy]" {
			t.Errorf("paged team = %v, want [Ann Bo Cy]", names)
		}

		if _, _, err := o.Team(ctx, store.TeamQuery{Cursor: "not a cursor!"}); errs.FieldsOf(err)["cursor"] == "" {
			t.Errorf("bad cursor: %v", err)
		}

		titles, err := o.TeamJobTitles(ctx)
		if err != nil || fmt.Sprint(titles) != "[Account manager Seller]" {
			t.Errorf("job titles = %v, %v; want [Account manager Seller]", titles, err)
		}
	})
}

// describe prints a team member compactly for comparison.
func describe(m store.TeamMember) string {
	f := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return fmt.Sprint(*v)
	}
	return fmt.Sprintf("%s|%s|%s:%d|%v|%d|%s[%s,%s]|%s[%s,%s]", m.Kind, m.JobTitle, m.QuestionnaireID, m.QuestionnaireVersion,
		m.Classed, m.FlagCount, f(m.Hunter), f(m.HunterLow), f(m.HunterHigh), f(m.Farmer), f(m.FarmerLow), f(m.FarmerHigh))
}
