package server

import (
	"rolefit"
	"testing"
	"time"

	usecases "rolefit/internal/app"
)

// TestDashboardInBrowser opens the dashboard of an empty organisation and
// of one with work waiting, on a laptop and a phone: it fits the phone
// and axe-core finds nothing serious.
func TestDashboardInBrowser(t *testing.T) {
	axe := axeScript(t)
	tw := newTeamWorld(t)
	a := usecases.UserActor(tw.f.adminA)
	for i, name := range []string{"Fay Fisher", "Gus Grant"} {
		p, err := tw.uc.AddPerson(ctx, a, rolefit.NewPerson{Name: name, Kind: rolefit.Candidate})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			if _, err := tw.uc.Invite(ctx, a, usecases.InviteInput{PersonID: p.ID, Questionnaire: "sales-service", Days: 2}); err != nil {
				t.Fatal(err)
			}
		}
	}
	tw.f.clock.Advance(time.Hour)
	empty := sqliteFixture(t, Config{})
	base := listenForBrowser(t, tw.f)
	emptyBase := listenForBrowser(t, empty)
	chromium := startChromium(t)
	for _, c := range devices {
		tb := openDeviceTab(t, chromium, "manager's ", c)
		signInManager(tb, base, tw.f.mgrA)
		tb.goTo(base + "/")
		if n := tb.count(".needs .need"); n != 4 {
			t.Errorf("%d parts of what needs the manager on a %s, want 4", n, c.name)
		}
		if w := evalIn[float64](tb, `document.documentElement.scrollWidth`); c.phone && w > 390 {
			t.Errorf("the dashboard is %.0f px wide on a 390 px phone", w)
		}
		tb.checkAccessibility(axe, "dashboard on a "+c.name)
		tb.screenshot("dashboard-" + c.name)

		e := openDeviceTab(t, chromium, "new manager's ", c)
		signInManager(e, emptyBase, empty.mgrA)
		e.goTo(emptyBase + "/")
		if e.count(".welcome") != 1 {
			t.Errorf("no welcome for a new organisation on a %s", c.name)
		}
		e.checkAccessibility(axe, "empty dashboard on a "+c.name)
		e.screenshot("dashboard-empty-" + c.name)
	}
}
