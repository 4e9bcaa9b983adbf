package server

import (
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestOrgSettingsAndWhatIfInBrowser opens the organisation settings (an
// admin's, with a form sent back with errors), the Placement page with a
// what-if answered and a candidate's fit on a laptop and on a phone: each
// checked with axe-core and no wider than the phone's screen.
func TestOrgSettingsAndWhatIfInBrowser(t *testing.T) {
	axe := axeScript(t)
	f := sqliteFixture(t, Config{})
	base := listenForBrowser(t, f)
	chromium := startChromium(t)
	roles, people := placementTeam(t, f)
	whatIf := "/placement?" + url.Values{"move": {people[1].ID}, "to": {roles[0].ID}}.Encode()
	candidate := "/people/" + people[6].ID

	a := openTab(t, chromium, "admin's laptop", tabOptions{})
	a.do("use a 1280 by 800 screen", chromedp.EmulateViewport(1280, 800))
	signInManager(a, base, f.adminA)
	a.goTo(base + "/settings/organisation")
	a.do("type a reversed multiplier range and an unknown zone",
		chromedp.SetValue(chromedp.CSS("#f-time_zone"), "Europe/Berlim"),
		chromedp.SetValue(chromedp.CSS("#f-fit_multiplier_low"), "1.5"),
		chromedp.SetValue(chromedp.CSS("#f-fit_multiplier_high"), "1.2"))
	a.submit(`form[action="/settings/organisation"] button[type="submit"]`)
	if a.count(`[aria-invalid="true"]`) != 2 {
		t.Errorf("bad settings: want the zone and the low multiplier marked; the page says %.300q", a.text("main"))
	}
	if got := evalIn[string](a, `document.getElementById('f-time_zone').value`); got != "Europe/Berlim" {
		t.Errorf("bad settings: the zone box holds %q, want it as typed", got)
	}
	a.checkAccessibility(axe, "organisation settings, bad input")
	a.screenshot("orgsettings-laptop-bad-input")
	a.do("correct the zone and the range",
		chromedp.SetValue(chromedp.CSS("#f-time_zone"), "Europe/Berlin"),
		chromedp.SetValue(chromedp.CSS("#f-fit_multiplier_low"), "0.5"),
		chromedp.SetValue(chromedp.CSS("#f-fit_multiplier_high"), "1.5"))
	a.submit(`form[action="/settings/organisation"] button[type="submit"]`)
	a.wantPath("after saving", "/settings/organisation")
	a.screenshot("orgsettings-laptop")
	a.goTo(base + whatIf)
	if a.count(".whatif-answer") != 1 {
		t.Errorf("what-if: no answer; the page says %.300q", a.text("main"))
	}
	a.checkAccessibility(axe, "placement with a what-if")
	a.screenshot("placement-whatif-laptop")
	a.goTo(base + candidate)
	if a.count("section.fit tbody tr") != len(roles) {
		t.Errorf("candidate: want a fit row per role; the page says %.300q", a.text("main"))
	}
	a.checkAccessibility(axe, "candidate's fit")
	a.screenshot("candidate-fit-laptop")

	p := openTab(t, chromium, "admin's phone", tabOptions{phone: true})
	signInManager(p, base, f.adminA)
	for _, path := range []string{"/settings/organisation", whatIf, candidate} {
		p.goTo(base + path)
		if w := evalIn[float64](p, `document.documentElement.scrollWidth`); w > 390 {
			t.Errorf("%s is %.0f px wide on a 390 px phone", path, w)
		}
		p.checkAccessibility(axe, path+" on a phone")
	}
	p.goTo(base + "/settings/organisation")
	p.screenshot("orgsettings-phone")
	p.goTo(base + whatIf)
	p.screenshot("placement-whatif-phone")
	p.goTo(base + candidate)
	p.screenshot("candidate-fit-phone")
}
