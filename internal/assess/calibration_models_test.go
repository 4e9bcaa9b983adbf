package assess

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// attentiveModel is one plausible way an attentive person answers, written
// independently of Simulate (the form used by the outside review of the
// checks): each facet level is standard normal, and a scored item's answer
// is round(mid + key·loading·level + noise), with a response style applied
// before rounding and clipping to the scale.
type attentiveModel struct {
	loading float64 // weight of the facet level in an item's answer
	noise   float64 // SD of an item's normal noise
	// acquiescence is added to every raw answer before rounding (agreeing
	// regardless of content); a style of its own in the calibration range.
	acquiescence float64
	// stretch multiplies the distance from the scale's midpoint before
	// rounding: above 1 is extreme responding.
	stretch float64
	// slip is the chance that any one answer, instructed items included,
	// lands one point off (a slip of the finger).
	slip float64
}

func (m attentiveModel) String() string {
	s := fmt.Sprintf("loading %.1f noise %.1f", m.loading, m.noise)
	if m.acquiescence != 0 {
		s += fmt.Sprintf(" acquiescent %+.1f", m.acquiescence)
	}
	if m.stretch != 1 {
		s += fmt.Sprintf(" extreme ×%.1f", m.stretch)
	}
	if m.slip != 0 {
		s += fmt.Sprintf(" slips %.0f%%", 100*m.slip)
	}
	return s
}

// calibrationModels is the stated range of attentive responding
// (docs/QUALITY.md): loadings 0.5–0.9 by noise 0.6–1.2, each plain, with
// one-point slips, acquiescent and extreme.
func calibrationModels() []attentiveModel {
	var out []attentiveModel
	for _, l := range []float64{0.5, 0.7, 0.9} {
		for _, n := range []float64{0.6, 0.9, 1.2} {
			base := attentiveModel{loading: l, noise: n, stretch: 1}
			slips := base
			slips.slip = 0.02
			acq := base
			acq.acquiescence = 0.6
			ext := base
			ext.stretch = 1.5
			out = append(out, base, slips, acq, ext)
		}
	}
	return out
}

// answer draws one response from the model. Instructed items are answered
// as asked, unlikely virtues mostly disagreed with (latent mean one point
// below the midpoint), and choice items follow the difference between the
// hunter and farmer facets' mean levels.
func (m attentiveModel) answer(q *Questionnaire, rng *rand.Rand) map[string]int {
	ix := q.index()
	level := make([]float64, len(q.Scales))
	for s := range level {
		level[s] = rng.NormFloat64()
	}
	mid := float64(q.Scale.Min+q.Scale.Max) / 2
	out := make(map[string]int, len(ix.items))
	for p, it := range ix.items {
		var y float64
		switch it.Kind {
		case KindCheck:
			out[it.ID] = m.slipped(q, it.Check, rng)
			continue
		case KindChoice:
			out[it.ID] = m.choose(q, ix, p, level, rng)
			continue
		case KindVirtue:
			y = -1 + m.noise*rng.NormFloat64()
		default:
			s := ix.itemScale[p]
			lv := 0.0
			if s >= 0 {
				lv = level[s]
			}
			y = float64(it.Key)*m.loading*lv + m.noise*rng.NormFloat64()
		}
		v := int(math.Round(mid + m.stretch*y + m.acquiescence))
		v = min(max(v, q.Scale.Min), q.Scale.Max)
		out[it.ID] = m.slipped(q, v, rng)
	}
	return out
}

func (m attentiveModel) slipped(q *Questionnaire, v int, rng *rand.Rand) int {
	if m.slip == 0 || rng.Float64() >= m.slip {
		return v
	}
	switch {
	case v == q.Scale.Min:
		return v + 1
	case v == q.Scale.Max:
		return v - 1
	case rng.IntN(2) == 0:
		return v - 1
	default:
		return v + 1
	}
}

func (m attentiveModel) choose(q *Questionnaire, ix *index, p int, level []float64, rng *rand.Rand) int {
	opts := ix.optionOf[p]
	if len(opts) == 0 {
		return 1
	}
	comp := make([]float64, len(q.Composites))
	cnt := make([]float64, len(q.Composites))
	for s, c := range ix.scaleComposite {
		if c >= 0 {
			comp[c] += level[s]
			cnt[c]++
		}
	}
	w := make([]float64, len(opts))
	total := 0.0
	for i, c := range opts {
		if c >= 0 && cnt[c] > 0 {
			w[i] = math.Exp(1.5 * comp[c] / cnt[c])
		} else {
			w[i] = 1
		}
		total += w[i]
	}
	u := rng.Float64() * total
	for i := range w {
		if u < w[i] {
			return i + 1
		}
		u -= w[i]
	}
	return len(opts)
}

// randomAnswers answers every item uniformly at random.
func randomAnswers(q *Questionnaire, rng *rand.Rand) map[string]int {
	out := map[string]int{}
	for _, it := range q.Items() {
		if it.Kind == KindChoice {
			out[it.ID] = 1 + rng.IntN(len(it.Options))
		} else {
			out[it.ID] = q.Scale.Min + rng.IntN(q.Scale.Points())
		}
	}
	return out
}

// halfRandomAnswers answers attentively up to and including page after,
// then at random.
func halfRandomAnswers(q *Questionnaire, m attentiveModel, after int, rng *rand.Rand) map[string]int {
	a := m.answer(q, rng)
	r := randomAnswers(q, rng)
	for id := range a {
		if p, _ := q.PageOf(id); p >= after {
			a[id] = r[id]
		}
	}
	return a
}

// straightAnswers gives one answer to every statement and the first option
// of every choice.
func straightAnswers(q *Questionnaire, rng *rand.Rand) map[string]int {
	v := q.Scale.Min + rng.IntN(q.Scale.Points())
	out := map[string]int{}
	for _, it := range q.Items() {
		if it.Kind == KindChoice {
			out[it.ID] = 1
		} else {
			out[it.ID] = v
		}
	}
	return out
}
