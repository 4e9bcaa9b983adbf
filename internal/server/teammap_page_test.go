package server

import (
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"regexp"
	"rolefit"
	"strconv"
	"strings"
	"testing"
	"time"

	usecases "rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/econ"
)

var (
	mapSVG    = regexp.MustCompile(`(?s)<svg class="chart team-map".*?</svg>`)
	tableLink = regexp.MustCompile(`<td class="who"><a href="/people/([^"]+)">([^<]+)</a></td>`)
)

// The demo's team map, opened from Dana Diaz's page: each of its 16
// people is labelled without overlaps on a map a phone shows whole; Dana,
// the top seller, is marked as such and as the person the map was opened
// for, in the legend too; each staff member's square has an area in
// proportion to their revenue a month in the records.
func TestTeamMapDemo(t *testing.T) {
	f, b := demoFixture(t)
	resp, body := b.get("/team")
	wantStatus(t, "team", resp, http.StatusOK, body)
	ids := map[string]string{}
	for _, m := range tableLink.FindAllStringSubmatch(body, -1) {
		ids[m[2]] = m[1]
	}
	dana := ids["Dana Diaz"]
	if dana == "" {
		t.Fatal("Dana Diaz is not on the team page")
	}
	resp, body = b.get("/team?person=" + dana)
	wantStatus(t, "Dana's team map", resp, http.StatusOK, body)
	wantContains(t, "legend", body, "Top seller: <strong>Dana Diaz</strong>", "Selected: <strong>Dana Diaz</strong>",
		`<input type="hidden" name="person" value="`+dana+`">`, "an area in proportion to their revenue a month")
	svg := mapSVG.FindString(body)
	d := readMap(t, svg)
	checkLabels(t, "the demo's map", d)
	if len(d.points) != 16 || len(d.labels) != 16 || strings.Contains(body, "Numbers on the map") {
		t.Errorf("%d points, %d labels; want the demo's 16 people each labelled and no key", len(d.points), len(d.labels))
	}
	if w := attrNum(t, parseSVG(t, svg).attr("width")); w > 317 {
		t.Errorf("the demo's map is %v wide, more than a 375 px phone's page", w)
	}

	orgs, err := f.st.Organisations(ctx)
	if err != nil || len(orgs) != 1 {
		t.Fatalf("organisations %v, %v; want the demo's", orgs, err)
	}
	totals, err := f.st.Scope(orgs[0].ID).RecentPerformance(ctx, econ.SplitMonths)
	if err != nil {
		t.Fatal(err)
	}
	revenue := map[string]float64{} // by name
	for name, id := range ids {
		if tt, ok := totals[id]; ok {
			revenue[name] = (tt.NewBusinessRevenue + tt.ServiceRevenue) / float64(tt.Months)
		}
	}
	type sized struct {
		name       string
		area, revs float64
	}
	var staff []sized
	for i, a := range d.points {
		name, _, _ := strings.Cut(a.attr("aria-label"), ",")
		var mark svgNode
		for _, n := range a.Nodes {
			if n.attr("class") == "mark" {
				mark = n
			}
		}
		switch {
		case a.attr("href") == "/people/"+dana:
			if !strings.Contains(a.attr("class"), "top-seller") || !strings.Contains(a.attr("class"), "selected") ||
				!strings.HasSuffix(a.attr("aria-label"), ", top seller, selected") || labelOf(d, i) != "★ Dana Diaz" {
				t.Errorf("Dana's point: class %q, name %q, label %q; want marked top seller and selected", a.attr("class"), a.attr("aria-label"), labelOf(d, i))
			}
			if !hasNode(a, "selected-ring") {
				t.Error("Dana's point has no selected ring")
			}
		case strings.Contains(a.attr("class"), "top-seller") || strings.Contains(a.attr("class"), "selected") || hasNode(a, "selected-ring"):
			t.Errorf("%s is marked as top seller or selected", name)
		}
		if r, ok := revenue[name]; ok {
			w := attrNum(t, mark.attr("width"))
			staff = append(staff, sized{name, w * w, r})
			if !strings.Contains(a.attr("aria-label"), ", revenue $") {
				t.Errorf("%s's accessible name %q does not say their revenue", name, a.attr("aria-label"))
			}
		} else if mark.XMLName.Local != "circle" || math.Abs(attrNum(t, mark.attr("r"))-markHalf*2/math.Sqrt(math.Pi)) > 0.06 {
			t.Errorf("%s without records is drawn %s r=%s, want the fixed circle", name, mark.XMLName.Local, mark.attr("r"))
		}
	}
	if len(staff) != 10 {
		t.Fatalf("%d staff with records on the map, want the demo's 10", len(staff))
	}
	// Area in proportion to revenue, where the mark is above its least
	// size; the largest is the largest size. Widths have one decimal.
	top := staff[0]
	for _, s := range staff {
		if s.revs > top.revs {
			top = s
		}
	}
	if math.Abs(top.area-4*markMaxHalf*markMaxHalf) > 1 {
		t.Errorf("%s, the most revenue, is %v in area, want the largest %v", top.name, top.area, 4*markMaxHalf*markMaxHalf)
	}
	for _, s := range staff {
		want := top.area * s.revs / top.revs
		if want >= 4*markMinHalf*markMinHalf && math.Abs(s.area-want) > 0.02*want+0.5 {
			t.Errorf("%s: area %v for %v a month, want %v (the top's %v for %v)", s.name, s.area, s.revs, want, top.area, top.revs)
		}
		for _, o := range staff {
			if s.revs > o.revs && s.area < o.area {
				t.Errorf("%s (%v a month) is drawn smaller than %s (%v)", s.name, s.revs, o.name, o.revs)
			}
		}
	}

	// A person not on the map is said to be missing, never an error.
	resp, body = b.get("/team?kind=candidate&person=" + dana)
	wantStatus(t, "candidates with Dana selected", resp, http.StatusOK, body)
	wantContains(t, "candidates with Dana selected", body, "The person you came from is not on this map")
}

func labelOf(d drawnMap, point int) string {
	for _, l := range d.labels {
		if l.point == point {
			return l.text
		}
	}
	return ""
}

func hasNode(n svgNode, class string) bool {
	for _, c := range n.Nodes {
		if c.attr("class") == class {
			return true
		}
	}
	return false
}

// A crowd on one spot (sixty people who gave the same answers) leaves no
// room for every name or initials: the page numbers the points without
// them and lists each number below the map, linked to the person, in the
// table's order, and each numbered point's accessible name says its
// number.
func TestTeamMapKeyPage(t *testing.T) {
	tw := newTeamWorld(t)
	q, _ := testCatalog(t).Latest("sales-service")
	same := assess.Simulate(q, rand.New(rand.NewPCG(1, 2)), assess.Simulation{Traits: assess.RandomTraits(q, rand.New(rand.NewPCG(3, 4)))}).Answers
	a := usecases.UserActor(tw.f.adminA)
	for i := range 60 {
		tw.f.clock.Advance(time.Second)
		p, err := tw.uc.AddPerson(ctx, a, rolefit.NewPerson{Name: fmt.Sprintf("Twin %02d", i+1), Kind: rolefit.Candidate})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tw.uc.RecordResponse(ctx, a, usecases.RecordInput{PersonID: p.ID, Questionnaire: q.ID, Answers: same}); err != nil {
			t.Fatal(err)
		}
	}
	resp, body := tw.f.browser().signIn(tw.f.mgrA).get("/team")
	wantStatus(t, "team", resp, http.StatusOK, body)
	keyItem := regexp.MustCompile(`<li value="(\d+)"><a href="/people/([^"]+)">([^<]+)</a>( <span class="small muted">\(no room for the number on the map: the point at hunter [0-9.]+, farmer [0-9.]+\)</span>)?</li>`)
	items := keyItem.FindAllStringSubmatch(body, -1)
	if !strings.Contains(body, "Numbers on the map") || len(items) == 0 || len(items) == 64 {
		t.Fatalf("a key of %d entries, want some of the 64 people numbered", len(items))
	}
	order := map[string]int{} // the table's order
	for i, m := range tableLink.FindAllStringSubmatch(body, -1) {
		order[m[1]] = i
	}
	d := readMap(t, mapSVG.FindString(body))
	checkLabels(t, "a crowd", d)
	named := map[string]string{}
	for _, a := range d.points {
		named[strings.TrimPrefix(a.attr("href"), "/people/")] = a.attr("aria-label")
	}
	onMap := 0
	for _, l := range d.labels {
		if l.kind == "number" {
			onMap++
		}
	}
	t.Logf("%d of %d people numbered, %d of the numbers on the map", len(items), len(d.points), onMap)
	for i, m := range items {
		if m[1] != strconv.Itoa(i+1) || (i > 0 && order[m[2]] < order[items[i-1][2]]) {
			t.Errorf("key entry %d is number %s for %s, want %d in the table's order", i, m[1], m[3], i+1)
		}
		drawn := false
		for _, l := range d.labels {
			drawn = drawn || (l.kind == "number" && l.text == m[1] && d.points[l.point].attr("href") == "/people/"+m[2])
		}
		if drawn == (m[4] != "") {
			t.Errorf("%s: number %s drawn %v, key says %q", m[3], m[1], drawn, m[4])
		}
		if !strings.HasPrefix(named[m[2]], m[3]+", number "+m[1]+" in the key below the map, ") {
			t.Errorf("%s's point is named %q, without its number %s", m[3], named[m[2]], m[1])
		}
	}
}
