package assess

import "slices"

// ItemDIF is the DIF of one scored item between two groups.
type ItemDIF struct {
	Item  string `json:"item"`
	Scale string `json:"scale"`
	DIF
}

// ItemsDIF compares every scored item of q between the respondents of two
// groups: answers[r] are respondent r's answers and groups[r] their group
// (a language, or any other grouping). Items are in page order.
//
// An item's answer counts as keyed when, after reversal, it is at or above
// the scale's agree point (4 or 5 on 1–5): Mantel–Haenszel's method is for
// items scored right or wrong, and agreeing in the keyed direction is what
// a facet score adds up. The matching score is the sum of the item's facet
// after reversal, the studied item included (Holland and Thayer, 1988),
// over the respondents who answered every item of that facet. An item with
// large DIF distorts the matching score of the others, which then seem to
// differ the other way; so the criterion is refined in two stages, as ETS
// does (Zwick, 2012): the items of class C in the first stage are left out
// of the second stage's matching score, except when studied themselves.
func ItemsDIF(q *Questionnaire, answers []map[string]int, groups []string, reference, focal string) []ItemDIF {
	q = q.sourceDef()
	ix := q.index()
	var out []ItemDIF
	for s, sc := range q.Scales {
		items := ix.scaleItems[s]
		first := facetDIF(q, ix, items, nil, answers, groups, reference, focal)
		leave := make([]bool, len(items))
		refine := false
		for i, d := range first {
			leave[i] = d.Class == DIFLarge
			refine = refine || leave[i]
		}
		result := first
		if refine {
			result = facetDIF(q, ix, items, leave, answers, groups, reference, focal)
		}
		for i, p := range items {
			out = append(out, ItemDIF{Item: ix.items[p].ID, Scale: sc.ID, DIF: result[i]})
		}
	}
	pos := make(map[string]int, len(ix.items))
	for i, it := range ix.items {
		pos[it.ID] = i
	}
	slices.SortFunc(out, func(a, b ItemDIF) int { return pos[a.Item] - pos[b.Item] })
	return out
}

// facetDIF is the DIF of each of a facet's items (positions items), matched
// on the sum of the facet's items but those marked in leave (nil: none),
// the studied item always counted.
func facetDIF(q *Questionnaire, ix *index, items []int, leave []bool, answers []map[string]int, groups []string, reference, focal string) []DIF {
	agree := q.Scale.AgreePoint()
	cases := make([][]DIFCase, len(items))
	keyed := make([]int, len(items))
	for r, a := range answers {
		if r >= len(groups) || (groups[r] != reference && groups[r] != focal) {
			continue
		}
		sum, complete := 0, true
		for i, p := range items {
			it := ix.items[p]
			v, ok := a[it.ID]
			if !ok || !q.Scale.Contains(v) {
				complete = false
				break
			}
			if it.Key < 0 {
				v = q.Scale.Reverse(v)
			}
			keyed[i] = v
			if leave == nil || !leave[i] {
				sum += v
			}
		}
		if !complete {
			continue
		}
		for i := range items {
			stratum := sum
			if leave != nil && leave[i] {
				stratum += keyed[i]
			}
			cases[i] = append(cases[i], DIFCase{Group: groups[r], Stratum: stratum, Keyed: float64(keyed[i]) >= agree})
		}
	}
	out := make([]DIF, len(items))
	for i := range items {
		out[i] = MantelHaenszel(cases[i], reference, focal)
	}
	return out
}

// LargeDIF returns the items of ETS class C.
func LargeDIF(items []ItemDIF) []ItemDIF {
	var out []ItemDIF
	for _, it := range items {
		if it.Class == DIFLarge {
			out = append(out, it)
		}
	}
	return out
}
