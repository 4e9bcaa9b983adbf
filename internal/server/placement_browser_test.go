package server

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPlacementPagesInBrowser opens the Roles and Placement pages as a
// manager does, on a laptop and on a phone: a role form sent back with
// errors, and a team's placement with a pin, each checked with axe-core
// and no wider than the phone's screen.
func TestPlacementPagesInBrowser(t *testing.T) {
	axe := axeScript(t)
	f := sqliteFixture(t, Config{})
	base := listenForBrowser(t, f)
	chromium := startChromium(t)

	m := openTab(t, chromium, "manager's laptop", tabOptions{})
	m.do("use a 1280 by 800 screen", chromedp.EmulateViewport(1280, 800))
	signInManager(m, base, f.mgrA)
	m.goTo(base + "/placement")
	if m.count(`a[href="/settings/roles"]`) == 0 {
		t.Errorf("empty placement: no link to add roles; the page says %.300q", m.text("main"))
	}
	m.checkAccessibility(axe, "placement without roles")
	m.screenshot("placement-empty")

	m.goTo(base + "/settings/roles")
	m.do("type a role with a minimum above its maximum",
		chromedp.SetValue(chromedp.CSS("#f-name"), "Account executive"),
		chromedp.SetValue(chromedp.CSS("#f-seats_min"), "3"),
		chromedp.SetValue(chromedp.CSS("#f-seats_max"), "2"),
		chromedp.SetValue(chromedp.CSS("#f-baseline_rate"), "220"),
		chromedp.SetValue(chromedp.CSS("#f-monthly_cost"), "9000"))
	m.submit(`form[action="/settings/roles"] button[type="submit"]`)
	if m.count(`#f-seats_min[aria-invalid="true"]`) != 1 {
		t.Errorf("bad role: the minimum is not marked; the page says %.300q", m.text("main"))
	}
	if got := evalIn[string](m, `document.getElementById('f-name').value`); got != "Account executive" {
		t.Errorf("bad role: name box holds %q, want it as typed", got)
	}
	m.checkAccessibility(axe, "roles page, bad input")
	m.screenshot("roles-laptop-bad-input")

	roles, people := placementTeam(t, f)
	m.goTo(base + "/settings/roles")
	m.screenshot("roles-laptop")
	m.goTo(base + "/placement?pin=" + people[0].ID + ":" + roles[0].ID)
	if m.count("section.placement-group") == 0 || m.count(".pins li") != 1 {
		t.Errorf("placement: want role groups and one pin; the page says %.300q", m.text("main"))
	}
	m.checkAccessibility(axe, "placement with a pin")
	m.screenshot("placement-laptop")

	p := openTab(t, chromium, "manager's phone", tabOptions{phone: true})
	signInManager(p, base, f.mgrA)
	for _, path := range []string{"/placement?pin=" + people[0].ID + ":" + roles[0].ID, "/settings/roles"} {
		p.goTo(base + path)
		if w := evalIn[float64](p, `document.documentElement.scrollWidth`); w > 390 {
			t.Errorf("%s is %.0f px wide on a 390 px phone", path, w)
		}
	}
	p.screenshot("roles-phone")
	p.goTo(base + "/placement?pin=" + people[0].ID + ":" + roles[0].ID)
	p.checkAccessibility(axe, "placement on a phone")
	p.screenshot("placement-phone")
}
