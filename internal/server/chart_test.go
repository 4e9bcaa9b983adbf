package server

import (
	"encoding/xml"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi, minStep float64
		want            []float64
	}{
		{0, 95, 0, []float64{0, 20, 40, 60, 80, 100}},
		{-130, 870, 0, []float64{-200, 0, 200, 400, 600, 800, 1000}},
		{0, 1, 0, []float64{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}},
		{0, 0, 0, []float64{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}}, // flat at zero: 0 to 1
		{0, 2.4e6, 0, []float64{0, 500000, 1e6, 1.5e6, 2e6, 2.5e6}},
		{1, 36, 1, []float64{0, 10, 20, 30, 40}},
		{1, 5, 1, []float64{1, 2, 3, 4, 5}},
		{0.5, 1.5, 1, []float64{0, 1, 2}}, // one month, widened: whole steps only
		{math.NaN(), math.Inf(1), 0, []float64{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}},
	} {
		got := niceTicks(tc.lo, tc.hi, 5, tc.minStep)
		if !slices.Equal(got, tc.want) {
			t.Errorf("niceTicks(%v, %v, 5, %v): got %v, want %v", tc.lo, tc.hi, tc.minStep, got, tc.want)
		}
	}
}

// Property: ticks cover the range, are evenly spaced and number about n.
func TestNiceTicksCover(t *testing.T) {
	for _, r := range [][2]float64{{-1, 1}, {0, 7}, {3, 3.0001}, {-5e9, 2e8}, {0, 1e12}, {12, 600}, {-0.003, 0}} {
		ticks := niceTicks(r[0], r[1], 5, 0)
		if ticks[0] > r[0] || ticks[len(ticks)-1] < r[1] {
			t.Errorf("range %v: ticks %v do not cover it", r, ticks)
		}
		if len(ticks) < 3 || len(ticks) > 11 {
			t.Errorf("range %v: %d ticks %v, want 3 to 11", r, len(ticks), ticks)
		}
		step := ticks[1] - ticks[0]
		for i := 2; i < len(ticks); i++ {
			if d := ticks[i] - ticks[i-1]; math.Abs(d-step) > 1e-9*math.Abs(step) {
				t.Errorf("range %v: uneven ticks %v", r, ticks)
				break
			}
		}
	}
}

var pathPoint = regexp.MustCompile(`[ML](-?[0-9.]+) (-?[0-9.]+)`)

// points returns the coordinates of the chart's line for series class.
func points(t *testing.T, svg, class string) [][2]float64 {
	t.Helper()
	m := regexp.MustCompile(`<path class="line ` + class + `" d="([^"]*)"`).FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("no line %s in %s", class, svg)
	}
	var out [][2]float64
	for _, p := range pathPoint.FindAllStringSubmatch(m[1], -1) {
		x, _ := strconv.ParseFloat(p[1], 64)
		y, _ := strconv.ParseFloat(p[2], 64)
		out = append(out, [2]float64{x, y})
	}
	return out
}

func TestChartScalesPointsIntoTheBox(t *testing.T) {
	lc := lineChart{ID: "c", Title: "T", X: []float64{1, 2, 3, 4, 5},
		Series: []chartSeries{
			{Name: "up", Class: "series-1", Y: []float64{0, 25, 50, 75, 100}},
			{Name: "down", Class: "series-2", Y: []float64{-100, -50, 0, 50, 60}},
		}}
	svg := string(lc.SVG())
	bx, by, bw, bh := lc.box()
	// y runs from −100 to 100 (whole ticks of 50), x from 1 to 5.
	yOf := func(v float64) float64 { return by + bh*(100-v)/200 }
	want := map[string][][2]float64{
		"series-1": {{bx, yOf(0)}, {bx + bw/4, yOf(25)}, {bx + bw/2, yOf(50)}, {bx + 3*bw/4, yOf(75)}, {bx + bw, yOf(100)}},
		"series-2": {{bx, yOf(-100)}, {bx + bw/4, yOf(-50)}, {bx + bw/2, yOf(0)}, {bx + 3*bw/4, yOf(50)}, {bx + bw, yOf(60)}},
	}
	for class, w := range want {
		got := points(t, svg, class)
		if len(got) != len(w) {
			t.Fatalf("%s: got %d points, want %d", class, len(got), len(w))
		}
		for i := range w {
			if math.Abs(got[i][0]-w[i][0]) > 0.051 || math.Abs(got[i][1]-w[i][1]) > 0.051 {
				t.Errorf("%s point %d: got %v, want %v", class, i, got[i], w[i])
			}
			if got[i][0] < bx || got[i][0] > bx+bw || got[i][1] < by || got[i][1] > by+bh {
				t.Errorf("%s point %d at %v is outside the box", class, i, got[i])
			}
		}
	}
	// The top point of series 1 (100) is on the top edge, and 0 is halfway.
	if got := points(t, svg, "series-1"); math.Abs(got[4][1]-by) > 0.051 || math.Abs(got[0][1]-(by+bh/2)) > 0.051 {
		t.Errorf("series-1 ends at %v, starts at %v; box top %v, height %v", got[4], got[0], by, bh)
	}
	for _, tick := range []string{">-100<", ">-50<", ">0<", ">50<", ">100<"} {
		if !strings.Contains(svg, tick) {
			t.Errorf("no y tick label %s", tick)
		}
	}
	if !strings.Contains(svg, `class="grid zero"`) {
		t.Error("no zero line")
	}
}

func TestChartIsAccessibleAndWellFormed(t *testing.T) {
	lc := lineChart{ID: "cum", Title: `Profit <"both">`, Summary: "A & B", XLabel: "Month", YLabel: "Money (USD)",
		X: []float64{1, 2}, XStep: 1, YTick: moneyIn("USD").Short,
		Series: []chartSeries{{Name: "Seller's own", Class: "series-1", Y: []float64{1000, 2500}}}}
	svg := string(lc.SVG())
	for _, want := range []string{
		`role="img"`, `aria-labelledby="cum-title cum-desc"`,
		`<title id="cum-title">Profit &lt;&#34;both&#34;&gt;</title>`, `<desc id="cum-desc">A &amp; B</desc>`,
		">Month<", ">Money (USD)<", ">Seller&#39;s own<", ">$2.5k<", ">$0<",
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %s:\n%s", want, svg)
		}
	}
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Errorf("not well-formed XML: %v", err)
	}
}

// Whatever the data, the SVG holds only finite numbers.
func TestChartNeverNaN(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	for name, lc := range map[string]lineChart{
		"no data":        {},
		"one month":      {X: []float64{1}, Series: []chartSeries{{Class: "a", Y: []float64{5}}}},
		"flat zero":      {X: []float64{1, 2, 3}, Series: []chartSeries{{Class: "a", Y: []float64{0, 0, 0}}}},
		"flat negative":  {X: []float64{1, 2}, Series: []chartSeries{{Class: "a", Y: []float64{-7, -7}}}},
		"NaN and Inf":    {X: []float64{1, 2, 3, 4}, Series: []chartSeries{{Class: "a", Y: []float64{nan, 3, inf, -inf}}}},
		"bad x":          {X: []float64{nan, inf}, Series: []chartSeries{{Class: "a", Y: []float64{1, 2}}}},
		"short series":   {X: []float64{1, 2, 3}, Series: []chartSeries{{Class: "a", Y: []float64{1}}, {Class: "b"}}},
		"huge values":    {X: []float64{1, 600}, Series: []chartSeries{{Class: "a", Y: []float64{-1e15, 1e15}}}},
		"tiny variation": {X: []float64{1, 2}, Series: []chartSeries{{Class: "a", Y: []float64{1e-300, 2e-300}}}},
	} {
		svg := string(lc.SVG())
		for _, bad := range []string{"NaN", "Inf", "inf"} {
			if strings.Contains(svg, bad) {
				t.Errorf("%s: SVG contains %s:\n%s", name, bad, svg)
			}
		}
		if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
			t.Errorf("%s: not well-formed XML: %v", name, err)
		}
	}
	// A lone finite point between gaps is still drawn, as a dot.
	svg := string((&lineChart{X: []float64{1, 2, 3, 4}, Series: []chartSeries{{Class: "a", Y: []float64{nan, 3, nan, 4}}}}).SVG())
	if got := strings.Count(svg, "h0"); got != 2 {
		t.Errorf("lone points: got %d dots, want 2:\n%s", got, svg)
	}
}
