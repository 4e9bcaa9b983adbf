package app_test

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"rolefit"
	"slices"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/placement"
)

func ptr[T any](v T) *T { return &v }

func TestOrgSettingsRoundTrip(t *testing.T) {
	w := sqliteWorld(t)
	got, err := w.uc.OrgSettings(ctx, w.mgr)
	if err != nil {
		t.Fatal(err)
	}
	if got.Currency != "USD" || got.Settings != rolefit.DefaultSettings() || got.CutMin != 1 || got.CutMax != 5 {
		t.Errorf("a new organisation's settings = %+v, want USD, the defaults and a cut range of 1–5", got)
	}
	want := rolefit.Settings{TimeZone: "Europe/Berlin", Language: "en", ProfileCut: 3.25, FitMultiplierLow: 0.5, FitMultiplierHigh: 1.6,
		GrossMargin: 0.65, CostOfHire: 9000, PaybackMonths: 18}
	saved, err := w.uc.UpdateOrgSettings(ctx, w.mgr, app.OrgSettingsPatch{Currency: ptr(" eur "), TimeZone: ptr("Europe/Berlin"),
		ProfileCut: ptr(3.25), FitMultiplierLow: ptr(0.5), FitMultiplierHigh: ptr(1.6), GrossMargin: ptr(0.65),
		CostOfHire: ptr(9000.0), PaybackMonths: ptr(18.0)})
	if err != nil {
		t.Fatal(err)
	}
	got, _ = w.uc.OrgSettings(ctx, w.mgr)
	if saved.Settings != want || got.Settings != want || got.Currency != "EUR" {
		t.Errorf("saved %+v, read back %+v %s, want %+v EUR", saved.Settings, got.Settings, got.Currency, want)
	}
	if cur, err := w.uc.Currency(ctx, w.mgr); err != nil {
		t.Fatalf("read: %v", err)
	} else if cur != "EUR" {
		t.Errorf("currency = %s, want EUR", cur)
	}
	if loc := got.Location(); loc.String() != "Europe/Berlin" {
		t.Errorf("location = %v, want Europe/Berlin", loc)
	}
	// A patch keeps what it leaves out.
	got, err = w.uc.UpdateOrgSettings(ctx, w.mgr, app.OrgSettingsPatch{GrossMargin: ptr(0.8)})
	want.GrossMargin = 0.8
	if err != nil || got.Settings != want || got.Currency != "EUR" {
		t.Errorf("after patching the margin: %+v, %v; want %+v", got, err, want)
	}
}

func TestOrgSettingsBadInput(t *testing.T) {
	w := sqliteWorld(t)
	for _, tc := range []struct {
		name  string
		patch app.OrgSettingsPatch
		field string
	}{
		{"currency of two letters", app.OrgSettingsPatch{Currency: ptr("EU")}, "currency"},
		{"currency no one uses", app.OrgSettingsPatch{Currency: ptr("ABC")}, "currency"},
		{"currency of a symbol", app.OrgSettingsPatch{Currency: ptr("$")}, "currency"},
		{"no currency", app.OrgSettingsPatch{Currency: ptr("XXX")}, "currency"},
		{"unknown time zone", app.OrgSettingsPatch{TimeZone: ptr("Mars/Olympus_Mons")}, "time_zone"},
		{"server's zone", app.OrgSettingsPatch{TimeZone: ptr("Local")}, "time_zone"},
		{"empty time zone", app.OrgSettingsPatch{TimeZone: ptr(" ")}, "time_zone"},
		{"cut below the scale", app.OrgSettingsPatch{ProfileCut: ptr(0.9)}, "profile_cut"},
		{"cut above the scale", app.OrgSettingsPatch{ProfileCut: ptr(5.01)}, "profile_cut"},
		{"cut not a number", app.OrgSettingsPatch{ProfileCut: ptr(math.NaN())}, "profile_cut"},
		{"multiplier range reversed", app.OrgSettingsPatch{FitMultiplierLow: ptr(1.5), FitMultiplierHigh: ptr(1.2)}, "fit_multiplier_low"},
		{"low above the stored high", app.OrgSettingsPatch{FitMultiplierLow: ptr(2.0)}, "fit_multiplier_low"},
		{"negative low", app.OrgSettingsPatch{FitMultiplierLow: ptr(-0.1)}, "fit_multiplier_low"},
		{"negative high", app.OrgSettingsPatch{FitMultiplierLow: ptr(0.0), FitMultiplierHigh: ptr(-1.0)}, "fit_multiplier_high"},
		{"margin above 1", app.OrgSettingsPatch{GrossMargin: ptr(70.0)}, "gross_margin"},
		{"negative cost of hire", app.OrgSettingsPatch{CostOfHire: ptr(-1.0)}, "cost_of_hire"},
		{"no payback period", app.OrgSettingsPatch{PaybackMonths: ptr(0.0)}, "payback_months"},
		{"payback beyond ten years", app.OrgSettingsPatch{PaybackMonths: ptr(121.0)}, "payback_months"},
		{"not a language", app.OrgSettingsPatch{Language: ptr("xx")}, "language"},
		{"a language without respondent pages", app.OrgSettingsPatch{Language: ptr("fr")}, "language"},
	} {
		// A good change beside the bad one is not saved either.
		tc.patch.Currency = orDefault(tc.patch.Currency, "GBP")
		_, err := w.uc.UpdateOrgSettings(ctx, w.mgr, tc.patch)
		if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)[tc.field] == "" {
			t.Errorf("%s: error %v, want invalid naming %s", tc.name, err, tc.field)
		}
		got, _ := w.uc.OrgSettings(ctx, w.mgr)
		if got.Currency != "USD" || got.Settings != rolefit.DefaultSettings() {
			t.Errorf("%s: settings after a refused change = %+v", tc.name, got)
		}
	}
}

func orDefault(s *string, d string) *string {
	if s == nil {
		return &d
	}
	return s
}

// TestClassFollowsCut changes the cut and checks the class and the
// borderline mark on the team map, the people list and the profile
// against the rule worked from each stored result's composites and bands.
func TestClassFollowsCut(t *testing.T) {
	w, _, people := scoredWorld(t)
	// A clear farmer beside the simulated team, so every quadrant is met.
	q, _ := testCatalog(t).Latest("sales-service")
	farmer := w.person(t, "Gil", rolefit.Staff)
	ans := assess.Simulate(q, rand.New(rand.NewPCG(1, 2)), assess.Simulation{Traits: assess.Traits{
		Composites: map[string]float64{"hunter": -1.5, "farmer": 1.5}}}).Answers
	if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: farmer.ID, Questionnaire: "sales-service", Answers: ans}); err != nil {
		t.Fatal(err)
	}
	people = append(people, farmer)
	stored := map[string]assess.Result{}
	for _, p := range people {
		resps, err := w.org.PersonResponses(ctx, p.ID)
		if err != nil || len(resps) != 1 {
			t.Fatalf("responses of %s: %d, %v", p.Name, len(resps), err)
		}
		r, _ := w.org.Response(ctx, resps[0].ID)
		var res assess.Result
		if err := json.Unmarshal(r.Result, &res); err != nil {
			t.Fatal(err)
		}
		stored[p.ID] = res
	}
	seen := map[string]bool{}
	for _, cut := range []float64{1, 2.8, 3.2, 3.5, 3.9, 4.4, 5} {
		if _, err := w.uc.UpdateOrgSettings(ctx, w.mgr, app.OrgSettingsPatch{ProfileCut: ptr(cut)}); err != nil {
			t.Fatal(err)
		}
		team, err := w.uc.Team(ctx, w.mgr, app.TeamQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if team.Cut != cut {
			t.Errorf("cut %g: the team map's cut is %g", cut, team.Cut)
		}
		list, err := w.uc.People(ctx, w.mgr, app.PeopleQuery{})
		if err != nil {
			t.Fatal(err)
		}
		listed := map[string]string{}
		for _, r := range list.Items {
			listed[r.ID] = r.ProfileClass
		}
		for _, pt := range team.Items {
			res := stored[pt.PersonID]
			class, borderline := "", false
			var high [2]bool
			for _, c := range res.Composites {
				k := map[string]int{"hunter": 0, "farmer": 1}
				i, ok := k[c.ID]
				if !ok {
					continue
				}
				high[i] = *c.Score >= cut
				if c.Band != nil && c.Band.Low <= cut && cut <= c.Band.High {
					borderline = true
				}
			}
			class = map[[2]bool]string{{true, true}: "ambidextrous", {true, false}: "hunter", {false, true}: "farmer", {false, false}: "developing"}[high]
			seen[class] = true
			if pt.Class != class || pt.Borderline != borderline {
				t.Errorf("cut %g, %s on the team map: %s (borderline %v), want %s (%v)", cut, pt.Name, pt.Class, pt.Borderline, class, borderline)
			}
			if listed[pt.PersonID] != class {
				t.Errorf("cut %g, %s in the people list: %s, want %s", cut, pt.Name, listed[pt.PersonID], class)
			}
			pv, err := w.uc.Profile(ctx, w.mgr, pt.PersonID)
			if err != nil {
				t.Fatal(err)
			}
			if pv.SelfReport.Class != class || pv.SelfReport.Borderline != borderline {
				t.Errorf("cut %g, %s's profile: %s (borderline %v), want %s (%v)", cut, pt.Name, pv.SelfReport.Class, pv.SelfReport.Borderline, class, borderline)
			}
		}
		// The list's class filter keeps exactly the people it shows with
		// that class, under the same cut.
		for _, c := range []string{"hunter", "farmer", "ambidextrous", "developing", "unknown"} {
			filtered, err := w.uc.People(ctx, w.mgr, app.PeopleQuery{Class: c, Limit: 500})
			if err != nil {
				t.Fatal(err)
			}
			var got, want []string
			for _, r := range filtered.Items {
				got = append(got, r.Name)
			}
			for _, r := range list.Items {
				if r.ProfileClass == c {
					want = append(want, r.Name)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("cut %g, ?class=%s keeps %v; the list shows %v with that class", cut, c, got, want)
			}
		}
	}
	// The cuts chosen move people across every quadrant, so the test can
	// tell a class that ignores the cut.
	for _, c := range []string{"hunter", "farmer", "ambidextrous", "developing"} {
		if !seen[c] {
			t.Errorf("no one was %s at any cut; the test proves less than it claims", c)
		}
	}
}

// TestPlacementFollowsAssumptions changes the placement assumptions and
// checks the plan equals placement.Solve with the same assumptions.
func TestPlacementFollowsAssumptions(t *testing.T) {
	w, roles, people := scoredWorld(t)
	before, err := w.uc.Placement(ctx, w.mgr, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !before.DefaultAssumptions || before.Assumptions != placement.DefaultAssumptions() {
		t.Errorf("before any change: default %v, assumptions %+v", before.DefaultAssumptions, before.Assumptions)
	}
	if _, err := w.uc.UpdateOrgSettings(ctx, w.mgr, app.OrgSettingsPatch{FitMultiplierLow: ptr(0.2), FitMultiplierHigh: ptr(2.2),
		GrossMargin: ptr(0.55), CostOfHire: ptr(4000.0), PaybackMonths: ptr(8.0)}); err != nil {
		t.Fatal(err)
	}
	got, err := w.uc.Placement(ctx, w.mgr, nil)
	if err != nil {
		t.Fatal(err)
	}
	team := expectedTeam(t, w, roles, people)
	team.Assumptions = placement.Assumptions{FitMultiplierLow: 0.2, FitMultiplierHigh: 2.2, GrossMargin: 0.55, CostOfHire: 4000, PaybackMonths: 8}
	want, err := placement.Solve(team)
	if err != nil {
		t.Fatal(err)
	}
	if got.DefaultAssumptions || got.Assumptions != team.Assumptions {
		t.Errorf("after the change: default %v, assumptions %+v, want %+v", got.DefaultAssumptions, got.Assumptions, team.Assumptions)
	}
	if math.Abs(got.Plan.Total-want.Total) > 1e-6 {
		t.Errorf("total %.2f, want %.2f", got.Plan.Total, want.Total)
	}
	if math.Abs(got.Plan.Total-before.Plan.Total) < 1 {
		t.Errorf("the total did not change with the assumptions: %.2f before, %.2f after", before.Plan.Total, got.Plan.Total)
	}
	fit, err := w.uc.Fit(ctx, w.mgr, people[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, rf := range fit.Roles {
		v, _ := want.Valuation(people[0].ID, rf.Role.ID)
		if math.Abs(rf.Valuation.Net-v.Net) > 1e-9 || rf.Valuation.Multiplier != v.Multiplier {
			t.Errorf("fit of %s for %s: net %.2f ×%.3f, want %.2f ×%.3f", people[0].Name, rf.Role.Name, rf.Valuation.Net, rf.Valuation.Multiplier, v.Net, v.Multiplier)
		}
	}
}
