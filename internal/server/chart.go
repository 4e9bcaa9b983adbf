package server

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// lineChart is a line chart drawn as SVG on the server, so a page shows it
// without any script. Its series share the x values; colours and dashes
// come from each series' CSS class (style.css), so a chart reads the same
// in colour and in grey.
type lineChart struct {
	// ID is unique on the page; the title's and description's IDs start
	// with it.
	ID    string
	Title string
	// Summary says in words what the chart shows, for people who cannot
	// see it: it becomes the SVG's description.
	Summary        string
	XLabel, YLabel string
	X              []float64
	Series         []chartSeries
	// XStep is the least step between x ticks, 1 for whole months; 0 for
	// none.
	XStep float64
	// XTick and YTick print tick labels; nil prints plain numbers.
	XTick, YTick func(float64) string
}

// chartSeries is one line of a chart.
type chartSeries struct {
	Name  string
	Class string // "series-1", "series-2": colour and dash in style.css
	Y     []float64
}

// The chart's geometry in SVG user units. The view box is as wide as a
// chart is drawn on a 360-pixel phone (the page's and the card's padding
// taken off), so one unit is about one pixel there and chartFont is the
// text's size in pixels: at least 12 on any phone from 360 pixels wide.
// On wider screens the chart grows with the page up to the width
// style.css allows it, and its text with it.
const (
	chartWidth      = 300
	chartHeight     = 250
	chartFont       = "12.5"
	chartLeft       = 48 // room for the y tick labels
	chartRight      = 10
	chartTop        = 8 // above the legend
	chartBottom     = 42
	chartLegendLine = 18
	chartYLabel     = 20 // the y axis label's line, above the plot
	chartYTicks     = 5
	chartXTicks     = 5
)

// box is the plot area: left and top edge, width and height.
func (lc *lineChart) box() (x, y, w, h float64) {
	top := float64(chartTop + chartLegendLine*len(lc.Series) + chartYLabel + 6)
	return chartLeft, top, chartWidth - chartLeft - chartRight, chartHeight - top - chartBottom
}

// domains returns the ranges of x and y to plot. y always includes 0, so
// the reader sees where a line crosses it, and is widened to whole ticks;
// x spans the data exactly. Values that are not finite are left out, and
// an empty or flat range is widened so nothing divides by zero.
func (lc *lineChart) domains() (x0, x1 float64, yTicks []float64) {
	x0, x1 = math.Inf(1), math.Inf(-1)
	for _, v := range lc.X {
		if finite(v) {
			x0, x1 = min(x0, v), max(x1, v)
		}
	}
	switch {
	case x0 > x1: // no finite x at all
		x0, x1 = 0, 1
	case x0 == x1:
		x0, x1 = x0-0.5, x1+0.5
	}
	y0, y1 := 0.0, 0.0
	for _, s := range lc.Series {
		for _, v := range s.Y {
			if finite(v) {
				y0, y1 = min(y0, v), max(y1, v)
			}
		}
	}
	return x0, x1, niceTicks(y0, y1, chartYTicks, 0)
}

// SVG draws the chart. Every piece of text is escaped; every coordinate is
// a finite number.
func (lc *lineChart) SVG() template.HTML {
	bx, by, bw, bh := lc.box()
	x0, x1, yt := lc.domains()
	y0, y1 := yt[0], yt[len(yt)-1]
	px := func(v float64) float64 { return bx + (v-x0)/(x1-x0)*bw }
	py := func(v float64) float64 { return by + bh - (v-y0)/(y1-y0)*bh }
	xtick, ytick := lc.XTick, lc.YTick
	if xtick == nil {
		xtick = plainNumber
	}
	if ytick == nil {
		ytick = plainNumber
	}
	esc := template.HTMLEscapeString

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc" font-size="%s">`,
		chartWidth, chartHeight, esc(lc.ID), esc(lc.ID), chartFont)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, esc(lc.ID), esc(lc.Title), esc(lc.ID), esc(lc.Summary))

	// Legend: one line per series, its sample drawn like the series.
	for i, s := range lc.Series {
		y := float64(chartTop + chartLegendLine*i + chartLegendLine/2)
		fmt.Fprintf(&b, `<g class="legend %s"><line x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-width="2.5"/><text x="%s" y="%s" dominant-baseline="middle">%s</text></g>`,
			esc(s.Class), coord(bx), coord(y), coord(bx+24), coord(y), coord(bx+30), coord(y), esc(s.Name))
	}

	// Horizontal grid lines and y tick labels; the zero line stands out.
	b.WriteString(`<g class="axis axis-y">`)
	for _, t := range yt {
		y := py(t)
		class := "grid"
		if t == 0 {
			class = "grid zero"
		}
		fmt.Fprintf(&b, `<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d5dbe3"/>`, class, coord(bx), coord(y), coord(bx+bw), coord(y))
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="middle">%s</text>`, coord(bx-5), coord(y), esc(ytick(t)))
	}
	b.WriteString(`</g>`)

	// x ticks: whole steps inside the data's range.
	b.WriteString(`<g class="axis axis-x">`)
	xAxisTicks(&b, bx, bw, by+bh, x0, x1, niceTicks(x0, x1, chartXTicks, lc.XStep), px, xtick)
	b.WriteString(`</g>`)

	// Axis labels.
	fmt.Fprintf(&b, `<text class="axis-label" x="%s" y="%s" text-anchor="middle">%s</text>`, coord(bx+bw/2), coord(chartHeight-6), esc(lc.XLabel))
	// The y label reads across, above the axis: turned on its side it
	// would not fit beside a short plot.
	fmt.Fprintf(&b, `<text class="axis-label" x="4" y="%s">%s</text>`, coord(by-10), esc(lc.YLabel))

	// The lines; a value that is not finite breaks its line, and a lone
	// point is drawn as a dot by the round caps.
	for _, s := range lc.Series {
		var d strings.Builder
		run := 0 // points in the current piece of line
		for i, v := range s.Y {
			if i >= len(lc.X) || !finite(v) || !finite(lc.X[i]) {
				if run == 1 {
					d.WriteString("h0")
				}
				run = 0
				continue
			}
			cmd := "L"
			if run == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&d, "%s%s %s", cmd, coord(px(lc.X[i])), coord(py(v)))
			run++
		}
		if run == 1 {
			d.WriteString("h0")
		}
		if d.Len() == 0 {
			continue
		}
		fmt.Fprintf(&b, `<path class="line %s" d="%s" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>`,
			esc(s.Class), d.String())
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // every text above is escaped
}

// niceTicks returns evenly spaced round ticks (1, 2 or 5 times a power of
// ten apart: Heckbert's "nice numbers", Graphics Gems, 1990) from at or
// below lo to at or above hi, about n of them and at least minStep apart.
// An empty range is widened around its value.
func niceTicks(lo, hi float64, n int, minStep float64) []float64 {
	if !finite(lo) || !finite(hi) {
		lo, hi = 0, 1
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		if lo == 0 {
			hi = 1
		} else {
			lo, hi = lo-math.Abs(lo)/2, hi+math.Abs(hi)/2
		}
	}
	step := max(niceStep((hi-lo)/float64(max(n-1, 1))), minStep)
	// Ticks are whole multiples of the step; multiplying rather than
	// adding keeps rounding from drifting, and the first and last are
	// moved out if rounding left them inside the range.
	k0, k1 := math.Floor(lo/step), math.Ceil(hi/step)
	if k0*step > lo {
		k0--
	}
	if k1*step < hi {
		k1++
	}
	ticks := make([]float64, int(k1-k0)+1)
	for i := range ticks {
		ticks[i] = (k0 + float64(i)) * step
	}
	return ticks
}

// niceStep rounds a raw step to the nearest of 1, 2 or 5 times a power of
// ten (Heckbert's rounding: below 1.5 is 1, below 3 is 2, below 7 is 5).
func niceStep(raw float64) float64 {
	if !(raw > 0) || !finite(raw) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	switch f := raw / p; {
	case f < 1.5:
		return p
	case f < 3:
		return 2 * p
	case f < 7:
		return 5 * p
	}
	return 10 * p
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// coord prints a coordinate with one decimal, enough for a screen.
func coord(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// plainNumber prints a tick without needless decimals.
func plainNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// xAxisTicks draws an x axis along bottom from bx to bx+bw: its line, and
// a tick and its label at each of ticks inside [x0, x1]; px places a value.
func xAxisTicks(b *strings.Builder, bx, bw, bottom, x0, x1 float64, ticks []float64, px func(float64) float64, label func(float64) string) {
	fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#5a6472"/>`, coord(bx), coord(bottom), coord(bx+bw), coord(bottom))
	for _, t := range ticks {
		if t < x0 || t > x1 {
			continue
		}
		x := px(t)
		fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#5a6472"/>`, coord(x), coord(bottom), coord(x), coord(bottom+4))
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle">%s</text>`, coord(x), coord(bottom+17), template.HTMLEscapeString(label(t)))
	}
}
