package server

import (
	"fmt"
	"html/template"
	"math"
	"net/url"
	"rolefit"
	"strconv"
	"strings"

	"rolefit/internal/app"
)

// teamMap is the hunter–farmer map of a team drawn as SVG on the server:
// one point per person, the hunter composite across and the farmer
// composite up, on the response scale's range, with the four classes'
// quadrants split at the cut. Each point has a label (teammap_labels.go)
// and is sized by revenue a month where records exist. It needs no
// script: each point is a link.
type teamMap struct {
	// ID is unique on the page; the title's and description's IDs start
	// with it.
	ID string
	// Min and Max bound both axes (the response scale); Cut splits them.
	Min, Max, Cut float64
	Points        []teamMapPoint
	// MaxRevenue is the revenue a month drawn largest (the
	// organisation's largest); 0 draws every point the same size.
	MaxRevenue float64
	// Money formats revenue in the points' accessible names.
	Money money
}

// teamMapPoint is one person on the map.
type teamMapPoint struct {
	PersonID, Name string
	Staff          bool
	Hunter, Farmer float64
	Class          string
	Borderline     bool
	// Revenue is new-business plus service revenue a month; nil without
	// performance records.
	Revenue *float64
	// TopSeller and Selected mark the organisation's top seller and the
	// person the map was opened for.
	TopSeller, Selected bool
}

// teamMapOf places a page of the team map; people without both a hunter
// and a farmer score are left off the map (the table lists them) and
// counted in the second result. selected is the person to mark, "" for
// none.
func teamMapOf(id string, page *app.TeamPage, selected string, m money) (teamMap, int) {
	tm := teamMap{ID: id, Min: page.Min, Max: page.Max, Cut: page.Cut, MaxRevenue: page.MaxRevenue, Money: m}
	off := 0
	for _, p := range page.Items {
		if p.Hunter == nil || p.Farmer == nil || !finite(*p.Hunter) || !finite(*p.Farmer) {
			off++
			continue
		}
		tm.Points = append(tm.Points, teamMapPoint{PersonID: p.PersonID, Name: p.Name, Staff: p.Kind == rolefit.Staff,
			Hunter: *p.Hunter, Farmer: *p.Farmer, Class: p.Class, Borderline: p.Borderline,
			Revenue: p.Revenue, TopSeller: p.TopSeller, Selected: selected != "" && p.PersonID == selected})
	}
	return tm, off
}

// The map's margins in SVG user units, around a square plot whose side
// is one of mapPlots: room for the ticks and the turned axis label on the
// left, the ticks and the axis label below.
const (
	mapLeft   = 38
	mapRight  = 10
	mapTop    = 10
	mapBottom = 40
)

// mapGeom is the map's geometry at one plot size.
type mapGeom struct {
	plot, lo, hi, cut float64
}

// geometry returns the map's geometry with a plot of side plot: the axes'
// range, widened when it is empty or not finite so that nothing divides
// by zero, and the cut, inside it.
func (m teamMap) geometry(plot float64) mapGeom {
	lo, hi := m.Min, m.Max
	if !finite(lo) || !finite(hi) || lo >= hi {
		lo, hi = 1, 5
	}
	cut := m.Cut
	if !finite(cut) {
		cut = (lo + hi) / 2
	}
	return mapGeom{plot: plot, lo: lo, hi: hi, cut: min(max(cut, lo), hi)}
}

func (g mapGeom) width() float64  { return mapLeft + g.plot + mapRight }
func (g mapGeom) height() float64 { return mapTop + g.plot + mapBottom }

// plotBox is the plot's frame, which labels stay inside.
func (g mapGeom) plotBox() mapBox { return mapBox{mapLeft, mapTop, mapLeft + g.plot, mapTop + g.plot} }

// place returns where a pair of scores is drawn, in SVG user units; a
// score off the range is drawn at its edge.
func (g mapGeom) place(hunter, farmer float64) (x, y float64) {
	frac := func(v float64) float64 { return (min(max(v, g.lo), g.hi) - g.lo) / (g.hi - g.lo) }
	return mapLeft + frac(hunter)*g.plot, mapTop + g.plot - frac(farmer)*g.plot
}

// quadLabel is a quadrant's name in its outer corner.
type quadLabel struct {
	class, name string
	x, y        float64 // the text's start and baseline
	b           mapBox
}

// quadLabels are the four quadrants' names, 6 units in from the plot's
// corners; labels of points keep clear of them.
func (g mapGeom) quadLabels() []quadLabel {
	pb := g.plotBox()
	top, bottom := pb.y0+6+mapAscent*mapFont, pb.y1-6-mapDescent*mapFont
	en := onceEnglish()
	out := []quadLabel{
		{class: "hunter", name: en.T("team.quadrant.hunter"), y: bottom},
		{class: "farmer", name: en.T("team.quadrant.farmer"), y: top},
		{class: "ambidextrous", name: en.T("team.quadrant.ambidextrous"), y: top},
		{class: "developing", name: en.T("team.quadrant.developing"), y: bottom},
	}
	for i := range out {
		q := &out[i]
		w := mapTextWidth(q.name, mapFont)
		q.x = pb.x0 + 6
		if q.class == "hunter" || q.class == "ambidextrous" {
			q.x = pb.x1 - 6 - w
		}
		q.b = mapBox{q.x - labelPad, q.y - mapAscent*mapFont - labelPad, q.x + w + labelPad, q.y + mapDescent*mapFont + labelPad}
	}
	return out
}

// The points' marks: a staff member is a square, a candidate a circle of
// the same area. A point with revenue a month has an area in proportion
// to it, the organisation's largest a square 2·markMaxHalf across; one
// without is 2·markHalf across.
const (
	markHalf    = 5.0
	markMaxHalf = 12.0
	// markMinHalf keeps the smallest revenue a mark a finger and an eye
	// can find; below it area is no longer in proportion.
	markMinHalf = 2.5
	// hitSide is a point's tap target, 44 by 44: WCAG 2.2's target size
	// (enhanced, 2.5.5) and Apple's Human Interface Guidelines' least
	// control size, in CSS pixels, as the map is never drawn smaller than
	// one pixel a unit.
	hitSide = 44.0
)

// half is half the side of a point's square (a circle has the same area).
func (m teamMap) half(p teamMapPoint) float64 {
	if p.Revenue == nil || !finite(*p.Revenue) || !(m.MaxRevenue > 0) || !finite(m.MaxRevenue) {
		return markHalf
	}
	return min(max(markMaxHalf*math.Sqrt(max(*p.Revenue, 0)/m.MaxRevenue), markMinHalf), markMaxHalf)
}

// marks returns how far a point's mark reaches from its centre (a circle's
// radius, a square's half side), the radii of its borderline and selected
// rings (0 for none), and how far everything drawn for it reaches.
func (m teamMap) marks(p teamMapPoint) (mark, border, selected, reach float64) {
	h := m.half(p)
	mark, outer := h*2/math.Sqrt(math.Pi), h*2/math.Sqrt(math.Pi)
	if p.Staff {
		mark, outer = h, h*math.Sqrt2 // a ring clears the square's corners
	}
	reach = mark + 0.75 // the mark's white edge
	if p.Borderline {
		border = outer + 3.5
		outer = border
		reach = border + 0.75
	}
	if p.Selected {
		selected = outer + 4
		reach = selected + 1.5
	}
	return mark, border, selected, reach
}

// spot is where point p is drawn at geometry g, as its label sees it.
func (m teamMap) spot(g mapGeom, p teamMapPoint) mapSpot {
	x, y := g.place(p.Hunter, p.Farmer)
	mark, _, _, reach := m.marks(p)
	return mapSpot{x: x, y: y, mark: mark, reach: reach}
}

// label is a point's accessible name: who, what their label on the map
// says where it is not their name (so a person using voice control can
// say what they see, WCAG 2.5.3), which kind, the two scores, the class,
// and what the marks say.
func (p teamMapPoint) label(m money, l mapLabel) string {
	en := onceEnglish()
	kind := en.T("team.point.candidate")
	if p.Staff {
		kind = en.T("team.point.staff")
	}
	who := p.Name
	switch {
	case l.kind == labelInitials:
		who = en.T("team.point.shown_as", who, strings.TrimPrefix(l.text, "★ "))
	case l.number > 0:
		who = en.T("team.point.number", who, strconv.Itoa(l.number))
	}
	s := en.T("team.point.scores", who, kind, fmt.Sprintf("%.2f", p.Hunter), fmt.Sprintf("%.2f", p.Farmer))
	if p.Class != "" {
		s += ", " + p.Class
	}
	if p.Borderline {
		s += en.T("team.point.borderline")
	}
	if p.Revenue != nil && finite(*p.Revenue) {
		s += en.T("team.point.revenue", m.Whole(*p.Revenue))
	}
	if p.TopSeller {
		s += en.T("team.point.top_seller")
	}
	if p.Selected {
		s += en.T("team.point.selected")
	}
	return s
}

// keyEntry is a point numbered in the key below the map.
type keyEntry struct {
	Number         int
	PersonID, Name string
	// OnMap is false when not even the number found room on the map;
	// Where then says where the person's point is.
	OnMap bool
	Where string
}

// teamMapDrawing is the map as the page shows it: the SVG, its width in
// user units (CSS pixels at the least), and the numbered key.
type teamMapDrawing struct {
	SVG   template.HTML
	Width float64
	Key   []keyEntry
}

// draw lays the map out and draws it. A point whose scores are not
// finite numbers is left off.
func (m teamMap) draw() teamMapDrawing {
	var pts []teamMapPoint
	for _, p := range m.Points {
		if finite(p.Hunter) && finite(p.Farmer) {
			pts = append(pts, p)
		}
	}
	m.Points = pts
	plot, labels := m.layOut()
	g := m.geometry(plot)
	out := teamMapDrawing{Width: g.width()}
	for i, l := range labels { // numbers follow the points' order
		if l.number > 0 {
			p := m.Points[i]
			out.Key = append(out.Key, keyEntry{Number: l.number, PersonID: p.PersonID, Name: p.Name, OnMap: l.kind == labelNumber,
				Where: fmt.Sprintf("hunter %.2f, farmer %.2f", p.Hunter, p.Farmer)})
		}
	}
	out.SVG = m.svg(g, labels)
	return out
}

// pointClass is the CSS classes of a point's link.
func pointClass(p teamMapPoint) string {
	c := "point point-candidate"
	if p.Staff {
		c = "point point-staff"
	}
	if p.TopSeller {
		c += " top-seller"
	}
	if p.Selected {
		c += " selected"
	}
	return c
}

// mapEsc escapes text for the map's SVG.
var mapEsc = template.HTMLEscapeString

// mapHref is the link to a person's profile.
func mapHref(id string) string { return "/people/" + mapEsc(url.PathEscape(id)) }
