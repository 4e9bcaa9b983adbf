package server

import (
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestTeamMapPlace(t *testing.T) {
	const mapPlot = 300
	g := teamMap{Min: 1, Max: 5, Cut: 3.5}.geometry(mapPlot)
	for _, tc := range []struct {
		h, f, x, y float64
	}{
		{1, 1, mapLeft, mapTop + mapPlot},
		{5, 5, mapLeft + mapPlot, mapTop},
		{3.5, 3.5, mapLeft + 0.625*mapPlot, mapTop + 0.375*mapPlot},
		{2, 4.5, mapLeft + 0.25*mapPlot, mapTop + 0.125*mapPlot},
		{0, 9, mapLeft, mapTop}, // off the scale: at its edge
	} {
		x, y := g.place(tc.h, tc.f)
		if math.Abs(x-tc.x) > 1e-9 || math.Abs(y-tc.y) > 1e-9 {
			t.Errorf("place(%v, %v) = (%v, %v), want (%v, %v)", tc.h, tc.f, x, y, tc.x, tc.y)
		}
	}
}

// svgNode is an element of a parsed SVG, with its attributes and children.
type svgNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Nodes    []svgNode  `xml:",any"`
	CharData string     `xml:",chardata"`
}

func (n svgNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// parseSVG parses the map strictly as XML, failing the test when it is
// not well formed.
func parseSVG(t *testing.T, s string) svgNode {
	t.Helper()
	var root svgNode
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	if err := d.Decode(&root); err != nil && err != io.EOF {
		t.Fatalf("the SVG is not well-formed XML: %v\n%s", err, s)
	}
	return root
}

// mapLinks returns the map's points' links, each with its mark and
// label (not the tap targets' links under them).
func mapLinks(root svgNode) []svgNode {
	var out []svgNode
	var walk func(n svgNode)
	walk = func(n svgNode) {
		if n.XMLName.Local == "a" && strings.HasPrefix(n.attr("class"), "point ") {
			out = append(out, n)
			return
		}
		for _, c := range n.Nodes {
			walk(c)
		}
	}
	walk(root)
	return out
}

func attrNum(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}

// Each point is drawn where its scores put it, candidates as circles and
// staff as squares, borderline ones with a ring, and linked to the person.
func TestTeamMapPoints(t *testing.T) {
	m := teamMap{ID: "tm", Min: 1, Max: 5, Cut: 3.5, Points: []teamMapPoint{
		{PersonID: "p1", Name: "Ann", Hunter: 4.25, Farmer: 2, Class: "hunter"},
		{PersonID: "p2", Name: "Bo", Staff: true, Hunter: 1.5, Farmer: 3.5, Class: "farmer", Borderline: true},
	}}
	d := m.draw()
	g := m.geometry(mapPlots[0])
	root := parseSVG(t, string(d.SVG))
	ps := mapLinks(root)
	if len(ps) != 2 {
		t.Fatalf("%d points, want 2", len(ps))
	}
	for i, p := range m.Points {
		a := ps[i]
		if got, want := a.attr("href"), "/people/"+p.PersonID; got != want {
			t.Errorf("%s: href %q, want %q", p.Name, got, want)
		}
		if got := a.attr("aria-label"); !strings.HasPrefix(got, p.Name+", ") {
			t.Errorf("%s: accessible name %q", p.Name, got)
		}
		wx, wy := g.place(p.Hunter, p.Farmer)
		var mark, ring *svgNode
		for j := range a.Nodes {
			switch a.Nodes[j].attr("class") {
			case "mark":
				mark = &a.Nodes[j]
			case "ring":
				ring = &a.Nodes[j]
			}
		}
		if mark == nil {
			t.Fatalf("%s: no mark", p.Name)
		}
		var x, y float64
		switch {
		case p.Staff && mark.XMLName.Local == "rect":
			x, y = attrNum(t, mark.attr("x"))+attrNum(t, mark.attr("width"))/2, attrNum(t, mark.attr("y"))+attrNum(t, mark.attr("height"))/2
		case !p.Staff && mark.XMLName.Local == "circle":
			x, y = attrNum(t, mark.attr("cx")), attrNum(t, mark.attr("cy"))
		default:
			t.Fatalf("%s (staff %v) drawn as a %s", p.Name, p.Staff, mark.XMLName.Local)
		}
		if math.Abs(x-wx) > 0.051 || math.Abs(y-wy) > 0.051 { // coordinates have one decimal
			t.Errorf("%s at (%v, %v), want (%v, %v)", p.Name, x, y, wx, wy)
		}
		if (ring != nil) != p.Borderline {
			t.Errorf("%s: ring %v, borderline %v", p.Name, ring != nil, p.Borderline)
		}
	}
	// Ann at hunter 4.25, farmer 2 is in the hunter quadrant: right of
	// and below the cut.
	cx, cy := g.place(3.5, 3.5)
	ax, ay := g.place(4.25, 2)
	if !(ax > cx && ay > cy) {
		t.Errorf("hunter point at (%v, %v) is not right of and below the cut (%v, %v)", ax, ay, cx, cy)
	}
}

// Numbers that are not finite never reach the SVG, and names are escaped.
func TestTeamMapIsSafe(t *testing.T) {
	evil := `<script>alert("x")</script> & 'Bo'`
	for _, m := range []teamMap{
		{ID: "a", Min: math.NaN(), Max: math.Inf(1), Cut: math.NaN()},
		{ID: "b", Min: 3, Max: 3, Cut: 3},
		{ID: "c", Min: 5, Max: 1, Cut: math.Inf(-1), Points: []teamMapPoint{{PersonID: "x/../y", Name: evil, Hunter: math.NaN(), Farmer: 2}}},
		{ID: `d"><x`, Min: 1, Max: 5, Cut: 3.5, Points: []teamMapPoint{{PersonID: "p", Name: evil, Hunter: 3, Farmer: math.Inf(1)}, {PersonID: "q", Name: evil, Hunter: 2, Farmer: 2}}},
	} {
		s := string(m.draw().SVG)
		for _, bad := range []string{"NaN", "Inf", "<script", "<x"} {
			if strings.Contains(s, bad) {
				t.Errorf("map %q contains %q", m.ID, bad)
			}
		}
		root := parseSVG(t, s)
		for _, a := range mapLinks(root) {
			if got := a.attr("aria-label"); !strings.HasPrefix(got, evil+", ") {
				t.Errorf("map %q: accessible name %q does not start with the name as written", m.ID, got)
			}
		}
	}
}
