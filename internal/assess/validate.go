package assess

import (
	"fmt"
	"regexp"
	"strings"
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

// validateItems checks every item, sets its kind and returns the position
// (page, item) of each item by ID.
func validateItems(d *decoder, raw *rawDoc, scaleAt, compositeAt map[string]int, scaleOK bool) map[string][2]int {
	q := raw.q
	at := map[string][2]int{}
	if raw.top.has("pages") && len(q.Pages) == 0 {
		d.add(raw.top.at("pages"), "", "pages is empty; give at least one page of items")
	}
	for p := range q.Pages {
		rp := &raw.pages[p]
		if rp.f.nodes != nil && len(q.Pages[p].Items) == 0 {
			d.add(rp.f.line, fmt.Sprintf("page %d", p+1), "has no items")
		}
		for i := range q.Pages[p].Items {
			it := &q.Pages[p].Items[i]
			ri := &rp.items[i]
			f := ri.f
			if f.nodes == nil {
				continue
			}
			subject := fmt.Sprintf("page %d item %d", p+1, i+1)
			switch {
			case !f.has("id") || it.ID == "":
				d.add(f.line, subject, "id is missing")
			case len(it.ID) > maxIDLen || !namePattern.MatchString(it.ID):
				subject = "item " + it.ID
				d.add(f.at("id"), subject, "id must be letters, digits, '_', '.' or '-', at most %d characters", maxIDLen)
			default:
				subject = "item " + it.ID
				if prev, dup := at[it.ID]; dup {
					d.add(f.at("id"), subject, "ID is already used on page %d", prev[0]+1)
				} else {
					at[it.ID] = [2]int{p, i}
				}
			}
			validateItem(d, q, it, ri, subject, scaleAt, compositeAt, scaleOK)
		}
	}
	return at
}

func validateItem(d *decoder, q *Questionnaire, it *Item, ri *rawItem, subject string, scaleAt, compositeAt map[string]int, scaleOK bool) {
	f := ri.f
	var kinds []string
	if f.has("scale") || f.has("key") {
		kinds = append(kinds, "scale/key")
		ri.kind = KindScored
	}
	if f.has("check") {
		kinds = append(kinds, "check")
		ri.kind = KindCheck
	}
	if f.has("virtue") {
		kinds = append(kinds, "virtue")
		ri.kind = KindVirtue
	}
	if f.has("options") {
		kinds = append(kinds, "options")
		ri.kind = KindChoice
	}
	switch len(kinds) {
	case 0:
		d.add(f.line, subject, "says neither scale and key, check, virtue nor options: an item must be exactly one of scored, check, virtue or choice")
		return
	case 1:
	default:
		d.add(f.line, subject, "has %s: an item must be exactly one of scored (scale and key), check, virtue or choice (options)", strings.Join(kinds, " and "))
		return
	}
	if ri.kind != KindChoice && it.Text == "" {
		d.add(f.at("text"), subject, "text is empty")
	}
	switch ri.kind {
	case KindScored:
		switch {
		case !f.has("scale"):
			d.add(f.at("key"), subject, "key is given but scale is missing")
		case it.Scale == "":
			d.add(f.at("scale"), subject, "scale is empty")
		default:
			if _, ok := scaleAt[it.Scale]; !ok {
				d.add(f.at("scale"), subject, "scale %q is not defined under scales", it.Scale)
			}
		}
		switch {
		case !f.has("key"):
			d.add(f.at("scale"), subject, "key is missing: give key: 1 (scored as answered) or key: -1 (reversed)")
		case it.Key != 1 && it.Key != -1:
			d.add(f.at("key"), subject, "key must be 1 (scored as answered) or -1 (reversed), not %d", it.Key)
		}
	case KindCheck:
		if scaleOK && !q.Scale.Contains(it.Check) {
			d.add(f.at("check"), subject, "check expects %d, which is not on the response scale %d..%d", it.Check, q.Scale.Min, q.Scale.Max)
		}
	case KindVirtue:
		if !ri.virtue && f.nodes["virtue"].Tag == "!!bool" {
			d.add(f.at("virtue"), subject, "virtue: false makes no item; write virtue: true or leave the item out")
		}
	case KindChoice:
		validateOptions(d, it, ri, subject, compositeAt)
	}
}

func validateOptions(d *decoder, it *Item, ri *rawItem, subject string, compositeAt map[string]int) {
	f := ri.f
	if len(it.Options) < 2 || len(it.Options) > maxOptions {
		d.add(f.at("options"), subject, "has %d option(s); a choice item needs between 2 and %d", len(it.Options), maxOptions)
	}
	seen := map[string]int{}
	for o, opt := range it.Options {
		of := ri.options[o]
		if of.nodes == nil {
			continue
		}
		if opt.Text == "" {
			d.add(of.at("text"), subject, "option %d: text is empty", o+1)
		}
		switch {
		case opt.Composite == "":
			d.add(of.at("composite"), subject, "option %d: composite is missing; each option names the composite it expresses", o+1)
		case len(compositeAt) == 0:
			d.add(of.at("composite"), subject, "option %d: composite %q is not defined: the file has no composites", o+1, opt.Composite)
		default:
			if _, ok := compositeAt[opt.Composite]; !ok {
				d.add(of.at("composite"), subject, "option %d: composite %q is not defined under composites", o+1, opt.Composite)
			} else if prev, dup := seen[opt.Composite]; dup {
				d.add(of.at("composite"), subject, "options %d and %d both express %q, so choosing between them says nothing", prev+1, o+1, opt.Composite)
			} else {
				seen[opt.Composite] = o
			}
		}
	}
}

// validatePairs checks the synonym and antonym pairs.
func validatePairs(d *decoder, raw *rawDoc, itemAt map[string][2]int) {
	q := raw.q
	item := func(id string) (Item, bool) {
		pos, ok := itemAt[id]
		if !ok {
			return Item{}, false
		}
		return q.Pages[pos[0]].Items[pos[1]], true
	}
	seen := map[[2]string]string{}
	check := func(kind string, pairs []rawPair) {
		for n, p := range pairs {
			subject := fmt.Sprintf("%s pair %d", kind, n+1)
			if len(p.ids) != 2 {
				d.add(p.line, subject, "has %d entries; a pair names exactly two items", len(p.ids))
				continue
			}
			a, b := p.ids[0], p.ids[1]
			if a == "" || b == "" {
				continue // reported by decode
			}
			if a == b {
				d.add(p.line, subject, "names %s twice; a pair needs two different items", a)
				continue
			}
			ok := true
			var items [2]Item
			for i, id := range p.ids {
				it, found := item(id)
				switch {
				case !found:
					d.add(p.line, subject, "item %q is not defined", id)
					ok = false
				case raw.pages[itemAt[id][0]].items[itemAt[id][1]].kind != KindScored:
					d.add(p.line, subject, "item %s is not a scored item; pairs compare answers to scored agree-scale items", id)
					ok = false
				}
				items[i] = it
			}
			if !ok {
				continue
			}
			key := [2]string{min(a, b), max(a, b)}
			if prev, dup := seen[key]; dup {
				d.add(p.line, subject, "pairs %s and %s again (already a %s pair)", a, b, prev)
				continue
			}
			seen[key] = kind
			// Two items of one scale that mean the same must be keyed alike,
			// and two that mean the opposite must be keyed oppositely;
			// otherwise one of the keys is wrong.
			if items[0].Scale == items[1].Scale {
				same := items[0].Key == items[1].Key
				if kind == "synonym" && !same {
					d.add(p.line, subject, "%s and %s are on scale %s but keyed in opposite directions, so they cannot mean the same", a, b, items[0].Scale)
				}
				if kind == "antonym" && same {
					d.add(p.line, subject, "%s and %s are on scale %s and keyed in the same direction, so they cannot mean the opposite", a, b, items[0].Scale)
				}
			}
		}
	}
	check("synonym", raw.synonyms)
	check("antonym", raw.antonyms)
}
