package assess

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
)

// Style is a way of answering a questionnaire, for simulated responses.
type Style string

// The simulated answering styles: one attentive, and the careless patterns
// of Meade & Craig (2012) and Curran (2016).
const (
	// StyleAttentive answers from the person's traits through an ordinal
	// response model, at 4–9 s per item.
	StyleAttentive Style = "attentive"
	// StyleStraightLining gives the same answer to every statement and the
	// first option of every choice, at a normal pace.
	StyleStraightLining Style = "straight-lining"
	// StyleRandom picks every answer uniformly at random, at a normal pace.
	StyleRandom Style = "random"
	// StyleTooFast answers like StyleAttentive but at about 1 s per item.
	StyleTooFast Style = "too-fast"
)

// Traits are a simulated person's latent levels as z-scores (0 = average,
// 1 = one SD above).
type Traits struct {
	// Composites holds levels by composite ID.
	Composites map[string]float64 `json:"composites"`
	// Scales holds levels by scale ID; a scale without one takes its
	// composite's level (0 when it has none).
	Scales map[string]float64 `json:"scales,omitempty"`
	// Desirability is the tendency to claim unlikely virtues; 0 is the
	// typical respondent, who mostly disagrees with them.
	Desirability float64 `json:"desirability,omitempty"`
}

// Simulation says how to simulate one response.
type Simulation struct {
	Traits Traits
	// Style is the answering style; empty means StyleAttentive.
	Style Style
	// SlipRate is the chance that an attentive person misanswers an
	// instructed item by a slip of the finger to a neighbouring point, 0
	// for never; DefaultSlipRate is a realistic value.
	SlipRate float64
	// SkipRate is the chance that any one item is left unanswered.
	SkipRate float64
}

// DefaultSlipRate is a plausible rate of accidental misanswers to an
// instructed item by an attentive person.
const DefaultSlipRate = 0.01

// Parameters of the simulated response model.
const (
	// simDiscrimination scales the latent level into the item response.
	// With unit noise, two items of one facet then correlate about 0.5, and
	// a six-item facet has an alpha near 0.85, as good published facets do.
	simDiscrimination = 1.0
	// simThresholdSpan: the category thresholds of the agree scale spread
	// over ±(span/2)·(k−2)/(k−1), ±1.5 on five points, so that an average
	// person most often answers the middle and rarely the extremes.
	simThresholdSpan = 4.0
	// simVirtueOffset pulls answers to unlikely virtues down: a typical
	// person mostly disagrees that they have never told a lie.
	simVirtueOffset = -1.2
	// simChoiceSharpness: the odds of choosing an option grow by e^1.5 per
	// SD of its composite's level over the alternatives'.
	simChoiceSharpness = 1.5
	// A person's pace in seconds per item, and the fast pace.
	simMinPace, simMaxPace = 4.0, 9.0
	simFastPace            = 1.0
	// simLocationSpread: items differ in how easily people agree with them
	// ("I keep my word" far more than "I set goals that are hard to
	// reach"); each item's location is fixed within ±0.8.
	simLocationSpread = 0.8
	// simPairShared is the share of an item's noise that a designed pair
	// of items shares: their common meaning beyond the facet. With it two
	// synonyms correlate about 0.65 across people (antonyms about −0.65),
	// as the psychometric synonyms of Meade & Craig (2012), chosen for
	// correlations above 0.60, do.
	simPairShared = 0.35
	// simFacetLoading: in RandomTraits a facet's level is 0.8·composite +
	// 0.6·own part, a unit-variance mix whose facets correlate 0.64.
	simFacetLoading = 0.8
)

// RandomTraits draws a plausible person: independent standard normal
// composite levels, and facet levels that load 0.8 on their composite.
func RandomTraits(q *Questionnaire, rng *rand.Rand) Traits {
	t := Traits{Composites: make(map[string]float64, len(q.Composites)), Scales: make(map[string]float64, len(q.Scales))}
	for _, c := range q.Composites {
		t.Composites[c.ID] = rng.NormFloat64()
	}
	own := math.Sqrt(1 - simFacetLoading*simFacetLoading)
	for _, s := range q.Scales {
		t.Scales[s.ID] = simFacetLoading*t.Composites[s.Composite] + own*rng.NormFloat64()
	}
	return t
}

// Simulate draws one response to q from rng. It is deterministic for a
// given rng state, so seeded tests and demo data are reproducible.
//
// Attentive answers follow an ordinal (graded) response model: the item
// response is key·level + the item's location + noise, noise standard normal, cut into the
// scale's points by evenly spaced thresholds (Samejima 1969). Instructed
// items are answered as instructed but for slips; unlikely virtues mostly
// disagreed with; choice items chosen with odds that grow with the
// level of each option's composite.
func Simulate(q *Questionnaire, rng *rand.Rand, s Simulation) Response {
	ix := q.index()
	style := s.Style
	if style == "" {
		style = StyleAttentive
	}
	r := Response{Answers: make(map[string]int, len(ix.items))}
	loc := itemLocations(ix)
	noise := itemNoise(ix, rng)
	straight := q.Scale.Min + rng.IntN(q.Scale.Points())
	answered := make([]int, len(q.Pages))
	for p, it := range ix.items {
		if s.SkipRate > 0 && rng.Float64() < s.SkipRate {
			continue
		}
		var v int
		switch style {
		case StyleStraightLining:
			v = straight
			if it.Kind == KindChoice {
				v = 1
			}
		case StyleRandom:
			if it.Kind == KindChoice {
				v = 1 + rng.IntN(max(len(it.Options), 1))
			} else {
				v = q.Scale.Min + rng.IntN(q.Scale.Points())
			}
		default:
			v = attentiveAnswer(q, ix, p, loc[p]+noise[p], rng, s)
		}
		r.Answers[it.ID] = v
		answered[ix.page[p]]++
	}
	pace := simMinPace + (simMaxPace-simMinPace)*rng.Float64()
	if style == StyleTooFast {
		pace = simFastPace
	}
	r.PageSeconds = make([]float64, len(q.Pages))
	for p, n := range answered {
		// Each page's pace varies by about ±20% around the person's.
		jitter := max(1+0.2*rng.NormFloat64(), 0.5)
		r.PageSeconds[p] = math.Round(float64(n)*pace*jitter*10) / 10
	}
	return r
}

// itemLocations gives each item a fixed location from its ID, so that the
// same item is as easy to agree with in every simulated response. Designed
// synonyms are written to mean the same, so the second item of a synonym
// pair takes the first one's location; the second item of an antonym pair
// takes the mirrored location.
func itemLocations(ix *index) []float64 {
	loc := make([]float64, len(ix.items))
	for p, it := range ix.items {
		h := fnv.New64a()
		h.Write([]byte(it.ID))
		u := float64(h.Sum64()>>11) / (1 << 53) // uniform in [0, 1)
		loc[p] = simLocationSpread * (2*u - 1)
	}
	for _, pr := range ix.synonyms {
		loc[pr[1]] = loc[pr[0]]
	}
	for _, pr := range ix.antonyms {
		loc[pr[1]] = -loc[pr[0]]
	}
	return loc
}

// itemNoise draws the standard normal noise of every scored item for one
// person. The items of a designed pair share part of it: a synonym pair
// the same part, an antonym pair the same part with opposite signs.
func itemNoise(ix *index, rng *rand.Rand) []float64 {
	noise := make([]float64, len(ix.items))
	for p := range noise {
		noise[p] = rng.NormFloat64()
	}
	own, common := math.Sqrt(1-simPairShared), math.Sqrt(simPairShared)
	for _, pr := range ix.synonyms {
		u := rng.NormFloat64()
		noise[pr[0]] = own*noise[pr[0]] + common*u
		noise[pr[1]] = own*noise[pr[1]] + common*u
	}
	for _, pr := range ix.antonyms {
		u := rng.NormFloat64()
		noise[pr[0]] = own*noise[pr[0]] + common*u
		noise[pr[1]] = own*noise[pr[1]] - common*u
	}
	return noise
}

// attentiveAnswer draws an attentive person's answer to the item at p.
// shift is the item's location plus its noise for a scored item.
func attentiveAnswer(q *Questionnaire, ix *index, p int, shift float64, rng *rand.Rand, s Simulation) int {
	it := ix.items[p]
	switch it.Kind {
	case KindCheck:
		if s.SlipRate > 0 && rng.Float64() < s.SlipRate {
			// A slip of the finger lands on a neighbouring point: the one
			// below or above, the only one at either end of the scale.
			down := rng.IntN(2) == 0
			switch {
			case it.Check == q.Scale.Min:
				down = false
			case it.Check == q.Scale.Max:
				down = true
			}
			if down {
				return it.Check - 1
			}
			return it.Check + 1
		}
		return it.Check
	case KindVirtue:
		return ordinalAnswer(q.Scale, s.Traits.Desirability+simVirtueOffset+rng.NormFloat64())
	case KindChoice:
		return choiceAnswer(q, ix, p, rng, s.Traits)
	}
	level := traitLevel(q, ix.itemScale[p], s.Traits)
	return ordinalAnswer(q.Scale, float64(it.Key)*simDiscrimination*level+shift)
}

// traitLevel returns the level of scale s: its own, else its composite's.
func traitLevel(q *Questionnaire, s int, t Traits) float64 {
	if s < 0 {
		return 0
	}
	sc := q.Scales[s]
	if v, ok := t.Scales[sc.ID]; ok {
		return v
	}
	return t.Composites[sc.Composite]
}

// ordinalAnswer cuts a latent response into the scale's points.
func ordinalAnswer(scale ResponseScale, y float64) int {
	k := scale.Points()
	step := simThresholdSpan / float64(k-1)
	v := scale.Min
	for j := 1; j < k; j++ {
		// Threshold between point j−1 and j, symmetric around 0.
		if y > (float64(j)-float64(k)/2)*step {
			v++
		}
	}
	return v
}

// choiceAnswer picks an option with probability proportional to
// exp(sharpness·level of its composite).
func choiceAnswer(q *Questionnaire, ix *index, p int, rng *rand.Rand, t Traits) int {
	opts := ix.items[p].Options
	if len(opts) == 0 {
		return 1
	}
	weights := make([]float64, len(opts))
	total := 0.0
	for i, o := range opts {
		weights[i] = math.Exp(simChoiceSharpness * t.Composites[o.Composite])
		total += weights[i]
	}
	u := rng.Float64() * total
	for i, w := range weights {
		if u < w {
			return i + 1
		}
		u -= w
	}
	return len(opts)
}
