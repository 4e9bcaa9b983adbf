package server

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"rolefit/internal/demo"
)

// mapInBrowser is what a browser makes of the team map on the page.
type mapInBrowser struct {
	Width, Own     float64 // as drawn and its own width, CSS px
	SmallestText   float64 // the smallest text's size as drawn, CSS px
	SmallestTarget float64 // the smallest side of a tap target, CSS px
	Labels         []struct {
		Text            string
		Ascent, Descent float64 // the glyphs' reach, in em of the font drawn
	}
}

// readMapInBrowser measures the map as drawn: its text, its tap targets,
// and each label's glyphs in the font the browser chose for them.
func readMapInBrowser(tb *tab) mapInBrowser {
	return evalIn[mapInBrowser](tb, `(() => {
		const svg = document.querySelector('svg.team-map');
		const r = svg.getBoundingClientRect();
		const scale = r.width / svg.viewBox.baseVal.width;
		const size = el => parseFloat(getComputedStyle(el).fontSize) * scale;
		const sides = [...svg.querySelectorAll('g.hits rect')].map(h => { const b = h.getBoundingClientRect(); return Math.min(b.width, b.height); });
		const ctx = document.createElement('canvas').getContext('2d');
		const labels = [...svg.querySelectorAll('text.label')].map(t => {
			// Measured at 120 px, as a canvas gives whole pixels.
			const cs = getComputedStyle(t);
			ctx.font = cs.fontWeight + ' 120px ' + cs.fontFamily;
			const m = ctx.measureText(t.textContent);
			return {text: t.textContent, ascent: m.actualBoundingBoxAscent / 120, descent: m.actualBoundingBoxDescent / 120};
		});
		return {width: r.width, own: svg.width.baseVal.value,
			smallestText: Math.min(...[...svg.querySelectorAll('text')].map(size)),
			smallestTarget: Math.min(...sides), labels};
	})()`)
}

// checkMapInBrowser fails the test when the map is drawn smaller than its
// own size, its text under 12 px, a tap target under 44 px, or a label's
// glyphs reach beyond the box its placement kept for them.
func checkMapInBrowser(t *testing.T, where string, m mapInBrowser) {
	t.Helper()
	if m.Width < m.Own-0.5 {
		t.Errorf("%s: the map is drawn %.1f px wide, narrower than its own %.1f", where, m.Width, m.Own)
	}
	if m.SmallestText < 12-0.01 {
		t.Errorf("%s: text of %.2f px on the map, want 12 at least", where, m.SmallestText)
	}
	if m.SmallestTarget < 44-0.01 {
		t.Errorf("%s: a tap target of %.2f px, want 44 at least", where, m.SmallestTarget)
	}
	if len(m.Labels) == 0 {
		t.Errorf("%s: no labels on the map", where)
	}
	for _, l := range m.Labels {
		a, d := mapTextExtent(l.Text)
		if l.Ascent > a+0.01 || l.Descent > d+0.01 {
			t.Errorf("%s: label %q reaches %.3f em up and %.3f down, beyond the %.2f and %.2f kept for it", where, l.Text, l.Ascent, l.Descent, a, d)
		}
	}
}

// TestTeamMapDemoInBrowser opens the demo's team map from Dana Diaz's
// page on a 375 px phone and on a laptop: the page does not scroll
// sideways, the map's text is 12 px at least, its tap targets 44 px, its
// labels' glyphs inside their boxes, the keyboard's focus on a point
// shows, a point opens the person without JavaScript, and axe-core finds
// nothing serious. Screenshots: team-demo-phone-375, team-demo-laptop.
func TestTeamMapDemoInBrowser(t *testing.T) {
	axe := axeScript(t)
	d := seedDemoForBrowser(t)
	st, clock, dana := d.st, d.clock, d.dana
	base := listenForBrowser(t, &fixture{t: t, st: st, clock: clock})
	chromium := startChromium(t)

	for _, d := range []struct {
		name  string
		phone bool
	}{{"phone-375", true}, {"laptop", false}} {
		tb := openTab(t, chromium, "manager's "+d.name, tabOptions{phone: d.phone})
		if d.phone {
			tb.do("use a 375 px phone", chromedp.EmulateViewport(375, 812, chromedp.EmulatePortrait,
				chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)))
		}
		tb.signIn(base, demo.Manager.Email, demo.Manager.Password)
		tb.goTo(base + "/team?person=" + dana)
		if over := evalIn[float64](tb, `document.documentElement.scrollWidth - window.innerWidth`); over > 1 {
			t.Errorf("%s: the page is %.0f px wider than the screen", d.name, over)
		}
		m := readMapInBrowser(tb)
		checkMapInBrowser(t, d.name, m)
		if len(m.Labels) != 16 {
			t.Errorf("%s: %d labels, want the demo's 16", d.name, len(m.Labels))
		}
		if d.phone && m.Width > 375 {
			t.Errorf("%s: the demo's map is %.0f px wide, wider than the phone", d.name, m.Width)
		}
		if !d.phone && m.Width < 400 {
			t.Errorf("%s: the map is %.0f px wide on a laptop", d.name, m.Width)
		}
		if got := evalIn[string](tb, `document.querySelector('svg.team-map a.selected text.label').textContent`); got != "★ Dana Diaz" {
			t.Errorf("%s: the selected point's label is %q", d.name, got)
		}
		// Tab to the first point: its focus box shows.
		focused := false
		for range 40 {
			tb.do("press Tab", chromedp.KeyEvent(kb.Tab))
			if evalIn[bool](tb, `!!document.activeElement.closest('svg.team-map g.points')`) {
				focused = true
				break
			}
		}
		if !focused {
			t.Errorf("%s: Tab never reaches a point of the map", d.name)
		} else if s := evalIn[string](tb, `getComputedStyle(document.activeElement.querySelector('rect.focus')).stroke`); s == "none" || s == "" {
			t.Errorf("%s: a focused point shows no focus box (stroke %q)", d.name, s)
		}
		tb.checkAccessibility(axe, "the demo's team map on a "+d.name)
		tb.screenshot("team-demo-" + d.name)
	}

	// Without JavaScript the map is still links: a point opens its person.
	ns := openTab(t, chromium, "manager without JavaScript", tabOptions{phone: true, noScript: true})
	ns.signIn(base, demo.Manager.Email, demo.Manager.Password)
	ns.goTo(base + "/team")
	ns.press(fmt.Sprintf(`svg.team-map g.hits a[href="/people/%s"] rect`, dana))
	ns.wantPath("a point opens the person without JavaScript", "/people/"+dana)
}
