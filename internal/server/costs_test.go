package server

import (
	"encoding/json"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"reflect"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/econ"
)

// breakevenText is what the Costs page says about the month hiring pulls
// ahead, from econ's own answer.
func breakevenText(out econ.Outputs, months int) string {
	if out.BreakevenMonth == nil {
		return fmt.Sprintf("does not pull ahead within %d months", months)
	}
	return fmt.Sprintf("<strong>in month %d</strong>", *out.BreakevenMonth)
}

func TestCostsPageFoundingCase(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	resp, body := b.get("/costs")
	wantStatus(t, "GET /costs", resp, http.StatusOK, body)

	in := econ.DefaultInputs()
	want, err := econ.Simulate(in)
	if err != nil {
		t.Fatal(err)
	}
	if want.BreakevenMonth == nil {
		t.Fatal("the founding case should pull ahead within 36 months")
	}
	last := want.Months[len(want.Months)-1]
	usd := moneyIn("USD")
	wantContains(t, "founding case", body,
		breakevenText(want, in.Months),
		usd.Whole(last.Dedicated.Cumulative), usd.Whole(last.SellerServes.Cumulative),
		fmt.Sprintf("<strong>%s accounts</strong>", oneDecimal(*want.SteadyStateAccounts)),
		`id="f-hours" name="hours"`, `value="120"`, `value="5000"`, `value="1000"`, `value="6250"`, `value="4700"`,
		"USD an hour", template.HTMLEscapeString(want.Notes[0]),
		`role="img"`, "<title id=\"chart-cumulative-title\">", "<title id=\"chart-hours-title\">",
		`<tr class="breakeven">`)
	if n := strings.Count(body, "<svg class=\"chart\""); n != 2 {
		t.Errorf("got %d charts, want 2", n)
	}
	for _, bad := range []string{"NaN", "Inf", "not built yet", `class="alert"`} {
		if strings.Contains(body, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	// 36 months: every month is in the table.
	if got := strings.Count(body, `<th scope="row" class="month">`); got != in.Months {
		t.Errorf("got %d table rows, want %d", got, in.Months)
	}
}

func TestCostsPageSharedLink(t *testing.T) {
	f := sqliteFixture(t, Config{})
	in := econ.DefaultInputs()
	capHours, rate := 60.0, 800.0
	in.Churn, in.SellingCap, in.Months, in.StartAccounts, in.ServicePersonRate = 0.05, &capHours, 120, 25, &rate
	link := "/costs?" + costsQuery(in)
	for _, want := range []string{"churn=0.05", "selling_cap=60", "months=120", "start_accounts=25", "service_person_rate=800"} {
		if !strings.Contains(link, want) {
			t.Fatalf("link %s lacks %s", link, want)
		}
	}
	out, err := econ.Simulate(in)
	if err != nil {
		t.Fatal(err)
	}
	last := out.Months[len(out.Months)-1]

	// Someone else in the organisation opens the link.
	b := f.browser().signIn(f.adminA)
	resp, body := b.get(link)
	wantStatus(t, "shared link", resp, http.StatusOK, body)
	wantContains(t, "shared link", body,
		`value="0.05"`, `value="60"`, `value="120"`, `value="25"`, `value="800"`,
		breakevenText(out, in.Months),
		moneyIn("USD").Whole(last.Dedicated.Cumulative),
		"Selling hours are capped at 60 a month",
		// The page links to the same scenario.
		`href="`+strings.ReplaceAll(link, "&", "&amp;")+`"`)
	// 120 months are shown compactly: 1–24, then every 6th (30 … 120),
	// and the breakeven month if it falls between.
	rows := strings.Count(body, `<th scope="row" class="month">`)
	wantRows := 24 + 16
	if be := out.BreakevenMonth; be != nil && *be > 24 && *be%6 != 0 {
		wantRows++
	}
	if rows != wantRows {
		t.Errorf("got %d rows for 120 months, want %d", rows, wantRows)
	}
	_, all := b.get(link + "&all=1")
	if got := strings.Count(all, `<th scope="row" class="month">`); got != 120 {
		t.Errorf("all=1: got %d rows, want 120", got)
	}
}

func TestCostsPageBadInput(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	for _, tc := range []struct {
		query  url.Values
		fields []string // inputs that must be marked
		wants  []string
	}{
		{url.Values{"churn": {"1.5"}, "hours": {"100"}}, []string{"churn"},
			[]string{`value="1.5"`, `value="100"`, "must be at least 0 and below 1"}},
		{url.Values{"hours": {"lots"}}, []string{"hours"}, []string{`value="lots"`, "must be a number"}},
		{url.Values{"months": {"2.5"}}, []string{"months"}, []string{`value="2.5"`, "must be a whole number"}},
		{url.Values{"months": {"601"}, "margin": {"-0.1"}, "selling_cap": {"abc"}}, []string{"months", "margin", "selling_cap"},
			[]string{`value="601"`, `value="-0.1"`, `value="abc"`, "between 1 and 600"}},
		{url.Values{"service_person_cost": {"NaN"}}, []string{"service_person_cost"}, []string{"must be a number"}},
		{url.Values{"new_rate": {"5e3"}, "hours": {"0x1p4"}, "churn": {"0_5"}}, []string{"new_rate", "hours", "churn"}, []string{`value="5e3"`, "must be a number"}},
	} {
		t.Run(tc.query.Encode(), func(t *testing.T) {
			resp, body := b.get("/costs?" + tc.query.Encode())
			wantStatus(t, "bad input", resp, http.StatusBadRequest, body)
			wantContains(t, "bad input", body, tc.wants...)
			wantContains(t, "bad input", body, `class="alert"`, "Please correct the model&#39;s inputs.")
			for _, name := range tc.fields {
				wantContains(t, "bad input", body, `id="e-`+name+`"`, `href="#f-`+name+`"`, "("+name+"):")
			}
			if got := strings.Count(body, `aria-invalid="true"`); got != len(tc.fields) {
				t.Errorf("got %d inputs marked invalid, want %d", got, len(tc.fields))
			}
			if strings.Contains(body, `id="results"`) {
				t.Error("results are shown for bad input")
			}
		})
	}
}

func TestCostsPageSignedOut(t *testing.T) {
	f := sqliteFixture(t, Config{})
	resp, _ := f.browser().get("/costs?churn=0.02")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("got status %d, want %d", resp.StatusCode, http.StatusSeeOther)
	}
	if got, want := resp.Header.Get("Location"), "/login?next="+url.QueryEscape("/costs?churn=0.02"); got != want {
		t.Errorf("got Location %q, want %q", got, want)
	}
}

func TestSimulateAPI(t *testing.T) {
	f := sqliteFixture(t, Config{})
	_, key, err := f.st.Scope(f.orgA.ID).CreateAPIKey(ctx, "sheet", rolefit.ActorOf(f.adminA))
	if err != nil {
		t.Fatal(err)
	}
	capped := 90.0
	for _, tc := range []struct {
		body string
		edit func(*econ.Inputs)
	}{
		{`{}`, func(*econ.Inputs) {}},
		{`{"churn": 0.03, "selling_cap": 90, "months": 600}`, func(in *econ.Inputs) { in.Churn, in.SellingCap, in.Months = 0.03, &capped, 600 }},
		{`{"service_hours_per_account": 0, "selling_cap": null}`, func(in *econ.Inputs) { in.ServiceHoursPerAccount = 0 }},
		{`{"start_accounts": 80, "service_person_cph": 0, "new_rate": 2000}`, func(in *econ.Inputs) {
			in.StartAccounts, in.ServicePersonCPH, in.NewRate = 80, 0, 2000
		}},
	} {
		t.Run(tc.body, func(t *testing.T) {
			resp, body := f.apiRequest(http.MethodPost, "/api/v1/simulate", key, tc.body)
			wantStatus(t, "simulate", resp, http.StatusOK, body)
			dec := json.NewDecoder(strings.NewReader(body))
			dec.DisallowUnknownFields()
			var got econ.Outputs
			if err := dec.Decode(&got); err != nil {
				t.Fatalf("decode %.200s: %v", body, err)
			}
			in := econ.DefaultInputs()
			tc.edit(&in)
			want, err := econ.Simulate(in)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %d months, breakeven %v, steady %v; want econ.Simulate's %d, %v, %v",
					len(got.Months), got.BreakevenMonth, got.SteadyStateAccounts, len(want.Months), want.BreakevenMonth, want.SteadyStateAccounts)
			}
		})
	}

	for _, tc := range []struct {
		name, body, field string
	}{
		{"unknown field", `{"chrun": 0.02}`, "chrun"},
		{"churn out of range", `{"churn": 1}`, "churn"},
		{"too many months", `{"months": 601}`, "months"},
		{"wrong type", `{"months": "many"}`, "months"},
		{"negative cap", `{"selling_cap": -1}`, "selling_cap"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := f.apiRequest(http.MethodPost, "/api/v1/simulate", key, tc.body)
			wantStatus(t, tc.name, resp, http.StatusBadRequest, body)
			var e apiError
			if err := json.Unmarshal([]byte(body), &e); err != nil {
				t.Fatal(err)
			}
			if e.Error.Code != "invalid" || e.Error.Fields[tc.field] == "" {
				t.Errorf("got %+v, want code invalid naming %q", e.Error, tc.field)
			}
		})
	}

	resp, body := f.apiRequest(http.MethodPost, "/api/v1/simulate", key, "")
	wantStatus(t, "empty body", resp, http.StatusBadRequest, body)
	resp, body = f.apiRequest(http.MethodPost, "/api/v1/simulate", "", `{}`)
	wantStatus(t, "no key", resp, http.StatusUnauthorized, body)
}

// The edges of the model render without NaN, and say what they are.
func TestCostsPageSpecialCases(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	for _, tc := range []struct {
		query string
		wants []string
	}{
		{"", []string{"hours / (service per account &#43; selling hours per account × churn) = 120 / (2 &#43; 20 × 0.01)"}},
		{"churn=0", []string{"a special case: see the notes", "With no churn the seller"}},
		{"churn=0&service_hours_per_account=0", []string{"no steady state", "grows without bound"}},
		{"selling_cap=5&churn=0.05", []string{"a special case: see the notes", "The selling cap binds at the steady state"}},
		{"hours=0", []string{"does not pull ahead within 36 months", "<strong>0 accounts</strong>"}},
		{"months=1", []string{"Results over 1 months", `<th scope="row" class="month">1`}},
		{"months=600&start_accounts=1000000000&new_rate=1000000", []string{"Results over 600 months"}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			resp, body := b.get("/costs?" + tc.query)
			wantStatus(t, tc.query, resp, http.StatusOK, body)
			wantContains(t, tc.query, body, tc.wants...)
			for _, bad := range []string{"NaN", "Inf"} {
				if strings.Contains(body, bad) {
					t.Errorf("page contains %q", bad)
				}
			}
		})
	}
}
