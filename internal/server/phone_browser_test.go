package server

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"rolefit/internal/demo"
)

// phoneWidth is the narrowest phone screen rolefit's pages are drawn
// for, in CSS pixels (an iPhone SE or mini).
const phoneWidth = 375

// minChartText is the least size, in CSS pixels, of any text of a chart
// as a phone shows it: below it, axis labels and figures are too small to
// read at arm's length (WCAG 1.4.4 asks for text that can be read without
// zooming; 12 px is the common floor for secondary text).
const minChartText = 12

// TestDemoOnANarrowPhone opens the demo's pages on a 375-pixel-wide phone:
// every navigation item is on the screen without sideways scrolling, no
// page is wider than the screen, and every text of every chart (the
// profile's scores, the Costs page's and the Move page's lines) is at
// least 12 pixels tall. Screenshots go to ROLEFIT_SCREENSHOTS.
func TestDemoOnANarrowPhone(t *testing.T) {
	d := seedDemoForBrowser(t)
	st, clock, dana := d.st, d.clock, d.dana
	f := &fixture{t: t, st: st, clock: clock}
	base := listenForBrowser(t, f)
	chromium := startChromium(t)

	m := openTab(t, chromium, "manager's narrow phone", tabOptions{phone: true})
	m.do("use a 375-pixel-wide screen", chromedp.EmulateViewport(phoneWidth, 812, chromedp.EmulatePortrait,
		chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)))
	m.signIn(base, demo.Manager.Email, demo.Manager.Password)
	phone := device{"phone", true}
	for _, p := range []struct {
		name, path string
		charts     int // charts the page draws at least
	}{
		{"home", "/", 0},
		{"people", "/people", 0},
		{"profile", "/people/" + dana, 1},
		{"costs", "/costs", 2},
		{"move", "/costs/move?person=" + dana, 1},
		{"reliability", "/settings/reliability", 0},
	} {
		m.goTo(base + p.path)
		fitsWidth(t, m, phone)
		// Every navigation item lies within the screen, and the bar does
		// not scroll sideways to reach one.
		if out := evalIn[[]string](m, `[...document.querySelectorAll('nav a')].filter(a => {
				const r = a.getBoundingClientRect();
				return r.width === 0 || r.left < 0 || r.right > window.innerWidth + 0.5;
			}).map(a => a.textContent.trim())`); len(out) > 0 {
			t.Errorf("%s: navigation items off the screen: %v", p.name, out)
		}
		if over := evalIn[float64](m, `(() => { const u = document.querySelector('nav ul'); return u.scrollWidth - u.clientWidth; })()`); over > 0.5 {
			t.Errorf("%s: the navigation scrolls sideways by %.0f px", p.name, over)
		}
		if n := evalIn[int](m, `document.querySelectorAll('nav a').length`); n < 5 {
			t.Errorf("%s: %d navigation items", p.name, n)
		}
		// Chart text as drawn: its font size times the chart's scale.
		if n := m.count("svg.chart:not(.team-map)"); n < p.charts {
			t.Errorf("%s: %d charts, want %d", p.name, n, p.charts)
		}
		small := evalIn[[]string](m, `[...document.querySelectorAll('svg.chart:not(.team-map) text')].filter(e => e.getClientRects().length > 0).map(e => {
				const m = e.getScreenCTM();
				const px = parseFloat(getComputedStyle(e).fontSize) * Math.hypot(m.a, m.b);
				return [px, e.textContent.trim()];
			}).filter(([px]) => px < `+strconv.Itoa(minChartText)+` - 0.01).map(([px, s]) => px.toFixed(1) + " px: " + s)`)
		if len(small) > 0 {
			t.Errorf("%s: %d chart texts smaller than %d px at %d px wide, such as %s", p.name, len(small), minChartText, phoneWidth, strings.Join(small[:min(len(small), 5)], "; "))
		}
		m.screenshot("phone375-" + p.name)
		if p.charts > 0 {
			m.savePicture("phone375-"+p.name+"-chart", "the first chart", chromedp.Screenshot(chromedp.CSS("svg.chart:not(.team-map)")))
		}
	}
}
