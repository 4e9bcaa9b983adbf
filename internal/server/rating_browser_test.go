package server

import (
	"rolefit"
	"testing"
)

// TestRatingAndReliabilityInBrowser opens the rating form and the
// reliability page on a laptop and a phone: both fit a 390 px screen,
// an incomplete rating points at the unanswered statement, a complete one
// lands on the person's page, and axe-core finds nothing serious.
func TestRatingAndReliabilityInBrowser(t *testing.T) {
	axe := axeScript(t)
	f := sqliteFixture(t, Config{})
	q := salesService(t)
	seedResponses(t, f, q, 40, 3)
	staff, err := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Rae Okafor", Kind: rolefit.Staff, JobTitle: "Seller"}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	rating, _ := testCatalog(t).Latest("manager-rating")
	base := listenForBrowser(t, f)
	chromium := startChromium(t)

	for _, dev := range devices {
		tb := openTab(t, chromium, "manager's "+dev.name, tabOptions{phone: dev.phone})
		signInManager(tb, base, f.mgrA)

		tb.goTo(base + "/people/" + staff.ID + "/rating")
		if n := tb.count("fieldset.statement"); n != rating.NumItems() {
			t.Errorf("%s: %d statements on the rating form, want %d", dev.name, n, rating.NumItems())
		}
		if dev.phone {
			if w := evalIn[float64](tb, `document.documentElement.scrollWidth`); w > 390 {
				t.Errorf("the rating form is %.0f px wide on a 390 px phone", w)
			}
			if h := evalIn[float64](tb, `document.querySelector('fieldset.statement label').getBoundingClientRect().height`); h < 44 {
				t.Errorf("an answer is %.0f px high on a phone, want at least 44 to tap", h)
			}
		}
		tb.checkAccessibility(axe, "rating form on a "+dev.name)
		tb.screenshot("rating-" + dev.name)

		// Answer all but the last statement: it is pointed out.
		tb.submitScript("answer all but the last", `(() => {
			const fs = [...document.querySelectorAll('fieldset.statement')];
			fs.slice(0, -1).forEach((f, i) => f.querySelectorAll('input')[i % 5].click());
			document.querySelector('form.questions button[type=submit]').click();
		})()`)
		if n := tb.count("fieldset.statement.has-error"); n != 1 {
			t.Errorf("%s: %d statements marked after leaving one out, want 1", dev.name, n)
		}
		if n := tb.count("fieldset.statement input:checked"); n != rating.NumItems()-1 {
			t.Errorf("%s: %d answers kept, want %d", dev.name, n, rating.NumItems()-1)
		}
		tb.checkAccessibility(axe, "incomplete rating on a "+dev.name)
		tb.screenshot("rating-incomplete-" + dev.name)
		tb.submitScript("answer the last and save", `(() => {
			document.querySelector('fieldset.statement.has-error input').click();
			document.querySelector('form.questions button[type=submit]').click();
		})()`)
		tb.wantPath("after a complete rating", "/people/"+staff.ID)
		tb.screenshot("rated-" + dev.name)

		tb.goTo(base + "/settings/reliability")
		if n := tb.count("table.reliability tbody tr"); n != len(q.Scales)+len(q.Composites) {
			t.Errorf("%s: %d scales on the reliability page, want %d", dev.name, n, len(q.Scales)+len(q.Composites))
		}
		if dev.phone {
			if w := evalIn[float64](tb, `document.documentElement.scrollWidth`); w > 390 {
				t.Errorf("the reliability page is %.0f px wide on a 390 px phone", w)
			}
		}
		tb.checkAccessibility(axe, "reliability page on a "+dev.name)
		tb.screenshot("reliability-" + dev.name)
	}
}
