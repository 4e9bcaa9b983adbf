package app_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/placement"
)

func roleInput(name, activity string, min, max int, rate, cost float64, weights ...rolefit.RoleWeight) rolefit.RoleInput {
	return rolefit.RoleInput{Name: name, Activity: activity, NewBusinessShare: 0.5, SeatsMin: min, SeatsMax: max,
		HoursPerMonth: 140, BaselineRate: rate, MonthlyCost: cost, Weights: weights}
}

func weight(scale string, w float64) rolefit.RoleWeight {
	return rolefit.RoleWeight{ScaleID: scale, Weight: w}
}

func TestRoleBadInput(t *testing.T) {
	w := sqliteWorld(t)
	good := roleInput("Account executive", "new_business", 1, 2, 200, 8000, weight("hunter", 1))
	r, err := w.uc.CreateRole(ctx, w.mgr, good)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		in    rolefit.RoleInput
		field string
	}{
		{"min above max", roleInput("X", "new_business", 3, 2, 1, 1, weight("hunter", 1)), "seats_min"},
		{"negative min", roleInput("X", "new_business", -1, 2, 1, 1, weight("hunter", 1)), "seats_min"},
		{"negative max", roleInput("X", "new_business", 0, -1, 1, 1, weight("hunter", 1)), "seats_max"},
		{"no positive weight", roleInput("X", "new_business", 0, 1, 1, 1, weight("hunter", 0)), "profile"},
		{"unknown scale", roleInput("X", "new_business", 0, 1, 1, 1, weight("hunter", 1), weight("charm", 2)), "profile.charm"},
		{"unknown activity", roleInput("X", "farming", 0, 1, 1, 1, weight("farmer", 1)), "activity"},
		{"share above 1", func() rolefit.RoleInput {
			in := roleInput("X", "mix", 0, 1, 1, 1, weight("farmer", 1))
			in.NewBusinessShare = 1.01
			return in
		}(), "new_business_share"},
		{"share below 0", func() rolefit.RoleInput {
			in := roleInput("X", "mix", 0, 1, 1, 1, weight("farmer", 1))
			in.NewBusinessShare = -0.2
			return in
		}(), "new_business_share"},
	} {
		_, err := w.uc.CreateRole(ctx, w.mgr, tc.in)
		if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)[tc.field] == "" {
			t.Errorf("%s: create: error %v, want invalid naming %s", tc.name, err, tc.field)
		}
		_, err = w.uc.UpdateRole(ctx, w.mgr, r.ID, tc.in)
		if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)[tc.field] == "" {
			t.Errorf("%s: update: error %v, want invalid naming %s", tc.name, err, tc.field)
		}
	}
	rs, _ := w.uc.Roles(ctx, w.mgr)
	if len(rs) != 1 || rs[0].Name != good.Name || rs[0].SeatsMin != 1 || len(rs[0].Weights) != 1 {
		t.Errorf("roles after bad input = %+v, want only the first, unchanged", rs)
	}
	// A patch is checked with the stored fields it leaves alone.
	three := 3
	if _, err := w.uc.PatchRole(ctx, w.mgr, r.ID, app.RolePatch{SeatsMin: &three}); errs.FieldsOf(err)["seats_min"] == "" {
		t.Errorf("patching the minimum above the stored maximum: %v, want invalid seats_min", err)
	}
	name := "New-business executive"
	got, err := w.uc.PatchRole(ctx, w.mgr, r.ID, app.RolePatch{Name: &name})
	if err != nil || got.Name != name || got.SeatsMax != 2 || len(got.Weights) != 1 {
		t.Errorf("patched role = %+v, %v", got, err)
	}
}

// scoredWorld is an organisation with two roles and six people with
// simulated self-reports: four staff, two candidates.
func scoredWorld(t *testing.T) (*world, []rolefit.Role, []*rolefit.Person) {
	t.Helper()
	w := sqliteWorld(t)
	var roles []rolefit.Role
	for _, in := range []rolefit.RoleInput{
		roleInput("Account executive", "new_business", 1, 2, 220, 9000, weight("hunter", 3), weight("farmer", 1)),
		roleInput("Customer success", "account_service", 1, 3, 150, 6000, weight("farmer", 1), weight("drive", 0.5)),
	} {
		r, err := w.uc.CreateRole(ctx, w.mgr, in)
		if err != nil {
			t.Fatal(err)
		}
		roles = append(roles, *r)
	}
	rng := rand.New(rand.NewPCG(7, 9))
	var people []*rolefit.Person
	for i, name := range []string{"Ada", "Bo", "Cy", "Di", "Eve", "Fay"} {
		kind := rolefit.Staff
		if i >= 4 {
			kind = rolefit.Candidate
		}
		p := w.person(t, name, kind)
		if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: simulated(t, "sales-service", rng)}); err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	w.person(t, "No profile", rolefit.Staff)
	if err := w.uc.SetCurrentRole(ctx, w.mgr, people[0].ID, roles[1].ID); err != nil {
		t.Fatal(err)
	}
	return w, roles, people
}

// expectedTeam builds the placement.Team by hand from each person's
// stored result (not from the score rows the use case reads).
func expectedTeam(t *testing.T, w *world, roles []rolefit.Role, people []*rolefit.Person) placement.Team {
	t.Helper()
	q, _ := testCatalog(t).Latest("sales-service")
	team := placement.Team{Assumptions: placement.DefaultAssumptions()}
	for _, r := range roles {
		pr := placement.Role{ID: r.ID, Name: r.Name, Activity: placement.Activity(r.Activity), NewBusinessShare: r.NewBusinessShare,
			Seats: placement.Seats{Min: r.SeatsMin, Max: r.SeatsMax}, HoursPerMonth: r.HoursPerMonth, BaselineRate: r.BaselineRate, MonthlyCost: r.MonthlyCost}
		for _, wt := range r.Weights {
			pr.Profile = append(pr.Profile, placement.Weight{Scale: wt.ScaleID, Weight: wt.Weight})
		}
		team.Roles = append(team.Roles, pr)
	}
	for _, p := range people {
		resps, err := w.org.PersonResponses(ctx, p.ID)
		if err != nil || len(resps) != 1 {
			t.Fatalf("responses of %s: %d, %v", p.Name, len(resps), err)
		}
		stored, err := w.org.Response(ctx, resps[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		var res assess.Result
		if err := json.Unmarshal(stored.Result, &res); err != nil {
			t.Fatal(err)
		}
		pp := placement.Person{ID: p.ID, Name: p.Name, Kind: placement.Kind(p.Kind), Scales: map[string]placement.Standing{}}
		if p.Name == "Ada" {
			pp.CurrentRole = roles[1].ID
		}
		scales := append(res.Scales, res.Composites...)
		for _, s := range scales {
			if s.Score == nil {
				continue
			}
			st := placement.Standing{Score: *s.Score, Min: float64(q.Scale.Min), Max: float64(q.Scale.Max)}
			if s.Norm != nil {
				pct := s.Norm.Percentile
				st.Percentile = &pct
			}
			pp.Scales[s.ID] = st
		}
		team.People = append(team.People, pp)
	}
	return team
}

func TestPlacementEqualsSolve(t *testing.T) {
	w, roles, people := scoredWorld(t)
	team := expectedTeam(t, w, roles, people)
	for _, tc := range []struct {
		name string
		pins []placement.Pin
	}{
		{"no pins", nil},
		{"a staff member pinned to customer success", []placement.Pin{{PersonID: people[1].ID, RoleID: roles[1].ID}}},
		{"two pins", []placement.Pin{{PersonID: people[2].ID, RoleID: roles[0].ID}, {PersonID: people[3].ID, RoleID: roles[0].ID}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := w.uc.Placement(ctx, w.mgr, tc.pins)
			if err != nil {
				t.Fatal(err)
			}
			team.Pins = tc.pins
			want, err := placement.Solve(team)
			if err != nil {
				t.Fatal(err)
			}
			if got.Plan == nil || got.People != 6 {
				t.Fatalf("plan %v over %d people, want a plan over the 6 with a profile", got.Plan, got.People)
			}
			if math.Abs(got.Plan.Total-want.Total) > 1e-6 {
				t.Errorf("total %.2f, want %.2f", got.Plan.Total, want.Total)
			}
			wantOf := map[string]placement.Placement{}
			for _, wp := range want.People {
				wantOf[wp.PersonID] = wp
			}
			if len(got.Plan.People) != len(want.People) {
				t.Errorf("%d people placed, want %d", len(got.Plan.People), len(want.People))
			}
			filled := map[string]int{}
			for _, pl := range got.Plan.People {
				wp := wantOf[pl.PersonID]
				if pl.PersonID != wp.PersonID || pl.RoleID != wp.RoleID || math.Abs(pl.Net-wp.Net) > 1e-6 || pl.Changed != wp.Changed {
					t.Errorf("%s: got %s (%.2f, changed %v), want %s (%.2f, changed %v)", pl.Name, got.RoleName(pl.RoleID), pl.Net, pl.Changed,
						got.RoleName(wp.RoleID), wp.Net, wp.Changed)
				}
				filled[pl.RoleID]++
			}
			for _, r := range roles {
				if n := filled[r.ID]; n < r.SeatsMin || n > r.SeatsMax {
					t.Errorf("%s holds %d, seats %d–%d", r.Name, n, r.SeatsMin, r.SeatsMax)
				}
			}
			for k, pin := range tc.pins {
				for _, pl := range got.Plan.People {
					if pl.PersonID == pin.PersonID && pl.RoleID != pin.RoleID {
						t.Errorf("pin %d not kept: %s in %q", k, pl.Name, got.RoleName(pl.RoleID))
					}
				}
				if g, wc := got.Plan.Pins[k].Cost, want.Pins[k].Cost; g != wc {
					t.Errorf("pin %d costs %+v, want %+v", k, g, wc)
				}
			}
		})
	}
}

func TestPlacementBadPins(t *testing.T) {
	w, roles, people := scoredWorld(t)
	other := sqliteWorld(t)
	theirs, err := other.uc.CreateRole(ctx, other.mgr, roleInput("Theirs", "new_business", 0, 5, 100, 1, weight("hunter", 1)))
	if err != nil {
		t.Fatal(err)
	}
	all, _ := w.uc.People(ctx, w.mgr, app.PeopleQuery{})
	var noProfile string
	for _, p := range all.Items {
		if p.Name == "No profile" {
			noProfile = p.ID
		}
	}
	for _, tc := range []struct {
		name  string
		pins  []placement.Pin
		field string
	}{
		{"unknown person", []placement.Pin{{PersonID: "NOBODY", RoleID: roles[0].ID}}, "pins[0]"},
		{"person without a profile", []placement.Pin{{PersonID: noProfile, RoleID: roles[0].ID}}, "pins[0]"},
		{"unknown role", []placement.Pin{{PersonID: people[0].ID, RoleID: "NOROLE"}}, "pins[0]"},
		{"another organisation's role", []placement.Pin{{PersonID: people[0].ID, RoleID: theirs.ID}}, "pins[0]"},
		{"pins beyond the seats", []placement.Pin{{PersonID: people[0].ID, RoleID: roles[0].ID}, {PersonID: people[1].ID, RoleID: roles[0].ID},
			{PersonID: people[2].ID, RoleID: roles[0].ID}}, "pins[2]"},
		{"a person pinned twice", []placement.Pin{{PersonID: people[0].ID, RoleID: roles[0].ID}, {PersonID: people[0].ID, RoleID: roles[1].ID}}, "pins[1]"},
	} {
		_, err := w.uc.Placement(ctx, w.mgr, tc.pins)
		if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)[tc.field] == "" {
			t.Errorf("%s: error %v, want invalid naming %s", tc.name, err, tc.field)
		}
	}
	// A minimum the team cannot fill is invalid, said with the role's name.
	sales := roleInput("Sales development", "new_business", 7, 9, 100, 1000, weight("hunter", 1))
	sdr, err := w.uc.CreateRole(ctx, w.mgr, sales)
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.uc.Placement(ctx, w.mgr, nil)
	if errs.Code(err) != errs.CodeInvalid || !strings.Contains(errs.Message(err), "Sales development") || errs.FieldsOf(err)["seats."+sdr.ID] == "" {
		t.Errorf("a minimum of 7 with 6 people: %v; want invalid naming Sales development, field seats.%s", err, sdr.ID)
	}
	// Another organisation sees none of the roles and places nobody.
	if rs, err := other.uc.Roles(ctx, other.mgr); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(rs) != 1 || rs[0].ID != theirs.ID {
		t.Errorf("the other organisation lists %+v", rs)
	}
	if _, err := other.uc.Role(ctx, other.mgr, roles[0].ID); errs.Code(err) != errs.CodeNotFound {
		t.Errorf("the other organisation reads a role: %v", err)
	}
	tp, err := other.uc.Placement(ctx, other.mgr, nil)
	if err != nil || tp.Plan != nil || tp.People != 0 {
		t.Errorf("the other organisation's placement = %+v, %v; want an empty one", tp, err)
	}
	if _, err := other.uc.Fit(ctx, other.mgr, people[0].ID); errs.Code(err) != errs.CodeNotFound {
		t.Errorf("the other organisation reads a fit: %v", err)
	}
}

func TestFit(t *testing.T) {
	w, roles, people := scoredWorld(t)
	team := expectedTeam(t, w, roles, people)
	for i, p := range people {
		got, err := w.uc.Fit(ctx, w.mgr, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		// The whole team, everyone with a profile, as the Placement page
		// places it: the person's place is the one Placement gives them.
		today := team
		plan, err := placement.Solve(today)
		if err != nil {
			t.Fatal(err)
		}
		if shown := placementLine(t, w, p.ID); shown.RoleID != got.Recommended {
			t.Errorf("%s: fit recommends %q, the Placement page %q", p.Name, got.Recommended, shown.RoleID)
		}
		var want placement.Placement
		for _, pl := range plan.People {
			if pl.PersonID == p.ID {
				want = pl
			}
		}
		if !got.HasProfile || len(got.Roles) != len(roles) || !got.Placed || got.Recommended != want.RoleID || got.TeamSize != len(today.People) ||
			got.InTeam == nil || math.Abs(got.InTeam.Net-want.Net) > 1e-6 {
			t.Errorf("%s: fit %+v; want a profile, %d roles, recommended %q in a team of %d", p.Name, got, len(roles), want.RoleID, len(today.People))
		}
		if got.Why == nil || (want.RoleID != "") != (got.Why.Code == app.ReasonPlaced) {
			t.Errorf("%s: reason %+v for recommended %q", p.Name, got.Why, want.RoleID)
		}
		if got.Why != nil && got.Why.Code == app.ReasonPlaced && (got.Why.RoleID != want.NextRoleID || got.Why.Change != want.Move) {
			t.Errorf("%s: reason %+v, want next best %q at %+v", p.Name, got.Why, want.NextRoleID, want.Move)
		}
		for j, rf := range got.Roles {
			want := placement.Value(team.People[i], team.Roles[j], team.Assumptions)
			if math.Abs(rf.Valuation.Fit.Fit-want.Fit.Fit) > 1e-9 || math.Abs(rf.Valuation.Net-want.Net) > 1e-6 || len(rf.Valuation.Fit.Parts) != len(want.Fit.Parts) {
				t.Errorf("%s in %s: fit %.3f net %.2f, want %.3f and %.2f", p.Name, rf.Role.Name, rf.Valuation.Fit.Fit, rf.Valuation.Net, want.Fit.Fit, want.Net)
			}
		}
	}
	none := w.person(t, "Later", rolefit.Candidate)
	got, err := w.uc.Fit(ctx, w.mgr, none.ID)
	if err != nil || got.HasProfile || got.Roles[0].Valuation.Allowed {
		t.Errorf("fit without a profile = %+v, %v; want no profile and no allowed role", got, err)
	}
}

// placementLine is a person's line of the Placement page's plan.
func placementLine(t *testing.T, w *world, personID string) placement.Placement {
	t.Helper()
	tp, err := w.uc.Placement(ctx, w.mgr, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range tp.Plan.People {
		if pl.PersonID == personID {
			return pl
		}
	}
	t.Fatalf("%s is not in the placement", personID)
	return placement.Placement{}
}
