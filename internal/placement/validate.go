package placement

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// validate checks a team's roles, people, assumptions, pins and forbidden
// cells, and reports every problem at once, each under its field.
func (t *Team) validate() error {
	f := map[string]string{}
	bad := func(v float64) bool { return math.IsNaN(v) || math.IsInf(v, 0) }
	roles := map[string]bool{}
	for k, r := range t.Roles {
		key := fmt.Sprintf("roles[%d]", k)
		if r.ID != "" {
			key = "roles." + r.ID
		}
		switch {
		case r.ID == "":
			f[key+".id"] = "is required"
		case roles[r.ID]:
			f[key+".id"] = "is a duplicate"
		}
		roles[r.ID] = true
		maps.Copy(f, r.Flaws().Fields(key+"."))
		for _, w := range r.Profile {
			if t.Scales != nil && w.Scale != "" && !slices.Contains(t.Scales, w.Scale) && f[key+".profile."+w.Scale] == "" {
				f[key+".profile."+w.Scale] = "unknown scale"
			}
		}
	}
	people := map[string]bool{}
	for k, p := range t.People {
		key := fmt.Sprintf("people[%d]", k)
		if p.ID != "" {
			key = "people." + p.ID
		}
		switch {
		case p.ID == "":
			f[key+".id"] = "is required"
		case people[p.ID]:
			f[key+".id"] = "is a duplicate"
		}
		people[p.ID] = true
		if p.Kind != Candidate && p.Kind != Staff {
			f[key+".kind"] = fmt.Sprintf("%q is not candidate or staff", p.Kind)
		}
		for id, s := range p.Scales {
			switch {
			case s.Percentile != nil && (bad(*s.Percentile) || *s.Percentile < 0 || *s.Percentile > 100):
				f[key+".scales."+id] = "percentile must be between 0 and 100"
			case bad(s.Score) || bad(s.Min) || bad(s.Max):
				f[key+".scales."+id] = "score, min and max must be numbers"
			case s.Percentile == nil && (s.Min != 0 || s.Max != 0) && s.Min >= s.Max:
				f[key+".scales."+id] = "min must be below max"
			}
		}
		for name, r := range map[string]*float64{"new_business_rate": p.NewBusinessRate, "service_rate": p.ServiceRate} {
			if r != nil && !quantity.RevenueRate.Allows(*r) {
				f[key+"."+name] = quantity.RevenueRate.Rule()
			}
		}
		if p.CurrentRole != "" && !roles[p.CurrentRole] {
			f[key+".current_role"] = fmt.Sprintf("unknown role %q", p.CurrentRole)
		}
	}
	maps.Copy(f, t.Assumptions.Flaws().Fields("assumptions."))
	for k, pin := range t.Pins {
		key := fmt.Sprintf("pins[%d]", k)
		if !people[pin.PersonID] {
			f[key+".person_id"] = fmt.Sprintf("unknown person %q", pin.PersonID)
		}
		if !roles[pin.RoleID] {
			f[key+".role_id"] = fmt.Sprintf("unknown role %q", pin.RoleID)
		}
	}
	for k, c := range t.Forbidden {
		key := fmt.Sprintf("forbidden[%d]", k)
		if !people[c.PersonID] {
			f[key+".person_id"] = fmt.Sprintf("unknown person %q", c.PersonID)
		}
		if !roles[c.RoleID] {
			f[key+".role_id"] = fmt.Sprintf("unknown role %q", c.RoleID)
		}
	}
	if len(f) > 0 {
		return errs.InvalidFields("the placement input is not valid", f)
	}
	return nil
}
