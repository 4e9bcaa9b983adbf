package demo_test

import (
	"context"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/demo"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
	"rolefit/questionnaires"
)

func TestSeed(t *testing.T) {
	ctx := context.Background()
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.SQLite(t, nil)
	logins, created, err := demo.Seed(ctx, st, cat)
	if err != nil || !created || len(logins) != 2 {
		t.Fatalf("Seed = %v, %v, %v", logins, created, err)
	}
	u, err := st.Authenticate(ctx, demo.Manager.Email, demo.Manager.Password)
	if err != nil || u.Access != rolefit.Manager {
		t.Fatalf("demo manager cannot sign in: %v", err)
	}
	org, _ := st.Scope(u.OrgID).Get(ctx)
	if !org.IsDemo {
		t.Error("the demo organisation is not marked as demo")
	}
	o := st.Scope(u.OrgID)
	people, _, _ := o.People(ctx, store.PeopleQuery{Limit: 500, Earlier: store.EarlierInclude})
	var ids []string
	var resps []store.PersonProfile
	for _, p := range people {
		ids = append(ids, p.ID)
		if p.ProfileAt != nil {
			resps = append(resps, p)
		}
	}
	invs, _ := o.LatestInvitations(ctx, ids)
	flagged := 0
	for _, r := range resps {
		if r.FlagCount > 0 {
			flagged++
		}
	}
	if len(people) < 15 || len(resps) < 12 || len(invs) < 2 {
		t.Errorf("demo has %d people, %d responses, %d invitations", len(people), len(resps), len(invs))
	}
	for _, c := range []string{"hunter", "farmer", "ambidextrous"} {
		if ps, _, err := o.People(ctx, store.PeopleQuery{Class: c, Cut: org.ProfileCut}); err != nil || len(ps) == 0 {
			t.Errorf("no demo person is a %s at the cut %g: %v", c, org.ProfileCut, err)
		}
	}
	if flagged < 2 {
		t.Errorf("%d flagged demo responses; the careless demo candidates should show flags", flagged)
	}
	// The roles, and staff in them today, so Placement has something to
	// show: the star seller, an account manager today, goes to new business.
	roles, err := o.Roles(ctx)
	if err != nil || len(roles) != 3 {
		t.Fatalf("demo roles = %d, %v; want 3", len(roles), err)
	}
	uc, err := app.New(app.Config{Store: st, Catalog: cat, BaseURL: "http://localhost", Now: st.Now})
	if err != nil {
		t.Fatal(err)
	}
	tp, err := uc.Placement(ctx, app.UserActor(u), nil)
	if err != nil || tp.Plan == nil {
		t.Fatalf("demo placement: %v", err)
	}
	inRole := 0
	for _, pl := range tp.Plan.People {
		if pl.CurrentRoleID != "" {
			inRole++
		}
		if pl.Name == "Dana Diaz" && (tp.RoleName(pl.RoleID) != "Account executive" || tp.RoleName(pl.CurrentRoleID) != "Account manager") {
			t.Errorf("Dana: today %q, recommended %q; want account manager today, account executive recommended",
				tp.RoleName(pl.CurrentRoleID), tp.RoleName(pl.RoleID))
		}
	}
	if inRole < 6 {
		t.Errorf("%d demo staff have a role today", inRole)
	}
	// A second start adds nothing.
	_, created, err = demo.Seed(ctx, st, cat)
	if err != nil || created {
		t.Errorf("second Seed: created %v, %v", created, err)
	}
	if n, err := o.CountPeople(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if int(n) != len(people) {
		t.Errorf("second Seed changed the people: %d", n)
	}
	// A database with a real organisation gets no demo.
	st2 := storetest.SQLite(t, nil)
	st2.CreateOrganisation(ctx, "Real Co", rolefit.NewUser{Email: "a@real.example", Name: "A", Access: rolefit.Admin, Password: "long enough pw"}, false)
	logins, created, err = demo.Seed(ctx, st2, cat)
	if err != nil || created || logins != nil {
		t.Errorf("Seed on a real database = %v, %v, %v", logins, created, err)
	}
}

// The demo's earlier applicants give it at least 250 responses, so the
// reliability page has figures, the story's scores have bands and
// settled percentiles, and they stay out of the story's way: no
// invitation, no profile (so not on the team map), not new or flagged on
// the dashboard, added after the story's people.
func TestSeedHistory(t *testing.T) {
	ctx := context.Background()
	st, cat, u := seeded(t, nil)
	o := st.Scope(u.OrgID)
	uc, err := app.New(app.Config{Store: st, Catalog: cat, BaseURL: "http://localhost", Now: st.Now})
	if err != nil {
		t.Fatal(err)
	}
	act := app.UserActor(u)
	counts, err := o.ResponseCounts(ctx)
	if err != nil || len(counts) != 1 || counts[0].N < demo.HistorySize {
		t.Fatalf("response counts %+v, %v; want at least %d", counts, err, demo.HistorySize)
	}
	rel, err := uc.Reliability(ctx, act, "")
	if err != nil || !rel.Enough || rel.NormsProvisional || rel.NormsN < demo.HistorySize || len(rel.Scales) == 0 {
		t.Fatalf("reliability: %+v, %v", rel, err)
	}
	for _, s := range rel.Scales {
		if !(s.Alpha > 0.5 && s.Alpha < 1) {
			t.Errorf("%s: alpha %v, want a figure between 0.5 and 1", s.ID, s.Alpha)
		}
	}
	// Some answered in Spanish and German: each language has its own
	// figures, and too few of them for the norms to be pooled.
	langs := map[string]int{}
	for _, l := range rel.Languages {
		if l.Enough && len(l.Alpha) > 0 {
			langs[l.Language] = l.Responses
		}
	}
	if langs["es"] != demo.HistoryEach || langs["de"] != demo.HistoryEach || langs["en"] < demo.HistoryEnglish {
		t.Errorf("reliability by language %v, want %d in Spanish and German each and %d in English", langs, demo.HistoryEach, demo.HistoryEnglish)
	}
	if rel.LanguageNorms.Pooled || !strings.Contains(rel.LanguageNorms.Reason, "fewer in de (40), es (40)") {
		t.Errorf("norms %+v, want kept apart by language", rel.LanguageNorms)
	}
	// The earlier applicants come after the story's people, without
	// invitations, with old responses.
	all, err := uc.People(ctx, act, app.PeopleQuery{Limit: 500, Earlier: app.EarlierInclude})
	if err != nil {
		t.Fatal(err)
	}
	story := len(all.Items) - demo.HistorySize
	for i, p := range all.Items {
		earlier := strings.HasPrefix(p.Name, "Earlier applicant ")
		if earlier != (i >= story) {
			t.Fatalf("person %d is %q: the story's people should come first", i, p.Name)
		}
		if !earlier {
			continue
		}
		if p.Invitation != nil || p.Kind != rolefit.Candidate || p.ProfileAt != nil {
			t.Errorf("%s: invited %v, kind %s, profile at %v; want an uninvited candidate with no profile", p.Name, p.Invitation != nil, p.Kind, p.ProfileAt)
		}
		if i == len(all.Items)-1 {
			rs, err := o.PersonResponses(ctx, p.ID)
			if err != nil || len(rs) != 1 || !rs[0].SubmittedAt.Before(st.Now().AddDate(0, 0, -1)) || rs[0].FlagCount != 0 {
				t.Errorf("%s: responses %v, %v; want one old, unflagged response", p.Name, len(rs), err)
			}
		}
	}
	// The team map is the story's people.
	team, err := uc.Team(ctx, act, app.TeamQuery{Limit: 500})
	if err != nil || len(team.Items) != story-2 {
		t.Errorf("team map has %d people, want the story's %d who answered; %v", len(team.Items), story-2, err)
	}
	d, err := uc.Dashboard(ctx, act, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, list := range [][]store.OverviewItem{d.Recent, d.Flags, d.Uninvited} {
		for _, it := range list {
			if strings.HasPrefix(it.Name, "Earlier applicant") {
				t.Errorf("the dashboard lists %s", it.Name)
			}
		}
	}
	if d.NewResponses > int64(story) {
		t.Errorf("%d new responses on the dashboard, more than the story's %d people", d.NewResponses, story)
	}
	// The star seller's profile has bands and settled percentiles.
	for _, p := range all.Items {
		if p.Name != "Dana Diaz" {
			continue
		}
		prof, err := uc.Profile(ctx, act, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if prof.SelfReport == nil || prof.SelfReport.Class != "hunter" {
			t.Fatalf("Dana's profile: %+v", prof.SelfReport)
		}
		for _, s := range prof.SelfReport.Scales {
			if s.BandLow == nil || s.Percentile == nil {
				t.Errorf("Dana's %s has no band or percentile", s.ID)
			}
		}
	}
}

// seeded returns a new SQLite store holding the demo organisation, the
// shipped questionnaires and the demo manager, signed in.
func seeded(t *testing.T, clock *storetest.Clock) (*store.Store, *assess.Catalog, *rolefit.User) {
	t.Helper()
	ctx := context.Background()
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.SQLite(t, clock)
	if _, _, err := demo.Seed(ctx, st, cat); err != nil {
		t.Fatal(err)
	}
	u, err := st.Authenticate(ctx, demo.Manager.Email, demo.Manager.Password)
	if err != nil {
		t.Fatal(err)
	}
	return st, cat, u
}
