package server

// bumpTries is how many places bump tries on one map, each taken from a
// single neighbour whose label must then find another place: each try
// may cost a search of every leader place, so the tries are counted
// across the map, which bounds the time a crowded map takes.
const bumpTries = 40

// bump gives point i, for which no place is free, a place that only one
// other point's label or leader is in, if that point's label finds
// another place: rule 3's last resort. Places are tried in led's order,
// those beside the point first; a neighbour that finds no other place
// keeps its own.
func (lb *labeller) bump(i int, l mapLabel) bool {
	try := func(b mapBox, seg *mapSegment) bool {
		j := lb.blocker(b, seg, i)
		if j < 0 {
			return false
		}
		lb.bumps++
		old := lb.labels[j]
		lb.unset(j)
		nl := l
		nl.b, nl.leader = b, seg
		lb.set(i, nl)
		moved := mapLabel{kind: old.kind, text: old.text, number: old.number}
		if lb.beside(j, moved) || lb.led(j, moved, true, len(leaderPlaces)) {
			return true
		}
		lb.unset(i)
		lb.set(j, old)
		return false
	}
	if lb.bumps >= bumpTries || lb.spent() {
		return false
	}
	s := lb.spots[i]
	w, h := mapLabelSize(l.text)
	for _, b := range besidePlaces(s, w, h) {
		if try(b, nil) {
			return true
		}
		if lb.bumps >= bumpTries || lb.spent() {
			return false
		}
	}
	for _, p := range leaderPlaces {
		b, seg, ok := lb.leaderAt(s, p, w, h)
		if !ok {
			continue
		}
		if try(b, &seg) {
			return true
		}
		if lb.bumps >= bumpTries || lb.spent() {
			return false
		}
	}
	return false
}

// unset takes point i's label off the map.
func (lb *labeller) unset(i int) {
	for _, it := range []*int{&lb.item[i], &lb.lead[i]} {
		if *it >= 0 {
			lb.sp.items[*it].gone = true
			*it = -1
		}
	}
	lb.labels[i] = mapLabel{}
}

// blocker returns the one other point whose label or leader is all that
// keeps point self's label from box b with leader seg (nil for none), or
// −1 when the place is free, or a mark, the quadrants' names or more than
// one point's labels are in the way.
func (lb *labeller) blocker(b mapBox, seg *mapSegment, self int) int {
	if !b.within(lb.sp.plot) {
		return -1
	}
	owner, ok := -1, true
	note := func(it *spaceItem) bool {
		if !it.label || it.owner < 0 {
			ok = false
			return false
		}
		if owner >= 0 && owner != it.owner {
			ok = false
			return false
		}
		owner = it.owner
		return true
	}
	lb.sp.near(b, func(it *spaceItem) bool {
		if it.label && it.owner == self {
			return true
		}
		if it.seg != nil && !it.seg.crosses(b) || it.seg == nil && !it.b.overlaps(b) {
			return true
		}
		return note(it)
	})
	if ok && seg != nil {
		lb.sp.along(*seg, func(it *spaceItem) bool {
			if it.owner == self || it.seg != nil || !it.label || !seg.crosses(it.b) {
				return true // leaders may cross marks and, here, leaders
			}
			return note(it)
		})
	}
	if !ok {
		return -1
	}
	return owner
}
