package server

import (
	"fmt"
	"html/template"
	"net/url"
	"rolefit"
	"strings"

	"rolefit/internal/app"
)

// teamMap is the hunter–farmer map of a team drawn as SVG on the server:
// one point per person, the hunter composite across and the farmer
// composite up, on the response scale's range, with the four classes'
// quadrants split at the cut. It needs no script: each point is a link.
type teamMap struct {
	// ID is unique on the page; the title's and description's IDs start
	// with it.
	ID string
	// Min and Max bound both axes (the response scale); Cut splits them.
	Min, Max, Cut float64
	Points        []teamMapPoint
}

// teamMapPoint is one person on the map.
type teamMapPoint struct {
	PersonID, Name string
	Staff          bool
	Hunter, Farmer float64
	Class          string
	Borderline     bool
}

// The map's geometry in SVG user units: a square plot, small enough that
// its text stays legible when a phone shrinks it to the screen's width.
const (
	mapLeft   = 46 // room for the y ticks and the turned y label
	mapRight  = 10
	mapTop    = 10
	mapBottom = 42 // room for the x ticks and label
	mapPlot   = 300
	mapWidth  = mapLeft + mapPlot + mapRight
	mapHeight = mapTop + mapPlot + mapBottom
)

// teamMapOf places a page of the team map; people without both a hunter
// and a farmer score are left off the map (the table lists them) and
// counted in the second result.
func teamMapOf(id string, page *app.TeamPage) (teamMap, int) {
	m := teamMap{ID: id, Min: page.Min, Max: page.Max, Cut: page.Cut}
	off := 0
	for _, p := range page.Items {
		if p.Hunter == nil || p.Farmer == nil || !finite(*p.Hunter) || !finite(*p.Farmer) {
			off++
			continue
		}
		m.Points = append(m.Points, teamMapPoint{PersonID: p.PersonID, Name: p.Name, Staff: p.Kind == rolefit.Staff,
			Hunter: *p.Hunter, Farmer: *p.Farmer, Class: p.Class, Borderline: p.Borderline})
	}
	return m, off
}

// bounds returns the axes' range, widened when it is empty or not finite
// so that nothing divides by zero.
func (m teamMap) bounds() (lo, hi float64) {
	lo, hi = m.Min, m.Max
	if !finite(lo) || !finite(hi) || lo >= hi {
		return 1, 5
	}
	return lo, hi
}

// place returns where a pair of scores is drawn, in SVG user units; a
// score off the range is drawn at its edge.
func (m teamMap) place(hunter, farmer float64) (x, y float64) {
	lo, hi := m.bounds()
	frac := func(v float64) float64 { return (min(max(v, lo), hi) - lo) / (hi - lo) }
	return mapLeft + frac(hunter)*mapPlot, mapTop + mapPlot - frac(farmer)*mapPlot
}

// label is a point's accessible name: who, which kind, the two scores and
// the class.
func (p teamMapPoint) label() string {
	kind := "candidate"
	if p.Staff {
		kind = "staff"
	}
	s := fmt.Sprintf("%s, %s: hunter %.2f, farmer %.2f", p.Name, kind, p.Hunter, p.Farmer)
	if p.Class != "" {
		s += ", " + p.Class
	}
	if p.Borderline {
		s += ", borderline"
	}
	return s
}

// SVG draws the map. Every piece of text is escaped; every coordinate is a
// finite number.
func (m teamMap) SVG() template.HTML {
	esc := template.HTMLEscapeString
	lo, hi := m.bounds()
	cut := m.Cut
	if !finite(cut) {
		cut = (lo + hi) / 2
	}
	cut = min(max(cut, lo), hi)
	cx, cy := m.place(cut, cut)
	x0, y1 := m.place(lo, lo) // left, bottom
	x1, y0 := m.place(hi, hi) // right, top

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart team-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="group" aria-labelledby="%s-title" aria-describedby="%s-desc" font-size="11">`,
		mapWidth, mapHeight, esc(m.ID), esc(m.ID))
	fmt.Fprintf(&b, `<title id="%s-title">Team map: hunter composite against farmer composite</title>`, esc(m.ID))
	fmt.Fprintf(&b, `<desc id="%s-desc">%d people. Across: the hunter composite (winning new business); up: the farmer composite (looking after customers); both from %s to %s, split at the cut %s into hunter, farmer, ambidextrous and developing. Candidates are blue circles, staff orange squares; a dashed ring marks a borderline profile. Each point links to the person's profile; the table below lists the same people.</desc>`,
		esc(m.ID), len(m.Points), plainNumber(lo), plainNumber(hi), plainNumber(cut))

	// Quadrants, lightly tinted by class, with their names in the outer
	// corners.
	quads := []struct {
		class, name      string
		x, y, w, h       float64
		tx, ty           float64
		anchor, baseline string
	}{
		{"hunter", "Hunter", cx, cy, x1 - cx, y1 - cy, x1 - 6, y1 - 6, "end", "auto"},
		{"farmer", "Farmer", x0, y0, cx - x0, cy - y0, x0 + 6, y0 + 6, "start", "hanging"},
		{"ambidextrous", "Ambidextrous", cx, y0, x1 - cx, cy - y0, x1 - 6, y0 + 6, "end", "hanging"},
		{"developing", "Developing", x0, cy, cx - x0, y1 - cy, x0 + 6, y1 - 6, "start", "auto"},
	}
	b.WriteString(`<g class="quadrants">`)
	for _, q := range quads {
		fmt.Fprintf(&b, `<rect class="quad quad-%s" x="%s" y="%s" width="%s" height="%s"/>`, q.class, coord(q.x), coord(q.y), coord(q.w), coord(q.h))
	}
	for _, q := range quads {
		fmt.Fprintf(&b, `<text class="quad-label" x="%s" y="%s" text-anchor="%s" dominant-baseline="%s">%s</text>`,
			coord(q.tx), coord(q.ty), q.anchor, q.baseline, q.name)
	}
	b.WriteString(`</g>`)

	// Ticks on both axes at round steps, the frame, and the cut.
	b.WriteString(`<g class="axis">`)
	for _, t := range niceTicks(lo, hi, 5, 0) {
		if t < lo || t > hi {
			continue
		}
		x, y := m.place(t, t)
		fmt.Fprintf(&b, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`, coord(x), coord(y0), coord(x), coord(y1))
		fmt.Fprintf(&b, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`, coord(x0), coord(y), coord(x1), coord(y))
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle">%s</text>`, coord(x), coord(y1+15), esc(plainNumber(t)))
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="middle">%s</text>`, coord(x0-5), coord(y), esc(plainNumber(t)))
	}
	fmt.Fprintf(&b, `<rect class="frame" x="%s" y="%s" width="%s" height="%s" fill="none"/>`, coord(x0), coord(y0), coord(x1-x0), coord(y1-y0))
	fmt.Fprintf(&b, `<line class="cut" x1="%s" y1="%s" x2="%s" y2="%s"/>`, coord(cx), coord(y0), coord(cx), coord(y1))
	fmt.Fprintf(&b, `<line class="cut" x1="%s" y1="%s" x2="%s" y2="%s"/>`, coord(x0), coord(cy), coord(x1), coord(cy))
	fmt.Fprintf(&b, `<text class="axis-label" x="%s" y="%s" text-anchor="middle">Hunter composite (new business) →</text>`,
		coord((x0+x1)/2), coord(float64(mapHeight-6)))
	fmt.Fprintf(&b, `<text class="axis-label" x="%s" y="%s" text-anchor="middle" transform="rotate(-90 %s %s)">Farmer composite (service) →</text>`,
		coord(12), coord((y0+y1)/2), coord(12), coord((y0+y1)/2))
	b.WriteString(`</g>`)

	// The points: candidates as circles, staff as squares, so kind is told
	// by shape as well as colour; a dashed ring marks a borderline one.
	b.WriteString(`<g class="points">`)
	for _, p := range m.Points {
		if !finite(p.Hunter) || !finite(p.Farmer) {
			continue
		}
		x, y := m.place(p.Hunter, p.Farmer)
		kind := "candidate"
		if p.Staff {
			kind = "staff"
		}
		fmt.Fprintf(&b, `<a class="point point-%s" href="/people/%s" aria-label="%s"><title>%s</title>`,
			kind, esc(url.PathEscape(p.PersonID)), esc(p.label()), esc(p.label()))
		// A larger clear circle is the target a finger can hit.
		fmt.Fprintf(&b, `<circle class="hit" cx="%s" cy="%s" r="10"/>`, coord(x), coord(y))
		if p.Borderline {
			fmt.Fprintf(&b, `<circle class="ring" cx="%s" cy="%s" r="9"/>`, coord(x), coord(y))
		}
		if p.Staff {
			fmt.Fprintf(&b, `<rect class="mark" x="%s" y="%s" width="10" height="10"/>`, coord(x-5), coord(y-5))
		} else {
			fmt.Fprintf(&b, `<circle class="mark" cx="%s" cy="%s" r="5.5"/>`, coord(x), coord(y))
		}
		b.WriteString(`</a>`)
	}
	b.WriteString(`</g></svg>`)
	return template.HTML(b.String()) // every text above is escaped
}
