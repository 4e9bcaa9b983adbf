package server

import (
	"strings"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/evidence"
)

// The scatter chart draws one dot per person and the fitted line, is an
// image with a title and a description for screen readers, and escapes
// its texts.
func TestScatterChart(t *testing.T) {
	pts := []app.ValidityPoint{{Score: 2, Criterion: 100}, {Score: 3, Criterion: 140}, {Score: 4, Criterion: 150}, {Score: 4.5, Criterion: 210}}
	svg := string(scatterChart{ID: "s1", Title: `Hunter <b>"x"</b>`, Summary: "r = 0.9", XLabel: "Hunter score (1–5)", YLabel: "Revenue",
		XMin: 1, XMax: 5, Points: pts}.SVG())
	for _, want := range []string{`role="img"`, `aria-labelledby="s1-title s1-desc"`, `<title id="s1-title">Hunter &lt;b&gt;&#34;x&#34;&lt;/b&gt;</title>`,
		`<desc id="s1-desc">r = 0.9</desc>`, `class="fit"`, "Hunter score (1–5)"} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %s:\n%s", want, svg)
		}
	}
	if n := strings.Count(svg, "<circle"); n != len(pts) {
		t.Errorf("%d dots, want %d", n, len(pts))
	}
	if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") {
		t.Errorf("a coordinate is not a number:\n%s", svg)
	}
	// Two people: dots, no line to fit.
	if svg := string(scatterChart{ID: "s2", Points: pts[:2]}.SVG()); strings.Contains(svg, `class="fit"`) {
		t.Error("a line fitted through two people")
	}
}

// The verdict respects n: below 10 people it is never a finding; from 10
// it gives r and its interval, and says "not clear" while the interval
// includes zero.
func TestVerdictRespectsN(t *testing.T) {
	crit := app.Criteria[0]
	item := func(x, y []float64) app.ValidityItem {
		return app.ValidityItem{Criterion: crit, Validity: evidence.Correlate(x, y, 0)}
	}
	x := []float64{3.2, 2.8, 4.1, 3.5, 2.9, 3.8, 4.4, 3.1, 3.5, 2.6, 3.9, 4.0}
	strong := []float64{61, 48, 80, 70, 52, 66, 90, 49, 75, 40, 71, 88}
	flat := []float64{52, 61, 88, 75, 80, 40, 66, 71, 49, 70, 90, 48}

	text, finding := verdictOf(item(x[:7], strong[:7]))
	if finding || text != "7 people: far too few to tell; over 7 people the 95% interval is about ±0.75 around any r, and with 30 it would be about ±0.36." {
		t.Errorf("7 people: %q (finding %v)", text, finding)
	}
	it := item(x, strong)
	text, finding = verdictOf(it)
	if !finding || !strings.Contains(text, "12 people: r = "+corrText(*it.R)) || !strings.Contains(text, "Higher scores went with a higher new-business revenue an hour") ||
		!strings.Contains(text, "from "+corrText(*it.Low)+" to "+corrText(*it.High)) {
		t.Errorf("12 people, strong: %q (finding %v)", text, finding)
	}
	it = item(x, flat)
	text, finding = verdictOf(it)
	if !finding || !strings.Contains(text, "Not clear yet") || !strings.Contains(text, "With 30 people it would be about ±0.36 around zero.") {
		t.Errorf("12 people, no link: %q (r %v, %v to %v)", text, *it.R, *it.Low, *it.High)
	}
	text, _ = verdictOf(app.ValidityItem{Criterion: app.Criteria[3]})
	if text != "Not yet recorded: nobody has interview ratings yet." {
		t.Errorf("interview: %q", text)
	}
}
