package assess

// Validating a definition's pages of items, their options and the
// designed consistency pairs (validate.go checks the rest).

import (
	"fmt"
	"strings"
)

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
