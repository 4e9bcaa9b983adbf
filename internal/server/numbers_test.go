package server

import (
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"
)

// Every number a person or an integration sends is refused at the door
// when it is outside its range, with the field named and nothing stored:
// the values here each once broke a page for the whole organisation, or
// were stored and then answered 500.
func TestAPIRefusesNumbersOutOfRange(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	role, seller, _ := costsWorld(t, f)
	o := f.st.Scope(f.orgA.ID)
	before, err := o.Get(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, method, path, body, field string
	}{
		{"baseline rate 1e300", "POST", "/api/v1/roles", strings.Replace(sellerRole, `"baseline_rate":220`, `"baseline_rate":1e300`, 1), "baseline_rate"},
		{"baseline rate 1e7", "POST", "/api/v1/roles", strings.Replace(sellerRole, `"baseline_rate":220`, `"baseline_rate":1e7`, 1), "baseline_rate"},
		{"baseline rate 1e7 in a patch", "PATCH", "/api/v1/roles/" + role.ID, `{"baseline_rate":1e7}`, "baseline_rate"},
		{"negative monthly cost", "POST", "/api/v1/roles", strings.Replace(sellerRole, `"monthly_cost":9000`, `"monthly_cost":-100`, 1), "monthly_cost"},
		{"negative monthly cost in a patch", "PATCH", "/api/v1/roles/" + role.ID, `{"monthly_cost":-100}`, "monthly_cost"},
		{"hours beyond a month", "PATCH", "/api/v1/roles/" + role.ID, `{"hours_per_month":745}`, "hours_per_month"},
		{"a weight of 1e300", "PATCH", "/api/v1/roles/" + role.ID, `{"profile":{"farmer":1e300}}`, "profile.farmer"},
		{"seats by the billion", "PATCH", "/api/v1/roles/" + role.ID, `{"seats_max":1000000000}`, "seats_max"},
		{"a quota of 5e-324", "POST", "/api/v1/comp-plans", `{"role_id":"` + role.ID + `","base":60000,"target_variable":60000,"quota":5e-324}`, "quota"},
		{"a base of 1e300", "POST", "/api/v1/comp-plans", `{"role_id":"` + role.ID + `","base":1e300}`, "base"},
		{"payback months of 5e-324", "PATCH", "/api/v1/organisation", `{"payback_months":5e-324}`, "payback_months"},
		{"a fit multiplier of 1e308", "PATCH", "/api/v1/organisation", `{"fit_multiplier_high":1e308}`, "fit_multiplier_high"},
		{"a cost of hire of 1e300", "PATCH", "/api/v1/organisation", `{"cost_of_hire":1e300}`, "cost_of_hire"},
		{"attainment 1e-320", "GET", "/api/v1/comp-plans?attainment=1e-320", "", "attainment"},
		{"attainment 0.000001", "GET", "/api/v1/comp-plans?attainment=0.000001", "", "attainment"},
		{"attainment in hex", "GET", "/api/v1/comp-plans?attainment=0x1p0", "", "attainment"},
		{"hours too few for the revenue", "POST", "/api/v1/people/" + seller.ID + "/performance",
			`{"month":"2024-05","new_business_hours":1e-9,"new_business_revenue":1000}`, "new_business_hours"},
		{"service hours too few for the revenue", "POST", "/api/v1/people/" + seller.ID + "/performance",
			`{"month":"2024-05","service_hours":0.0001,"service_revenue":5000}`, "service_hours"},
		{"revenue of 1e300", "POST", "/api/v1/people/" + seller.ID + "/performance",
			`{"month":"2024-05","new_business_hours":100,"new_business_revenue":1e300}`, "new_business_revenue"},
		{"a hiring period from the year 0", "POST", "/api/v1/hiring-costs", `{"from_month":"0000-01","to_month":"2026-01","hires":1}`, "from_month"},
		{"a hiring period to 9999", "POST", "/api/v1/hiring-costs", `{"from_month":"2026-01","to_month":"9999-12","hires":1}`, "to_month"},
		{"a cost item of 1e300", "POST", "/api/v1/hiring-costs", `{"from_month":"2026-01","to_month":"2026-01","hires":1,"items":[{"category":"advertising","amount":1e300}]}`, "items.0.amount"},
		{"a billion hires", "POST", "/api/v1/hiring-costs", `{"from_month":"2026-01","to_month":"2026-01","hires":1000000000}`, "hires"},
	} {
		resp, body := f.apiRequest(tc.method, tc.path, key, tc.body)
		wantStatus(t, tc.name, resp, http.StatusBadRequest, body)
		if got := decode[apiErrorEnvelope](t, body).Error.Fields; got[tc.field] == "" {
			t.Errorf("%s: fields %v do not name %s", tc.name, got, tc.field)
		}
	}
	// Nothing of it was stored.
	roles, _ := o.Roles(ctx)
	if len(roles) != 1 || roles[0].BaselineRate != role.BaselineRate || roles[0].MonthlyCost != role.MonthlyCost ||
		roles[0].HoursPerMonth != role.HoursPerMonth || roles[0].SeatsMax != role.SeatsMax || roles[0].Weights[0].Weight != 1 {
		t.Errorf("roles after refusals: %+v, want only %+v unchanged", roles, role)
	}
	if ps, _ := o.CompPlans(ctx); len(ps) != 0 {
		t.Errorf("refused plans stored: %+v", ps)
	}
	if after, _ := o.Get(ctx); after.Settings != before.Settings {
		t.Errorf("settings after refusals: %+v, want %+v", after.Settings, before.Settings)
	}
	if ms, _ := o.PerformanceMonths(ctx, seller.ID); len(ms) != 2 {
		t.Errorf("%d months recorded, want the 2 there were", len(ms))
	}
	if ps, _ := o.HiringPeriods(ctx); len(ps) != 0 {
		t.Errorf("refused periods stored: %+v", ps)
	}
}

// The forms read numbers as a person types them: digits, a decimal point
// and commas between thousands, nothing Go's parser would also take (hex,
// "_", exponents), and the same ranges as the API.
func TestFormsReadDecimalNumbersOnly(t *testing.T) {
	f := sqliteFixture(t, Config{})
	role, seller, _ := costsWorld(t, f)
	o := f.st.Scope(f.orgA.ID)
	mgr := f.browser().signIn(f.mgrA)
	adm := f.browser().signIn(f.adminA)
	roleForm := func(over map[string]string) url.Values {
		v := url.Values{"name": {"Account executive"}, "activity": {"new_business"}, "seats_min": {"0"}, "seats_max": {"2"},
			"hours_per_month": {"140"}, "baseline_rate": {"220"}, "monthly_cost": {"9000"}, "profile.hunter": {"1"}}
		for k, x := range over {
			v.Set(k, x)
		}
		return v
	}
	before, _ := o.Get(ctx)
	for _, tc := range []struct {
		name  string
		b     *browser
		path  string
		form  url.Values
		field string
	}{
		{"hours in hex", mgr, "/settings/roles", roleForm(map[string]string{"hours_per_month": "0x1p4"}), "hours_per_month"},
		{"a cost with _", mgr, "/settings/roles", roleForm(map[string]string{"monthly_cost": "9_000"}), "monthly_cost"},
		{"a rate with an exponent", mgr, "/settings/roles", roleForm(map[string]string{"baseline_rate": "1e3"}), "baseline_rate"},
		{"a rate of ten million", mgr, "/settings/roles", roleForm(map[string]string{"baseline_rate": "10,000,000"}), "baseline_rate"},
		{"seats in hex", mgr, "/settings/roles", roleForm(map[string]string{"seats_max": "0x2"}), "seats_max"},
		{"a negative cost", mgr, "/settings/roles", roleForm(map[string]string{"monthly_cost": "-100"}), "monthly_cost"},
		{"payback in hex", adm, "/settings/organisation", orgForm(map[string]string{"payback_months": "0x1p4"}), "payback_months"},
		{"payback of 5e-324", adm, "/settings/organisation", orgForm(map[string]string{"payback_months": "0.0000001"}), "payback_months"},
		{"a fit multiplier of 20", adm, "/settings/organisation", orgForm(map[string]string{"fit_multiplier_high": "20"}), "fit_multiplier_high"},
		{"a quota with an exponent", mgr, "/costs/plans", url.Values{"role_id": {role.ID}, "base": {"60000"}, "target_variable": {"1000"}, "quota": {"1e6"}}, "quota"},
		{"a quota below 1", mgr, "/costs/plans", url.Values{"role_id": {role.ID}, "base": {"60000"}, "target_variable": {"1000"}, "quota": {"0.5"}}, "quota"},
		{"a cost item with _", mgr, "/costs/hiring", url.Values{"from_month": {"2026-01"}, "to_month": {"2026-01"}, "hires": {"1"}, "cost.advertising": {"1_000"}}, "cost.advertising"},
		{"hires in hex", mgr, "/costs/hiring", url.Values{"from_month": {"2026-01"}, "to_month": {"2026-01"}, "hires": {"0x1"}}, "hires"},
		{"days to fill with an exponent", mgr, "/costs/hiring/role", url.Values{"hire_role_id": {role.ID}, "days_to_fill": {"3e1"}}, "days_to_fill"},
		{"days to fill beyond two years", mgr, "/costs/hiring/role", url.Values{"hire_role_id": {role.ID}, "days_to_fill": {"1,000"}}, "days_to_fill"},
		{"hours too few for the revenue", mgr, "/people/" + seller.ID + "/performance",
			url.Values{"month": {"2024-05"}, "new_business_hours": {"0.000001"}, "new_business_revenue": {"1,000"}}, "new_business_hours"},
		{"hours in hex", mgr, "/people/" + seller.ID + "/performance", url.Values{"month": {"2024-05"}, "new_business_hours": {"0x10"}}, "new_business_hours"},
	} {
		resp, body := tc.b.post(tc.path, tc.form)
		wantStatus(t, tc.name, resp, http.StatusBadRequest, body)
		wantContains(t, tc.name, body, `id="e-`+tc.field+`"`)
	}
	for _, tc := range []struct{ name, query, field string }{
		{"hours in hex", "hours=0x1p4", "hours"},
		{"churn with _", "churn=0_5", "churn"},
		{"a rate with an exponent", "new_rate=5e3", "new_rate"},
		{"months as a fraction", "months=2.5", "months"},
	} {
		resp, body := mgr.get("/costs?" + tc.query)
		wantStatus(t, "costs: "+tc.name, resp, http.StatusBadRequest, body)
		wantContains(t, "costs: "+tc.name, body, `id="e-`+tc.field+`"`)
	}
	resp, body := mgr.get("/costs/plans?attainment=1e-320")
	wantStatus(t, "plans at attainment 1e-320", resp, http.StatusBadRequest, body)

	// Nothing was stored.
	roles, _ := o.Roles(ctx)
	if len(roles) != 1 {
		t.Errorf("%d roles after refusals, want 1", len(roles))
	}
	if ps, _ := o.CompPlans(ctx); len(ps) != 0 {
		t.Errorf("refused plans stored: %+v", ps)
	}
	if hs, _ := o.RoleHirings(ctx); len(hs) != 0 {
		t.Errorf("refused hiring figures stored: %+v", hs)
	}
	if ps, _ := o.HiringPeriods(ctx); len(ps) != 0 {
		t.Errorf("refused periods stored: %+v", ps)
	}
	if after, _ := o.Get(ctx); after.Settings != before.Settings {
		t.Errorf("settings after refusals: %+v, want %+v", after.Settings, before.Settings)
	}
	if ms, _ := o.PerformanceMonths(ctx, seller.ID); len(ms) != 2 {
		t.Errorf("%d months recorded, want the 2 there were", len(ms))
	}

	// Commas between thousands are how money is typed, on every form.
	resp, body = mgr.post("/settings/roles", roleForm(map[string]string{"monthly_cost": "9,000", "baseline_rate": "1,000.50"}))
	wantStatus(t, "a role typed with commas", resp, http.StatusSeeOther, body)
	resp, body = adm.post("/settings/organisation", orgForm(map[string]string{"cost_of_hire": "9,000"}))
	wantStatus(t, "settings typed with commas", resp, http.StatusSeeOther, body)
	resp, body = mgr.post("/people/"+seller.ID+"/performance", url.Values{"month": {"2024-05"}, "new_business_hours": {"100"}, "new_business_revenue": {"250,000"}})
	wantStatus(t, "a month typed with commas", resp, http.StatusSeeOther, body)
	roles, _ = o.Roles(ctx)
	var added *rolefit.Role
	for i := range roles {
		if roles[i].Name == "Account executive" {
			added = &roles[i]
		}
	}
	if added == nil || added.MonthlyCost != 9000 || added.BaselineRate != 1000.5 {
		t.Errorf("role typed with commas stored as %+v", added)
	}
}

// A performance file's cells are read as the forms read numbers, and
// checked against the same ranges: an hour's rate above a million is a
// typing slip on the hours, and the row and column say where.
func TestPerformanceFileNumbers(t *testing.T) {
	f := sqliteFixture(t, Config{})
	_, seller, _ := costsWorld(t, f)
	b := f.browser().signIn(f.mgrA)
	for _, tc := range []struct{ name, csv, field string }{
		{"too few hours", "person,month,new_business_hours,new_business_revenue,service_hours,service_revenue\n" +
			seller.ID + ",2024-05,0.000000001,1000,0,0\n", "row 2: new_business_hours"},
		{"an exponent", "person,month,new_business_hours,new_business_revenue,service_hours,service_revenue\n" +
			seller.ID + ",2024-05,1e2,1000,0,0\n", "row 2: new_business_hours"},
		{"hex", "person,month,new_business_hours,new_business_revenue,service_hours,service_revenue\n" +
			seller.ID + ",2024-05,10,0x10,0,0\n", "row 2: new_business_revenue"},
	} {
		resp, body := b.post("/people/"+seller.ID+"/performance/import", url.Values{"csv": {tc.csv}})
		wantStatus(t, tc.name, resp, http.StatusBadRequest, body)
		wantContains(t, tc.name, body, tc.field)
	}
	if ms, _ := f.st.Scope(f.orgA.ID).PerformanceMonths(ctx, seller.ID); len(ms) != 2 {
		t.Errorf("%d months recorded, want the 2 there were", len(ms))
	}
}
