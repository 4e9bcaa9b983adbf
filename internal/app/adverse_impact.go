package app

import (
	"context"
	"fmt"
	"rolefit"
	"slices"
	"sort"
	"strings"
	"time"

	"rolefit/internal/errs"
	"rolefit/internal/fairness"
	"rolefit/internal/store"
)

// Groupings of the adverse-impact report: by sex, by race/ethnicity, by
// age (40 or over), and the intersections of sex and race/ethnicity that
// Local Law 144's bias audits ask for.
var Groupings = []string{"sex", "race_ethnicity", "age", "sex_race"}

// medianPrefix starts a score decision: "median:hunter" selects those
// scoring at or above the period's median on the hunter composite.
const medianPrefix = "median:"

// AdverseImpactQuery asks for the report of one decision by one grouping
// over a period (dates YYYY-MM-DD; from inclusive, to inclusive; empty for
// the last twelve months up to today).
type AdverseImpactQuery struct {
	Decision, By string
	From, To     string
}

// ExcludedGroup is a group left out of the ratios, and why.
type ExcludedGroup struct {
	Group  string
	Reason string
}

// AdverseImpact is the report: each group's counts, rate, impact ratio,
// four-fifths flag, Fisher's exact p and shortfall (internal/fairness).
type AdverseImpact struct {
	Decision, By string
	// From and To bound the period: From inclusive, To exclusive.
	From, To time.Time
	// Assessed counts everyone with a submitted self-report in the
	// period (for a score decision, with a score on the composite).
	Assessed int
	Groups   []fairness.Group
	// Unknown counts those assessed who gave no answer for the grouping
	// or chose "prefer not to say".
	Unknown  int
	Excluded []ExcludedGroup
	// Reference is the group with the highest rate in the ratios.
	Reference string
	// Median is the composite score a score decision selects at or above.
	Median *float64
	// Versions are the questionnaire versions answered, "id:version".
	Versions []string
}

// Decisions lists what the report can be asked about: each outcome stage,
// then the median decision of each composite of the installed
// questionnaires.
func (a *App) Decisions() []string {
	var out []string
	for _, s := range rolefit.Stages {
		out = append(out, string(s))
	}
	seen := map[string]bool{}
	for _, q := range a.cat.Newest() {
		for _, c := range q.Composites {
			if !seen[c.ID] {
				seen[c.ID] = true
				out = append(out, medianPrefix+c.ID)
			}
		}
	}
	return out
}

// AdverseImpact computes the adverse-impact report (admins: the routes
// check it). Self-identifications are read only as counts here.
func (a *App) AdverseImpact(ctx context.Context, act Actor, q AdverseImpactQuery) (*AdverseImpact, error) {
	fields := map[string]string{}
	if !slices.Contains(a.Decisions(), q.Decision) {
		fields["decision"] = "must be one of " + strings.Join(a.Decisions(), ", ")
	}
	if !slices.Contains(Groupings, q.By) {
		fields["by"] = "must be one of " + strings.Join(Groupings, ", ")
	}
	from, to, pf := periodOf(q.From, q.To, a.now())
	for k, v := range pf {
		fields[k] = v
	}
	if len(fields) > 0 {
		return nil, errs.InvalidFields("Please correct the highlighted fields.", fields)
	}
	composite := decisionComposite(q.Decision)
	rows, err := a.scope(act).FairnessRows(ctx, from, to, composite)
	if err != nil {
		return nil, err
	}
	return impactOf(rows, q.Decision, q.By, from, to), nil
}

// decisionComposite is the composite of a score decision, "" for a stage.
func decisionComposite(decision string) string {
	c, _ := strings.CutPrefix(decision, medianPrefix)
	if c == decision {
		return ""
	}
	return c
}

// impactOf computes the report of a decision by a grouping from the people
// assessed in the period (read with the decision's composite).
func impactOf(rows []store.FairnessRow, decision, by string, from, to time.Time) *AdverseImpact {
	rep := &AdverseImpact{Decision: decision, By: by, From: from, To: to}
	if decisionComposite(decision) != "" {
		rows = slices.DeleteFunc(slices.Clone(rows), func(r store.FairnessRow) bool { return r.Score == nil })
		if len(rows) > 0 {
			m := medianOf(rows)
			rep.Median = &m
		}
	}
	versions := map[string]bool{}
	counts := map[string]*fairness.Count{}
	for _, r := range rows {
		rep.Assessed++
		versions[fmt.Sprintf("%s:%d", r.QuestionnaireID, r.QuestionnaireVersion)] = true
		g := groupOf(by, r)
		if g == "" {
			rep.Unknown++
			continue
		}
		c := counts[g]
		if c == nil {
			c = &fairness.Count{Group: g}
			counts[g] = c
		}
		c.Assessed++
		if selected(decision, r, rep.Median) {
			c.Selected++
		}
	}
	names := make([]string, 0, len(counts))
	for g := range counts {
		names = append(names, g)
	}
	sort.Strings(names)
	cs := make([]fairness.Count, len(names))
	for i, g := range names {
		cs[i] = *counts[g]
	}
	res := fairness.Analyse(cs, fairness.Options{ExcludeUnder2Pct: true})
	rep.Groups, rep.Reference = res.Groups, res.Reference
	for _, g := range res.Groups {
		if g.Excluded != "" {
			rep.Excluded = append(rep.Excluded, ExcludedGroup{Group: g.Group, Reason: g.Excluded})
		}
	}
	for v := range versions {
		rep.Versions = append(rep.Versions, v)
	}
	sort.Strings(rep.Versions)
	return rep
}

// groupOf is the person's group in grouping by, "" when unknown.
func groupOf(by string, r store.FairnessRow) string {
	known := func(s string) bool { return s != "" && s != rolefit.Declined }
	switch by {
	case "sex":
		if known(r.Sex) {
			return r.Sex
		}
	case "race_ethnicity":
		if known(r.RaceEthnicity) {
			return r.RaceEthnicity
		}
	case "age":
		switch r.Age40OrOver {
		case "yes":
			return "40_or_over"
		case "no":
			return "under_40"
		}
	case "sex_race":
		if known(r.Sex) && known(r.RaceEthnicity) {
			return r.Sex + "/" + r.RaceEthnicity
		}
	}
	return ""
}

// selected says whether the person reached the decision: the stage, or a
// score at or above the median.
func selected(decision string, r store.FairnessRow, median *float64) bool {
	if median != nil {
		return r.Score != nil && *r.Score >= *median
	}
	return slices.Contains(r.Stages, rolefit.Stage(decision))
}

// medianOf is the median score of rows that all have one: the middle
// score, or the mean of the two middle ones.
func medianOf(rows []store.FairnessRow) float64 {
	xs := make([]float64, len(rows))
	for i, r := range rows {
		xs[i] = *r.Score
	}
	sort.Float64s(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// periodOf reads the report's period: dates YYYY-MM-DD, both inclusive;
// without from, twelve months before to; without to, today. It returns
// [from, to+1 day).
func periodOf(fromText, toText string, now time.Time) (time.Time, time.Time, map[string]string) {
	f := map[string]string{}
	today := now.UTC().Truncate(24 * time.Hour)
	to := today
	if s := strings.TrimSpace(toText); s != "" {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			f["to"] = "must be a date written YYYY-MM-DD"
		}
		to = t
	}
	from := to.AddDate(-1, 0, 1)
	if s := strings.TrimSpace(fromText); s != "" {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			f["from"] = "must be a date written YYYY-MM-DD"
		}
		from = t
	}
	if len(f) == 0 && from.After(to) {
		f["from"] = "is after to: the period would be empty"
	}
	return from, to.AddDate(0, 0, 1), f
}
