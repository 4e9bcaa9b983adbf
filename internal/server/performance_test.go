package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"
)

// perfWorld is organisation A with a staff member and a candidate, and an
// API key of A and of B. The test clock stands in March 2026.
type perfWorld struct {
	f            *fixture
	staff, cand  *rolefit.Person
	keyA, keyB   string
	monthsStored func() int
}

func newPerfWorld(t *testing.T) *perfWorld {
	t.Helper()
	f := sqliteFixture(t, Config{})
	oA := f.st.Scope(f.orgA.ID)
	by := rolefit.ActorOf(f.adminA)
	w := &perfWorld{f: f}
	var err error
	if w.staff, err = oA.CreatePerson(ctx, rolefit.NewPerson{Name: "Sam Seller", Email: "sam@example.com", Kind: rolefit.Staff}, by); err != nil {
		t.Fatal(err)
	}
	if w.cand, err = oA.CreatePerson(ctx, rolefit.NewPerson{Name: "Cay", Kind: rolefit.Candidate}, by); err != nil {
		t.Fatal(err)
	}
	_, w.keyA, _ = oA.CreateAPIKey(ctx, "a", by)
	_, w.keyB, _ = f.st.Scope(f.orgB.ID).CreateAPIKey(ctx, "b", rolefit.ActorOf(f.adminB))
	w.monthsStored = func() int {
		ms, err := oA.PerformanceMonths(ctx, w.staff.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(ms)
	}
	return w
}

func TestPerformanceAPI(t *testing.T) {
	w := newPerfWorld(t)
	f := w.f
	path := "/api/v1/people/" + w.staff.ID + "/performance"
	resp, body := f.apiRequest("POST", path, w.keyA, `{"month":"2026-01","new_business_hours":100,"new_business_revenue":500000,"service_hours":20,"service_revenue":20000}`)
	wantStatus(t, "record a month", resp, http.StatusCreated, body)
	wantContains(t, "recorded month", body, `"month":"2026-01"`, `"new_business_revenue":500000`)
	resp, body = f.apiRequest("POST", path, w.keyA, `{"month":"2026-02","new_business_hours":60,"new_business_revenue":240000,"service_hours":60,"service_revenue":90000}`)
	wantStatus(t, "record a second month", resp, http.StatusCreated, body)

	for _, tc := range []struct {
		name, path, key, body string
		status                int
		field                 string
	}{
		{"wrong form of month", path, w.keyA, `{"month":"02/2026","new_business_hours":1}`, http.StatusBadRequest, "month"},
		{"future month", path, w.keyA, `{"month":"2026-04","new_business_hours":1}`, http.StatusBadRequest, "month"},
		{"negative hours", path, w.keyA, `{"month":"2025-12","service_hours":-3}`, http.StatusBadRequest, "service_hours"},
		{"negative revenue", path, w.keyA, `{"month":"2025-12","service_hours":3,"service_revenue":-3}`, http.StatusBadRequest, "service_revenue"},
		{"revenue without hours", path, w.keyA, `{"month":"2025-12","new_business_revenue":5000}`, http.StatusBadRequest, "new_business_revenue"},
		{"hours as text", path, w.keyA, `{"month":"2025-12","new_business_hours":"ten"}`, http.StatusBadRequest, "new_business_hours"},
		{"unknown field", path, w.keyA, `{"month":"2025-12","hours":3}`, http.StatusBadRequest, "hours"},
		{"month already recorded", path, w.keyA, `{"month":"2026-02","new_business_hours":1}`, http.StatusConflict, "month"},
		{"a candidate", "/api/v1/people/" + w.cand.ID + "/performance", w.keyA, `{"month":"2026-01","new_business_hours":1}`, http.StatusBadRequest, "person"},
		{"unknown person", "/api/v1/people/NOSUCHPERSON/performance", w.keyA, `{"month":"2026-01","new_business_hours":1}`, http.StatusNotFound, ""},
		{"another organisation's person", path, w.keyB, `{"month":"2025-11","new_business_hours":1}`, http.StatusNotFound, ""},
	} {
		resp, body := f.apiRequest("POST", tc.path, tc.key, tc.body)
		wantStatus(t, tc.name, resp, tc.status, body)
		if tc.field != "" {
			wantContains(t, tc.name, body, `"`+tc.field+`":`)
		}
	}
	if n := w.monthsStored(); n != 2 {
		t.Errorf("after refused input %d months are stored, want 2", n)
	}

	// Replace overwrites the month: 2026-02 becomes 40 h and 160,000.
	resp, body = f.apiRequest("POST", path, w.keyA, `{"month":"2026-02","new_business_hours":40,"new_business_revenue":160000,"service_hours":60,"service_revenue":90000,"replace":true}`)
	wantStatus(t, "replace a month", resp, http.StatusCreated, body)

	var got struct {
		NewBusinessRate *float64 `json:"new_business_rate"`
		ServiceRate     *float64 `json:"service_rate"`
		Months          []struct {
			Month string `json:"month"`
		} `json:"months"`
	}
	resp, body = f.apiRequest("GET", path, w.keyA, "")
	wantStatus(t, "list months", resp, http.StatusOK, body)
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	// By hand: (500,000 + 160,000) / (100 + 40) = 4,714.29 an hour;
	// (20,000 + 90,000) / (20 + 60) = 1,375.
	if len(got.Months) != 2 || got.Months[0].Month != "2026-01" || got.NewBusinessRate == nil || got.ServiceRate == nil ||
		*got.NewBusinessRate < 4714.28 || *got.NewBusinessRate > 4714.29 || *got.ServiceRate != 1375 {
		t.Errorf("performance = %s; want 2 months, 4714.29 and 1375 an hour", body)
	}
	resp, body = f.apiRequest("GET", path, w.keyB, "")
	wantStatus(t, "another organisation lists the months", resp, http.StatusNotFound, body)

	// The profile carries the same performance; a candidate's is null.
	var prof struct {
		Performance *struct {
			NewBusinessRate *float64          `json:"new_business_rate"`
			Months          []json.RawMessage `json:"months"`
		} `json:"performance"`
	}
	resp, body = f.apiRequest("GET", "/api/v1/people/"+w.staff.ID+"/profile", w.keyA, "")
	wantStatus(t, "profile", resp, http.StatusOK, body)
	if err := json.Unmarshal([]byte(body), &prof); err != nil {
		t.Fatal(err)
	}
	if prof.Performance == nil || len(prof.Performance.Months) != 2 || prof.Performance.NewBusinessRate == nil || *prof.Performance.NewBusinessRate != *got.NewBusinessRate {
		t.Errorf("profile performance = %s, want the same as GET performance", body)
	}
	resp, body = f.apiRequest("GET", "/api/v1/people/"+w.cand.ID+"/profile", w.keyA, "")
	wantStatus(t, "candidate's profile", resp, http.StatusOK, body)
	wantContains(t, "candidate's profile", body, `"performance":null`)
}

func TestPerformancePage(t *testing.T) {
	w := newPerfWorld(t)
	f := w.f
	b := f.browser().signIn(f.mgrA)
	page := "/people/" + w.staff.ID
	_, body := b.get(page)
	wantContains(t, "staff page", body, `id="performance"`, "No months recorded yet", `name="month"`, `value="2026-03"`)
	resp, body := b.post(page+"/performance", url.Values{"month": {"2026-01"}, "new_business_hours": {"80"}, "new_business_revenue": {"400000"},
		"service_hours": {"40"}, "service_revenue": {"40000"}})
	wantStatus(t, "record a month", resp, http.StatusSeeOther, body)
	_, body = b.get(page)
	wantContains(t, "page with a month", body, "2026-01", "$5,000", "$1,000", "$400,000", "over 80 hours")

	// Bad input comes back on the page with what was typed.
	for _, tc := range []struct {
		name   string
		form   url.Values
		status int
		want   []string
	}{
		{"not a number", url.Values{"month": {"2026-02"}, "new_business_hours": {"ten"}}, http.StatusBadRequest, []string{"must be a number", `value="ten"`}},
		{"future month", url.Values{"month": {"2026-09"}, "new_business_hours": {"1"}}, http.StatusBadRequest, []string{"is in the future", `value="2026-09"`}},
		{"revenue without hours", url.Values{"month": {"2026-02"}, "service_revenue": {"900"}}, http.StatusBadRequest, []string{"revenue needs the hours", `value="900"`}},
		{"month already recorded", url.Values{"month": {"2026-01"}, "new_business_hours": {"5"}}, http.StatusConflict, []string{"already recorded", "Replace the month"}},
	} {
		resp, body := b.post(page+"/performance", tc.form)
		wantStatus(t, tc.name, resp, tc.status, body)
		wantContains(t, tc.name, body, tc.want...)
	}
	if n := w.monthsStored(); n != 1 {
		t.Errorf("after refused forms %d months are stored, want 1", n)
	}
	resp, body = b.post(page+"/performance", url.Values{"month": {"2026-01"}, "new_business_hours": {"100"}, "new_business_revenue": {"400000"}, "replace": {"yes"}})
	wantStatus(t, "replace a month", resp, http.StatusSeeOther, body)
	_, body = b.get(page)
	wantContains(t, "page after replacing", body, "$4,000")

	// A file with a bad row records nothing and keeps the text.
	bad := "person,month,new_business_hours,new_business_revenue,service_hours,service_revenue\n" +
		"sam@example.com,2026-02,10,50000,0,0\n" +
		"nobody@example.com,2026-02,10,50000,0,0\n"
	resp, body = b.post(page+"/performance/import", url.Values{"csv": {bad}})
	wantStatus(t, "file with a bad row", resp, http.StatusBadRequest, body)
	wantContains(t, "file report", body, "Nothing was recorded", "row 3: person", "nobody@example.com,2026-02")
	if n := w.monthsStored(); n != 1 {
		t.Errorf("a rejected file left %d months, want 1", n)
	}
	good := strings.Replace(bad, "nobody@example.com", w.staff.ID, 1)
	good = strings.Replace(good, w.staff.ID+",2026-02", w.staff.ID+",2026-03", 1)
	resp, body = b.post(page+"/performance/import", url.Values{"csv": {good}})
	wantStatus(t, "good file", resp, http.StatusSeeOther, body)
	_, body = b.get(page)
	wantContains(t, "page after the file", body, "Recorded 2 months of performance for 1 person.", "2026-03")

	// A candidate's page has no Performance section.
	_, body = b.get("/people/" + w.cand.ID)
	if strings.Contains(body, `id="performance"`) {
		t.Error("a candidate's page shows a Performance section")
	}
}
