package server

import (
	"strings"

	"rolefit/internal/econ"
	"rolefit/internal/quantity"
)

// rangeSchema is a number of one of rolefit's kinds (internal/quantity)
// as JSON Schema: its type, its bounds and, in words, what it is and its
// range. A kind where 0 means "none" below its least value (a quota)
// allows 0 too.
func rangeSchema(r quantity.Range, description string) obj {
	o := obj{"type": "number", "minimum": r.Min, "maximum": r.Max}
	if r.Whole {
		o["type"] = "integer"
	}
	if r.BelowMax {
		delete(o, "maximum")
		o["exclusiveMaximum"] = r.Max
	}
	if r.Zero != "" {
		o["minimum"] = 0
		description += "; " + r.Span()
	}
	if description != "" {
		o["description"] = description
	}
	return o
}

// simulateInputsSchema describes econ.Inputs from the inputs' table
// (econ.InputSpecs): each input's range, its default, and its symbol and
// explanation. Every field is optional: one left out keeps the founding
// case's value, an optional one (null or left out) the value it follows.
var simulateInputsSchema = func() obj {
	props := obj{}
	for _, s := range econ.InputSpecs() {
		unit := strings.ReplaceAll(s.Unit, "{money}", "money")
		p := rangeSchema(s.Range, s.Symbol+": "+s.Explanation+" ("+unit+")")
		if s.Optional() {
			p["description"] = p["description"].(string) + "; null or left out: " + s.Follows
			p = nullable(p)
		} else if s.Whole() {
			p["default"] = int(s.Default)
		} else {
			p["default"] = s.Default
		}
		props[s.Name] = p
	}
	return obj{"type": "object", "additionalProperties": false,
		"description": "Inputs of the capacity model; each field left out keeps the founding case's value. Money is in the organisation's currency (GET /api/v1/me).",
		"properties":  props}
}()
