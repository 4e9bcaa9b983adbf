package server

import (
	"rolefit"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPerformanceInBrowser opens a staff member's Performance section on
// a laptop and on a phone, records a month through the form, and checks
// that the page fits the phone and that axe-core finds nothing serious.
func TestPerformanceInBrowser(t *testing.T) {
	axe := axeScript(t)
	w := newPerfWorld(t)
	oA := w.f.st.Scope(w.f.orgA.ID)
	var ins []rolefit.PerformanceInput
	var rows []int
	for i, m := range []string{"2025-10", "2025-11", "2025-12", "2026-01"} {
		ins = append(ins, rolefit.PerformanceInput{Person: w.staff.ID, Month: m, NewBusinessHours: 60 + float64(i), NewBusinessRevenue: 300_000,
			ServiceHours: 55 + float64(3*i), ServiceRevenue: 56_000 + float64(3_000*i)})
		rows = append(rows, i+1)
	}
	if _, err := oA.RecordPerformance(ctx, ins, rows, false, rolefit.ActorOf(w.f.adminA)); err != nil {
		t.Fatal(err)
	}
	base := listenForBrowser(t, w.f)
	chromium := startChromium(t)
	for _, c := range devices {
		tb := openDeviceTab(t, chromium, "manager's ", c)
		signInManager(tb, base, w.f.mgrA)
		tb.goTo(base + "/people/" + w.staff.ID + "#performance")
		if n := tb.count("table.performance-months tbody tr"); n != 4 {
			t.Errorf("%s: %d months in the table, want 4", c.name, n)
		}
		if w := evalIn[float64](tb, `document.documentElement.scrollWidth`); c.phone && w > 390 {
			t.Errorf("the person page is %.0f px wide on a 390 px phone", w)
		}
		tb.checkAccessibility(axe, "performance on a "+c.name)
		tb.screenshot("performance-" + c.name)
		tb.sectionScreenshot("#performance", "performance-section-"+c.name)
		if c.phone {
			// A bad month comes back with the error beside the field.
			tb.do("type a month", chromedp.SetValue(chromedp.CSS("#f-month"), "2026-13"),
				chromedp.SetValue(chromedp.CSS("#f-new_business_hours"), "10"))
			tb.submit(`form.performance-form button[type=submit]`)
			if tb.count(`#e-month`) != 1 {
				t.Errorf("no error beside the month after typing 2026-13")
			}
			tb.checkAccessibility(axe, "performance form with an error on a phone")
			tb.sectionScreenshot("form.performance-form", "performance-form-error-phone")
			tb.do("type a month", chromedp.SetValue(chromedp.CSS("#f-month"), "2026-02"),
				chromedp.SetValue(chromedp.CSS("#f-new_business_revenue"), "50000"))
			tb.submit(`form.performance-form button[type=submit]`)
			if n := tb.count("table.performance-months tbody tr"); n != 5 {
				t.Errorf("after recording a month through the form: %d months, want 5", n)
			}
		}
	}
}

// sectionScreenshot saves a picture of one element of the page, like
// screenshot, when ROLEFIT_SCREENSHOTS names a folder: a long page's
// section is easier to look at than the whole page.
func (tb *tab) sectionScreenshot(sel, name string) {
	tb.t.Helper()
	tb.savePicture(name, sel, chromedp.Screenshot(chromedp.CSS(sel)))
}
