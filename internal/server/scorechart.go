package server

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"rolefit/internal/app"
)

// scoreChart is a response's composites and facets drawn as horizontal
// bars on the response scale, each with its 95% band as a whisker and its
// percentile at the end of the row, and the profile cut as a dashed line.
// It is drawn on the server as SVG, so it needs no script; the table
// beside it holds the same numbers for screen readers and print, and the
// chart's description says so.
type scoreChart struct {
	// ID is unique on the page; the title's and description's IDs start
	// with it.
	ID string
	// Min and Max bound the response scale; Cut is the profile cut, NaN
	// when the response has no 2×2 profile.
	Min, Max, Cut float64
	Rows          []app.ReportScale
}

// The chart's geometry in SVG user units: each row has the scale's name
// and score on a line above its bar, so a long name never crowds the
// plot, and the percentile at the bar's end. The view box is as wide as
// the chart is drawn in a profile's card on a 360-pixel phone, so one
// unit is about one pixel there and scoreFont is the text's size in
// pixels: at least 12 on any phone from 360 pixels wide (style.css caps
// the chart's width on wide screens, where it would grow with the page).
const (
	scoreWidth    = 290
	scoreFont     = "12.5"
	scorePlotLeft = 6
	scorePlotW    = 226
	scorePctLeft  = scorePlotLeft + scorePlotW + 10
	scoreTop      = 32 // the column headings and the cut's label
	scoreRow      = 33
	scoreName     = 13 // the name's baseline below the row's top
	scoreBarTop   = 17 // the bar's top below the row's top
	scoreBarH     = 10
	scoreGap      = 10 // between the composites and the facets
	scoreBottom   = 22 // the tick labels
)

// scoreChartOf makes the chart of a response.
func scoreChartOf(id string, rv *app.ResponseView) scoreChart {
	sc := scoreChart{ID: id, Min: float64(rv.ScaleMin), Max: float64(rv.ScaleMax), Cut: math.NaN(), Rows: rv.Report().Scales}
	if p := rv.Scored.Profile; p != nil {
		sc.Cut = p.Cut
	}
	return sc
}

// bounds returns the scale's range, 1–5 when it is unknown or empty.
func (sc scoreChart) bounds() (lo, hi float64) {
	if !finite(sc.Min) || !finite(sc.Max) || sc.Min >= sc.Max {
		return 1, 5
	}
	return sc.Min, sc.Max
}

// x places a score on the plot; a score off the scale is drawn at its
// edge.
func (sc scoreChart) x(v float64) float64 {
	lo, hi := sc.bounds()
	return scorePlotLeft + (min(max(v, lo), hi)-lo)/(hi-lo)*scorePlotW
}

// rowY returns the top of row i: the composites first, then a gap, then
// the facets.
func (sc scoreChart) rowY(i int) float64 {
	y := float64(scoreTop + i*scoreRow)
	if i > 0 && sc.Rows[i].Kind != sc.Rows[0].Kind {
		y += scoreGap
	}
	return y
}

// height is the chart's full height.
func (sc scoreChart) height() float64 {
	if len(sc.Rows) == 0 {
		return scoreTop + scoreBottom
	}
	return sc.rowY(len(sc.Rows)-1) + scoreRow + scoreBottom
}

// ordinal writes a percentile rounded to a whole with its English suffix:
// 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st.
func ordinal(p float64) string {
	n := int(math.Round(p))
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// SVG draws the chart. Every piece of text is escaped; every coordinate is
// a finite number.
func (sc scoreChart) SVG() template.HTML {
	esc := template.HTMLEscapeString
	lo, hi := sc.bounds()
	h := sc.height()
	plotTop, plotBottom := float64(scoreTop-4), h-scoreBottom+2
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart score-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %s" role="img" aria-labelledby="%s-title %s-desc" font-size="%s">`,
		scoreWidth, coord(h), esc(sc.ID), esc(sc.ID), scoreFont)
	fmt.Fprintf(&b, `<title id="%s-title">Scores with their 95%% bands and percentiles</title>`, esc(sc.ID))
	fmt.Fprintf(&b, `<desc id="%s-desc">A bar for each composite and facet on the answer scale from %s to %s, a line across each bar for its 95%% band, and the percentile among your people at the end of the row. The table that follows gives the same numbers.</desc>`,
		esc(sc.ID), plainNumber(lo), plainNumber(hi))

	// Column headings.
	fmt.Fprintf(&b, `<text class="axis-label" x="%d" y="13">Score from %s to %s</text>`, scorePlotLeft, esc(plainNumber(lo)), esc(plainNumber(hi)))
	fmt.Fprintf(&b, `<text class="axis-label" x="%d" y="13" text-anchor="end">Percentile</text>`, scoreWidth)

	// Grid and ticks at each whole point of the scale.
	b.WriteString(`<g class="axis">`)
	for _, t := range niceTicks(lo, hi, int(hi-lo)+1, 1) {
		if t < lo || t > hi {
			continue
		}
		x := sc.x(t)
		fmt.Fprintf(&b, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`, coord(x), coord(plotTop), coord(x), coord(plotBottom))
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle">%s</text>`, coord(x), coord(h-6), esc(plainNumber(t)))
	}
	b.WriteString(`</g>`)

	// The rows.
	for i, r := range sc.Rows {
		y := sc.rowY(i)
		top := y + scoreBarTop
		mid := top + scoreBarH/2
		fmt.Fprintf(&b, `<g class="bar-row bar-%s" data-scale="%s"`, esc(r.Kind), esc(r.ID))
		for _, a := range []struct {
			name string
			v    *float64
		}{{"score", r.Score}, {"low", r.BandLow}, {"high", r.BandHigh}, {"percentile", r.Percentile}} {
			if a.v != nil && finite(*a.v) {
				fmt.Fprintf(&b, ` data-%s="%s"`, a.name, strconv.FormatFloat(*a.v, 'g', -1, 64))
			}
		}
		b.WriteString(`>`)
		score := "not scored"
		if r.Score != nil && finite(*r.Score) {
			score = strconv.FormatFloat(*r.Score, 'f', 2, 64)
		}
		fmt.Fprintf(&b, `<text class="bar-name" x="%d" y="%s">%s</text>`, scorePlotLeft, coord(y+scoreName), esc(r.Name))
		fmt.Fprintf(&b, `<text class="bar-score" x="%d" y="%s" text-anchor="end">%s</text>`, scorePlotLeft+scorePlotW, coord(y+scoreName), esc(score))
		fmt.Fprintf(&b, `<rect class="track" x="%d" y="%s" width="%d" height="%d"/>`, scorePlotLeft, coord(top), scorePlotW, scoreBarH)
		if r.Score != nil && finite(*r.Score) {
			fmt.Fprintf(&b, `<rect class="bar" x="%d" y="%s" width="%s" height="%d"/>`, scorePlotLeft, coord(top), coord(sc.x(*r.Score)-scorePlotLeft), scoreBarH)
			if r.BandLow != nil && r.BandHigh != nil && finite(*r.BandLow) && finite(*r.BandHigh) {
				x0, x1 := sc.x(*r.BandLow), sc.x(*r.BandHigh)
				fmt.Fprintf(&b, `<path class="band" d="M%s %sv%sM%s %sH%sM%s %sv%s"/>`,
					coord(x0), coord(mid-7), coord(14), coord(x0), coord(mid), coord(x1), coord(x1), coord(mid-7), coord(14))
			}
		}
		pct := "—"
		if r.Percentile != nil && finite(*r.Percentile) {
			pct = ordinal(*r.Percentile)
		}
		fmt.Fprintf(&b, `<text class="bar-pct" x="%d" y="%s" dominant-baseline="middle">%s</text>`, scorePctLeft, coord(mid), esc(pct))
		b.WriteString(`</g>`)
	}

	// The cut, over the bars, labelled above them.
	if finite(sc.Cut) && sc.Cut > lo && sc.Cut < hi && len(sc.Rows) > 0 {
		x := sc.x(sc.Cut)
		fmt.Fprintf(&b, `<line class="cut" x1="%s" y1="%s" x2="%s" y2="%s"/>`, coord(x), coord(plotTop), coord(x), coord(plotBottom))
		fmt.Fprintf(&b, `<text class="cut-label" x="%s" y="%s" text-anchor="middle">cut %s</text>`, coord(x), coord(plotTop-2), esc(plainNumber(sc.Cut)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // every text above is escaped
}
