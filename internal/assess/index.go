package assess

// index holds positions computed once per questionnaire so that scoring a
// response walks slices instead of searching: scoring runs on every
// submission.
type index struct {
	items     []Item         // every item in page order
	page      []int          // page index of each item
	byID      map[string]int // item ID → position in items
	itemScale []int          // scale index of each item, −1 when not scored

	scaleByID       map[string]int
	compositeByID   map[string]int
	scaleComposite  []int   // composite index of each scale, −1 when none
	scaleItems      [][]int // item positions of each scale
	compositeScales [][]int // scale indexes of each composite

	agree    []int // items answered on the agree scale (scored, check, virtue), page order
	scored   []int
	checks   []int
	virtues  []int
	choices  []int
	optionOf [][]int // for each item, the composite index of each option (choice items)

	synonyms [][2]int
	antonyms [][2]int

	longestPage int // agree-scale items on the page with most of them
	hunter      int // composite index of "hunter", −1 when absent
	farmer      int // composite index of "farmer", −1 when absent
}

// index returns the questionnaire's index, building a throw-away one for a
// Questionnaire that was assembled by hand rather than by Parse.
func (q *Questionnaire) index() *index {
	if q.idx != nil {
		return q.idx
	}
	return buildIndex(q)
}

// buildIndex indexes q. It tolerates dangling references (they are left
// out), so it is safe on definitions that were not validated.
func buildIndex(q *Questionnaire) *index {
	ix := &index{
		byID:          make(map[string]int),
		scaleByID:     make(map[string]int, len(q.Scales)),
		compositeByID: make(map[string]int, len(q.Composites)),
		hunter:        -1,
		farmer:        -1,
	}
	for i, c := range q.Composites {
		if _, dup := ix.compositeByID[c.ID]; !dup {
			ix.compositeByID[c.ID] = i
		}
		switch c.ID {
		case "hunter":
			ix.hunter = i
		case "farmer":
			ix.farmer = i
		}
	}
	ix.compositeScales = make([][]int, len(q.Composites))
	ix.scaleComposite = make([]int, len(q.Scales))
	for i, s := range q.Scales {
		if _, dup := ix.scaleByID[s.ID]; !dup {
			ix.scaleByID[s.ID] = i
		}
		ix.scaleComposite[i] = -1
		if c, ok := ix.compositeByID[s.Composite]; ok && s.Composite != "" {
			ix.scaleComposite[i] = c
			ix.compositeScales[c] = append(ix.compositeScales[c], i)
		}
	}
	ix.scaleItems = make([][]int, len(q.Scales))
	for p, page := range q.Pages {
		agreeOnPage := 0
		for _, it := range page.Items {
			pos := len(ix.items)
			ix.items = append(ix.items, it)
			ix.page = append(ix.page, p)
			if _, dup := ix.byID[it.ID]; !dup {
				ix.byID[it.ID] = pos
			}
			scale := -1
			var opts []int
			switch it.Kind {
			case KindScored:
				if s, ok := ix.scaleByID[it.Scale]; ok && (it.Key == 1 || it.Key == -1) {
					scale = s
					ix.scaleItems[s] = append(ix.scaleItems[s], pos)
					ix.scored = append(ix.scored, pos)
				}
				ix.agree = append(ix.agree, pos)
				agreeOnPage++
			case KindCheck:
				ix.checks = append(ix.checks, pos)
				ix.agree = append(ix.agree, pos)
				agreeOnPage++
			case KindVirtue:
				ix.virtues = append(ix.virtues, pos)
				ix.agree = append(ix.agree, pos)
				agreeOnPage++
			case KindChoice:
				ix.choices = append(ix.choices, pos)
				opts = make([]int, len(it.Options))
				for o, opt := range it.Options {
					opts[o] = -1
					if c, ok := ix.compositeByID[opt.Composite]; ok {
						opts[o] = c
					}
				}
			}
			ix.itemScale = append(ix.itemScale, scale)
			ix.optionOf = append(ix.optionOf, opts)
		}
		ix.longestPage = max(ix.longestPage, agreeOnPage)
	}
	ix.synonyms = ix.pairPositions(q.Pairs.Synonyms)
	ix.antonyms = ix.pairPositions(q.Pairs.Antonyms)
	return ix
}

// pairPositions turns pairs of item IDs into item positions, leaving out
// pairs that do not name two different scored items.
func (ix *index) pairPositions(pairs [][2]string) [][2]int {
	var out [][2]int
	for _, p := range pairs {
		a, okA := ix.byID[p[0]]
		b, okB := ix.byID[p[1]]
		if !okA || !okB || a == b || ix.itemScale[a] < 0 || ix.itemScale[b] < 0 {
			continue
		}
		out = append(out, [2]int{a, b})
	}
	return out
}
