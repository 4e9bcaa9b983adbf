package server

import (
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"
)

// costsWorld adds to organisation A a customer-success role and two
// staff members, a seller with a year of records and one without any.
func costsWorld(t *testing.T, f *fixture) (role *rolefit.Role, seller, quiet *rolefit.Person) {
	t.Helper()
	o, by := f.st.Scope(f.orgA.ID), rolefit.ActorOf(f.adminA)
	role, err := o.CreateRole(ctx, rolefit.RoleInput{Name: "Customer success", Activity: rolefit.ActivityAccountService, SeatsMax: 3,
		HoursPerMonth: 140, BaselineRate: 150, MonthlyCost: 6000, Weights: []rolefit.RoleWeight{{ScaleID: "farmer", Weight: 1}}}, by)
	if err != nil {
		t.Fatal(err)
	}
	seller, _ = o.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana Star", Kind: rolefit.Staff}, by)
	other, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Sam Steady", Kind: rolefit.Staff}, by)
	quiet, _ = o.CreatePerson(ctx, rolefit.NewPerson{Name: "Quinn Quiet", Kind: rolefit.Staff}, by)
	var ins []rolefit.PerformanceInput
	for _, m := range []string{"2025-01", "2025-02"} {
		ins = append(ins,
			rolefit.PerformanceInput{Person: seller.ID, Month: m, NewBusinessHours: 60, NewBusinessRevenue: 300000, ServiceHours: 60, ServiceRevenue: 60000},
			rolefit.PerformanceInput{Person: other.ID, Month: m, NewBusinessHours: 100, NewBusinessRevenue: 200000})
	}
	if _, err := o.RecordPerformance(ctx, ins, nil, false, by); err != nil {
		t.Fatal(err)
	}
	return role, seller, quiet
}

func TestCompPlansPage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	resp, body := b.get("/costs/plans")
	wantStatus(t, "no roles", resp, http.StatusOK, body)
	wantContains(t, "no roles", body, "No roles yet")
	role, _, _ := costsWorld(t, f)
	resp, body = b.get("/costs/plans")
	wantStatus(t, "a role without a plan", resp, http.StatusOK, body)
	wantContains(t, "a role without a plan", body, "No plan yet: placement uses the role&#39;s own monthly cost, $6,000.", `placeholder="100%"`)
	if strings.Contains(body, "%!") {
		t.Errorf("a message's format shows on the page: %s", body)
	}

	// Bad input: every problem named, what was typed kept, nothing stored.
	resp, body = b.post("/costs/plans", url.Values{"role_id": {role.ID}, "base": {"sixty"}, "target_variable": {"10000"},
		"basis": {"commission"}, "benefits_load": {"0.5"}})
	wantStatus(t, "bad plan", resp, http.StatusBadRequest, body)
	wantContains(t, "bad plan", body, `value="sixty"`, `value="10000"`, "must be a number", "is needed for a commission", "benefits_load")
	if ps, err := f.st.Scope(f.orgA.ID).CompPlans(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(ps) != 0 {
		t.Errorf("a bad plan stored %+v", ps)
	}
	resp, body = b.post("/costs/plans", url.Values{"role_id": {"nope"}, "base": {"1"}})
	wantStatus(t, "unknown role", resp, http.StatusBadRequest, body)
	wantContains(t, "unknown role", body, "choose one of your organisation")

	// 60,000 base, 6,000 bonus: (60,000 × 1.25 + 6,000) / 12 = 6,750.
	resp, body = b.post("/costs/plans", url.Values{"role_id": {role.ID}, "base": {"60,000"}, "target_variable": {"6000"},
		"basis": {"bonus"}})
	wantStatus(t, "good plan", resp, http.StatusSeeOther, body)
	_, body = b.get("/costs/plans")
	wantContains(t, "plans", body, "$6,750", "$66,000", "91% / 9%", "base × 1.25", "no quota", "bonus up to $6,000")

	resp, body = b.get("/costs/plans?attainment=lots")
	wantStatus(t, "bad attainment", resp, http.StatusBadRequest, body)
	wantContains(t, "bad attainment", body, "Please correct the attainment.", `value="lots"`)
}

func TestHiringCostsPage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	role, _, _ := costsWorld(t, f)
	o := f.st.Scope(f.orgA.ID)
	// Costs against no hires: refused, with the typed amounts kept.
	resp, body := b.post("/costs/hiring", url.Values{"role_id": {role.ID}, "from_month": {"2026-01"}, "to_month": {"2026-02"},
		"cost.advertising": {"1,000"}, "cost.travel": {"-5"}, "hires": {"0"}})
	wantStatus(t, "no hires", resp, http.StatusBadRequest, body)
	wantContains(t, "no hires", body, "must be at least 1 when hiring costs are recorded", `value="1,000"`, `id="e-cost.travel"`)
	if ps, err := o.HiringPeriods(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(ps) != 0 {
		t.Errorf("a refused period stored %+v", ps)
	}
	// 1,000 + 9,000 external and 2,000 internal over 2 hires: 6,000;
	// 12,000 of 150,000 is 8.0%.
	resp, body = b.post("/costs/hiring", url.Values{"role_id": {role.ID}, "from_month": {"2026-01"}, "to_month": {"2026-02"},
		"cost.advertising": {"1000"}, "cost.agency_fees": {"9000"}, "cost.recruiter_time": {"2000"}, "hires": {"2"},
		"first_year_compensation": {"150000"}})
	wantStatus(t, "a period", resp, http.StatusSeeOther, body)
	// A ramp share above 1 is named by its month.
	resp, body = b.post("/costs/hiring/role", url.Values{"hire_role_id": {role.ID}, "days_to_fill": {"30.4375"}, "ramp": {"0.5, 150%"}})
	wantStatus(t, "bad ramp", resp, http.StatusBadRequest, body)
	wantContains(t, "bad ramp", body, "month 2 must be between 0 and 1", `value="0.5, 150%"`)
	// 140 h × 150 × 0.7 = 14,700 a month: a month empty 14,700, a month
	// at half 7,350, with the 6,000: 28,050.
	resp, body = b.post("/costs/hiring/role", url.Values{"hire_role_id": {role.ID}, "days_to_fill": {"30.4375"}, "ramp": {"50%"}})
	wantStatus(t, "ramp", resp, http.StatusSeeOther, body)
	resp, body = b.get("/costs/hiring")
	wantStatus(t, "hiring page", resp, http.StatusOK, body)
	wantContains(t, "hiring page", body, "<strong>$6,000</strong>", "8.0%", "$14,700", "$7,350", "<strong>$28,050</strong>", "50%",
		"Advertising $1,000; Agency fees $9,000; Recruiters&#39; time $2,000")
}

func TestMovePage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	_, seller, quiet := costsWorld(t, f)
	resp, body := b.get("/costs/move")
	wantStatus(t, "picker", resp, http.StatusOK, body)
	wantContains(t, "picker", body, "Dana Star", "Sam Steady")
	if strings.Contains(body, "Quinn Quiet") {
		t.Error("the picker offers a person without performance records")
	}
	resp, body = b.get("/costs/move?person=" + quiet.ID)
	wantStatus(t, "no records", resp, http.StatusBadRequest, body)
	wantContains(t, "no records", body, "Quinn Quiet has no performance records yet.")
	resp, body = b.get("/costs/move?person=" + seller.ID)
	wantStatus(t, "move", resp, http.StatusOK, body)
	wantContains(t, "move", body, "Move Dana Star?", "Keep selling, hire service", "Move to service", "Keep both jobs",
		"Over 12 months", "Over 36 months", `<span class="tag">best</span>`, "$5,000", "30 accounts", `<svg class="chart"`)
	for _, bad := range []string{"NaN", "Inf"} {
		if strings.Contains(body, bad) {
			t.Errorf("move page contains %q", bad)
		}
	}
	// Another organisation's admin finds no such person.
	other := f.browser().signIn(f.adminB)
	resp, body = other.get("/costs/move?person=" + seller.ID)
	wantStatus(t, "other organisation", resp, http.StatusNotFound, body)
	// The person's page links here.
	_, body = b.get("/people/" + seller.ID)
	wantContains(t, "person page", body, `href="/costs/move?person=`+seller.ID+`"`)
}

func TestCostsPageOwnFigures(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	costsWorld(t, f)
	resp, body := b.get("/costs")
	wantStatus(t, "costs", resp, http.StatusOK, body)
	// Dana: 300,000 over 60 h is 5,000; 60,000 over 60 h is 1,000; 120 h
	// a month. 300,000 of 500,000 new business a month is 60%, 210,000 of
	// gross profit at risk.
	wantContains(t, "costs", body, `value="5000"`, `value="1000"`, `value="120"`, "Default from Dana Star&#39;s records, their last 2 recorded months", "Dana Star: hiring service pulls ahead",
		"Key-person exposure", "<strong>60%</strong>", "$210,000", "<strong>40%</strong>", `href="/costs/move?person=`)
}

func TestCostsAPI(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	role, seller, _ := costsWorld(t, f)
	for _, tc := range []struct {
		name, method, path, body string
		status                   int
		field                    string
	}{
		{"bad basis", "POST", "/api/v1/comp-plans", `{"role_id":"` + role.ID + `","base":1,"basis":"tips"}`, 400, "basis"},
		{"unknown role", "POST", "/api/v1/comp-plans", `{"role_id":"nope","base":1}`, 400, "role_id"},
		{"negative base", "POST", "/api/v1/comp-plans", `{"role_id":"` + role.ID + `","base":-1}`, 400, "base"},
		{"bad attainment", "GET", "/api/v1/comp-plans?attainment=11", "", 400, "attainment"},
		{"costs against no hires", "POST", "/api/v1/hiring-costs", `{"from_month":"2026-01","to_month":"2026-01","hires":0,"items":[{"category":"advertising","amount":5}]}`, 400, "hires"},
		{"bad category", "POST", "/api/v1/hiring-costs", `{"from_month":"2026-01","to_month":"2026-01","hires":1,"items":[{"category":"snacks","amount":5}]}`, 400, "items.0.category"},
		{"bad month", "POST", "/api/v1/hiring-costs", `{"from_month":"January","to_month":"2026-01","hires":1}`, 400, "from_month"},
	} {
		resp, body := f.apiRequest(tc.method, tc.path, key, tc.body)
		wantStatus(t, tc.name, resp, tc.status, body)
		if got := decode[apiErrorBodyJSON](t, body); got.Error.Fields[tc.field] == "" {
			t.Errorf("%s: fields %v, want %s", tc.name, got.Error.Fields, tc.field)
		}
	}
	if ps, err := f.st.Scope(f.orgA.ID).CompPlans(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(ps) != 0 {
		t.Errorf("refused plans stored: %+v", ps)
	}
	resp, body := f.apiRequest("POST", "/api/v1/comp-plans", key, `{"role_id":"`+role.ID+`","base":60000,"target_variable":60000,"quota":600000}`)
	wantStatus(t, "a plan", resp, http.StatusOK, body)
	if got := decode[apiCompPlan](t, body); got.Summary == nil || got.Summary.LoadedMonthlyCost != 11250 || got.Plan.Basis != "commission" {
		t.Errorf("plan = %+v", got)
	}
	resp, body = f.apiRequest("GET", "/api/v1/comp-plans?attainment=0.5", key, "")
	wantStatus(t, "plans", resp, http.StatusOK, body)
	// At 50%: 75,000 + 30,000 = 105,000 over 300,000 of revenue.
	if got := decode[listResponse[apiCompPlan]](t, body); len(got.Items) != 1 || got.Items[0].Summary.AnnualCostAt != 105000 ||
		*got.Items[0].Summary.CostPerRevenue != 0.35 {
		t.Errorf("plans at 50%% = %+v", got)
	}
	resp, body = f.apiRequest("POST", "/api/v1/hiring-costs", key, `{"role_id":"`+role.ID+`","from_month":"2026-01","to_month":"2026-03","hires":2,`+
		`"first_year_compensation":150000,"items":[{"category":"advertising","amount":1000},{"category":"agency_fees","amount":9000},{"category":"recruiter_time","amount":2000,"note":"20 h"}]}`)
	wantStatus(t, "a period", resp, http.StatusCreated, body)
	if got := decode[apiHiringPeriod](t, body); got.CostPerHire.CPH != 6000 || *got.CostPerHire.RecruitingCostRatio != 8 || got.Items[2].Note != "20 h" {
		t.Errorf("period = %+v", got)
	}
	resp, body = f.apiRequest("GET", "/api/v1/hiring-costs", key, "")
	wantStatus(t, "hiring costs", resp, http.StatusOK, body)
	hc := decode[apiHiringCosts](t, body)
	// No days to fill or ramp recorded: the total is the cost per hire.
	if len(hc.Periods) != 1 || hc.Overall.CPH != 6000 || len(hc.Roles) != 1 || hc.Roles[0].CPHSource != "role" || hc.Roles[0].Total.Total != 6000 {
		t.Errorf("hiring costs = %+v", hc)
	}
	resp, body = f.apiRequest("GET", "/api/v1/exposure", key, "")
	wantStatus(t, "exposure", resp, http.StatusOK, body)
	ex := decode[apiExposure](t, body)
	if len(ex.Sellers) != 2 || ex.Sellers[0].PersonID != seller.ID || ex.Sellers[0].Share != 0.6 || ex.Sellers[0].GrossProfitAtRisk != 210000 ||
		ex.Revenue != 500000 {
		t.Errorf("exposure = %+v", ex)
	}
}

// apiErrorBodyJSON is the API's error body as a client reads it.
type apiErrorBodyJSON struct {
	Error struct {
		Code   string            `json:"code"`
		Fields map[string]string `json:"fields"`
	} `json:"error"`
}
