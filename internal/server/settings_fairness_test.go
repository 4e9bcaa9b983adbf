package server

import (
	"net/http"
	"net/url"
	"testing"
)

// The two fairness settings are boxes on the organisation's settings
// page: ticked they are on, left unticked (not posted) off.
func TestFairnessSettingsOnThePage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	b := f.browser().signIn(f.adminA)
	_, page := b.get("/settings/organisation")
	wantContains(t, "settings page", page, `name="self_id_for_staff"`, `name="respondent_feedback"`)
	form := func(extra ...string) url.Values {
		v := url.Values{"currency": {"USD"}, "time_zone": {"UTC"}, "profile_cut": {"3.5"}, "fit_multiplier_low": {"0.6"},
			"fit_multiplier_high": {"1.4"}, "gross_margin": {"0.7"}, "cost_of_hire": {"0"}, "payback_months": {"12"}}
		for _, k := range extra {
			v.Set(k, "on")
		}
		return v
	}
	resp, body := b.post("/settings/organisation", form("respondent_feedback", "self_id_for_staff"))
	wantStatus(t, "tick both", resp, http.StatusSeeOther, body)
	_, body = f.apiRequest("GET", "/api/v1/organisation", key, "")
	wantContains(t, "both on", body, `"respondent_feedback":true`, `"self_id_for_staff":true`)
	_, page = b.get("/settings/organisation")
	wantContains(t, "the boxes show it", page, `name="self_id_for_staff" checked`, `name="respondent_feedback" checked`)
	resp, body = b.post("/settings/organisation", form())
	wantStatus(t, "untick both", resp, http.StatusSeeOther, body)
	_, body = f.apiRequest("GET", "/api/v1/organisation", key, "")
	wantContains(t, "both off", body, `"respondent_feedback":false`, `"self_id_for_staff":false`)
}
