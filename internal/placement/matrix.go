package placement

import (
	"fmt"
	"math"

	"rolefit/internal/errs"
)

// NotPlaced is the role index of a person left without a role.
const NotPlaced = -1

// MaxValue bounds the size of a monthly value (in money) the solver
// accepts. A person's Net in a role from figures within their ranges
// (internal/quantity) lies within it: gross profit at most 744 hours ×
// 1,000,000 an hour × a fit multiplier of 10 × a margin of 1 ≈ 7.4
// billion, less a monthly cost of at most a billion and a cost of hire of
// at most 50 billion spread over at least a month. In cents, 1e13 per
// person keeps every sum along a path exact in int64 for teams of up to
// 200,000 people.
const MaxValue = 1e11

// Seats is a role's head-count: at least Min and at most Max people.
type Seats struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// Matrix is the assignment problem in money terms. Values[i][j] is the
// monthly value of person i in role j; NaN means person i may not take role
// j. Not placing a person is always worth 0 and always allowed, unless the
// person is pinned.
type Matrix struct {
	// Values has one row per person and one column per role.
	Values [][]float64
	// Seats has one entry per role.
	Seats []Seats
	// Priority marks people who must be placed while seats allow (staff):
	// the solver first maximises the number of them placed, and only then
	// the value. nil means nobody has priority.
	Priority []bool
	// Pinned fixes people to roles: Pinned[i] is a role index, or
	// NotPlaced for a person who is free. nil means no pins.
	Pinned []int
	// PersonNames and RoleNames, when given, name people and roles in
	// error messages (otherwise "person 3", "role 2").
	PersonNames, RoleNames []string
}

// Assignment is an optimal answer to a Matrix.
type Assignment struct {
	// Role is the role index of each person, or NotPlaced.
	Role []int `json:"role"`
	// Total is the sum of the values of the chosen cells.
	Total float64 `json:"total"`
	// Filled is the number of people placed in each role.
	Filled []int `json:"filled"`
	// PriorityPlaced is the number of people with priority who are placed.
	PriorityPlaced int `json:"priority_placed"`
}

func (p *Matrix) personName(i int) string {
	if i < len(p.PersonNames) && p.PersonNames[i] != "" {
		return p.PersonNames[i]
	}
	return fmt.Sprintf("person %d", i+1)
}

func (p *Matrix) roleName(j int) string {
	if j < len(p.RoleNames) && p.RoleNames[j] != "" {
		return p.RoleNames[j]
	}
	return fmt.Sprintf("role %d", j+1)
}

// validate checks the shape, the seats, the values and the pins, and
// returns every problem found at once, each under a field name.
func (p *Matrix) validate() error {
	fields := map[string]string{}
	m := len(p.Seats)
	for j, s := range p.Seats {
		switch {
		case s.Min < 0 || s.Max < 0:
			fields["seats."+p.roleName(j)] = "seats must not be negative"
		case s.Min > s.Max:
			fields["seats."+p.roleName(j)] = fmt.Sprintf("minimum %d is above maximum %d", s.Min, s.Max)
		}
	}
	if p.Priority != nil && len(p.Priority) != len(p.Values) {
		fields["priority"] = fmt.Sprintf("%d entries for %d people", len(p.Priority), len(p.Values))
	}
	if p.Pinned != nil && len(p.Pinned) != len(p.Values) {
		fields["pins"] = fmt.Sprintf("%d entries for %d people", len(p.Pinned), len(p.Values))
	}
	for i, row := range p.Values {
		if len(row) != m {
			fields["values."+p.personName(i)] = fmt.Sprintf("%d values for %d roles", len(row), m)
			continue
		}
		for j, v := range row {
			if math.IsInf(v, 0) || math.Abs(v) > MaxValue {
				fields["values."+p.personName(i)+"."+p.roleName(j)] = fmt.Sprintf("value %g is not a number of at most %g in size", v, float64(MaxValue))
			}
		}
	}
	if len(fields) > 0 {
		return errs.InvalidFields("the placement problem is not valid", fields)
	}
	if p.Pinned == nil {
		return nil
	}
	pinned := make([]int, m)
	for i, j := range p.Pinned {
		if j == NotPlaced {
			continue
		}
		field := "pins." + p.personName(i)
		if j < 0 || j >= m {
			fields[field] = fmt.Sprintf("unknown role index %d", j)
			continue
		}
		if math.IsNaN(p.Values[i][j]) {
			fields[field] = fmt.Sprintf("%s may not take the role %s", p.personName(i), p.roleName(j))
			continue
		}
		pinned[j]++
	}
	for j, k := range pinned {
		if k > p.Seats[j].Max {
			fields["pins."+p.roleName(j)] = fmt.Sprintf("%d people are pinned to %s, which has at most %d seats", k, p.roleName(j), p.Seats[j].Max)
		}
	}
	if len(fields) > 0 {
		return errs.InvalidFields("the pins cannot all be kept", fields)
	}
	return nil
}

// toCents rounds money to whole cents for the solver.
func toCents(v float64) int64 { return int64(math.Round(v * 100)) }
