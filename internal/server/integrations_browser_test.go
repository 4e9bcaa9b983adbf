package server

import (
	"fmt"
	"rolefit"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestIntegrationPagesInBrowser: an admin, on a laptop and a phone,
// ticks people on the People page and invites them at once, adds a
// webhook endpoint and reads its page, and opens the single sign-on and
// Greenhouse settings; each page fits the phone and axe-core finds
// nothing serious.
func TestIntegrationPagesInBrowser(t *testing.T) {
	axe := axeScript(t)
	f := sqliteFixture(t, Config{})
	o := f.st.Scope(f.orgA.ID)
	for i := range 8 {
		if _, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: fmt.Sprintf("Person %d", i), Email: fmt.Sprintf("p%d@example.com", i),
			Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA)); err != nil {
			t.Fatal(err)
		}
	}
	base := listenForBrowser(t, f)
	chromium := startChromium(t)
	for i, c := range devices {
		tb := openDeviceTab(t, chromium, "admin's ", c)
		tb.signIn(base, f.adminA.Email, testPassword)
		fits := func(what string) {
			t.Helper()
			if w := evalIn[float64](tb, `document.documentElement.scrollWidth`); c.phone && w > 390 {
				t.Errorf("%s is %.0f px wide on a 390 px phone", what, w)
			}
			tb.checkAccessibility(axe, what+" on a "+c.name)
		}

		tb.goTo(base + "/people")
		fits("the People page")
		for j := 4 * i; j < 4*i+3; j++ {
			tb.press(fmt.Sprintf(`tr:nth-child(%d) input[name="person_ids"]`, j+1))
		}
		tb.submit(`#invite-many button[type="submit"]`)
		if got := tb.text("h1"); got != "3 people invited" {
			t.Errorf("after inviting three on a %s: %q", c.name, got)
		}
		if n := tb.count(`input[readonly][aria-label^="Link for"]`); n != 3 {
			t.Errorf("%d links shown on a %s, want 3", n, c.name)
		}
		fits("the invitations made")

		tb.goTo(base + "/settings/webhooks")
		tb.do("type an address and choose events",
			chromedp.SendKeys(chromedp.CSS("#f-url"), fmt.Sprintf("https://93.184.215.14/hooks/%d", i)),
			chromedp.Click(chromedp.CSS(`#ev-response\.submitted`)))
		tb.submit(`form[action="/settings/webhooks"] button[type="submit"]`)
		if !strings.HasPrefix(tb.text("#new-secret"), "whsec_") {
			t.Errorf("no new secret shown on a %s", c.name)
		}
		fits("the webhooks page with a new secret")
		tb.goTo(base + "/settings/webhooks")
		tb.submitScript("open the endpoint", `document.querySelector('a[href^="/settings/webhooks/"]').click()`)
		fits("an endpoint's deliveries")

		tb.goTo(base + "/settings/sso")
		fits("the single sign-on settings")
		tb.goTo(base + "/settings/greenhouse")
		fits("the Greenhouse settings")
		tb.screenshot("integrations-" + c.name)
	}
}
