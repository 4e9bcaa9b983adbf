package server

import (
	"net/http"
	"strings"
	"testing"
)

// TestFairnessPagesInBrowser: on a laptop and a phone, a respondent who
// submitted reads the thanks page, the self-identification and their own
// summary; an admin reads the adverse-impact report, its printable
// summary, a person's outcomes and the People list's bulk outcome. Each
// page fits the phone and axe-core finds nothing serious.
func TestFairnessPagesInBrowser(t *testing.T) {
	axe := axeScript(t)
	f, key := impactWorld(t)
	resp, body := f.apiRequest("PATCH", "/api/v1/organisation", key, `{"respondent_feedback":true}`)
	wantStatus(t, "turn the summary on", resp, http.StatusOK, body)
	p, _, link := f.invited(t)
	f.submitLink(t, f.browser(), link)
	base := listenForBrowser(t, f)
	chromium := startChromium(t)
	for _, c := range devices {
		fits := func(tb *tab, what string) {
			t.Helper()
			if w := evalIn[float64](tb, `document.documentElement.scrollWidth`); c.phone && w > 390 {
				t.Errorf("%s is %.0f px wide on a 390 px phone", what, w)
			}
			tb.checkAccessibility(axe, what+" on a "+c.name)
		}
		r := openDeviceTab(t, chromium, "respondent's ", c)
		r.goTo(base + link + "/done")
		fits(r, "the thanks page with its offers")
		r.goTo(base + link + "/about-you")
		if n := r.count(`input[type="radio"][value="declined"]:checked`); n != 3 {
			t.Errorf("%d questions start on prefer not to say on a %s, want 3", n, c.name)
		}
		fits(r, "the self-identification")
		r.goTo(base + link + "/summary")
		if got := r.text("main"); !strings.Contains(got, "Your results") {
			t.Errorf("the summary on a %s says %.200q", c.name, got)
		}
		fits(r, "the respondent's summary")
		r.close()

		a := openDeviceTab(t, chromium, "admin's ", c)
		a.signIn(base, f.adminA.Email, testPassword)
		a.goTo(base + "/settings/fairness?decision=hired&by=sex")
		if n := a.count("tr.flagged"); n != 1 {
			t.Errorf("%d flagged rows on a %s, want 1", n, c.name)
		}
		fits(a, "the adverse-impact report")
		a.goTo(base + "/settings/fairness/summary?decision=hired&by=sex")
		fits(a, "the printable summary")
		a.goTo(base + "/people/" + p.ID)
		fits(a, "a person's page with outcomes")
		a.goTo(base + "/people")
		fits(a, "the People list with the bulk outcome")
		a.goTo(base + "/settings/organisation")
		fits(a, "the organisation's settings")
		a.close()
	}
}
