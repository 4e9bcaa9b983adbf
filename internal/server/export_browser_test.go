package server

import (
	"testing"
)

// TestExportLinksInBrowser opens the people list and a person's page with
// their export links on a laptop and a phone: the pages fit the phone and
// axe-core finds nothing serious.
func TestExportLinksInBrowser(t *testing.T) {
	axe := axeScript(t)
	tw := newTeamWorld(t)
	base := listenForBrowser(t, tw.f)
	chromium := startChromium(t)
	for _, c := range devices {
		tb := openDeviceTab(t, chromium, "manager's ", c)
		signInManager(tb, base, tw.f.mgrA)
		for _, page := range []struct{ name, path, link string }{
			{"people", "/people", `a[href="/people/export?format=xlsx"]`},
			{"person", "/people/" + tw.rated.ID, `a[href="/people/` + tw.rated.ID + `/export"]`},
		} {
			tb.goTo(base + page.path)
			if tb.count(page.link) != 1 {
				t.Errorf("%s on a %s: no export link %s", page.name, c.name, page.link)
			}
			if w := evalIn[float64](tb, `document.documentElement.scrollWidth`); c.phone && w > 390 {
				t.Errorf("%s is %.0f px wide on a 390 px phone", page.name, w)
			}
			tb.checkAccessibility(axe, page.name+" page on a "+c.name)
			tb.screenshot("export-" + page.name + "-" + c.name)
		}
	}
}
