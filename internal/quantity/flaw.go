package quantity

// Flaw is one thing wrong with a figure, said in the two ways rolefit
// needs: Problem for a value being entered, as a form shows it beside the
// box and an API error keys it by Field ("must be between 0 and 1,000,000
// (revenue an hour)"); and Stored for a value already saved (before its
// range was checked, or by an older rolefit), as a page says it of the
// record it then leaves out ("its baseline rate 1e300 is outside
// 0–1,000,000 an hour").
type Flaw struct {
	Field, Problem, Stored string
	// Default is, when the caller puts a default in the stored value's
	// place, that default as printed; "" otherwise.
	Default string
}

// Check returns the flaw of value v of the figure field (called label in
// words, such as "baseline rate") when the range does not allow it.
func (r Range) Check(field, label string, v float64) (Flaw, bool) {
	if r.Allows(v) {
		return Flaw{}, false
	}
	return Flaw{Field: field, Problem: r.Rule(), Stored: "its " + label + " " + r.Outside(v)}, true
}

// Flaws gathers flaws.
type Flaws []Flaw

// Figure adds the flaw of v, if any (Range.Check).
func (fs *Flaws) Figure(field, label string, r Range, v float64) {
	if f, ok := r.Check(field, label, v); ok {
		*fs = append(*fs, f)
	}
}

// Add adds a flaw that is not about a range.
func (fs *Flaws) Add(field, problem, stored string) {
	*fs = append(*fs, Flaw{Field: field, Problem: problem, Stored: stored})
}

// Has reports whether a flaw is about field.
func (fs Flaws) Has(field string) bool {
	for _, f := range fs {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Fields returns the flaws' problems by field, the first of each field,
// with prefix before every field ("roles.ae."), as an invalid error's
// fields.
func (fs Flaws) Fields(prefix string) map[string]string {
	out := make(map[string]string, len(fs))
	for _, f := range fs {
		if _, ok := out[prefix+f.Field]; !ok {
			out[prefix+f.Field] = f.Problem
		}
	}
	return out
}
