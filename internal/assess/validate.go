package assess

import (
	"fmt"
	"regexp"
)

// Limits of a definition. They are generous for any real questionnaire and
// keep a mistaken file from allocating without bound.
const (
	// maxScalePoints: Likert-type scales run from 2 to 11 points (0–10).
	maxScalePoints = 11
	// maxScaleValue bounds min and max, which also keeps max−min from overflowing.
	maxScaleValue = 1000
	// maxOptions bounds the options of one choice item.
	maxOptions = 10
	// maxMinutes bounds the announced duration.
	maxMinutes = 600
	// maxIDLen bounds every ID; IDs appear in URLs, CSV headers and field names.
	maxIDLen = 64
)

var (
	// questionnaireIDPattern: IDs appear in URLs, so lower-case words joined by hyphens.
	questionnaireIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	// namePattern covers item, scale and composite IDs, which also name CSV
	// columns and API fields ("answers.inf1"): letters, digits, _ . -
	namePattern = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]*$`)
)

// validate checks the rules of a definition that the YAML types cannot
// express and sets each item's kind. It reports through d.
func validate(d *decoder, raw *rawDoc) {
	q := raw.q
	top := raw.top
	if top.nodes == nil {
		return // the file is not a mapping; decode said so
	}
	for _, key := range []string{"id", "version", "title", "response_scale", "scales", "pages"} {
		if !top.has(key) {
			d.add(0, "", "required field %q is missing", key)
		}
	}
	if top.has("id") {
		if q.ID == "" {
			d.add(top.at("id"), "", "id is empty")
		} else if len(q.ID) > maxIDLen || !questionnaireIDPattern.MatchString(q.ID) {
			d.add(top.at("id"), "", "id %q must be lower-case letters and digits joined by hyphens, like sales-service, at most %d characters", q.ID, maxIDLen)
		}
	}
	if top.has("version") && q.Version < 1 {
		d.add(top.at("version"), "", "version must be a whole number of 1 or more")
	}
	if top.has("title") && q.Title == "" {
		d.add(top.at("title"), "", "title is empty")
	}
	seenAud := map[string]bool{}
	for i, a := range q.Audience {
		switch {
		case a != AudienceCandidate && a != AudienceStaff && a != AudienceManager:
			d.add(raw.audLines[i], "", "audience %q is not one of candidate, staff, manager", a)
		case seenAud[a]:
			d.add(raw.audLines[i], "", "audience %q is listed twice", a)
		}
		seenAud[a] = true
	}
	if top.has("minutes") && (q.Minutes < 1 || q.Minutes > maxMinutes) {
		d.add(top.at("minutes"), "", "minutes must be between 1 and %d", maxMinutes)
	}
	scaleOK := validateResponseScale(d, raw)

	compositeAt := validateComposites(d, raw)
	scaleAt := validateScales(d, raw, compositeAt)
	itemAt := validateItems(d, raw, scaleAt, compositeAt, scaleOK)
	validatePairs(d, raw, itemAt)
	validateLanguages(d, raw)

	// A scale needs at least two items: one item has no internal
	// consistency to estimate and no room for keying in both directions.
	counts := make([]int, len(q.Scales))
	for _, p := range raw.q.Pages {
		for _, it := range p.Items {
			if s, ok := scaleAt[it.Scale]; ok && it.Scale != "" {
				counts[s]++
			}
		}
	}
	inComposite := make([]int, len(q.Composites))
	for i, s := range q.Scales {
		if first, ok := scaleAt[s.ID]; !ok || first != i {
			continue // empty or duplicate ID, reported already
		}
		if counts[i] < 2 {
			d.add(raw.scales[i].line, "scale "+s.ID, "has %d item(s); a scale needs at least 2", counts[i])
		}
		if c, ok := compositeAt[s.Composite]; ok {
			inComposite[c]++
		}
	}
	for i, c := range q.Composites {
		if first, ok := compositeAt[c.ID]; ok && first == i && inComposite[i] == 0 {
			d.add(raw.composites[i].line, "composite "+c.ID, "no scale belongs to it")
		}
	}
}

func validateResponseScale(d *decoder, raw *rawDoc) bool {
	q, f := raw.q, raw.scale
	if f.nodes == nil {
		return false
	}
	const subject = "response_scale"
	ok := true
	for _, key := range []string{"min", "max", "labels"} {
		if !f.has(key) {
			d.add(f.line, subject, "required field %q is missing", key)
			ok = false
		}
	}
	if !ok {
		return false
	}
	s := q.Scale
	if s.Min < -maxScaleValue || s.Min > maxScaleValue || s.Max < -maxScaleValue || s.Max > maxScaleValue {
		d.add(f.at("min"), subject, "min and max must lie between %d and %d", -maxScaleValue, maxScaleValue)
		return false
	}
	if s.Min >= s.Max {
		d.add(f.at("max"), subject, "min (%d) must be less than max (%d)", s.Min, s.Max)
		return false
	}
	if s.Points() > maxScalePoints {
		d.add(f.at("max"), subject, "has %d points; at most %d are supported", s.Points(), maxScalePoints)
		return false
	}
	if len(s.Labels) != s.Points() {
		d.add(f.at("labels"), subject, "has %d labels for %d answers (%d..%d); give one label per answer", len(s.Labels), s.Points(), s.Min, s.Max)
		ok = false
	}
	for i, l := range s.Labels {
		if l == "" {
			d.add(raw.labelLines[i], subject, "label %d is empty", i+1)
			ok = false
		}
	}
	return ok
}

// validateComposites returns the position of each composite by ID.
func validateComposites(d *decoder, raw *rawDoc) map[string]int {
	at := map[string]int{}
	for i, c := range raw.q.Composites {
		f := raw.composites[i]
		subject := fmt.Sprintf("composite %d", i+1)
		if c.ID != "" {
			subject = "composite " + c.ID
		}
		if f.nodes == nil {
			continue
		}
		if !validName(d, f, c.ID, subject) {
			continue
		}
		if _, dup := at[c.ID]; dup {
			d.add(f.at("id"), subject, "ID is used by another composite")
			continue
		}
		at[c.ID] = i
		if c.Name == "" {
			d.add(f.at("name"), subject, "name is empty")
		}
	}
	return at
}

// validateScales returns the position of each scale by ID.
func validateScales(d *decoder, raw *rawDoc, compositeAt map[string]int) map[string]int {
	at := map[string]int{}
	if raw.top.has("scales") && len(raw.q.Scales) == 0 {
		d.add(raw.top.at("scales"), "", "scales is empty; give at least one scale")
	}
	for i, s := range raw.q.Scales {
		f := raw.scales[i]
		subject := fmt.Sprintf("scale %d", i+1)
		if s.ID != "" {
			subject = "scale " + s.ID
		}
		if f.nodes == nil {
			continue
		}
		if !validName(d, f, s.ID, subject) {
			continue
		}
		if _, dup := at[s.ID]; dup {
			d.add(f.at("id"), subject, "ID is used by another scale")
			continue
		}
		if _, clash := compositeAt[s.ID]; clash {
			// Scores of scales and composites are looked up by ID.
			d.add(f.at("id"), subject, "ID is also a composite's ID; give them different IDs")
			continue
		}
		at[s.ID] = i
		if s.Name == "" {
			d.add(f.at("name"), subject, "name is empty")
		}
		if f.has("composite") {
			if _, ok := compositeAt[s.Composite]; !ok {
				d.add(f.at("composite"), subject, "composite %q is not defined under composites", s.Composite)
			}
		}
	}
	return at
}

// validName checks a scale's or composite's ID.
func validName(d *decoder, f fields, id, subject string) bool {
	switch {
	case !f.has("id") || id == "":
		d.add(f.at("id"), subject, "id is missing")
		return false
	case len(id) > maxIDLen || !namePattern.MatchString(id):
		d.add(f.at("id"), subject, "id must be letters, digits, '_', '.' or '-', at most %d characters", maxIDLen)
		return false
	}
	return true
}
