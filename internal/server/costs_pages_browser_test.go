package server

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"rolefit/internal/demo"
)

// TestCostsPagesInBrowser opens the demo's costs pages as its manager on
// a laptop and on a phone: each is checked with axe-core, no page scrolls
// sideways as a whole (wide tables scroll in their own box), and a bad
// plan comes back with the typed value.
func TestCostsPagesInBrowser(t *testing.T) {
	axe := axeScript(t)
	f, _ := demoFixture(t)
	base := listenForBrowser(t, f)
	chromium := startChromium(t)
	for _, d := range devices {
		tb := openDeviceTab(t, chromium, "manager's ", d)
		tb.signIn(base, demo.Manager.Email, demo.Manager.Password)
		for _, pg := range []struct{ path, name, want string }{
			{"/costs", "costs-demo", "Key-person exposure"},
			{"/costs/plans", "costs-plans", "Loaded cost a month"},
			{"/costs/hiring", "costs-hiring", "Total cost of a hire, by role"},
			{"/costs/move", "costs-move-picker", "Staff member"},
			{"/placement", "placement-costs", "Cost of a hire"},
		} {
			tb.goTo(base + pg.path)
			if !strings.Contains(tb.text("main"), pg.want) {
				t.Errorf("%s on %s: the page does not say %q", pg.path, d.name, pg.want)
			}
			if w := evalIn[float64](tb, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
				t.Errorf("%s on %s: the page scrolls sideways by %.0f px", pg.path, d.name, w)
			}
			tb.checkAccessibility(axe, pg.path+" on "+d.name)
			tb.screenshot(pg.name + "-" + d.name)
		}
		// The move page for the star seller, the exposure's first link.
		tb.goTo(base + "/costs")
		href := evalIn[string](tb, `document.querySelector('#exposure a[href^="/costs/move?person="]').getAttribute('href')`)
		tb.goTo(base + href)
		if got := tb.text("h1"); got != "Move Dana Diaz?" {
			t.Errorf("on %s the exposure's first link opens %q, want Dana's comparison", d.name, got)
		}
		if w := evalIn[float64](tb, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
			t.Errorf("move page on %s scrolls sideways by %.0f px", d.name, w)
		}
		tb.checkAccessibility(axe, "move page on "+d.name)
		tb.screenshot("costs-move-" + d.name)
		// A bad plan keeps what was typed.
		tb.goTo(base + "/costs/plans")
		tb.do("type a base that is not a number", chromedp.SetValue(chromedp.CSS("#f-base"), "lots"))
		tb.submit(`form[method="post"][action="/costs/plans"] button[type="submit"]`)
		if got := evalIn[string](tb, `document.querySelector('#f-base').value`); got != "lots" {
			t.Errorf("on %s a bad base comes back as %q", d.name, got)
		}
		if !strings.Contains(tb.text(".alert"), "must be a number") {
			t.Errorf("on %s the bad base is not explained: %q", d.name, tb.text(".alert"))
		}
		tb.checkAccessibility(axe, "bad plan on "+d.name)
		tb.screenshot("costs-plans-bad-" + d.name)
	}
}
