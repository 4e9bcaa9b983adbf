package server

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
)

// svg draws the map at geometry g with its labels. Every piece of text is
// escaped; every coordinate is a finite number.
func (m teamMap) svg(g mapGeom, labels []mapLabel) template.HTML {
	x0, y1 := g.place(g.lo, g.lo) // left, bottom
	x1, y0 := g.place(g.hi, g.hi) // right, top
	cx, cy := g.place(g.cut, g.cut)

	var b strings.Builder
	// The width and height are the least size it is drawn at (style.css
	// widens it to the page's column, never narrows it), so its text is
	// never smaller than mapFont CSS pixels.
	fmt.Fprintf(&b, `<svg class="chart team-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" width="%s" height="%s" role="group" aria-labelledby="%s-title" aria-describedby="%s-desc" font-size="%s">`,
		coord(g.width()), coord(g.height()), coord(g.width()), coord(g.height()), mapEsc(m.ID), mapEsc(m.ID), plainNumber(mapFont))
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`, mapEsc(m.ID), mapEsc(onceEnglish().T("team.map.title")))
	fmt.Fprintf(&b, `<desc id="%s-desc">%s</desc>`, mapEsc(m.ID), mapEsc(m.description(g)))

	// Quadrants, lightly tinted by class, with their names in the outer
	// corners.
	b.WriteString(`<g class="quadrants">`)
	for _, q := range []struct {
		class      string
		x, y, w, h float64
	}{
		{"hunter", cx, cy, x1 - cx, y1 - cy},
		{"farmer", x0, y0, cx - x0, cy - y0},
		{"ambidextrous", cx, y0, x1 - cx, cy - y0},
		{"developing", x0, cy, cx - x0, y1 - cy},
	} {
		fmt.Fprintf(&b, `<rect class="quad quad-%s" x="%s" y="%s" width="%s" height="%s"/>`, q.class, coord(q.x), coord(q.y), coord(q.w), coord(q.h))
	}
	for _, q := range g.quadLabels() {
		fmt.Fprintf(&b, `<text class="quad-label" x="%s" y="%s" textLength="%s" lengthAdjust="spacingAndGlyphs">%s</text>`,
			coord(q.x), coord(q.y), coord(mapTextWidth(q.name, mapFont)), mapEsc(q.name))
	}
	b.WriteString(`</g>`)

	// Ticks on both axes at round steps, the frame, and the cut.
	b.WriteString(`<g class="axis">`)
	for _, t := range niceTicks(g.lo, g.hi, 5, 0) {
		if t < g.lo || t > g.hi {
			continue
		}
		x, y := g.place(t, t)
		fmt.Fprintf(&b, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`, coord(x), coord(y0), coord(x), coord(y1))
		fmt.Fprintf(&b, `<line class="grid" x1="%s" y1="%s" x2="%s" y2="%s"/>`, coord(x0), coord(y), coord(x1), coord(y))
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle">%s</text>`, coord(x), coord(y1+16), mapEsc(plainNumber(t)))
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="middle">%s</text>`, coord(x0-5), coord(y), mapEsc(plainNumber(t)))
	}
	fmt.Fprintf(&b, `<rect class="frame" x="%s" y="%s" width="%s" height="%s" fill="none"/>`, coord(x0), coord(y0), coord(x1-x0), coord(y1-y0))
	fmt.Fprintf(&b, `<line class="cut" x1="%s" y1="%s" x2="%s" y2="%s"/>`, coord(cx), coord(y0), coord(cx), coord(y1))
	fmt.Fprintf(&b, `<line class="cut" x1="%s" y1="%s" x2="%s" y2="%s"/>`, coord(x0), coord(cy), coord(x1), coord(cy))
	fmt.Fprintf(&b, `<text class="axis-label" x="%s" y="%s" text-anchor="middle">%s</text>`,
		coord((x0+x1)/2), coord(g.height()-6), mapEsc(onceEnglish().T("team.map.across")))
	fmt.Fprintf(&b, `<text class="axis-label" x="%s" y="%s" text-anchor="middle" transform="rotate(-90 %s %s)">%s</text>`,
		coord(13), coord((y0+y1)/2), coord(13), coord((y0+y1)/2), mapEsc(onceEnglish().T("team.map.up")))
	b.WriteString(`</g>`)

	// Tap targets: a clear 44-unit square per point, in a layer under
	// every mark and label, so that a neighbour's target never covers a
	// point or a label where they overlap. They repeat the points' links
	// for fingers only: hidden from assistive technology and out of the
	// tab order, where the points' own links are.
	b.WriteString(`<g class="hits" aria-hidden="true">`)
	for _, p := range m.Points {
		x, y := g.place(p.Hunter, p.Farmer)
		fmt.Fprintf(&b, `<a href="%s" tabindex="-1"><rect class="hit" x="%s" y="%s" width="%s" height="%s"/></a>`,
			mapHref(p.PersonID), coord(x-hitSide/2), coord(y-hitSide/2), coord(hitSide), coord(hitSide))
	}
	b.WriteString(`</g>`)

	// The points: candidates as circles, staff as squares, so kind is told
	// by shape as well as colour; a dashed ring marks a borderline one, a
	// solid one the selected person, a star the top seller's label.
	b.WriteString(`<g class="points">`)
	for i, p := range m.Points {
		m.drawPoint(&b, g, p, labels[i])
	}
	b.WriteString(`</g></svg>`)
	return template.HTML(b.String()) // every text above is escaped
}

// drawPoint draws one point's link: its focus box, rings, mark, leader
// and label.
func (m teamMap) drawPoint(b *strings.Builder, g mapGeom, p teamMapPoint, l mapLabel) {
	x, y := g.place(p.Hunter, p.Farmer)
	mark, border, selected, reach := m.marks(p)
	// The accessible name says everything a tooltip would; a <title>
	// would add its text to the link's, which then no longer contains the
	// label's text as it shows (WCAG 2.5.3).
	name := p.label(m.Money, l)
	fmt.Fprintf(b, `<a class="%s" href="%s" aria-label="%s">`, pointClass(p), mapHref(p.PersonID), mapEsc(name))
	// The keyboard's focus shows as a box around the point and its label.
	f := mapAround(x, y, reach+2)
	if l.kind != labelNone {
		f = mapBox{min(f.x0, l.b.x0), min(f.y0, l.b.y0), max(f.x1, l.b.x1), max(f.y1, l.b.y1)}
	}
	fmt.Fprintf(b, `<rect class="focus" x="%s" y="%s" width="%s" height="%s" rx="3"/>`, coord(f.x0), coord(f.y0), coord(f.x1-f.x0), coord(f.y1-f.y0))
	if selected > 0 {
		fmt.Fprintf(b, `<circle class="selected-ring" cx="%s" cy="%s" r="%s"/>`, coord(x), coord(y), coord(selected))
	}
	if border > 0 {
		fmt.Fprintf(b, `<circle class="ring" cx="%s" cy="%s" r="%s"/>`, coord(x), coord(y), coord(border))
	}
	if p.Staff {
		fmt.Fprintf(b, `<rect class="mark" x="%s" y="%s" width="%s" height="%s"/>`, coord(x-mark), coord(y-mark), coord(2*mark), coord(2*mark))
	} else {
		fmt.Fprintf(b, `<circle class="mark" cx="%s" cy="%s" r="%s"/>`, coord(x), coord(y), coord(mark))
	}
	if l.kind != labelNone {
		ascent, _ := mapTextExtent(l.text)
		if l.leader != nil {
			fmt.Fprintf(b, `<line class="leader" x1="%s" y1="%s" x2="%s" y2="%s"/>`, coord(l.leader.x0), coord(l.leader.y0), coord(l.leader.x1), coord(l.leader.y1))
		}
		fmt.Fprintf(b, `<text class="label label-%s" x="%s" y="%s" textLength="%s" lengthAdjust="spacingAndGlyphs" aria-hidden="true">%s</text>`,
			labelKindName(l.kind), coord(l.b.x0+labelPad), coord(l.b.y0+labelPad+ascent*mapFont),
			coord(l.b.x1-l.b.x0-2*labelPad), mapEsc(l.text))
	}
	b.WriteString(`</a>`)
}

// labelKindName is a label's kind as its CSS class says it.
func labelKindName(k labelKind) string {
	switch k {
	case labelName:
		return "name"
	case labelInitials:
		return "initials"
	case labelNumber:
		return "number"
	}
	return "none"
}

// description says in words what the map shows, for people who cannot see
// it.
func (m teamMap) description(g mapGeom) string {
	return onceEnglish().T("team.map.description", strconv.Itoa(len(m.Points)), plainNumber(g.lo), plainNumber(g.hi), plainNumber(g.cut))
}
