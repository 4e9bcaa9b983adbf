package server

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"rolefit/internal/econ"
)

// TestCostsPageInBrowser drives the Costs page as a manager does, on a
// laptop and on a phone: the founding case, a changed scenario whose
// address holds the inputs, and a bad input, each checked with axe-core.
func TestCostsPageInBrowser(t *testing.T) {
	axe := axeScript(t)
	f := sqliteFixture(t, Config{})
	base := listenForBrowser(t, f)
	chromium := startChromium(t)

	check := func(tb *tab, where string) {
		t.Helper()
		tb.checkAccessibility(axe, where)
	}
	breakeven := func(in econ.Inputs) string {
		t.Helper()
		out, err := econ.Simulate(in)
		if err != nil {
			t.Fatal(err)
		}
		if out.BreakevenMonth == nil {
			return fmt.Sprintf("does not pull ahead within %d months", in.Months)
		}
		return fmt.Sprintf("in month %d", *out.BreakevenMonth)
	}

	m := openTab(t, chromium, "manager's laptop", tabOptions{})
	m.do("use a 1280 by 800 screen", chromedp.EmulateViewport(1280, 800))
	signInManager(m, base, f.mgrA)
	m.goTo(base + "/costs")
	if got, want := m.text(".figure-main dd strong"), breakeven(econ.DefaultInputs()); got != want {
		t.Errorf("founding case: breakeven %q, want %q", got, want)
	}
	if n := m.count(`svg.chart[role="img"]`); n != 2 {
		t.Errorf("got %d charts, want 2", n)
	}
	// The charts are drawn at a readable size, not collapsed.
	if w := evalIn[float64](m, `document.querySelector('svg.chart').getBoundingClientRect().width`); w < 300 {
		t.Errorf("chart is %.0f px wide on a laptop", w)
	}
	check(m, "costs page, founding case")
	m.screenshot("costs-laptop")

	// A changed scenario: the address holds it.
	m.do("type a scenario",
		chromedp.SetValue(chromedp.CSS("#f-churn"), "0.03"),
		chromedp.SetValue(chromedp.CSS("#f-selling_cap"), "80"))
	m.submit(`form.scenario button[type="submit"]`)
	loc, err := url.Parse(m.location())
	if err != nil {
		t.Fatal(err)
	}
	if q := loc.Query(); q.Get("churn") != "0.03" || q.Get("selling_cap") != "80" || q.Get("hours") != "120" {
		t.Errorf("after running a scenario the address is %s, want every input with churn 0.03 and cap 80", loc)
	}
	in := econ.DefaultInputs()
	capHours := 80.0
	in.Churn, in.SellingCap = 0.03, &capHours
	if got, want := m.text(".figure-main dd strong"), breakeven(in); got != want {
		t.Errorf("changed scenario: breakeven %q, want %q", got, want)
	}
	if !strings.Contains(m.text(".notes"), "capped at 80 a month") {
		t.Errorf("the cap's note is not beside the result: %q", m.text(".notes"))
	}

	// Bad input comes back with the value as typed and the box marked.
	m.do("type a churn of 150%", chromedp.SetValue(chromedp.CSS("#f-churn"), "1.5"))
	m.submit(`form.scenario button[type="submit"]`)
	if m.count(".alert") != 1 || m.count(`#f-churn[aria-invalid="true"]`) != 1 {
		t.Fatalf("bad churn: want the alert and the box marked; the page says %.300q", m.text("main"))
	}
	if got := evalIn[string](m, `document.getElementById('f-churn').value`); got != "1.5" {
		t.Errorf("bad churn: box holds %q, want 1.5 as typed", got)
	}
	check(m, "costs page, bad input")
	m.screenshot("costs-laptop-bad-input")

	p := openTab(t, chromium, "manager's phone", tabOptions{phone: true})
	signInManager(p, base, f.mgrA)
	p.goTo(base + "/costs?months=120&selling_cap=90")
	// Nothing but the month table may be wider than the phone's screen.
	if w := evalIn[float64](p, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the page is %.0f px wide on a 390 px phone", w)
	}
	check(p, "costs page on a phone, 120 months")
	p.screenshot("costs-phone")
}
