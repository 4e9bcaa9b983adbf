package server

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	usecases "rolefit/internal/app"
	"rolefit/internal/demo"
)

// TestDemoInBrowser opens the demo as a new user does, on a laptop and on a
// phone: the team map with the story's people (not the earlier applicants),
// the star seller's profile with its chart, bands, percentiles and reading,
// and the reliability page with real figures; axe-core finds nothing
// serious, and the profile prints as one page.
func TestDemoInBrowser(t *testing.T) {
	axe := axeScript(t)
	d := seedDemoForBrowser(t)
	st, clock, uc, dana := d.st, d.clock, d.uc, d.dana
	found, err := uc.People(ctx, d.manager, usecases.PeopleQuery{Search: "Earlier applicant 017", Earlier: usecases.EarlierInclude})
	if err != nil || len(found.Items) != 1 {
		t.Fatalf("find an earlier applicant: %v", err)
	}
	applicant := found.Items[0].ID
	f := &fixture{t: t, st: st, clock: clock}
	base := listenForBrowser(t, f)
	chromium := startChromium(t)

	for _, d := range devices {
		m := openDeviceTab(t, chromium, "manager's ", d)
		m.signIn(base, demo.Manager.Email, demo.Manager.Password)

		m.goTo(base + "/team")
		if n := m.count("svg.team-map a.point-staff"); n != 10 {
			t.Errorf("%s: %d staff on the team map, want the demo's 10", d.name, n)
		}
		if n := m.count("svg.team-map a.point"); n > 20 {
			t.Errorf("%s: %d points on the team map, want the story's people only", d.name, n)
		}
		fitsWidth(t, m, d)
		m.checkAccessibility(axe, "demo team map on a "+d.name)
		m.screenshot("demo-team-" + d.name)

		// The people list with its filters: the story's hunters.
		m.goTo(base + "/people?class=hunter")
		if got := m.text("table.people"); !strings.Contains(got, "Dana Diaz") || strings.Contains(got, "Priya Raman") || strings.Contains(got, "Earlier applicant") {
			t.Errorf("%s: the hunters are %q", d.name, got)
		}
		fitsWidth(t, m, d)
		m.checkAccessibility(axe, "people filtered by class on a "+d.name)
		m.screenshot("demo-people-" + d.name)

		m.goTo(base + "/people/" + dana)
		if n := m.count("svg.score-chart g.bar-row"); n != 12 {
			t.Errorf("%s: %d bars in the star seller's chart, want 2 composites and 10 facets", d.name, n)
		}
		if n := m.count("svg.score-chart g.bar-row[data-low][data-percentile]"); n != 12 {
			t.Errorf("%s: %d bars with a band and a percentile, want 12", d.name, n)
		}
		if got := m.text(".result .reading"); !strings.Contains(got, "a hunter") || !strings.Contains(got, "self-report") {
			t.Errorf("%s: the reading says %q", d.name, got)
		}
		if w := evalIn[float64](m, `document.querySelector('svg.score-chart').getBoundingClientRect().width`); w < 300 {
			t.Errorf("%s: the score chart is %.0f px wide", d.name, w)
		}
		fitsWidth(t, m, d)
		m.checkAccessibility(axe, "star seller's profile on a "+d.name)
		m.screenshot("demo-profile-" + d.name)

		if d.phone {
			continue
		}
		// An earlier applicant: no profile, their answers among earlier
		// responses, with the chart.
		m.goTo(base + "/people/" + applicant)
		if got := m.text("main"); !strings.Contains(got, "No answers of their own yet") || !strings.Contains(got, "Earlier response") {
			t.Errorf("an earlier applicant's page says %.300q", got)
		}
		if n := m.count("section.earlier svg.score-chart g.bar-row"); n != 12 {
			t.Errorf("an earlier applicant's response has %d bars, want 12", n)
		}
		m.checkAccessibility(axe, "an earlier applicant's page")

		m.goTo(base + "/settings/reliability")
		if body := m.text("main"); strings.Contains(body, "Too few responses") || !regexp.MustCompile(`alpha 0\.[5-9]\d\d`).MatchString(body) {
			t.Errorf("the reliability page shows no alpha figures: %.300q", body)
		}
		m.checkAccessibility(axe, "demo reliability page")

		// The profile as printed: navigation, forms and buttons gone,
		// one page.
		m.goTo(base + "/people/" + dana)
		m.do("print media", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}))
		for _, sel := range []string{"nav", "form", "button", ".danger-zone", ".performance-form"} {
			if n := evalIn[int](m, `[...document.querySelectorAll(`+jsString(sel)+`)].filter(e => e.getClientRects().length > 0).length`); n > 0 {
				t.Errorf("printed profile shows %d %s", n, sel)
			}
		}
		m.screenshot("demo-profile-print")
		res, err := printPDF(m)
		if err != nil {
			t.Fatalf("print the profile: %v", err)
		}
		if pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(res, -1)); pages != 1 {
			t.Errorf("the printed profile has %d pages, want 1", pages)
		}
		if dir := os.Getenv("ROLEFIT_SCREENSHOTS"); dir != "" {
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(os.TempDir(), dir)
			}
			if err := os.WriteFile(filepath.Join(dir, "demo-profile.pdf"), res, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// printPDF prints the tab's page on A4 as the browser's print dialog would.
func printPDF(tb *tab) ([]byte, error) {
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}

// fitsWidth fails when the page is wider than the device's screen.
func fitsWidth(t *testing.T, tb *tab, d device) {
	t.Helper()
	if over := evalIn[float64](tb, `document.documentElement.scrollWidth - window.innerWidth`); over > 1 {
		t.Errorf("%s: %s is %.0f px wider than the screen", d.name, tb.whereabouts(), over)
	}
}
