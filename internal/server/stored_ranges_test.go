package server

import (
	"log/slog"
	"net/http"
	"rolefit"
	"slices"
	"strings"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// storedWorld is the placement team with a compensation plan, a hiring
// period, a role's hiring figures and a staff member's performance, so
// that every page about money reads every kind of stored figure.
func storedWorld(t *testing.T, f *fixture) (roles []rolefit.Role, people []*rolefit.Person, key string) {
	t.Helper()
	roles, people = placementTeam(t, f)
	key = f.apiKeyA(t)
	for _, req := range []struct{ path, body string }{
		{"/api/v1/comp-plans", `{"role_id":"` + roles[1].ID + `","base":60000,"target_variable":30000,"quota":400000}`},
		{"/api/v1/hiring-costs", `{"role_id":"` + roles[0].ID + `","from_month":"2026-01","to_month":"2026-03","hires":2,"items":[{"category":"advertising","amount":3000}]}`},
		{"/api/v1/people/" + people[1].ID + "/performance", `{"month":"2025-12","new_business_hours":80,"new_business_revenue":400000,"service_hours":40,"service_revenue":40000}`},
	} {
		resp, body := f.apiRequest("POST", req.path, key, req.body)
		if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusCreated {
			t.Fatalf("POST %s: %d %s", req.path, resp.StatusCode, body)
		}
	}
	o := f.st.Scope(f.orgA.ID)
	if _, err := o.SetRoleHiring(ctx, rolefit.RoleHiring{RoleID: roles[2].ID, DaysToFill: 30, Ramp: []float64{0.5}}, rolefit.ActorOf(f.adminA)); err != nil {
		t.Fatal(err)
	}
	return roles, people, key
}

// A figure stored outside its range, by an older rolefit or by hand,
// leaves that record out of what the pages compute and is named on them;
// it no longer fails the page for the whole organisation (Placement, a
// candidate's page, Costs and Hiring costs answered 400, the plans API
// and a candidate's fit 500).
func TestStoredFiguresOutOfRange(t *testing.T) {
	const (
		placementPage = "/placement"
		rolesPage     = "/settings/roles"
		settingsPage  = "/settings/organisation"
		candidatePage = "candidate page"
		costsPage     = "/costs"
		hiringPage    = "/costs/hiring"
		plansPage     = "/costs/plans"
		placementAPI  = "/api/v1/placement"
		fitAPI        = "fit API"
		plansAPI      = "/api/v1/comp-plans"
		hiringAPI     = "/api/v1/hiring-costs"
	)
	money := []string{placementPage, candidatePage, costsPage, placementAPI, fitAPI}
	for _, tc := range []struct {
		name string
		// sql is run with {role0}, {role1}, {role2}, {org} and {staff}
		// replaced by IDs.
		sql  string
		says string
		on   []string
	}{
		{"a role's baseline rate of 1e300", "UPDATE roles SET baseline_rate = 1e300 WHERE id = '{role0}'",
			"Role Account executive: its baseline rate 1e300 is outside 0–1,000,000 an hour; fix it under Roles",
			append(money, hiringPage, hiringAPI, plansPage, plansAPI, rolesPage)},
		{"a role's baseline rate of 1e7", "UPDATE roles SET baseline_rate = 1e7 WHERE id = '{role0}'",
			"Role Account executive: its baseline rate 10,000,000 is outside 0–1,000,000 an hour",
			append(money, hiringPage, hiringAPI, plansPage, plansAPI, rolesPage)},
		{"a role's negative monthly cost", "UPDATE roles SET monthly_cost = -100 WHERE id = '{role2}'",
			"Role Customer success: its monthly cost -100 is outside 0–1,000,000,000 a month",
			append(money, hiringPage, hiringAPI, plansPage, plansAPI, rolesPage)},
		{"a plan's quota of 5e-324", "UPDATE comp_plans SET quota = 5e-324 WHERE role_id = '{role1}'",
			"Compensation plan of Account manager: its quota 5e-324 is outside 0 (no quota) or 1–10,000,000,000 a year",
			append(money, plansPage, plansAPI, rolesPage)},
		{"payback months of 5e-324", "UPDATE organisations SET payback_months = 5e-324 WHERE id = '{org}'",
			"its payback months 5e-324 is outside 1–120 months",
			append(money, hiringPage, hiringAPI, settingsPage)},
		{"a fit multiplier of 1e308", "UPDATE organisations SET fit_multiplier_high = 1e308 WHERE id = '{org}'",
			"its fit multiplier at fit 100 1e308 is outside 0–10",
			append(money, hiringPage, hiringAPI, settingsPage)},
		{"a hiring cost of 1e300", "UPDATE hiring_cost_items SET amount = 1e300",
			"Hiring period 2026-01 to 2026-03 of Account executive: its advertising cost 1e300 is outside 0–1,000,000,000",
			append(money, hiringPage, hiringAPI)},
		{"days to fill of 1e300", "UPDATE role_hiring SET days_to_fill = 1e300 WHERE role_id = '{role2}'",
			"Hiring figures of Customer success: its days to fill 1e300 is outside 0–730 days",
			append(money, hiringPage, hiringAPI)},
		{"a month of a millionth of an hour", "UPDATE performance_months SET new_business_hours = 0.000001 WHERE person_id = '{staff}'",
			"Person B: their observed new-business rate 400,000,000,000 an hour is outside 0–1,000,000 an hour",
			money},
	} {
		t.Run(tc.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
				f := newFixture(t, st, clock, Config{})
				roles, people, key := storedWorld(t, f)
				b := f.browser().signIn(f.adminA)
				candidate := people[5]
				get := func(page string) (*http.Response, string) {
					switch page {
					case candidatePage:
						return b.get("/people/" + candidate.ID)
					case fitAPI:
						return f.apiRequest("GET", "/api/v1/people/"+candidate.ID+"/fit", key, "")
					case placementAPI, plansAPI, hiringAPI:
						return f.apiRequest("GET", page, key, "")
					}
					return b.get(page)
				}
				all := []string{placementPage, candidatePage, costsPage, hiringPage, plansPage, placementAPI, fitAPI, plansAPI, hiringAPI,
					rolesPage, settingsPage}
				for _, page := range all {
					resp, body := get(page)
					wantStatus(t, "before: "+page, resp, http.StatusOK, body)
					if strings.Contains(body, "is outside") {
						t.Errorf("before: %s speaks of a figure outside its range", page)
					}
				}
				storetest.Exec(t, st, strings.NewReplacer("{role0}", roles[0].ID, "{role1}", roles[1].ID, "{role2}", roles[2].ID,
					"{org}", f.orgA.ID, "{staff}", people[1].ID).Replace(tc.sql))
				// A row written behind rolefit's back is read when rolefit
				// starts (a placement is kept until rolefit changes one of
				// its inputs), as after an upgrade from an older version.
				restarted, err := New(Config{Now: clock.Now}, useCases(t, st, clock, nil, ""), slog.New(slog.DiscardHandler))
				if err != nil {
					t.Fatal(err)
				}
				f.app = restarted
				for _, page := range all {
					resp, body := get(page)
					wantStatus(t, page, resp, http.StatusOK, body)
					says := strings.Contains(body, tc.says)
					if want := slices.Contains(tc.on, page); says != want {
						t.Errorf("%s: says %q: %v, want %v", page, tc.says, says, want)
					}
					if says && !strings.HasPrefix(page, "/api/") && page != fitAPI && !strings.Contains(body, "Some saved figures are outside their ranges.") {
						t.Errorf("%s: the problem is listed without the notice's heading", page)
					}
					if strings.Contains(body, "NaN") {
						t.Errorf("%s: shows NaN", page)
					}
				}
			})
		})
	}
}
