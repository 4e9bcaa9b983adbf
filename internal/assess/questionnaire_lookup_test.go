package assess

// Look-ups the tests use to find their way around a questionnaire; the
// product reaches items through the index instead.

// PageOf returns the index of the page that holds the item.
func (q *Questionnaire) PageOf(itemID string) (int, bool) {
	ix := q.index()
	i, ok := ix.byID[itemID]
	if !ok {
		return 0, false
	}
	return ix.page[i], true
}

// ValueRange returns the smallest and largest allowed answer to an item:
// the response scale for agree-scale items, 1..len(options) for choice items.
func (q *Questionnaire) ValueRange(itemID string) (lo, hi int, ok bool) {
	it, ok := q.Item(itemID)
	if !ok {
		return 0, 0, false
	}
	if it.Kind == KindChoice {
		return 1, len(it.Options), true
	}
	return q.Scale.Min, q.Scale.Max, true
}

// ScaleByID returns the scale (facet) with the given ID.
func (q *Questionnaire) ScaleByID(id string) (Scale, bool) {
	i, ok := q.index().scaleByID[id]
	if !ok {
		return Scale{}, false
	}
	return q.Scales[i], true
}

// CompositeByID returns the composite with the given ID.
func (q *Questionnaire) CompositeByID(id string) (Composite, bool) {
	i, ok := q.index().compositeByID[id]
	if !ok {
		return Composite{}, false
	}
	return q.Composites[i], true
}
