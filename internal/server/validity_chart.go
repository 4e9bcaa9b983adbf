package server

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"rolefit/internal/app"
	"rolefit/internal/evidence"
)

// scatterChart is one scale against one criterion drawn as SVG on the
// server: a dot for each person (unnamed), the least-squares line, and
// axes labelled with the scale and the criterion. The figures' table and
// the verdict beside it hold the same numbers in words, and the chart's
// description says them, so nobody needs to see it.
type scatterChart struct {
	// ID is unique on the page; the title's and description's IDs start
	// with it.
	ID, Title, Summary string
	XLabel, YLabel     string
	// XMin and XMax are the score's answer scale.
	XMin, XMax float64
	Points     []app.ValidityPoint
	// YTick prints the criterion's tick labels (money for a rate).
	YTick func(float64) string
}

// The chart's geometry in SVG user units, the line chart's (chart.go):
// as wide as a chart is drawn on a 360-pixel phone, so the text is at
// least 12 pixels there.
const (
	scatterWidth  = 300
	scatterHeight = 240
	scatterLeft   = 52
	scatterRight  = 12
	scatterTop    = 30 // the y label above the plot
	scatterBottom = 42
	scatterDot    = 4
)

// SVG draws the chart. Every piece of text is escaped; every coordinate
// is a finite number.
func (sc scatterChart) SVG() template.HTML {
	bx, by := float64(scatterLeft), float64(scatterTop)
	bw, bh := float64(scatterWidth-scatterLeft-scatterRight), float64(scatterHeight-scatterTop-scatterBottom)
	x0, x1 := sc.XMin, sc.XMax
	if !finite(x0) || !finite(x1) || x0 >= x1 {
		x0, x1 = 1, 5
	}
	y0, y1 := math.Inf(1), math.Inf(-1)
	for _, p := range sc.Points {
		if finite(p.Criterion) {
			y0, y1 = min(y0, p.Criterion), max(y1, p.Criterion)
		}
	}
	yt := niceTicks(y0, y1, 5, 0)
	y0, y1 = yt[0], yt[len(yt)-1]
	px := func(v float64) float64 { return bx + (min(max(v, x0), x1)-x0)/(x1-x0)*bw }
	py := func(v float64) float64 { return by + bh - (min(max(v, y0), y1)-y0)/(y1-y0)*bh }
	ytick := sc.YTick
	if ytick == nil {
		ytick = plainNumber
	}
	esc := template.HTMLEscapeString

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart scatter" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc" font-size="%s">`,
		scatterWidth, scatterHeight, esc(sc.ID), esc(sc.ID), chartFont)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, esc(sc.ID), esc(sc.Title), esc(sc.ID), esc(sc.Summary))

	b.WriteString(`<g class="axis axis-y">`)
	for _, t := range yt {
		y := py(t)
		fmt.Fprintf(&b, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d5dbe3"/>`, coord(bx), coord(y), coord(bx+bw), coord(y))
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="middle">%s</text>`, coord(bx-5), coord(y), esc(ytick(t)))
	}
	b.WriteString(`</g><g class="axis axis-x">`)
	xAxisTicks(&b, bx, bw, by+bh, x0, x1, niceTicks(x0, x1, 5, 0.5), px, plainNumber)
	b.WriteString(`</g>`)
	fmt.Fprintf(&b, `<text class="axis-label" x="%s" y="%s" text-anchor="middle">%s</text>`, coord(bx+bw/2), coord(scatterHeight-6), esc(sc.XLabel))
	fmt.Fprintf(&b, `<text class="axis-label" x="4" y="%s">%s</text>`, coord(by-12), esc(sc.YLabel))

	var xs, ys []float64
	for _, p := range sc.Points {
		if !finite(p.Score) || !finite(p.Criterion) {
			continue
		}
		xs, ys = append(xs, p.Score), append(ys, p.Criterion)
		fmt.Fprintf(&b, `<circle class="dot" cx="%s" cy="%s" r="%d" fill="currentColor" fill-opacity="0.55"/>`, coord(px(p.Score)), coord(py(p.Criterion)), scatterDot)
	}
	// The fitted line over the scores seen, not beyond them.
	if slope, icpt, ok := evidence.Line(xs, ys); ok && len(xs) >= 3 {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, x := range xs {
			lo, hi = min(lo, x), max(hi, x)
		}
		fmt.Fprintf(&b, `<line class="fit" x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/>`,
			coord(px(lo)), coord(py(icpt+slope*lo)), coord(px(hi)), coord(py(icpt+slope*hi)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // every text above is escaped
}
