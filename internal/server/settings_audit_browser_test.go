package server

import (
	"rolefit"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestAuditAndRetentionInBrowser opens the audit log and the retention
// page as an admin on a laptop and a phone: they fit the phone, filtering
// by a person from the log works, a bad period comes back with its field
// marked, and axe-core finds nothing serious.
func TestAuditAndRetentionInBrowser(t *testing.T) {
	axe := axeScript(t)
	f := sqliteFixture(t, Config{})
	oA := f.st.Scope(f.orgA.ID)
	dana, err := oA.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana Dalton", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	gone, err := oA.CreatePerson(ctx, rolefit.NewPerson{Name: "Eli Erased", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		f.clock.Advance(time.Minute)
		if err := oA.Audit(ctx, rolefit.ActorOf(f.mgrA), "view", "person", dana.ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	f.clock.Advance(time.Minute)
	if err := oA.ErasePerson(ctx, gone.ID, rolefit.ActorOf(f.adminA)); err != nil {
		t.Fatal(err)
	}
	base := listenForBrowser(t, f)
	chromium := startChromium(t)
	for _, c := range devices {
		tb := openDeviceTab(t, chromium, "admin's ", c)
		signInManager(tb, base, f.adminA)
		tb.goTo(base + "/settings/audit")
		if n := tb.count("table.audit tbody tr"); n < 6 {
			t.Errorf("%d rows in the audit log on a %s, want at least 6", n, c.name)
		}
		if w := evalIn[float64](tb, `document.documentElement.scrollWidth`); c.phone && w > 390 {
			t.Errorf("the audit log is %.0f px wide on a 390 px phone", w)
		}
		tb.checkAccessibility(axe, "audit log on a "+c.name)
		tb.screenshot("audit-" + c.name)
		tb.goTo(base + "/settings/audit?person=" + dana.ID)
		if n := tb.count("table.audit tbody tr"); n != 4 {
			t.Errorf("%d rows about Dana on a %s, want 4 (added, viewed three times)", n, c.name)
		}
		tb.screenshot("audit-person-" + c.name)

		tb.goTo(base + "/settings/retention")
		tb.do("type a period too long", chromedp.SendKeys(chromedp.CSS("#f-retention_days"), "4000"))
		tb.submit("form[action='/settings/retention'] button[type=submit]")
		if tb.count("#e-retention_days") != 1 {
			t.Errorf("no error on the retention field on a %s", c.name)
		}
		if w := evalIn[float64](tb, `document.documentElement.scrollWidth`); c.phone && w > 390 {
			t.Errorf("the retention page is %.0f px wide on a 390 px phone", w)
		}
		tb.checkAccessibility(axe, "retention page on a "+c.name)
		tb.screenshot("retention-" + c.name)
	}
}
