package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"rolefit"
	"sort"
	"time"

	"rolefit/internal/store"
)

// The demo's fairness data, all made up: the earlier applicants'
// voluntary self-identifications and their hiring outcomes, so that the
// adverse-impact report has something to show on first run. The
// self-identifications are drawn from their own seeded source, in shares
// near a US applicant pool's; the outcomes are decided, not drawn: within
// each group the best hunter scores advanced, at rates set here, which
// build in one mild imbalance (women advance at 36%, men at 50%: an
// impact ratio of 0.72, under four fifths), so that the report's first
// view (advanced, by sex) shows a flag, its exact test and its shortfall
// whatever the draws.

// advanceRate is the share of each group by sex that advanced.
var advanceRate = map[string]float64{"female": 0.36, "male": 0.50}

// defaultAdvanceRate is the share of the other groups that advanced.
const defaultAdvanceRate = 0.45

// applicant is one earlier applicant as the fairness data needs them.
type applicant struct {
	id     string
	at     time.Time
	hunter float64
}

// drawFrom picks one of values by their weights.
func drawFrom(rng *rand.Rand, values []string, weights []float64) string {
	x := rng.Float64() * sum(weights)
	for i, w := range weights {
		if x < w {
			return values[i]
		}
		x -= w
	}
	return values[len(values)-1]
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// selfIDs draws the applicants' self-identifications.
func selfIDs(rng *rand.Rand, as []applicant) []rolefit.SelfIdentification {
	out := make([]rolefit.SelfIdentification, len(as))
	for i, a := range as {
		out[i] = rolefit.SelfIdentification{PersonID: a.id,
			Sex: drawFrom(rng, []string{"female", "male", "another", rolefit.Declined}, []float64{46, 46, 2, 6}),
			RaceEthnicity: drawFrom(rng, []string{"white", "hispanic_or_latino", "black_or_african_american", "asian", "two_or_more",
				"native_hawaiian_or_pacific_islander", "american_indian_or_alaska_native", rolefit.Declined},
				[]float64{45, 18, 13, 12, 4, 1, 1, 6}),
			Age40OrOver: drawFrom(rng, []string{"yes", "no", rolefit.Declined}, []float64{35, 58, 7})}
	}
	return out
}

// outcomesOf decides who advanced: in each group by sex, the best hunter
// scores, round(rate × size) of them; one in three of those advanced was
// also offered the job and hired, and everyone else was rejected. Each
// of the two years is decided apart, so the report's default period (the
// last twelve months) has the rates as set.
func outcomesOf(as []applicant, ids []rolefit.SelfIdentification, yearAgo time.Time, at string) []rolefit.OutcomeInput {
	groups := map[string][]int{}
	for i, a := range as {
		key := fmt.Sprintf("%v|%s", a.at.After(yearAgo), ids[i].Sex)
		groups[key] = append(groups[key], i)
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []rolefit.OutcomeInput
	for _, k := range keys {
		members := groups[k]
		sort.SliceStable(members, func(x, y int) bool { return as[members[x]].hunter > as[members[y]].hunter })
		rate, ok := advanceRate[ids[members[0]].Sex]
		if !ok {
			rate = defaultAdvanceRate
		}
		n := int(math.Round(rate * float64(len(members))))
		for j, i := range members {
			id := as[i].id
			if j >= n {
				out = append(out, rolefit.OutcomeInput{Person: id, Stage: string(rolefit.StageRejected), At: at})
				continue
			}
			out = append(out, rolefit.OutcomeInput{Person: id, Stage: string(rolefit.StageAdvanced), At: at})
			if j%3 == 0 {
				out = append(out, rolefit.OutcomeInput{Person: id, Stage: string(rolefit.StageOffered), At: at},
					rolefit.OutcomeInput{Person: id, Stage: string(rolefit.StageHired), At: at})
			}
		}
	}
	return out
}

// seedFairness stores the earlier applicants' made-up self-identifications
// and outcomes. The outcomes are dated when the applicants were added to
// rolefit (today): an outcome cannot be recorded before its person was.
func seedFairness(ctx context.Context, o *store.Scope, as []applicant, now time.Time, by rolefit.Actor) error {
	rng := rand.New(rand.NewPCG(2026, 15))
	ids := selfIDs(rng, as)
	if err := o.RecordSelfIdentifications(ctx, ids, by); err != nil {
		return fmt.Errorf("record demo self-identifications: %w", err)
	}
	ins := outcomesOf(as, ids, now.AddDate(-1, 0, 1).Truncate(24*time.Hour), now.UTC().Format(time.DateOnly))
	rows := make([]int, len(ins))
	for i := range rows {
		rows[i] = i + 1
	}
	if _, err := o.RecordOutcomes(ctx, ins, rows, by); err != nil {
		return fmt.Errorf("record demo outcomes: %w", err)
	}
	return nil
}
