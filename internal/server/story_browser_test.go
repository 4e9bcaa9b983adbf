package server

import (
	"strings"
	"testing"

	"rolefit/internal/demo"
)

// TestDemoStoryInBrowser walks the demo's story as a new manager does,
// on a laptop and on a phone: Home opens with the star seller's split
// cost and the recommended hire; one tap reaches Costs, the month by
// month from her state, with the same figure; one more reaches Move, with
// it again, and one more Placement, with the hire. Every page fits the
// screen and axe-core finds nothing serious; the screenshots are saved
// when ROLEFIT_SCREENSHOTS names a folder.
func TestDemoStoryInBrowser(t *testing.T) {
	axe := axeScript(t)
	d := seedDemoForBrowser(t)
	st, clock, uc, act := d.st, d.clock, d.uc, d.manager
	ex, err := uc.Exposure(ctx, act)
	if err != nil || len(ex.Sellers) == 0 {
		t.Fatalf("exposure: %v", err)
	}
	sv, err := uc.PersonSplit(ctx, act, ex.Sellers[0].ID)
	if err != nil || sv == nil {
		t.Fatalf("the star's split: %v", err)
	}
	want := moneyIn("USD").Cents(sv.CostAMonth)
	f := &fixture{t: t, st: st, clock: clock}
	base := listenForBrowser(t, f)
	chromium := startChromium(t)

	for _, d := range devices {
		m := openDeviceTab(t, chromium, "manager's ", d)
		m.signIn(base, demo.Manager.Email, demo.Manager.Password)
		look := func(step string) {
			t.Helper()
			fitsWidth(t, m, d)
			m.checkAccessibility(axe, step+" on a "+d.name)
			m.screenshot("story-" + step + "-" + d.name)
		}
		splitIs := func(where string) {
			t.Helper()
			if got := m.text(".split .split-cost"); got != want {
				t.Errorf("%s: %s shows the split as %q, want %q", d.name, where, got, want)
			}
		}

		// Home: the split and the hire, before anything else.
		splitIs("Home")
		if got := m.text(".story .split h2"); !strings.Contains(got, "Dana Diaz") {
			t.Errorf("%s: Home's story is about %q, want Dana Diaz", d.name, got)
		}
		if got := m.text(".story-changes"); !strings.Contains(got, "Hire ") {
			t.Errorf("%s: Home's placement changes recommend no hire: %q", d.name, got)
		}
		if top := evalIn[float64](m, `document.querySelector('.story .split').getBoundingClientRect().top`); top > 400 {
			t.Errorf("%s: the split starts %.0f px down Home, below the first screen", d.name, top)
		}
		look("home")

		// One tap: Costs, month by month from Dana's state.
		m.submit(`.story .split .jump a[href^="/costs?person="]`)
		splitIs("Costs")
		if got := m.text(".figure-main"); !strings.Contains(got, "Dana Diaz: hiring service pulls ahead") || !strings.Contains(got, "in month") {
			t.Errorf("%s: Costs' headline says %q", d.name, got)
		}
		if n := m.count("table.months tbody tr"); n < 12 {
			t.Errorf("%s: Costs shows %d months", d.name, n)
		}
		look("costs")

		// Two: Move, the same split and the three options.
		m.submit(`.split .jump a[href^="/costs/move?person="]`)
		splitIs("Move")
		if n := m.count("#options-title"); n != 1 {
			t.Errorf("%s: Move shows no options", d.name)
		}
		look("move")

		// Three: Placement, with the hire.
		m.submit(`.split .jump a[href="/placement"]`)
		m.wantPath("Placement", "/placement")
		hires := evalIn[int](m, `[...document.querySelectorAll('.placement-group tbody tr')].filter(r => r.querySelector('.tag') && r.querySelector('.tag').textContent === 'candidate').length`)
		if hires == 0 {
			t.Errorf("%s: Placement places no candidate", d.name)
		}
		look("placement")
	}
}
