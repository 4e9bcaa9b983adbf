package assess

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// FieldErrors maps a field of a submitted response to what is wrong with
// it, for example "answers.inf1" → "must be between 1 and 5". It is what
// the API returns under "fields".
type FieldErrors map[string]string

// Error lists the field errors, sorted by field.
func (fe FieldErrors) Error() string {
	keys := make([]string, 0, len(fe))
	for k := range fe {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + fe[k]
	}
	return strings.Join(parts, "; ")
}

// ValidateResponse checks a response against its questionnaire before it
// is stored. With complete false it checks a partial save: any subset of
// items, and timings for at most every page. With complete true it checks
// a submission: every item must be answered, and timings, when given, must
// cover every page. It returns nil when all is well.
func ValidateResponse(q *Questionnaire, r Response, complete bool) FieldErrors {
	fe := FieldErrors{}
	ix := q.index()
	// Field names are built only for errors: a valid response (every
	// submission) then allocates nothing per answer here.
	for id, v := range r.Answers {
		p, ok := ix.byID[id]
		if !ok {
			fe["answers."+id] = fmt.Sprintf("is not an item of %s", q)
			continue
		}
		it := ix.items[p]
		if it.Kind == KindChoice {
			if v < 1 || v > len(it.Options) {
				fe["answers."+id] = "must be " + oneOf(1, len(it.Options))
			}
			continue
		}
		if !q.Scale.Contains(v) {
			fe["answers."+id] = "must be " + oneOf(q.Scale.Min, q.Scale.Max)
		}
	}
	if complete {
		for _, it := range ix.items {
			if _, ok := r.Answers[it.ID]; !ok {
				fe["answers."+it.ID] = "is not answered"
			}
		}
	}
	switch n := len(r.PageSeconds); {
	case n > len(q.Pages), complete && n != 0 && n != len(q.Pages):
		fe["page_seconds"] = fmt.Sprintf("must have one entry per page (%d), not %d", len(q.Pages), n)
	default:
		for i, s := range r.PageSeconds {
			if math.IsNaN(s) || math.IsInf(s, 0) || s < 0 {
				fe[fmt.Sprintf("page_seconds.%d", i)] = "must be a number of seconds, 0 or more"
			}
		}
	}
	if len(fe) == 0 {
		return nil
	}
	return fe
}

// oneOf says which integers lo..hi are allowed: "1 or 2", "1, 2 or 3",
// "between 1 and 5".
func oneOf(lo, hi int) string {
	switch {
	case hi-lo == 1:
		return fmt.Sprintf("%d or %d", lo, hi)
	case hi-lo == 2:
		return fmt.Sprintf("%d, %d or %d", lo, lo+1, hi)
	}
	return fmt.Sprintf("between %d and %d", lo, hi)
}
