package server

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"rolefit/internal/assess"
)

var (
	firstNames = []string{"Ann", "Bo", "Dana", "Sam", "Priya", "Tomás", "Mei", "Jonas", "Aisha", "Lukas", "Grace", "Oliver",
		"Nadia", "Ravi", "Chloe", "Kenji", "Ines", "Marek", "Hannah", "Yusuf", "Alexandra", "Li", "Esperanza", "Ed"}
	lastNames = []string{"Able", "Diaz", "Okafor", "Raman", "Herrera", "Lin", "Berg", "Bello", "Novak", "Mensah", "Grant",
		"Haddad", "Patel", "Martin", "Sato", "Duarte", "Zielinski", "Cole", "Demir", "Kowalczyk-Lindqvist", "Ng", "Ó Briain"}
)

// simulatedTeam is n people as the shipped questionnaire's simulator
// makes them answer, scored as rolefit scores them, so their points crowd
// where real teams' do; a third are staff, half of those with revenue a
// month, every seventh borderline, the first selected and the staff
// member with the most revenue the top seller.
func simulatedTeam(t testing.TB, n int, seed uint64) teamMap {
	t.Helper()
	q, _ := testCatalog(t).Latest("sales-service")
	rng := rand.New(rand.NewPCG(seed, 7))
	m := teamMap{ID: "tm", Min: float64(q.Scale.Min), Max: float64(q.Scale.Max), Cut: 3.5, Money: moneyIn("USD")}
	top := -1
	for i := range n {
		res := assess.Score(q, assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}), assess.Options{})
		h, f := compositeOf(res, "hunter"), compositeOf(res, "farmer")
		if h == nil || f == nil {
			t.Fatalf("simulated person %d has no composites", i)
		}
		p := teamMapPoint{PersonID: fmt.Sprintf("p%03d", i), Name: firstNames[rng.IntN(len(firstNames))] + " " + lastNames[rng.IntN(len(lastNames))],
			Staff: i%3 == 0, Hunter: *h, Farmer: *f, Borderline: i%7 == 3, Selected: i == 0}
		if p.Staff && i%2 == 0 {
			r := math.Exp(11 + rng.NormFloat64())
			p.Revenue = &r
			m.MaxRevenue = max(m.MaxRevenue, r)
			if top < 0 || r > *m.Points[top].Revenue {
				top = i
			}
		}
		m.Points = append(m.Points, p)
	}
	if top >= 0 {
		m.Points[top].TopSeller = true
	}
	return m
}

// drawnMap is what a drawn map's SVG says, read back from its XML: each
// point's label box and the boxes of everything drawn for the points.
type drawnMap struct {
	frame  mapBox
	labels []drawnLabel
	marks  []mapBox // marks and rings, per point in order, several a point
	owner  []int    // the point of each of marks
	hits   []svgNode
	points []svgNode
}

type drawnLabel struct {
	point int
	kind  string // "name", "initials" or "number"
	text  string
	b     mapBox // the glyphs' box and their halo
}

// readMap parses a drawn map. A label's box is where its glyphs reach:
// its textLength across, the text's ascent above the baseline and descent
// below (mapTextExtent, which the browser test measures against real
// glyphs), and the 1.5-unit halo around them.
func readMap(t *testing.T, svg string) drawnMap {
	t.Helper()
	root := parseSVG(t, svg)
	var d drawnMap
	var walk func(n svgNode)
	walk = func(n svgNode) {
		switch {
		case n.XMLName.Local == "rect" && n.attr("class") == "frame":
			x, y := attrNum(t, n.attr("x")), attrNum(t, n.attr("y"))
			d.frame = mapBoxAt(x, y, attrNum(t, n.attr("width")), attrNum(t, n.attr("height")))
		case n.XMLName.Local == "a" && n.attr("tabindex") == "-1":
			d.hits = append(d.hits, n)
		case n.XMLName.Local == "a" && strings.HasPrefix(n.attr("class"), "point "):
			i := len(d.points)
			d.points = append(d.points, n)
			for _, c := range n.Nodes {
				switch cl := c.attr("class"); {
				case cl == "mark" || cl == "ring" || cl == "selected-ring":
					var b mapBox
					if c.XMLName.Local == "circle" {
						b = mapAround(attrNum(t, c.attr("cx")), attrNum(t, c.attr("cy")), attrNum(t, c.attr("r")))
					} else {
						b = mapBoxAt(attrNum(t, c.attr("x")), attrNum(t, c.attr("y")), attrNum(t, c.attr("width")), attrNum(t, c.attr("height")))
					}
					d.marks, d.owner = append(d.marks, b), append(d.owner, i)
				case strings.HasPrefix(cl, "label "):
					x, y, w := attrNum(t, c.attr("x")), attrNum(t, c.attr("y")), attrNum(t, c.attr("textLength"))
					const halo = 1.5
					a, de := mapTextExtent(c.CharData)
					d.labels = append(d.labels, drawnLabel{point: i, kind: strings.TrimPrefix(cl, "label label-"), text: c.CharData,
						b: mapBox{x - halo, y - a*mapFont - halo, x + w + halo, y + de*mapFont + halo}})
				}
			}
			return
		}
		for _, c := range n.Nodes {
			walk(c)
		}
	}
	walk(root)
	return d
}

// checkLabels fails the test when a label leaves the plot, overlaps
// another label, or covers any point's mark or ring (its own included).
// Coordinates are written with one decimal, so boxes may be off by 0.05.
func checkLabels(t *testing.T, what string, d drawnMap) {
	t.Helper()
	const slack = 0.11
	shrink := func(b mapBox) mapBox { return mapBox{b.x0 + slack, b.y0 + slack, b.x1 - slack, b.y1 - slack} }
	for i, l := range d.labels {
		if !l.b.within(mapBox{d.frame.x0 - slack, d.frame.y0 - slack, d.frame.x1 + slack, d.frame.y1 + slack}) {
			t.Errorf("%s: label %q at %+v is outside the plot %+v", what, l.text, l.b, d.frame)
		}
		for _, o := range d.labels[i+1:] {
			if shrink(l.b).overlaps(o.b) {
				t.Errorf("%s: labels %q %+v and %q %+v overlap", what, l.text, l.b, o.text, o.b)
			}
		}
		for j, m := range d.marks {
			if shrink(l.b).overlaps(m) {
				t.Errorf("%s: label %q %+v covers point %d's mark %+v", what, l.text, l.b, d.owner[j], m)
			}
		}
	}
}

// At 16 and at 200 people, as the questionnaire spreads them, every point
// has its name or initials, and no label overlaps another or covers a
// point. Placing each label at its point's right, as a plain chart
// would, overlaps at both sizes.
func TestTeamMapLabelsDoNotOverlap(t *testing.T) {
	for _, n := range []int{16, 200} {
		for seed := range uint64(3) {
			what := fmt.Sprintf("%d people, seed %d", n, seed)
			m := simulatedTeam(t, n, seed)
			dr := m.draw()
			d := readMap(t, string(dr.SVG))
			checkLabels(t, what, d)
			if len(d.labels) != n || len(dr.Key) != 0 {
				t.Errorf("%s: %d labels and a key of %d, want %d labels and no key", what, len(d.labels), len(dr.Key), n)
			}
			kinds := map[string]int{}
			for _, l := range d.labels {
				kinds[l.kind]++
				p := m.Points[l.point]
				want := mapInitials(p.Name)
				if l.kind == "name" {
					want = p.Name
				}
				if p.TopSeller {
					want = "★ " + want
				}
				if l.text != want {
					t.Errorf("%s: %s labelled %q (%s), want %q", what, p.Name, l.text, l.kind, want)
				}
			}
			if kinds["name"]+kinds["initials"] != n {
				t.Errorf("%s: labels %v, want a name or initials on each point", what, kinds)
			}
			t.Logf("%s: %v wide, labels %v", what, dr.Width, kinds)
		}
	}
}

// Beyond maxLabelled people every point is numbered, in the page's order,
// and the key names each number; where a crowd leaves no room for names
// or initials at any size, the points without them are numbered and the
// rest keep theirs.
func TestTeamMapNumberedKey(t *testing.T) {
	m := simulatedTeam(t, maxLabelled+1, 9)
	dr := m.draw()
	d := readMap(t, string(dr.SVG))
	checkLabels(t, "beyond the limit", d)
	if len(dr.Key) != len(m.Points) {
		t.Fatalf("a key of %d beyond the limit, want all %d", len(dr.Key), len(m.Points))
	}
	onMap := 0
	for i, k := range dr.Key {
		if k.Number != i+1 || k.PersonID != m.Points[i].PersonID || k.Name != m.Points[i].Name {
			t.Errorf("key entry %d is %+v, want number %d for %s", i, k, i+1, m.Points[i].Name)
		}
		if k.OnMap {
			onMap++
		}
	}
	for _, l := range d.labels {
		want := fmt.Sprint(dr.Key[l.point].Number)
		if m.Points[l.point].TopSeller {
			want = "★ " + want
		}
		if l.kind != "number" || l.text != want {
			t.Errorf("point %d labelled %q (%s), want its number %s", l.point, l.text, l.kind, want)
		}
	}
	if len(d.labels) != onMap || onMap < len(m.Points)*9/10 {
		t.Errorf("%d numbers on the map, %d in the key said to be on it; want them equal and nine in ten at least", len(d.labels), onMap)
	}
	if dr.Width != mapLeft+mapPlots[len(mapPlots)-1]+mapRight {
		t.Errorf("beyond the limit the map is %v wide, want the largest", dr.Width)
	}

	// Sixty people on two spots: no size gives them all a label beside or
	// near their point.
	crowd := teamMap{ID: "c", Min: 1, Max: 5, Cut: 3.5}
	for i := range 60 {
		crowd.Points = append(crowd.Points, teamMapPoint{PersonID: fmt.Sprintf("c%02d", i), Name: fmt.Sprintf("Person %02d", i), Hunter: 3 + float64(i%2)/12, Farmer: 3})
	}
	dr = crowd.draw()
	d = readMap(t, string(dr.SVG))
	checkLabels(t, "a crowd", d)
	if len(dr.Key) == 0 || len(dr.Key) == len(crowd.Points) {
		t.Fatalf("a crowd of 60 gave a key of %d, want some numbered and some named", len(dr.Key))
	}
	numbered := map[string]int{}
	for _, k := range dr.Key {
		numbered[k.PersonID] = k.Number
	}
	for _, l := range d.labels {
		id := crowd.Points[l.point].PersonID
		if n, ok := numbered[id]; ok != (l.kind == "number") || (ok && l.text != fmt.Sprint(n)) {
			t.Errorf("%s: labelled %q (%s), key number %d", id, l.text, l.kind, n)
		}
	}
}

// Every point has a tap target of 44 by 44 units centred on it, linking
// to the same person, in a layer under all points and labels that
// assistive technology and the tab order skip; the map is never drawn
// smaller than one CSS pixel a unit (its width attribute, which
// style.css only widens), so the target is 44 CSS pixels on any phone.
func TestTeamMapHitAreas(t *testing.T) {
	m := simulatedTeam(t, 16, 1)
	dr := m.draw()
	root := parseSVG(t, string(dr.SVG))
	if w := attrNum(t, root.attr("width")); w != dr.Width {
		t.Errorf("the SVG's width is %v, want its own %v", w, dr.Width)
	}
	if dr.Width > 317 {
		t.Errorf("16 people make a map %v wide, more than a 375 px phone's page holds", dr.Width)
	}
	order := []string{}
	for _, n := range root.Nodes {
		if n.XMLName.Local == "g" {
			order = append(order, n.attr("class"))
			if n.attr("class") == "hits" && n.attr("aria-hidden") != "true" {
				t.Error("the tap targets are not hidden from assistive technology")
			}
		}
	}
	if strings.Join(order, " ") != "quadrants axis hits points" {
		t.Errorf("layers %v, want the tap targets under the points", order)
	}
	d := readMap(t, string(dr.SVG))
	g := m.geometry(dr.Width - mapLeft - mapRight)
	if len(d.hits) != len(m.Points) {
		t.Fatalf("%d tap targets, want %d", len(d.hits), len(m.Points))
	}
	for i, a := range d.hits {
		p := m.Points[i]
		r := a.Nodes[0]
		x, y := g.place(p.Hunter, p.Farmer)
		w, h := attrNum(t, r.attr("width")), attrNum(t, r.attr("height"))
		cx, cy := attrNum(t, r.attr("x"))+w/2, attrNum(t, r.attr("y"))+h/2
		if a.attr("href") != "/people/"+p.PersonID || w < 44 || h < 44 || math.Abs(cx-x) > 0.1 || math.Abs(cy-y) > 0.1 {
			t.Errorf("%s: tap target %s %vx%v at (%v, %v), want /people/%s 44x44 at (%v, %v)", p.Name, a.attr("href"), w, h, cx, cy, p.PersonID, x, y)
		}
	}
}

// BenchmarkTeamMapDraw measures laying out and drawing the map of 16,
// 200 and 500 people as the questionnaire spreads them, ten teams of
// each drawn in turn.
func BenchmarkTeamMapDraw(b *testing.B) {
	for _, n := range []int{16, 200, 500} {
		var ms []teamMap
		for seed := range uint64(10) {
			ms = append(ms, simulatedTeam(b, n, seed))
		}
		b.Run(fmt.Sprintf("people=%d", n), func(b *testing.B) {
			k := 0
			for b.Loop() {
				ms[k%len(ms)].draw()
				k++
			}
		})
	}
}
