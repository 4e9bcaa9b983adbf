package assess

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"rolefit/questionnaires"
)

// calibrationN is the number of simulated respondents per attentive model.
const calibrationN = 4000

// Bounds from docs/QUALITY.md: each check alone flags at most 1% of
// attentive respondents, all together at most 5%.
const (
	maxCheckFalseFlags = 0.01
	maxAnyFalseFlags   = 0.05
)

// statedRates is the false-flag rate each check states in its flags: the
// largest rate of its rules.
var statedRates = map[string]float64{
	CheckInstructed:  max(rateInstructedTwo, rateInstructedFar),
	CheckSpeed:       max(rateSpeed, rateSpeedLikely),
	CheckLongstring:  max(rateLongstring, rateLongstringLong),
	CheckIRV:         max(rateIRVZero, rateIRVZ),
	CheckDistance:    rateDistance,
	CheckConsistency: rateConsistency,
	CheckSynonyms:    0,
	CheckAntonyms:    0,
	CheckVirtues:     rateVirtues,
	CheckAgreement:   rateAgreement,
}

func shippedSalesServiceV2(tb testing.TB) *Questionnaire {
	tb.Helper()
	data, err := fs.ReadFile(questionnaires.FS, "sales-service-v2.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	q, err := Parse("sales-service-v2.yaml", data)
	if err != nil {
		tb.Fatal(err)
	}
	return q
}

// pageSeconds times a response at pace seconds per answered item, each
// page ±20% around it (as Simulate does).
func pageSeconds(q *Questionnaire, answers map[string]int, pace float64, rng *rand.Rand) []float64 {
	out := make([]float64, len(q.Pages))
	for id := range answers {
		p, _ := q.PageOf(id)
		out[p]++
	}
	for p := range out {
		out[p] *= pace * max(1+0.2*rng.NormFloat64(), 0.5)
	}
	return out
}

// flagRates counts, over responses, the share flagged by each check, by
// any, and with overall severity likely.
type flagRates struct {
	n                 int
	any, likely       int
	byCheck, supports map[string]int
}

func (f *flagRates) add(q Quality) {
	if f.byCheck == nil {
		f.byCheck, f.supports = map[string]int{}, map[string]int{}
	}
	f.n++
	if len(q.Flags) > 0 {
		f.any++
	}
	if q.Severity == SeverityLikely {
		f.likely++
	}
	for _, fl := range q.Flags {
		f.byCheck[fl.Code]++
	}
	for _, c := range q.Checks {
		if c.Supports {
			f.supports[c.Code]++
		}
	}
}

func (f *flagRates) rate(code string) float64 { return float64(f.byCheck[code]) / float64(f.n) }
func (f *flagRates) anyRate() float64         { return float64(f.any) / float64(f.n) }

// attentiveReference is the organisation's reference when its 300 earlier
// respondents were all careful and answered like model m: their IRV
// summary and their answer statistics.
func attentiveReference(q *Questionnaire, m attentiveModel, rng *rand.Rand) Options {
	opt := Options{IRV: &Moments{}}
	answers := NewAnswerMoments(q, nil)
	for range 300 {
		a := m.answer(q, rng)
		answers.Add(a)
		res := Score(q, Response{Answers: a}, Options{})
		if c, ok := res.Quality.Check(CheckIRV); ok && c.Value != nil {
			opt.IRV.Add(*c.Value)
		}
	}
	opt.Answers = answers.Reference()
	return opt
}

// TestQualityCalibration regenerates the false-flag rates of every check
// over the calibration models with a fixed seed, and fails when a check
// flags more than 1% of a model's attentive respondents, all checks more
// than 5%, or a measured rate exceeds the rate the flags state. Run it with
// -v to print the table of docs/QUALITY.md.
func TestQualityCalibration(t *testing.T) {
	if testing.Short() {
		t.Skip("calibration simulates 144,000 responses")
	}
	q := shippedSalesServiceV2(t)
	rng := rand.New(rand.NewPCG(2026, 12))
	codes := []string{CheckInstructed, CheckSpeed, CheckLongstring, CheckIRV, CheckDistance, CheckConsistency, CheckSynonyms, CheckAntonyms, CheckVirtues, CheckAgreement}
	var table strings.Builder
	fmt.Fprintf(&table, "| model | any | likely | %s |\n|---|---|---|%s\n", strings.Join(codes, " | "), strings.Repeat("---|", len(codes)))
	worst := map[string]float64{}
	worstAny := 0.0
	for _, m := range calibrationModels() {
		opt := attentiveReference(q, m, rng)
		var f flagRates
		for range calibrationN {
			a := m.answer(q, rng)
			// Careful readers take 3 to 9 s per statement.
			secs := pageSeconds(q, a, 3+6*rng.Float64(), rng)
			f.add(Score(q, Response{Answers: a, PageSeconds: secs}, opt).Quality)
		}
		fmt.Fprintf(&table, "| %s | %s | %s |", m, pct(f.anyRate()), pct(float64(f.likely)/float64(f.n)))
		for _, c := range codes {
			r := f.rate(c)
			worst[c] = max(worst[c], r)
			fmt.Fprintf(&table, " %s |", pct(r))
			if r > maxCheckFalseFlags {
				t.Errorf("%s: check %s flags %.2f%% of attentive respondents, want at most %.0f%%", m, c, 100*r, 100*maxCheckFalseFlags)
			}
			if r > statedRates[c] {
				t.Errorf("%s: check %s flags %.2f%%, more than the %.2f%% its flags state", m, c, 100*r, 100*statedRates[c])
			}
		}
		table.WriteString("\n")
		worstAny = max(worstAny, f.anyRate())
		if f.anyRate() > maxAnyFalseFlags {
			t.Errorf("%s: %.2f%% of attentive respondents flagged by some check, want at most %.0f%%", m, 100*f.anyRate(), 100*maxAnyFalseFlags)
		}
	}
	fmt.Fprintf(&table, "| **worst** | %s | |", pct(worstAny))
	for _, c := range codes {
		fmt.Fprintf(&table, " %s |", pct(worst[c]))
	}
	t.Logf("false-flag rates over %d respondents per model:\n%s", calibrationN, table.String())
}

func pct(r float64) string { return fmt.Sprintf("%.2f%%", 100*r) }

// detectionCase is a careless pattern and the share of it that must be
// flagged.
type detectionCase struct {
	name    string
	want    float64
	respond func(q *Questionnaire, rng *rand.Rand) Response
	opt     func(q *Questionnaire, rng *rand.Rand) Options
}

// midModel is the attentive model in the middle of the calibration range.
var midModel = attentiveModel{loading: 0.7, noise: 0.9, stretch: 1}

// TestQualityDetection regenerates the detection rates of careless
// patterns with a fixed seed (docs/QUALITY.md): uniformly random ≥ 95%,
// straight-lining ≥ 99% and half-random (random from the fifth page on)
// ≥ 80%, all without page timings or an organisation reference, and too
// fast ≥ 95% with timings.
func TestQualityDetection(t *testing.T) {
	q := shippedSalesServiceV2(t)
	none := func(*Questionnaire, *rand.Rand) Options { return Options{} }
	withRef := func(q *Questionnaire, rng *rand.Rand) Options {
		return attentiveReference(q, midModel, rng)
	}
	tests := []detectionCase{
		{"uniformly random", 0.95, func(q *Questionnaire, rng *rand.Rand) Response {
			return Response{Answers: randomAnswers(q, rng)}
		}, none},
		{"straight-lining", 0.99, func(q *Questionnaire, rng *rand.Rand) Response {
			return Response{Answers: straightAnswers(q, rng)}
		}, none},
		{"half-random from page 5", 0.80, func(q *Questionnaire, rng *rand.Rand) Response {
			return Response{Answers: halfRandomAnswers(q, midModel, 4, rng)}
		}, none},
		{"half-random from page 5, organisation reference", 0.80, func(q *Questionnaire, rng *rand.Rand) Response {
			return Response{Answers: halfRandomAnswers(q, midModel, 4, rng)}
		}, withRef},
		{"uniformly random, organisation reference", 0.95, func(q *Questionnaire, rng *rand.Rand) Response {
			return Response{Answers: randomAnswers(q, rng)}
		}, withRef},
		{"too fast, 1 s per statement", 0.95, func(q *Questionnaire, rng *rand.Rand) Response {
			a := midModel.answer(q, rng)
			return Response{Answers: a, PageSeconds: pageSeconds(q, a, 1, rng)}
		}, none},
	}
	const n = 4000
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, uint64(i)))
			opt := tt.opt(q, rng)
			var f flagRates
			for range n {
				f.add(Score(q, tt.respond(q, rng), opt).Quality)
			}
			var by []string
			for c, k := range f.byCheck {
				by = append(by, fmt.Sprintf("%s %s", c, pct(float64(k)/float64(f.n))))
			}
			slices.Sort(by)
			t.Logf("flagged %s, likely %s; by check: %s", pct(f.anyRate()), pct(float64(f.likely)/float64(f.n)), strings.Join(by, ", "))
			if got := f.anyRate(); got < tt.want {
				t.Errorf("flagged %.2f%%, want at least %.0f%%", 100*got, 100*tt.want)
			}
		})
	}
}
