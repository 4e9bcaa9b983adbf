package app_test

import (
	"fmt"
	"math/rand/v2"
	"rolefit"
	"slices"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store/storetest"
)

// team is an organisation whose people answered sales-service, enough of
// them that later responses have bands (the reliability is measured once
// 30 responses exist), so some profiles are borderline.
type team struct {
	*world
	people []*rolefit.Person
	rated  *rolefit.Person // a staff member with a manager's rating after the self-report
	ghost  *rolefit.Person // never answered
}

func newTeam(t *testing.T) *team {
	t.Helper()
	clock := storetest.NewClock(storetest.Start)
	w := newWorld(t, storetest.SQLite(t, clock), clock)
	tm := &team{world: w}
	rng := rand.New(rand.NewPCG(8, 8))
	titles := []string{"Account manager", "Seller"}
	for i := range 40 {
		np := rolefit.NewPerson{Name: fmt.Sprintf("Person %02d", i), Kind: rolefit.Candidate}
		if i%3 == 0 {
			np.Kind, np.JobTitle = rolefit.Staff, titles[i%2]
		}
		clock.Advance(time.Second)
		p, err := w.uc.AddPerson(ctx, w.mgr, np)
		if err != nil {
			t.Fatal(err)
		}
		tm.people = append(tm.people, p)
		if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: simulated(t, "sales-service", rng)}); err != nil {
			t.Fatal(err)
		}
	}
	// After the references refresh, new responses have bands: the first
	// twenty answer again, and that is their profile.
	clock.Advance(2 * time.Minute)
	for _, p := range tm.people[:20] {
		clock.Advance(time.Second)
		if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: simulated(t, "sales-service", rng)}); err != nil {
			t.Fatal(err)
		}
	}
	tm.rated = tm.people[3]
	if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: tm.rated.ID, Questionnaire: "manager-rating", Answers: allAnswered(t, "manager-rating", 5)}); err != nil {
		t.Fatal(err)
	}
	tm.ghost = w.person(t, "Nobody Yet", rolefit.Candidate)
	return tm
}

// allTeam reads every page of the team map with pages of size n.
func (tm *team) allTeam(t *testing.T, q app.TeamQuery) []app.TeamPoint {
	t.Helper()
	var all []app.TeamPoint
	for range 100 {
		page, err := tm.uc.Team(ctx, tm.mgr, q)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page.Items...)
		if q.Cursor = page.Next; q.Cursor == "" {
			return all
		}
	}
	t.Fatal("the team map's pages do not end")
	return nil
}

// Every point of the team map is the person's self-report as assess
// scores it: the composites recomputed from the stored answers, and the
// class, borderline and flags of the result stored at submission.
func TestTeamMatchesAssess(t *testing.T) {
	tm := newTeam(t)
	points := tm.allTeam(t, app.TeamQuery{Limit: 7})
	if len(points) != len(tm.people) {
		t.Fatalf("%d points, want %d (everyone who answered, once)", len(points), len(tm.people))
	}
	seen := map[string]bool{}
	borderline := 0
	for _, pt := range points {
		if seen[pt.PersonID] {
			t.Errorf("%s appears twice", pt.Name)
		}
		seen[pt.PersonID] = true
		d, err := tm.uc.Person(ctx, tm.mgr, pt.PersonID)
		if err != nil {
			t.Fatal(err)
		}
		stored := d.Profile.Scored
		q, _ := testCatalog(t).Get(d.Profile.QuestionnaireID, d.Profile.QuestionnaireVersion)
		fresh := assess.Score(q, assess.Response{Answers: d.Profile.Answers}, assess.Options{})
		for _, c := range []struct {
			id  string
			got *float64
		}{{"hunter", pt.Hunter}, {"farmer", pt.Farmer}} {
			want := composite(fresh, c.id)
			if c.got == nil || want == nil || *c.got != *want {
				t.Errorf("%s %s: got %v, want %v", pt.Name, c.id, c.got, want)
			}
		}
		if pt.Class != string(stored.Profile.Class) || pt.Borderline != stored.Profile.Borderline || pt.Flags != len(stored.Quality.Flags) {
			t.Errorf("%s: class %s borderline %v flags %d, want %s %v %d", pt.Name, pt.Class, pt.Borderline, pt.Flags,
				stored.Profile.Class, stored.Profile.Borderline, len(stored.Quality.Flags))
		}
		if pt.Kind != d.Person.Kind || pt.JobTitle != d.Person.JobTitle || pt.Name != d.Person.Name {
			t.Errorf("%s: kind %s title %q, want %s %q", pt.Name, pt.Kind, pt.JobTitle, d.Person.Kind, d.Person.JobTitle)
		}
		if stored.Profile.Borderline {
			borderline++
		}
	}
	if borderline == 0 || borderline == len(points) {
		t.Errorf("%d of %d borderline: the test needs both kinds", borderline, len(points))
	}
	if seen[tm.ghost.ID] {
		t.Error("a person without a self-report is on the map")
	}
	// The manager's rating of tm.rated (all 5s) is not their point.
	d, _ := tm.uc.Person(ctx, tm.mgr, tm.rated.ID)
	if d.Rating == nil {
		t.Fatal("no rating recorded")
	}
	for _, pt := range points {
		if pt.PersonID == tm.rated.ID && *pt.Hunter != *composite(d.Profile.Scored, "hunter") {
			t.Errorf("rated person's hunter %v, want the self-report's %v", *pt.Hunter, *composite(d.Profile.Scored, "hunter"))
		}
	}
	tm.clock.Advance(time.Second) // the audit entry is the newest
	page, err := tm.uc.Team(ctx, tm.mgr, app.TeamQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Min != 1 || page.Max != 5 || page.Cut != 3.5 {
		t.Errorf("scale %v–%v cut %v, want 1–5 cut 3.5", page.Min, page.Max, page.Cut)
	}
	if len(page.Items) != 40 || page.Next != "" {
		t.Errorf("default page: %d items, next %q; want all 40 in one page of 50", len(page.Items), page.Next)
	}
	log, _ := tm.org.AuditLog(ctx, 1)
	if len(log) != 1 || log[0].Action != "list" || log[0].SubjectType != "team" {
		t.Errorf("last audit entry %+v, want list team", log)
	}
}

func composite(r assess.Result, id string) *float64 {
	for _, c := range r.Composites {
		if c.ID == id {
			return c.Score
		}
	}
	return nil
}

func TestTeamFiltersAndBadInput(t *testing.T) {
	tm := newTeam(t)
	names := func(ps []app.TeamPoint) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Name)
		}
		return out
	}
	var staff, sellers, candidates []string
	for _, p := range tm.people {
		switch {
		case p.Kind == rolefit.Staff && p.JobTitle == "Seller":
			sellers = append(sellers, p.Name)
			staff = append(staff, p.Name)
		case p.Kind == rolefit.Staff:
			staff = append(staff, p.Name)
		default:
			candidates = append(candidates, p.Name)
		}
	}
	for _, tc := range []struct {
		q    app.TeamQuery
		want []string
	}{
		{app.TeamQuery{Kind: "staff", Limit: 3}, staff},
		{app.TeamQuery{Kind: "candidate", Limit: 500}, candidates},
		{app.TeamQuery{JobTitle: "seller"}, sellers},
		{app.TeamQuery{Kind: "candidate", JobTitle: "Seller"}, nil},
	} {
		if got := names(tm.allTeam(t, tc.q)); !slices.Equal(got, tc.want) {
			t.Errorf("Team(%+v) = %v, want %v", tc.q, got, tc.want)
		}
	}
	for _, tc := range []struct {
		q     app.TeamQuery
		field string
	}{
		{app.TeamQuery{Kind: "boss"}, "kind"},
		{app.TeamQuery{Limit: 501}, "limit"},
		{app.TeamQuery{Limit: -1}, "limit"},
		{app.TeamQuery{Cursor: "%%%"}, "cursor"},
		{app.TeamQuery{JobTitle: string(make([]byte, 101))}, "job_title"},
	} {
		_, err := tm.uc.Team(ctx, tm.mgr, tc.q)
		if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)[tc.field] == "" {
			t.Errorf("Team(%+v): %v, want invalid %s", tc.q, err, tc.field)
		}
	}
	// Another organisation sees only its own people.
	_, u2, err := tm.st.CreateOrganisation(ctx, "Beta", rolefit.NewUser{Email: "bea@beta.example", Name: "Bea", Access: rolefit.Manager, Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	beta := app.UserActor(u2)
	zed, _ := tm.uc.AddPerson(ctx, beta, rolefit.NewPerson{Name: "Zed", Kind: rolefit.Candidate})
	if _, err := tm.uc.RecordResponse(ctx, beta, app.RecordInput{PersonID: zed.ID, Questionnaire: "sales-service", Answers: allAnswered(t, "sales-service", 4)}); err != nil {
		t.Fatal(err)
	}
	page, err := tm.uc.Team(ctx, beta, app.TeamQuery{Limit: 500})
	if err != nil || len(page.Items) != 1 || page.Items[0].PersonID != zed.ID {
		t.Errorf("Beta's team: %+v, %v; want only Zed", page, err)
	}
	if got := names(tm.allTeam(t, app.TeamQuery{Limit: 500})); slices.Contains(got, "Zed") {
		t.Error("Acme's team shows Beta's Zed")
	}
}

// The profile API's use case is the person's page's detail: the
// self-report and the manager's rating, each with every scale.
func TestProfile(t *testing.T) {
	tm := newTeam(t)
	v, err := tm.uc.Profile(ctx, tm.mgr, tm.rated.ID)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := tm.uc.Person(ctx, tm.mgr, tm.rated.ID)
	if v.SelfReport == nil || v.ManagerRating == nil {
		t.Fatalf("self %v rating %v", v.SelfReport, v.ManagerRating)
	}
	res := d.Profile.Scored
	s := v.SelfReport
	if s.Questionnaire != "sales-service" || s.Class != string(res.Profile.Class) || s.Borderline != res.Profile.Borderline || s.RatedBy != "" {
		t.Errorf("self-report %+v", s)
	}
	if len(s.Scales) != len(res.Composites)+len(res.Scales) {
		t.Fatalf("%d scales, want %d", len(s.Scales), len(res.Composites)+len(res.Scales))
	}
	for i, c := range res.Composites {
		got := s.Scales[i]
		if got.ID != c.ID || got.Kind != "composite" || *got.Score != *c.Score || (c.Band == nil) != (got.BandLow == nil) {
			t.Errorf("scale %d: %+v, want %+v", i, got, c)
		}
	}
	if f := s.Scales[len(res.Composites)]; f.Kind != "facet" || f.ID != res.Scales[0].ID {
		t.Errorf("first facet %+v, want %s", f, res.Scales[0].ID)
	}
	if v.ManagerRating.Questionnaire != "manager-rating" || v.ManagerRating.RatedBy != "Max <max@acme.example>" {
		t.Errorf("rating %q by %q", v.ManagerRating.Questionnaire, v.ManagerRating.RatedBy)
	}
	g, err := tm.uc.Profile(ctx, tm.mgr, tm.ghost.ID)
	if err != nil || g.SelfReport != nil || g.ManagerRating != nil {
		t.Errorf("profile of someone who never answered: %+v, %v", g, err)
	}
	if _, err := tm.uc.Profile(ctx, tm.mgr, "nobody"); errs.Code(err) != errs.CodeNotFound {
		t.Errorf("unknown person: %v", err)
	}
}
