package assess

import (
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"rolefit/questionnaires"
)

func TestSimulateIsDeterministic(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	draw := func() Response {
		rng := rand.New(rand.NewPCG(3, 4))
		return Simulate(q, rng, Simulation{Traits: RandomTraits(q, rng), SlipRate: DefaultSlipRate})
	}
	if a, b := draw(), draw(); !reflect.DeepEqual(a, b) {
		t.Errorf("same seed, different responses:\n%v\n%v", a, b)
	}
}

// Simulated responses are valid submissions, and attentive answers follow
// the traits: high levels give high facet scores.
func TestSimulateFollowsTraits(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	rng := rand.New(rand.NewPCG(5, 6))
	for _, style := range []Style{StyleAttentive, StyleStraightLining, StyleRandom, StyleTooFast} {
		r := Simulate(q, rng, Simulation{Traits: RandomTraits(q, rng), Style: style})
		if fe := ValidateResponse(q, r, true); fe != nil {
			t.Errorf("%s response invalid: %v", style, fe)
		}
	}
	var lo, hi float64
	const n = 300
	for i := 0; i < n; i++ {
		low := Simulation{Traits: Traits{Composites: map[string]float64{"hunter": -1.5, "farmer": 1.5}}}
		high := Simulation{Traits: Traits{Composites: map[string]float64{"hunter": 1.5, "farmer": -1.5}}}
		lo += *scoreOf(t, Score(q, Simulate(q, rng, low), Options{}).Composites, "hunter").Score
		hi += *scoreOf(t, Score(q, Simulate(q, rng, high), Options{}).Composites, "hunter").Score
	}
	lo, hi = lo/n, hi/n
	if lo > 2.5 || hi < 3.5 {
		t.Errorf("mean hunter score %.2f at level −1.5 and %.2f at +1.5; want below 2.5 and above 3.5", lo, hi)
	}
	// A facet's own level overrides its composite's.
	tr := Traits{Composites: map[string]float64{"hunter": -2}, Scales: map[string]float64{"bold": 2}}
	var bold, drive float64
	for i := 0; i < n; i++ {
		res := Score(q, Simulate(q, rng, Simulation{Traits: tr}), Options{})
		bold += *scoreOf(t, res.Scales, "bold").Score / n
		drive += *scoreOf(t, res.Scales, "drive").Score / n
	}
	if bold < 3.8 || drive > 2.2 {
		t.Errorf("bold %.2f (own level +2), drive %.2f (composite −2)", bold, drive)
	}
	// Choices follow the relative levels.
	var idx float64
	for i := 0; i < n; i++ {
		res := Score(q, Simulate(q, rng, Simulation{Traits: Traits{Composites: map[string]float64{"hunter": 1, "farmer": -1}}}), Options{})
		idx += *res.Preference.Index / n
	}
	// P(hunter) = e^1.5/(e^1.5 + e^−1.5) = 0.953: expected index 0.905
	if math.Abs(idx-0.905) > 0.05 {
		t.Errorf("mean preference index %.3f, want about 0.905", idx)
	}
}

// detection simulates n responses of each style and returns, per style,
// the share flagged by any check and by each check. The IRV check compares
// against the IRVs of 500 earlier attentive responses.
func detection(q *Questionnaire, seed uint64, n int) map[Style]map[string]float64 {
	rng := rand.New(rand.NewPCG(seed, seed+1))
	var irv []float64
	for range 500 {
		res := Score(q, Simulate(q, rng, Simulation{Traits: RandomTraits(q, rng)}), Options{})
		if c, ok := res.Quality.Check(CheckIRV); ok && c.Value != nil {
			irv = append(irv, *c.Value)
		}
	}
	opt := Options{IRV: NewMoments(irv)}
	out := map[Style]map[string]float64{}
	for _, style := range []Style{StyleAttentive, StyleStraightLining, StyleRandom, StyleTooFast} {
		rates := map[string]float64{}
		for i := 0; i < n; i++ {
			r := Simulate(q, rng, Simulation{Traits: RandomTraits(q, rng), Style: style, SlipRate: DefaultSlipRate})
			res := Score(q, r, opt)
			if len(res.Quality.Flags) > 0 {
				rates["any"] += 1.0 / float64(n)
			}
			for _, f := range res.Quality.Flags {
				rates[f.Code] += 1.0 / float64(n)
			}
		}
		out[style] = rates
	}
	return out
}

func formatRates(rates map[string]float64) string {
	var keys []string
	for k := range rates {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %.1f%%", k, 100*rates[k]))
	}
	return strings.Join(parts, ", ")
}

// The quality checks catch what they should on the shipped sales-service
// questionnaire: 1,000 simulated responses of each style.
func TestQualityChecksDetectCarelessResponding(t *testing.T) {
	if testing.Short() {
		t.Skip("simulates 4,000 responses")
	}
	data, err := fs.ReadFile(questionnaires.FS, "sales-service.yaml")
	if err != nil {
		t.Skipf("shipped questionnaire not readable: %v", err)
	}
	q, err := Parse("sales-service.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	rates := detection(q, 2024, 1000)
	for _, style := range []Style{StyleAttentive, StyleStraightLining, StyleRandom, StyleTooFast} {
		t.Logf("%-16s flagged: %s", style, formatRates(rates[style]))
	}
	// docs/QUALITY.md: each check alone flags at most 1% of attentive
	// respondents, all together at most 5%.
	for code, rate := range rates[StyleAttentive] {
		if limit := map[bool]float64{true: 0.05, false: 0.01}[code == "any"]; rate > limit {
			t.Errorf("attentive responses flagged by %s: %.1f%%, want at most %.0f%%", code, 100*rate, 100*limit)
		}
	}
	want := []struct {
		style Style
		code  string
	}{
		{StyleStraightLining, "any"}, {StyleStraightLining, CheckLongstring}, {StyleStraightLining, CheckIRV},
		{StyleRandom, "any"}, {StyleRandom, CheckInstructed},
		{StyleTooFast, "any"}, {StyleTooFast, CheckSpeed},
	}
	for _, w := range want {
		if rate := rates[w.style][w.code]; rate < 0.90 {
			t.Errorf("%s responses flagged by %s: %.1f%%, want at least 90%%", w.style, w.code, 100*rate)
		}
	}
}
