package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"
	"time"

	"rolefit/internal/mail/mailtest"
)

func orgForm(over map[string]string) url.Values {
	v := url.Values{"currency": {"EUR"}, "time_zone": {"Europe/Berlin"}, "profile_cut": {"3.25"}, "fit_multiplier_low": {"0.5"},
		"fit_multiplier_high": {"1.6"}, "gross_margin": {"0.65"}, "cost_of_hire": {"9000"}, "payback_months": {"18"}}
	for k, x := range over {
		v.Set(k, x)
	}
	return v
}

var berlinSettings = rolefit.Settings{TimeZone: "Europe/Berlin", Language: "en", ProfileCut: 3.25, FitMultiplierLow: 0.5, FitMultiplierHigh: 1.6,
	GrossMargin: 0.65, CostOfHire: 9000, PaybackMonths: 18}

func TestOrgSettingsPage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	oA := f.st.Scope(f.orgA.ID)
	adm := f.browser().signIn(f.adminA)
	_, body := adm.get("/settings")
	wantContains(t, "settings", body, `href="/settings/organisation"`)
	resp, body := adm.get("/settings/organisation")
	wantStatus(t, "settings page", resp, http.StatusOK, body)
	wantContains(t, "settings page", body, `name="currency" type="text" value="USD"`, `value="UTC"`, `name="profile_cut" type="text" value="3.5"`,
		`value="0.6"`, `value="1.4"`, `value="0.7"`, `value="12"`, "2 Mar 2026 09:00 UTC", "from 1 to 5")

	resp, body = adm.post("/settings/organisation", orgForm(nil))
	wantStatus(t, "save", resp, http.StatusSeeOther, body)
	got, _ := oA.Get(ctx)
	if got.Settings != berlinSettings || got.Currency != "EUR" {
		t.Fatalf("saved %+v %s, want %+v EUR", got.Settings, got.Currency, berlinSettings)
	}
	_, body = adm.get("/settings/organisation")
	wantContains(t, "saved page", body, "The organisation&#39;s settings are saved.", `value="EUR"`, `value="Europe/Berlin"`, `value="3.25"`,
		"2 Mar 2026 10:00 CET", "Cost of hire (EUR)")
	audited := false
	log, _ := oA.AuditLog(ctx, 10)
	for _, e := range log {
		audited = audited || e.Action == "change_settings" && e.ActorID == f.adminA.ID && strings.Contains(e.Detail, "time zone UTC → Europe/Berlin")
	}
	if !audited {
		t.Errorf("audit log = %+v, want the change of settings", log)
	}

	// Bad input: every field named, everything kept as typed, nothing stored.
	for _, tc := range []struct {
		over   map[string]string
		fields []string
	}{
		{map[string]string{"currency": "EU"}, []string{"currency"}},
		{map[string]string{"currency": "ABC", "time_zone": "Mars/Olympus"}, []string{"currency", "time_zone"}},
		{map[string]string{"profile_cut": "6"}, []string{"profile_cut"}},
		{map[string]string{"profile_cut": "0.5"}, []string{"profile_cut"}},
		{map[string]string{"fit_multiplier_low": "1.5", "fit_multiplier_high": "1.2"}, []string{"fit_multiplier_low"}},
		{map[string]string{"fit_multiplier_low": "-0.2"}, []string{"fit_multiplier_low"}},
		{map[string]string{"gross_margin": "0,7", "payback_months": ""}, []string{"gross_margin", "payback_months"}},
		{map[string]string{"gross_margin": "70", "cost_of_hire": "-1", "payback_months": "0"}, []string{"gross_margin", "cost_of_hire", "payback_months"}},
	} {
		form := orgForm(tc.over)
		form.Set("time_zone", form.Get("time_zone")) // keep
		resp, body := adm.post("/settings/organisation", form)
		wantStatus(t, "bad "+form.Encode(), resp, http.StatusBadRequest, body)
		for _, fld := range tc.fields {
			wantContains(t, "bad "+form.Encode(), body, `id="e-`+fld+`"`)
		}
		for k, typed := range tc.over {
			wantContains(t, "bad "+form.Encode(), body, `name="`+k+`" type="text" value="`+typed+`"`)
		}
		if got, err := oA.Get(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if got.Settings != berlinSettings || got.Currency != "EUR" {
			t.Errorf("after %v the settings are %+v %s", tc.over, got.Settings, got.Currency)
		}
	}

	// A manager can neither see nor change them.
	m := f.browser().signIn(f.mgrA)
	resp, body = m.get("/settings/organisation")
	wantStatus(t, "manager reads", resp, http.StatusForbidden, body)
	resp, body = m.post("/settings/organisation", orgForm(map[string]string{"currency": "GBP"}))
	wantStatus(t, "manager saves", resp, http.StatusForbidden, body)
	if got, err := oA.Get(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if got.Currency != "EUR" {
		t.Errorf("a manager changed the currency to %s", got.Currency)
	}
	_, body = m.get("/settings")
	if strings.Contains(body, `href="/settings/organisation"`) {
		t.Error("a manager's settings page links to the admin's organisation settings")
	}
}

func TestOrgSettingsAPI(t *testing.T) {
	f := sqliteFixture(t, Config{})
	oA := f.st.Scope(f.orgA.ID)
	_, keyA, _ := oA.CreateAPIKey(ctx, "a", rolefit.ActorOf(f.adminA))
	_, keyB, _ := f.st.Scope(f.orgB.ID).CreateAPIKey(ctx, "b", rolefit.ActorOf(f.adminB))

	resp, body := f.apiRequest("GET", "/api/v1/organisation", keyA, "")
	wantStatus(t, "get", resp, http.StatusOK, body)
	got := decode[apiOrganisation](t, body)
	want := apiOrganisation{ID: f.orgA.ID, Name: "Acme", Currency: "USD", TimeZone: "UTC", Language: "en", ProfileCut: 3.5, ProfileCutMin: 1, ProfileCutMax: 5,
		FitMultiplierLow: 0.6, FitMultiplierHigh: 1.4, GrossMargin: 0.7, PaybackMonths: 12}
	if got != want {
		t.Errorf("GET = %+v\nwant  %+v", got, want)
	}

	resp, body = f.apiRequest("PATCH", "/api/v1/organisation", keyA, `{"currency":"eur","time_zone":"Europe/Berlin","profile_cut":3.25,
		"fit_multiplier_low":0.5,"fit_multiplier_high":1.6,"gross_margin":0.65,"cost_of_hire":9000,"payback_months":18}`)
	wantStatus(t, "patch", resp, http.StatusOK, body)
	got = decode[apiOrganisation](t, body)
	want = apiOrganisation{ID: f.orgA.ID, Name: "Acme", Currency: "EUR", TimeZone: "Europe/Berlin", Language: "en", ProfileCut: 3.25, ProfileCutMin: 1, ProfileCutMax: 5,
		FitMultiplierLow: 0.5, FitMultiplierHigh: 1.6, GrossMargin: 0.65, CostOfHire: 9000, PaybackMonths: 18}
	if got != want {
		t.Errorf("PATCH = %+v\nwant    %+v", got, want)
	}
	if o, err := oA.Get(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if o.Settings != berlinSettings || o.Currency != "EUR" {
		t.Errorf("stored %+v %s", o.Settings, o.Currency)
	}
	// The same read back, and /me agrees on the currency.
	_, body = f.apiRequest("GET", "/api/v1/organisation", keyA, "")
	if again := decode[apiOrganisation](t, body); again != want {
		t.Errorf("GET after PATCH = %+v", again)
	}
	_, body = f.apiRequest("GET", "/api/v1/me", keyA, "")
	wantContains(t, "me", body, `"currency":"EUR"`)

	for _, tc := range []struct{ body, field string }{
		{`{"currency":"EURO"}`, "currency"},
		{`{"time_zone":"Europe/Berlín"}`, "time_zone"},
		{`{"profile_cut":5.5}`, "profile_cut"},
		{`{"fit_multiplier_low":2,"fit_multiplier_high":1}`, "fit_multiplier_low"},
		{`{"fit_multiplier_high":-1}`, "fit_multiplier_high"},
		{`{"gross_margin":1.2,"currency":"GBP"}`, "gross_margin"},
	} {
		resp, body := f.apiRequest("PATCH", "/api/v1/organisation", keyA, tc.body)
		wantStatus(t, tc.body, resp, http.StatusBadRequest, body)
		var e struct{ Error apiErrorBody }
		if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code != "invalid" || len(e.Error.Fields) != 1 || e.Error.Fields[tc.field] == "" {
			t.Errorf("%s: error %s, want invalid naming %s", tc.body, body, tc.field)
		}
		if o, err := oA.Get(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if o.Settings != berlinSettings || o.Currency != "EUR" {
			t.Errorf("after %s the settings are %+v %s", tc.body, o.Settings, o.Currency)
		}
	}
	resp, body = f.apiRequest("PATCH", "/api/v1/organisation", keyA, `{"cut":3}`)
	wantStatus(t, "unknown field", resp, http.StatusBadRequest, body)

	// Another organisation's key reads and changes only its own.
	_, body = f.apiRequest("GET", "/api/v1/organisation", keyB, "")
	if b := decode[apiOrganisation](t, body); b.ID != f.orgB.ID || b.Currency != "USD" || b.TimeZone != "UTC" {
		t.Errorf("B reads %+v", b)
	}
}

// TestDatesInOrganisationZone checks that a manager's page, the
// respondent's welcome page and the invitation e-mail show the expiry in
// the organisation's time zone, with its abbreviation.
func TestDatesInOrganisationZone(t *testing.T) {
	smtp := mailtest.StartTestServer(t)
	mailer, err := mailParse(smtp.URL("Acme Hiring <hiring@acme.example>"))
	if err != nil {
		t.Fatal(err)
	}
	f := mailFixture(t, mailer, "https://rolefit.acme.example")
	oA := f.st.Scope(f.orgA.ID)
	if err := oA.SetSettings(ctx, "EUR", berlinSettings, rolefit.ActorOf(f.adminA)); err != nil {
		t.Fatal(err)
	}
	p, _ := oA.CreatePerson(ctx, rolefit.NewPerson{Name: "Zoë", Email: "zoe@example.com", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	m := f.browser().signIn(f.mgrA)
	resp, body := m.post("/people/"+p.ID+"/invitations", url.Values{"questionnaire": {"sales-service:1"}, "expires_in_days": {"14"}})
	wantStatus(t, "invite", resp, http.StatusCreated, body)
	invs, _ := oA.PersonInvitations(ctx, p.ID)
	// 2 March 09:00 UTC + 14 days is 16 March 09:00 UTC: 10:00 in Berlin,
	// whose winter time (CET) is UTC+1.
	if want := time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC); len(invs) != 1 || !invs[0].ExpiresAt.Equal(want) {
		t.Fatalf("invitations %+v, want one expiring at %v", invs, want)
	}
	_, body = m.get("/people/" + p.ID)
	wantContains(t, "person page", body, "16 Mar 2026 10:00 CET", "2 Mar 2026")
	if strings.Contains(body, "09:00 UTC") {
		t.Error("the person page still shows UTC")
	}
	msgs := smtp.Messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0].Body, "works until 16 March 2026 10:00 CET") {
		t.Fatalf("e-mail: %+v", msgs)
	}
	link := msgs[0].Body[strings.Index(msgs[0].Body, "/i/"):]
	link = link[:strings.IndexAny(link, " \r\n")]
	resp, body = f.browser().get(link)
	wantStatus(t, "welcome", resp, http.StatusOK, body)
	wantContains(t, "welcome", body, "The link works until 16 March 2026 10:00 CET.")

	// A summer date in the same zone reads CEST (UTC+2); another
	// organisation's pages stay in UTC.
	f.clock.Advance(100 * 24 * time.Hour) // 10 June
	m = f.browser().signIn(f.mgrA)
	resp, body = m.post("/people/"+p.ID+"/invitations", url.Values{"questionnaire": {"sales-service:1"}, "expires_in_days": {"14"}})
	wantStatus(t, "invite in summer", resp, http.StatusCreated, body)
	_, body = m.get("/people/" + p.ID)
	wantContains(t, "person page in summer", body, "24 Jun 2026 11:00 CEST")
	pb, _ := f.st.Scope(f.orgB.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Ben", Kind: rolefit.Candidate}, rolefit.ActorOf(f.adminB))
	b := f.browser().signIn(f.adminB)
	b.post("/people/"+pb.ID+"/invitations", url.Values{"questionnaire": {"sales-service:1"}, "expires_in_days": {"14"}})
	_, body = b.get("/people/" + pb.ID)
	wantContains(t, "B's person page", body, " UTC")
}
