package server

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// How the map labels its points (the placement is deterministic: the
// same people give the same map):
//
//  1. The map takes the smallest of mapPlots' sizes at which every point
//     gets its name or initials, trying only sizes where the points'
//     marks and initials would cover at most maxCover of the plot; with
//     more than maxLabelled people, or when even the largest size leaves
//     a point without them, the largest.
//  2. At that size the points are taken in order: the selected person,
//     the top seller, then the most crowded (the most neighbours within
//     a label's reach), then the page's order. Each gets its initials
//     (the selected person and the top seller their name, where it finds
//     a place) at the first of sixteen places beside it (besidePlaces)
//     where they cover no point, label or leader and stay inside the
//     plot; else further out, joined to it by a leader line, at the
//     cheapest free place of leaderPlaces (near, and away from its
//     crowd), where the leader crosses no label or other leader. A leader
//     may pass over a point; a label never covers one.
//  3. A point still without a label lets its leader cross other leaders;
//     failing that, it takes a place that one neighbour's label holds if
//     that label finds another place (bump).
//  4. Then each label grows to the whole name where that fits beside the
//     point, in the same order.
//  5. A point still without a label (with more than maxLabelled people,
//     every point) gets a number, placed the same way, and the numbered
//     key below the map names it. A point for which even its number finds
//     no room is named in the key as not numbered on the map.
//  6. When the largest size leaves points without a name or initials, it
//     is labelled once more with those points first (after the selected
//     person and the top seller), and the placement that names more kept.
//
// Initials go first so that no one's long name crowds a neighbour out of
// any label at all. The work is bounded (maxEffort), so a crowd that no
// placement can label costs the page a bounded time.

// maxLabelled is the most people the map labels with names or initials:
// 200, which the largest plots hold when scores spread as the
// questionnaire's do (teammap_labels_test.go's simulated teams: of 60
// such teams of 200 every one had a name or initials on each point, 49
// at the 720-unit plot and 11 at the 880); beyond it labels are numbers
// and the key below the map names them.
const maxLabelled = 200

// mapPlots are the sizes the plot can take, smallest first. The smallest,
// with the margins, fits a 375 px phone's page at one CSS pixel a unit;
// the largest, 928 wide, a laptop's; larger ones scroll sideways on a
// phone rather than shrink their text.
var mapPlots = [...]float64{264, 400, 560, 720, 880}

// labelKind says what a point's label holds.
type labelKind int

const (
	labelNone     labelKind = iota // no room: named in the key only
	labelName                      // the name, written out
	labelInitials                  // the initials
	labelNumber                    // a number of the key
)

// mapLabel is one point's label as placed.
type mapLabel struct {
	kind   labelKind
	text   string      // as drawn, the top seller's with a star
	b      mapBox      // the label's box, its padding included
	leader *mapSegment // nil for a label beside its point
	number int         // its number in the key; 0 for none
}

// mapSpot is a point as the labels see it: where it is drawn, how far
// its mark reaches from its centre, and how far everything drawn for it
// (rings included) reaches, which no label may cover.
type mapSpot struct {
	x, y, mark, reach float64
	// outCos and outSin are the cosine and sine of the direction away
	// from the point's neighbours (clockwise from the right): where a
	// leader finds room soonest.
	outCos, outSin float64
}

// labeller places the labels of one map at one size.
type labeller struct {
	sp     *mapSpace
	spots  []mapSpot
	pts    []teamMapPoint
	labels []mapLabel
	item   []int // per point, its label's and leader's items; -1 for none
	lead   []int
	bumps  int // bump's tries so far
	effort int // the most effort the labels may take
}

// set gives point i its label, replacing any it had.
func (lb *labeller) set(i int, l mapLabel) {
	lb.unset(i)
	lb.item[i] = lb.sp.add(spaceItem{b: l.b, owner: i, label: true})
	if l.leader != nil {
		lb.lead[i] = lb.sp.add(spaceItem{b: l.leader.bounds(), seg: l.leader, owner: i, label: true})
	}
	lb.labels[i] = l
}

// text is what a label of point i holds: the top seller's starred.
func (lb *labeller) text(i int, s string) string {
	if lb.pts[i].TopSeller {
		return "★ " + s
	}
	return s
}

// beside tries the places around point i for its label, the first free
// one taken.
func (lb *labeller) beside(i int, l mapLabel) bool {
	w, h := mapLabelSize(l.text)
	for _, b := range besidePlaces(lb.spots[i], w, h) {
		if lb.sp.fits(b, i) {
			l.b = b
			lb.set(i, l)
			return true
		}
	}
	return false
}

// besidePlaces are the places beside a point for a w by h label, in the
// order they are tried: right, left, above and below on either side,
// straight above and below, raised and lowered on either side, and off
// the corners. Each keeps a unit clear of the point's rings.
func besidePlaces(s mapSpot, w, h float64) [16]mapBox {
	d := s.reach + 1
	return [...]mapBox{
		mapBoxAt(s.x+d, s.y-h/2, w, h),   // right
		mapBoxAt(s.x-d-w, s.y-h/2, w, h), // left
		mapBoxAt(s.x+2, s.y-d-h, w, h),   // above, to the right
		mapBoxAt(s.x-2-w, s.y-d-h, w, h), // above, to the left
		mapBoxAt(s.x+2, s.y+d, w, h),     // below, to the right
		mapBoxAt(s.x-2-w, s.y+d, w, h),   // below, to the left
		mapBoxAt(s.x-w/2, s.y-d-h, w, h), // above
		mapBoxAt(s.x-w/2, s.y+d, w, h),   // below
		mapBoxAt(s.x+d, s.y-h+2, w, h),   // right, raised
		mapBoxAt(s.x+d, s.y-2, w, h),     // right, lowered
		mapBoxAt(s.x-d-w, s.y-h+2, w, h), // left, raised
		mapBoxAt(s.x-d-w, s.y-2, w, h),   // left, lowered
		mapBoxAt(s.x+d, s.y-d-h, w, h),   // off the corners
		mapBoxAt(s.x-d-w, s.y-d-h, w, h),
		mapBoxAt(s.x+d, s.y+d, w, h),
		mapBoxAt(s.x-d-w, s.y+d, w, h),
	}
}

// order is the order points are labelled in: the selected person, the
// top seller, the points of first, then the most crowded first, then the
// page's order.
func (lb *labeller) order(first map[int]bool) []int {
	n := len(lb.spots)
	crowd := make([]int, n)
	for i := range n {
		for j := i + 1; j < n; j++ {
			if math.Abs(lb.spots[i].x-lb.spots[j].x) < 48 && math.Abs(lb.spots[i].y-lb.spots[j].y) < 32 {
				crowd[i]++
				crowd[j]++
			}
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	rank := func(i int) int {
		switch {
		case lb.pts[i].Selected:
			return 0
		case lb.pts[i].TopSeller:
			return 1
		case first[i]:
			return 2
		}
		return 3
	}
	slices.SortStableFunc(out, func(a, b int) int {
		if c := cmp.Compare(rank(a), rank(b)); c != 0 {
			return c
		}
		return cmp.Compare(crowd[b], crowd[a])
	})
	return out
}

// labelAt places every label of the map at plot side plot; names says
// whether to try names and initials before numbers. Unless last, it
// gives up, returning nil, as soon as some point will not have its name
// or initials at this size, and cheaply when many points find no place
// in the first round.
func (m teamMap) labelAt(plot float64, names, last bool, first map[int]bool) []mapLabel {
	g := m.geometry(plot)
	sp := newMapSpace(g.plotBox())
	lb := &labeller{sp: sp, pts: m.Points, labels: make([]mapLabel, len(m.Points)),
		item: make([]int, len(m.Points)), lead: make([]int, len(m.Points)), effort: tryEffort}
	if last {
		lb.effort = maxEffort
	}
	for _, q := range g.quadLabels() {
		sp.add(spaceItem{b: q.b, owner: -1})
	}
	marks := map[mapBox]bool{} // people with the same scores are one obstacle
	for i, p := range m.Points {
		lb.item[i], lb.lead[i] = -1, -1
		s := m.spot(g, p)
		lb.spots = append(lb.spots, s)
		if b := mapAround(s.x, s.y, s.reach); !marks[b] {
			marks[b] = true
			sp.add(spaceItem{b: b, owner: i})
		}
	}
	lb.outward()
	order := lb.order(first)
	if names {
		initialsOf := func(i int) mapLabel {
			return mapLabel{kind: labelInitials, text: lb.text(i, mapInitials(m.Points[i].Name))}
		}
		missed := 0
		for _, i := range order {
			if n := mapShortName(m.Points[i].Name); n != "" && (m.Points[i].Selected || m.Points[i].TopSeller) {
				l := mapLabel{kind: labelName, text: lb.text(i, n)}
				if lb.beside(i, l) || lb.led(i, l, false, len(leaderPlaces)) {
					continue
				}
			}
			if l := initialsOf(i); !lb.beside(i, l) && !lb.led(i, l, false, len(leaderPlaces)) {
				if missed++; !last && (missed > len(m.Points)/10+2 || lb.spent()) {
					return nil
				}
			}
		}
		for _, i := range order {
			if lb.labels[i].kind != labelNone {
				continue
			}
			if l := initialsOf(i); !lb.led(i, l, true, len(leaderPlaces)) && !lb.bump(i, l) && !last {
				return nil
			}
			if lb.spent() && !last {
				return nil
			}
		}
		for _, i := range order {
			if n := mapShortName(m.Points[i].Name); n != "" && lb.labels[i].kind == labelInitials {
				lb.beside(i, mapLabel{kind: labelName, text: lb.text(i, n)})
			}
		}
	}
	// Numbers follow the page's order, so the key reads as the table does.
	numbers := make([]int, len(m.Points))
	next := 0
	for i := range m.Points {
		if lb.labels[i].kind == labelNone {
			next++
			numbers[i] = next
		}
	}
	// Numbers have their own effort, so a crowd that used up the names'
	// still gets numbers on the map. With every point numbered, a
	// number's leader stays short: a long one through a crowd of numbers
	// reads as nobody's.
	lb.effort = sp.effort + numberEffort
	reach := len(leaderPlaces)
	if !names {
		reach = shortLeaders
	}
	for _, i := range order {
		if numbers[i] == 0 {
			continue
		}
		l := mapLabel{kind: labelNumber, text: lb.text(i, strconv.Itoa(numbers[i])), number: numbers[i]}
		if !lb.beside(i, l) && !lb.led(i, l, false, reach) {
			lb.labels[i].number = numbers[i]
		}
	}
	return lb.labels
}

// maxEffort bounds the work of the labels at the largest size, counted
// as the items their searches look at: past it, labels are tried only
// beside their points. 200 people as the questionnaire spreads them take
// a median 0.7 million where they fit (at most 3.9 million in 30
// draws), a few milliseconds; a crowd on one spot, which no placement can
// label, would take seconds. A smaller size gives up at tryEffort, the
// next size being the cheaper way to fit. Numbers then have numberEffort
// of their own.
const (
	maxEffort    = 6_000_000
	tryEffort    = 1_500_000
	numberEffort = 1_500_000
)

// spent says whether the map's labels have used up their effort.
func (lb *labeller) spent() bool { return lb.sp.effort > lb.effort }

// shortLeaders is how many of leaderPlaces a number tries when every
// point is numbered: those within about 40 units of its point.
var shortLeaders = func() int {
	for k, p := range leaderPlaces {
		if p.out > 40 {
			return k
		}
	}
	return len(leaderPlaces)
}()

// maxCover is the largest share of a plot that the points' marks and
// initials may cover for the map to try that size: above it labels
// seldom fit and trying costs the page its time. Teams as the
// questionnaire spreads them (teammap_labels_test.go) cover on average:
// 16 people 13% of the smallest plot, 36 people 27% of it (they take the
// next), 200 people 29% of the 560-unit plot, 18% of the 720 and 12% of
// the 880.
const maxCover = 0.2

// cover is the share of the plot of side plot that the points' marks and
// their initials' labels cover.
func (m teamMap) cover(plot float64) float64 {
	g := m.geometry(plot)
	a := 0.0
	for _, p := range m.Points {
		s := m.spot(g, p)
		w, h := mapLabelSize(mapInitials(p.Name))
		a += w*h + 4*s.reach*s.reach
	}
	return a / (plot * plot)
}

// layOut chooses the map's size and places its labels (rule 1 above).
func (m teamMap) layOut() (float64, []mapLabel) {
	names := len(m.Points) <= maxLabelled
	for k, plot := range mapPlots {
		last := k == len(mapPlots)-1
		if !last && (!names || m.cover(plot) > maxCover) {
			continue
		}
		if ls := m.labelAt(plot, names, last, nil); ls != nil {
			if last && names {
				ls = m.again(plot, ls)
			}
			return plot, ls
		}
	}
	panic("unreachable: the last size always returns")
}

// again places the labels once more with the points that had no name or
// initials first (rule 6), and keeps whichever placement names more.
func (m teamMap) again(plot float64, ls []mapLabel) []mapLabel {
	missed := map[int]bool{}
	for i, l := range ls {
		if l.kind != labelName && l.kind != labelInitials {
			missed[i] = true
		}
	}
	if len(missed) == 0 {
		return ls
	}
	second := m.labelAt(plot, true, true, missed)
	n := 0
	for _, l := range second {
		if l.kind != labelName && l.kind != labelInitials {
			n++
		}
	}
	if n < len(missed) {
		return second
	}
	return ls
}
