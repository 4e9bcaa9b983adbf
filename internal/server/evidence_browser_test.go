package server

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"rolefit/internal/demo"
)

// TestEvidenceInBrowser opens "Does it predict here?" as the demo's
// manager and the technical report as its admin, on a laptop and a phone:
// the charts are drawn, the verdicts respect n, nothing is wider than the
// screen (the tables scroll in their own box), axe-core finds nothing
// serious, and the report prints on A4 without the navigation.
func TestEvidenceInBrowser(t *testing.T) {
	axe := axeScript(t)
	f := seedDemoForBrowser(t).fixture(t)
	base := listenForBrowser(t, f)
	chromium := startChromium(t)

	for _, d := range devices {
		m := openDeviceTab(t, chromium, "manager's ", d)
		m.signIn(base, demo.Manager.Email, demo.Manager.Password)
		m.goTo(base + "/evidence")
		if n := m.count(`svg.scatter[role="img"]`); n != 4 {
			t.Errorf("%s: %d charts, want the two composites against the two rates", d.name, n)
		}
		if got := m.text("main"); !strings.Contains(got, "7 people: far too few to tell") || !strings.Contains(got, "made up") {
			t.Errorf("%s: the page says %.400q", d.name, got)
		}
		if w := evalIn[float64](m, `document.querySelector('svg.scatter').getBoundingClientRect().width`); w < 280 {
			t.Errorf("%s: a chart is %.0f px wide", d.name, w)
		}
		fitsWidth(t, m, d)
		m.checkAccessibility(axe, "evidence page on a "+d.name)
		m.screenshot("evidence-" + d.name)

		a := openDeviceTab(t, chromium, "admin's ", d)
		a.signIn(base, demo.Admin.Email, demo.Admin.Password)
		a.goTo(base + "/settings/technical-report")
		if got := a.text("main"); !strings.Contains(got, "What is not yet known") || !strings.Contains(got, "New-business selling") {
			t.Errorf("%s: the technical report says %.400q", d.name, got)
		}
		fitsWidth(t, a, d)
		a.checkAccessibility(axe, "technical report on a "+d.name)
		a.screenshot("technical-report-" + d.name)
		if d.phone {
			continue
		}
		a.do("print media", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}))
		for _, sel := range []string{"nav", ".crumbs", ".screen-only"} {
			if n := evalIn[int](a, `[...document.querySelectorAll(`+jsString(sel)+`)].filter(e => e.getClientRects().length > 0).length`); n > 0 {
				t.Errorf("the printed report shows %d %s", n, sel)
			}
		}
		if n := evalIn[int](a, `[...document.querySelectorAll('.made-up')].filter(e => e.getClientRects().length > 0).length`); n != 1 {
			t.Error("the printed demo report does not say its data is made up")
		}
		res, err := printPDF(a)
		if err != nil {
			t.Fatalf("print the report: %v", err)
		}
		if pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(res, -1)); pages < 1 || pages > 4 {
			t.Errorf("the printed report has %d pages, want 1 to 4", pages)
		}
	}
}
