package server

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"rolefit"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	usecases "rolefit/internal/app"
	"rolefit/internal/assess"
)

// TestGuideInBrowser opens an interview guide on a laptop and a phone at
// its longest (four facets and the probes for every quality flag of
// careless answers): it fits the screen, axe-core finds nothing serious,
// it prints on at most two A4 pages without its form, and a rating given
// on it lands on the person's page. The role's page with its job
// questionnaire and proposal fits the screen and passes axe-core too.
func TestGuideInBrowser(t *testing.T) {
	axe := axeScript(t)
	f := sqliteFixture(t, Config{})
	uc := useCases(t, f.st, f.clock, nil, "")
	act := usecases.UserActor(f.mgrA)
	p, err := uc.AddPerson(ctx, act, rolefit.NewPerson{Name: "Gil Guide", Kind: rolefit.Candidate})
	if err != nil {
		t.Fatal(err)
	}
	q, _ := testCatalog(t).Latest("sales-service")
	same := map[string]int{} // one answer throughout: facets at 3, and flags
	for _, it := range q.Items() {
		same[it.ID] = 1
	}
	if _, err := uc.RecordResponse(ctx, act, usecases.RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: same}); err != nil {
		t.Fatal(err)
	}
	role, err := uc.CreateRole(ctx, act, rolefit.RoleInput{Name: "Account executive", Activity: rolefit.ActivityNewBusiness, SeatsMax: 2,
		HoursPerMonth: 140, BaselineRate: 200, MonthlyCost: 8000, Weights: []rolefit.RoleWeight{{ScaleID: "hunter", Weight: 3}, {ScaleID: "farmer", Weight: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	job := map[string]float64{}
	for i := 1; i <= 12; i++ {
		job["j"+string(rune('0'+i/10))+string(rune('0'+i%10))] = float64(1 + i%5)
	}
	if _, err := uc.AnswerJob(ctx, act, role.ID, "Sales director", job); err != nil {
		t.Fatal(err)
	}
	g, err := uc.Guide(ctx, act, p.ID, role.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Facets) != assess.GuideMaxFacets || len(g.Flags) == 0 {
		t.Fatalf("guide of %d facets and %d flags, want the longest: %d facets and flags", len(g.Facets), len(g.Flags), assess.GuideMaxFacets)
	}
	base := listenForBrowser(t, f)
	chromium := startChromium(t)
	for _, d := range devices {
		tb := openDeviceTab(t, chromium, "manager's ", d)
		signInManager(tb, base, f.mgrA)
		tb.goTo(base + "/people/" + p.ID)
		tb.submitScript("open the guide", `document.querySelector('form.guide-open button').click()`)
		tb.wantPath("the guide", "/people/"+p.ID+"/interview?role="+role.ID)
		if n := tb.count("section.guide-facet"); n != len(g.Facets) {
			t.Errorf("%s: %d facets on the guide, want %d", d.name, n, len(g.Facets))
		}
		fitsWidth(t, tb, d)
		tb.checkAccessibility(axe, "interview guide on a "+d.name)
		tb.screenshot("guide-" + d.name)

		tb.do("print media", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}))
		for _, sel := range []string{"nav", "form", "button"} {
			if n := evalIn[int](tb, `[...document.querySelectorAll(`+jsString(sel)+`)].filter(e => e.getClientRects().length > 0).length`); n > 0 {
				t.Errorf("%s: the printed guide shows %d %s", d.name, n, sel)
			}
		}
		res, err := printPDF(tb)
		if err != nil {
			t.Fatalf("print the guide: %v", err)
		}
		pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(res, -1))
		if pages < 1 || pages > 2 {
			t.Errorf("%s: the printed guide has %d pages, want 1 or 2", d.name, pages)
		}
		t.Logf("%s: the guide prints on %d A4 pages", d.name, pages)
		if dir := os.Getenv("ROLEFIT_SCREENSHOTS"); dir != "" && filepath.IsAbs(dir) {
			if err := os.WriteFile(filepath.Join(dir, "guide-"+d.name+".pdf"), res, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		tb.do("screen media", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "screen"})
			return err
		}))
		tb.submitScript("rate the first facet", `(() => {
			document.querySelector('.guide-ratings fieldset input[value="4"]').click();
			document.querySelector('.guide-ratings button[type=submit]').click();
		})()`)
		tb.wantPath("after rating", "/people/"+p.ID+"#interviews")
		if n := tb.count("section.interviews h3"); n < 1 {
			t.Errorf("%s: no interview listed on the person's page after rating", d.name)
		}
		tb.checkAccessibility(axe, "person page with an interview on a "+d.name)

		tb.goTo(base + "/settings/roles/" + role.ID)
		if n := tb.count("section.job-target fieldset"); n != len(job) {
			t.Errorf("%s: %d job statements on the role's page, want %d", d.name, n, len(job))
		}
		fitsWidth(t, tb, d)
		tb.checkAccessibility(axe, "role page with its job questionnaire on a "+d.name)
		tb.screenshot("role-job-" + d.name)
	}
}
