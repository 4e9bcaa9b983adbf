package server

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"

	usecases "rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/placement"
)

const sellerRole = `{"name":"Account executive","activity":"new_business","profile":{"hunter":3,"farmer":1},"seats_min":1,"seats_max":2,"hours_per_month":140,"baseline_rate":220,"monthly_cost":9000}`

func TestAPIRolesBadInput(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	resp, body := f.apiRequest("POST", "/api/v1/roles", key, sellerRole)
	wantStatus(t, "create", resp, http.StatusCreated, body)
	role := decode[apiRole](t, body)
	if role.Name != "Account executive" || role.Profile["hunter"] != 3 || role.SeatsMax != 2 || role.NewBusinessShare != 1 {
		t.Errorf("created role = %+v", role)
	}
	for _, tc := range []struct {
		name, body, field string
	}{
		{"seats min above max", `{"seats_min":3,"seats_max":2}`, "seats_min"},
		{"negative seats", `{"seats_min":-1}`, "seats_min"},
		{"negative maximum", `{"seats_min":0,"seats_max":-4}`, "seats_max"},
		{"no positive weight", `{"profile":{"hunter":0}}`, "profile"},
		{"an unknown scale", `{"profile":{"hunter":1,"charm":1}}`, "profile.charm"},
		{"a negative weight", `{"profile":{"hunter":1,"farmer":-1}}`, "profile.farmer"},
		{"unknown activity", `{"activity":"hunting"}`, "activity"},
		{"share above 1", `{"activity":"mix","new_business_share":1.2}`, "new_business_share"},
		{"share below 0", `{"activity":"mix","new_business_share":-0.5}`, "new_business_share"},
		{"seats not a number", `{"seats_max":"two"}`, "seats_max"},
		{"a field rolefit does not know", `{"seats":2}`, "seats"},
	} {
		// The same change as a new role (the seller with it) and as a patch.
		var full map[string]any
		json.Unmarshal([]byte(sellerRole), &full)
		var change map[string]any
		if err := json.Unmarshal([]byte(tc.body), &change); err != nil {
			t.Fatal(err)
		}
		for k, v := range change {
			full[k] = v
		}
		full["name"] = "Another"
		b, _ := json.Marshal(full)
		resp, body := f.apiRequest("POST", "/api/v1/roles", key, string(b))
		wantStatus(t, tc.name+": create", resp, http.StatusBadRequest, body)
		if fields := decode[apiErrorEnvelope](t, body).Error.Fields; fields[tc.field] == "" {
			t.Errorf("%s: create: fields %v do not name %s", tc.name, fields, tc.field)
		}
		resp, body = f.apiRequest("PATCH", "/api/v1/roles/"+role.ID, key, tc.body)
		wantStatus(t, tc.name+": patch", resp, http.StatusBadRequest, body)
		if fields := decode[apiErrorEnvelope](t, body).Error.Fields; fields[tc.field] == "" {
			t.Errorf("%s: patch: fields %v do not name %s", tc.name, fields, tc.field)
		}
	}
	resp, body = f.apiRequest("POST", "/api/v1/roles", key, strings.Replace(sellerRole, "Account executive", "ACCOUNT EXECUTIVE", 1))
	wantStatus(t, "a second role of the same name", resp, http.StatusConflict, body)
	resp, body = f.apiRequest("GET", "/api/v1/roles", key, "")
	wantStatus(t, "list", resp, http.StatusOK, body)
	list := decode[listResponse[apiRole]](t, body)
	if len(list.Items) != 1 || list.Items[0].SeatsMin != 1 || list.Items[0].Profile["farmer"] != 1 || len(list.Items[0].Profile) != 2 {
		t.Errorf("roles after bad input = %+v, want the first alone, unchanged", list.Items)
	}
	resp, body = f.apiRequest("PATCH", "/api/v1/roles/"+role.ID, key, `{"seats_max":4,"profile":{"farmer":2}}`)
	wantStatus(t, "patch", resp, http.StatusOK, body)
	if got := decode[apiRole](t, body); got.SeatsMax != 4 || got.SeatsMin != 1 || len(got.Profile) != 1 || got.Profile["farmer"] != 2 || got.Name != role.Name {
		t.Errorf("patched role = %+v", got)
	}
	resp, body = f.apiRequest("DELETE", "/api/v1/roles/"+role.ID, key, "")
	wantStatus(t, "delete", resp, http.StatusNoContent, body)
	resp, body = f.apiRequest("GET", "/api/v1/roles/"+role.ID, key, "")
	wantStatus(t, "deleted", resp, http.StatusNotFound, body)
}

type apiErrorEnvelope struct {
	Error struct {
		Code   string            `json:"code"`
		Fields map[string]string `json:"fields"`
	} `json:"error"`
}

// placementTeam gives organisation A three roles and eight people with
// simulated self-reports (five staff, three candidates); the first staff
// member is in customer success today.
func placementTeam(t *testing.T, f *fixture) (roles []rolefit.Role, people []*rolefit.Person) {
	t.Helper()
	uc := useCases(t, f.st, f.clock, nil, "")
	act := usecases.UserActor(f.mgrA)
	for _, in := range []rolefit.RoleInput{
		{Name: "Account executive", Activity: rolefit.ActivityNewBusiness, SeatsMin: 1, SeatsMax: 2, HoursPerMonth: 140, BaselineRate: 220, MonthlyCost: 9000,
			Weights: []rolefit.RoleWeight{{ScaleID: "hunter", Weight: 3}, {ScaleID: "farmer", Weight: 1}}},
		{Name: "Account manager", Activity: rolefit.ActivityMix, NewBusinessShare: 0.3, SeatsMin: 1, SeatsMax: 2, HoursPerMonth: 140, BaselineRate: 170, MonthlyCost: 7500,
			Weights: []rolefit.RoleWeight{{ScaleID: "farmer", Weight: 2}, {ScaleID: "hunter", Weight: 1}}},
		{Name: "Customer success", Activity: rolefit.ActivityAccountService, SeatsMin: 0, SeatsMax: 3, HoursPerMonth: 140, BaselineRate: 140, MonthlyCost: 6000,
			Weights: []rolefit.RoleWeight{{ScaleID: "farmer", Weight: 1}}},
	} {
		r, err := uc.CreateRole(ctx, act, in)
		if err != nil {
			t.Fatal(err)
		}
		roles = append(roles, *r)
	}
	q := salesService(t)
	rng := rand.New(rand.NewPCG(11, 12))
	for i := range 8 {
		kind := rolefit.Staff
		if i >= 5 {
			kind = rolefit.Candidate
		}
		p, err := uc.AddPerson(ctx, act, rolefit.NewPerson{Name: "Person " + string(rune('A'+i)), Kind: kind})
		if err != nil {
			t.Fatal(err)
		}
		answers := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers
		if _, err := uc.RecordResponse(ctx, act, usecases.RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: answers}); err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	if err := uc.SetCurrentRole(ctx, act, people[0].ID, roles[2].ID); err != nil {
		t.Fatal(err)
	}
	return roles, people
}

func TestAPIPlacement(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	resp, body := f.apiRequest("GET", "/api/v1/placement", key, "")
	wantStatus(t, "empty", resp, http.StatusOK, body)
	if got := decode[apiPlacement](t, body); len(got.Assignment) != 0 || got.Total != 0 || !got.DefaultAssumptions || got.Currency != "USD" {
		t.Errorf("placement with no roles = %+v", got)
	}
	roles, people := placementTeam(t, f)
	uc := useCases(t, f.st, f.clock, nil, "")
	for _, tc := range []struct {
		name  string
		query string
		pins  []placement.Pin
	}{
		{"no pins", "", nil},
		{"one pin", "?pin=" + people[0].ID + ":" + roles[0].ID, []placement.Pin{{PersonID: people[0].ID, RoleID: roles[0].ID}}},
		{"two pins", "?pin=" + people[1].ID + ":" + roles[2].ID + "&pin=" + people[6].ID + ":" + roles[2].ID,
			[]placement.Pin{{PersonID: people[1].ID, RoleID: roles[2].ID}, {PersonID: people[6].ID, RoleID: roles[2].ID}}},
	} {
		resp, body := f.apiRequest("GET", "/api/v1/placement"+tc.query, key, "")
		wantStatus(t, tc.name, resp, http.StatusOK, body)
		got := decode[apiPlacement](t, body)
		want, err := uc.Placement(ctx, usecases.UserActor(f.mgrA), tc.pins)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.Total-want.Plan.Total) > 1e-6 || len(got.Assignment) != len(people) {
			t.Errorf("%s: total %.2f over %d people, want %.2f over %d", tc.name, got.Total, len(got.Assignment), want.Plan.Total, len(people))
		}
		sum, filled := 0.0, map[string]int{}
		for _, pl := range want.Plan.People {
			if got.Assignment[pl.PersonID] != pl.RoleID {
				t.Errorf("%s: %s in %q, want %q", tc.name, pl.Name, got.Assignment[pl.PersonID], pl.RoleID)
			}
		}
		for _, pl := range got.People {
			sum += pl.Net
			filled[pl.RoleID]++
		}
		if math.Abs(sum-got.Total) > 0.01 {
			t.Errorf("%s: the people's values add up to %.2f, the total is %.2f", tc.name, sum, got.Total)
		}
		for _, r := range roles {
			if n := filled[r.ID]; n < r.SeatsMin || n > r.SeatsMax {
				t.Errorf("%s: %s holds %d, seats %d–%d", tc.name, r.Name, n, r.SeatsMin, r.SeatsMax)
			}
		}
		if len(got.Roles) != len(roles) || got.Roles[0].Name == "" {
			t.Errorf("%s: roles = %+v", tc.name, got.Roles)
		}
		if len(got.Pins) != len(tc.pins) {
			t.Fatalf("%s: %d pin outcomes, want %d", tc.name, len(got.Pins), len(tc.pins))
		}
		for k, pin := range tc.pins {
			if got.Assignment[pin.PersonID] != pin.RoleID {
				t.Errorf("%s: pin %d not kept", tc.name, k)
			}
			if got.Pins[k].Cost != want.Plan.Pins[k].Cost || !got.Pins[k].Cost.Possible || got.Pins[k].Cost.Value > 1e-9 {
				t.Errorf("%s: pin %d costs %+v, want %+v (a pin never raises the total)", tc.name, k, got.Pins[k].Cost, want.Plan.Pins[k].Cost)
			}
		}
	}
	for _, tc := range []struct{ name, query, field string }{
		{"not PERSON:ROLE", "?pin=" + people[0].ID, "pins[0]"},
		{"unknown person", "?pin=NOBODY:" + roles[0].ID, "pins[0]"},
		{"unknown role", "?pin=" + people[0].ID + ":NOROLE", "pins[0]"},
		{"beyond the seats", "?pin=" + people[0].ID + ":" + roles[0].ID + "&pin=" + people[1].ID + ":" + roles[0].ID + "&pin=" + people[2].ID + ":" + roles[0].ID, "pins[2]"},
	} {
		resp, body := f.apiRequest("GET", "/api/v1/placement"+tc.query, key, "")
		wantStatus(t, tc.name, resp, http.StatusBadRequest, body)
		if fields := decode[apiErrorEnvelope](t, body).Error.Fields; fields[tc.field] == "" {
			t.Errorf("%s: fields %v do not name %s", tc.name, fields, tc.field)
		}
	}

	resp, body = f.apiRequest("GET", "/api/v1/people/"+people[0].ID+"/fit", key, "")
	wantStatus(t, "fit", resp, http.StatusOK, body)
	fit := decode[apiFit](t, body)
	if !fit.HasProfile || len(fit.Roles) != len(roles) || !fit.Placed || fit.Roles[0].Valuation.Fit.Parts == nil {
		t.Errorf("fit = %+v", fit)
	}
	for _, rf := range fit.Roles {
		v := rf.Valuation
		if want := v.Hours*v.Rate*v.GrossMargin - v.MonthlyCost; math.Abs(v.Value-want) > 1e-6 {
			t.Errorf("%s: value %.2f, want hours × rate × margin − cost = %.2f", rf.RoleName, v.Value, want)
		}
	}
	// Another organisation's key sees no roles and places nobody.
	_, keyB, _ := f.st.Scope(f.orgB.ID).CreateAPIKey(ctx, "b", rolefit.ActorOf(f.adminB))
	resp, body = f.apiRequest("GET", "/api/v1/roles", keyB, "")
	if list := decode[listResponse[apiRole]](t, body); resp.StatusCode != http.StatusOK || len(list.Items) != 0 {
		t.Errorf("B lists %d roles (status %d)", len(list.Items), resp.StatusCode)
	}
	resp, body = f.apiRequest("GET", "/api/v1/placement?pin="+people[0].ID+":"+roles[0].ID, keyB, "")
	wantStatus(t, "B pins A's person", resp, http.StatusBadRequest, body)
}

func TestRolesPage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	resp, body := b.get("/settings/roles")
	wantStatus(t, "roles", resp, http.StatusOK, body)
	wantContains(t, "roles", body, "No roles yet", "Add a role", `name="profile.hunter"`)
	form := url.Values{"name": {"Account executive"}, "activity": {"new_business"}, "seats_min": {"abc"}, "seats_max": {"1"},
		"hours_per_month": {"140"}, "baseline_rate": {"220"}, "monthly_cost": {"9000"}, "profile.hunter": {"0"}}
	resp, body = b.post("/settings/roles", form)
	wantStatus(t, "bad role", resp, http.StatusBadRequest, body)
	wantContains(t, "bad role", body, "must be a whole number", `value="abc"`, `value="Account executive"`, "needs at least one scale with a positive weight")
	form.Set("seats_min", "2")
	form.Set("profile.hunter", "3")
	resp, body = b.post("/settings/roles", form)
	wantStatus(t, "min above max", resp, http.StatusBadRequest, body)
	wantContains(t, "min above max", body, "is above the maximum (1)", `value="3"`)
	if rs, err := f.st.Scope(f.orgA.ID).Roles(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(rs) != 0 {
		t.Fatalf("%d roles stored after bad input", len(rs))
	}
	form.Set("seats_min", "1")
	resp, body = b.post("/settings/roles", form)
	wantStatus(t, "add", resp, http.StatusSeeOther, body)
	rs, _ := f.st.Scope(f.orgA.ID).Roles(ctx)
	if len(rs) != 1 || rs[0].SeatsMin != 1 || rs[0].Weights[0].Weight != 3 {
		t.Fatalf("roles = %+v", rs)
	}
	resp, body = b.get("/settings/roles")
	wantStatus(t, "list", resp, http.StatusOK, body)
	wantContains(t, "list", body, "Account executive", "$220", "$9,000", "hunter 3")
	resp, body = b.get("/settings/roles/" + rs[0].ID)
	wantStatus(t, "edit", resp, http.StatusOK, body)
	wantContains(t, "edit", body, `value="220"`, "Delete Account executive")
	form.Set("activity", "mix")
	form.Set("new_business_share", "1.5")
	resp, body = b.post("/settings/roles/"+rs[0].ID, form)
	wantStatus(t, "bad edit", resp, http.StatusBadRequest, body)
	wantContains(t, "bad edit", body, "must be between 0 and 1", `value="1.5"`)
	form.Set("new_business_share", "0.6")
	resp, body = b.post("/settings/roles/"+rs[0].ID, form)
	wantStatus(t, "edit", resp, http.StatusSeeOther, body)
	if r, err := f.st.Scope(f.orgA.ID).Role(ctx, rs[0].ID); err != nil {
		t.Fatalf("read: %v", err)
	} else if r.Activity != "mix" || r.NewBusinessShare != 0.6 {
		t.Errorf("edited role = %+v", r)
	}
	resp, body = b.post("/settings/roles/"+rs[0].ID+"/delete", url.Values{})
	wantStatus(t, "delete", resp, http.StatusSeeOther, body)
	if rs, err := f.st.Scope(f.orgA.ID).Roles(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(rs) != 0 {
		t.Errorf("%d roles after delete", len(rs))
	}
}

func TestPlacementPage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	resp, body := b.get("/placement")
	wantStatus(t, "no roles", resp, http.StatusOK, body)
	wantContains(t, "no roles", body, "No roles yet", `href="/settings/roles"`, "your organisation has not changed them")
	roles, people := placementTeam(t, f)
	resp, body = b.get("/placement")
	wantStatus(t, "placement", resp, http.StatusOK, body)
	wantContains(t, "placement", body, "value, recommended", roles[0].Name, roles[2].Name, people[0].Name,
		"One more seat", "0.6× at fit 0 to 1.4× at fit 100", "70%")
	pin := people[0].ID + ":" + roles[0].ID
	resp, body = b.get("/placement?pin=" + pin)
	wantStatus(t, "pinned", resp, http.StatusOK, body)
	wantContains(t, "pinned", body, "Pins", "kept in "+roles[0].Name, `value="`+pin+`" checked`, "costs the team")
	// A staff member's role today is changed from the page, which comes
	// back to where it was, and only to a Placement page.
	resp, body = b.post("/people/"+people[1].ID+"/current-role", url.Values{"role_id": {roles[1].ID}, "back": {"/placement?pin=" + pin}})
	wantStatus(t, "role today", resp, http.StatusSeeOther, body)
	if loc := resp.Header.Get("Location"); loc != "/placement?pin="+pin {
		t.Errorf("after saving a role today, sent to %q", loc)
	}
	if p, err := f.st.Scope(f.orgA.ID).Person(ctx, people[1].ID); err != nil {
		t.Fatalf("read: %v", err)
	} else if p.CurrentRoleID == nil || *p.CurrentRoleID != roles[1].ID {
		t.Errorf("role today = %v, want %s", p.CurrentRoleID, roles[1].ID)
	}
	resp, _ = b.post("/people/"+people[1].ID+"/current-role", url.Values{"role_id": {""}, "back": {"//evil.example/placement"}})
	if loc := resp.Header.Get("Location"); loc != "/placement" {
		t.Errorf("sent to %q, want /placement", loc)
	}
	resp, body = b.post("/people/"+people[6].ID+"/current-role", url.Values{"role_id": {roles[1].ID}})
	wantStatus(t, "a candidate's role today", resp, http.StatusBadRequest, body)
	resp, body = b.get("/placement?pin=NOBODY:" + roles[0].ID)
	wantStatus(t, "bad pin", resp, http.StatusBadRequest, body)
	wantContains(t, "bad pin", body, "pins[0]", "there is no person")
}

// TestAPIPlacementRoleCosts: the placement API says what it charged each
// role and where that came from, so every figure can be traced.
func TestAPIPlacementRoleCosts(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	roles, _ := placementTeam(t, f)
	costsOf := func(name string) map[string]apiRoleOutcome {
		t.Helper()
		resp, body := f.apiRequest("GET", "/api/v1/placement", key, "")
		wantStatus(t, name, resp, http.StatusOK, body)
		out := map[string]apiRoleOutcome{}
		for _, r := range decode[apiPlacement](t, body).Roles {
			out[r.RoleID] = r
		}
		if len(out) != len(roles) {
			t.Fatalf("%s: %d roles, want %d", name, len(out), len(roles))
		}
		return out
	}
	for _, r := range roles {
		got := costsOf("no plans")[r.ID]
		if got.CostSource != "role" || got.MonthlyCost != r.MonthlyCost || got.CostOfHire != nil {
			t.Errorf("no plans: %s costs %v from %q, hire %v; want %v from the role, no hire cost", r.Name, got.MonthlyCost, got.CostSource, got.CostOfHire, r.MonthlyCost)
		}
	}
	// (60,000 × 1.25 + 60,000) / 12 = 11,250 a month.
	resp, body := f.apiRequest("POST", "/api/v1/comp-plans", key, `{"role_id":"`+roles[0].ID+`","base":60000,"target_variable":60000,"quota":600000}`)
	wantStatus(t, "a plan", resp, http.StatusOK, body)
	// 12,000 over 2 hires: 6,000 a hire, no days to fill or ramp-up.
	resp, body = f.apiRequest("POST", "/api/v1/hiring-costs", key, `{"role_id":"`+roles[1].ID+`","from_month":"2026-01","to_month":"2026-03","hires":2,`+
		`"items":[{"category":"advertising","amount":3000},{"category":"agency_fees","amount":9000}]}`)
	wantStatus(t, "a hiring period", resp, http.StatusCreated, body)
	got := costsOf("a plan and hiring costs")
	if r := got[roles[0].ID]; r.CostSource != "compensation_plan" || r.MonthlyCost != 11250 {
		t.Errorf("role with a plan: %v from %q, want 11250 from compensation_plan", r.MonthlyCost, r.CostSource)
	}
	if r := got[roles[1].ID]; r.CostSource != "role" || r.MonthlyCost != roles[1].MonthlyCost || r.CostOfHire == nil || *r.CostOfHire != 6000 {
		t.Errorf("role with hiring costs: %v from %q, hire %v; want %v from the role, hire 6000", r.MonthlyCost, r.CostSource, r.CostOfHire, roles[1].MonthlyCost)
	}
}
