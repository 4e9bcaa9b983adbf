package assess

import (
	"encoding/json"
	"io/fs"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"rolefit/questionnaires"
)

const tol = 1e-9

func near(a, b float64) bool { return math.Abs(a-b) < tol }

// scoreOf returns the score of id among scores, failing when it is absent.
func scoreOf(t *testing.T, scores []ScaleScore, id string) ScaleScore {
	t.Helper()
	for _, s := range scores {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no score for %s", id)
	return ScaleScore{}
}

// handAnswers is the response whose scores are worked out by hand below.
func handAnswers() map[string]int {
	return map[string]int{
		"b1": 5, "b2": 1, "b3": 4, "b4": 2, // bold
		"d1": 4, "d2": 2, "d3": 3, // drive, d4 unanswered
		"c1": 2, "c2": 4, "c3": 3, "c4": 3, // care
		"o1": 3, "o4": 5, // order, o2 and o3 unanswered
		"chk1": 2, "chk2": 4,
		"v1": 2, "v2": 1, "v3": 2,
		"p1": 1, "p2": 1, "p3": 1,
	}
}

func TestScoreByHand(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	res := Score(q, Response{Answers: handAnswers()}, Options{})
	tests := []struct {
		id       string
		want     float64 // NaN: missing
		answered int
	}{
		// bold: b1=5, b2=1 reversed 1+5−1=5, b3=4, b4=2 reversed 4: (5+5+4+4)/4 = 4.5
		{"bold", 4.5, 4},
		// drive: d1=4, d2=2 reversed 4, d3=3; 3 of 4 = 75% answered: (4+4+3)/3
		{"drive", 11.0 / 3, 3},
		// care: c1=2, c2=4 reversed 2, c3=3, c4=3 reversed 3: (2+2+3+3)/4 = 2.5
		{"care", 2.5, 4},
		// order: 2 of 4 answered, under 75%: missing
		{"order", math.NaN(), 2},
	}
	for _, tt := range tests {
		s := scoreOf(t, res.Scales, tt.id)
		if s.Answered != tt.answered || s.Of != 4 {
			t.Errorf("%s answered %d of %d, want %d of 4", tt.id, s.Answered, s.Of, tt.answered)
		}
		switch {
		case math.IsNaN(tt.want) && s.Score != nil:
			t.Errorf("%s = %v, want missing", tt.id, *s.Score)
		case math.IsNaN(tt.want):
			if s.Missing != "2 of 4 items answered; at least 3 needed" {
				t.Errorf("%s missing reason %q", tt.id, s.Missing)
			}
		case s.Score == nil:
			t.Errorf("%s missing, want %v", tt.id, tt.want)
		case !near(*s.Score, tt.want):
			t.Errorf("%s = %v, want %v", tt.id, *s.Score, tt.want)
		}
	}
	// hunter = mean(bold 4.5, drive 11/3) = (27/6 + 22/6)/2 = 49/12
	h := scoreOf(t, res.Composites, "hunter")
	if h.Score == nil || !near(*h.Score, 49.0/12) || h.Answered != 2 || h.Of != 2 {
		t.Errorf("hunter = %+v, want 49/12 from 2 of 2 facets", h)
	}
	// farmer: only care scored, 1 of 2 facets = 50% < 75%: missing
	f := scoreOf(t, res.Composites, "farmer")
	if f.Score != nil || f.Missing != "1 of 2 facets scored; at least 2 needed" {
		t.Errorf("farmer = %+v, want missing", f)
	}
	if res.Profile == nil || res.Profile.Class != ClassUnknown {
		t.Errorf("profile = %+v, want unknown", res.Profile)
	}
	// Choices: p1 option 1 hunter, p2 option 1 hunter, p3 option 1 farmer:
	// (2 − 1)/3 = 1/3.
	p := res.Preference
	if p == nil || p.Index == nil || !near(*p.Index, 1.0/3) || p.Answered != 3 || p.Of != 3 {
		t.Fatalf("preference = %+v, want index 1/3 over 3 of 3", p)
	}
	if want := []PreferenceCount{{"hunter", 2}, {"farmer", 1}}; !reflect.DeepEqual(p.Counts, want) {
		t.Errorf("preference counts = %v, want %v", p.Counts, want)
	}
	if res.Answered != 21 || res.Items != 24 || res.Ignored != nil {
		t.Errorf("answered %d of %d, ignored %v; want 21 of 24, none ignored", res.Answered, res.Items, res.Ignored)
	}
	if res.Questionnaire != "small" || res.Version != 1 || res.Hash != q.Hash {
		t.Errorf("result names %s v%d %s", res.Questionnaire, res.Version, res.Hash)
	}
	// No reliability handed in: every score says so and has no band.
	if s := scoreOf(t, res.Scales, "bold"); s.Band != nil || s.BandNote != "reliability not yet known" || s.Norm != nil || s.NormNote != "" {
		t.Errorf("bold band %+v note %q norm %+v %q", s.Band, s.BandNote, s.Norm, s.NormNote)
	}
}

func TestScoreIgnoresInvalidAnswers(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	answers := handAnswers()
	answers["b1"] = 9 // off the scale
	answers["p1"] = 3 // only two options
	answers["zz"] = 1 // not an item
	answers["b2"] = 0 // off the scale
	res := Score(q, Response{Answers: answers}, Options{})
	if want := []string{"b1", "b2", "p1", "zz"}; !reflect.DeepEqual(res.Ignored, want) {
		t.Errorf("Ignored = %v, want %v", res.Ignored, want)
	}
	// bold: only b3=4 and b4 reversed 4 remain: 2 of 4, missing.
	if s := scoreOf(t, res.Scales, "bold"); s.Score != nil {
		t.Errorf("bold = %v, want missing", *s.Score)
	}
	// Choices: p2 hunter, p3 farmer: 2 of 3 answered is under 75%, no index.
	if p := res.Preference; p.Index != nil || p.Answered != 2 {
		t.Errorf("preference = %+v, want no index from 2 answers", p)
	}
}

func TestScoreBands(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	opt := Options{Reliability: map[string]MeasuredReliability{
		"bold":   {Alpha: 0.84, SD: 0.5, N: 50},  // SEM = 0.5·sqrt(0.16) = 0.2
		"hunter": {Alpha: 0.75, SD: 0.4, N: 120}, // SEM = 0.4·sqrt(0.25) = 0.2
		"care":   {Alpha: 0.9, SD: 0.6, N: 29},   // too few responses
		"drive":  {Alpha: math.NaN(), SD: 1, N: 40},
	}}
	res := Score(q, Response{Answers: handAnswers()}, opt)
	bold := scoreOf(t, res.Scales, "bold")
	// 4.5 ± 1.96·0.2 = 4.108 .. 4.892
	if b := bold.Band; b == nil || !near(b.SEM, 0.2) || !near(b.Low, 4.108) || !near(b.High, 4.892) || b.N != 50 || b.Reliability != 0.84 {
		t.Errorf("bold band = %+v, want SEM 0.2, 4.108..4.892", bold.Band)
	}
	hunter := scoreOf(t, res.Composites, "hunter")
	// 49/12 ± 0.392
	if b := hunter.Band; b == nil || !near(b.Low, 49.0/12-0.392) || !near(b.High, 49.0/12+0.392) {
		t.Errorf("hunter band = %+v", hunter.Band)
	}
	if s := scoreOf(t, res.Scales, "care"); s.Band != nil || s.BandNote != "reliability not yet known: measured on 29 responses, 30 needed" {
		t.Errorf("care band %+v note %q", s.Band, s.BandNote)
	}
	if s := scoreOf(t, res.Scales, "drive"); s.Band != nil || !strings.HasPrefix(s.BandNote, "reliability not usable") {
		t.Errorf("drive band %+v note %q", s.Band, s.BandNote)
	}
	// A band is clipped to the scale: 4.5 ± 1.96·1 would reach 6.46.
	res = Score(q, Response{Answers: handAnswers()}, Options{Reliability: map[string]MeasuredReliability{"bold": {Alpha: -0.2, SD: 1, N: 30}}})
	if b := scoreOf(t, res.Scales, "bold").Band; b == nil || b.High != 5 || !near(b.Low, 4.5-1.96) || b.SEM != 1 {
		t.Errorf("clipped band with negative alpha = %+v, want SEM 1 (alpha read as 0), 2.54..5", b)
	}
}

// Properties over many random responses: scores stay within the scale's
// bounds, a facet under 75% answered is missing, and the result is valid
// JSON without NaN.
func TestScoreProperties(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	rng := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < 2000; i++ {
		r := Simulate(q, rng, Simulation{Traits: RandomTraits(q, rng), SkipRate: rng.Float64() * 0.6})
		res := Score(q, r, Options{})
		for _, s := range append(append([]ScaleScore{}, res.Scales...), res.Composites...) {
			if s.Score != nil && (*s.Score < 1 || *s.Score > 5) {
				t.Fatalf("%s = %v, off the 1..5 scale", s.ID, *s.Score)
			}
			if (s.Score == nil) == (4*s.Answered >= 3*s.Of) {
				t.Fatalf("%s answered %d of %d but score %v", s.ID, s.Answered, s.Of, s.Score)
			}
		}
		if p := res.Preference; p.Index != nil && (*p.Index < -1 || *p.Index > 1) {
			t.Fatalf("preference index %v off −1..1", *p.Index)
		}
		if _, err := json.Marshal(res); err != nil {
			t.Fatalf("json: %v", err)
		}
	}
}

// Reversing a reversed item's answer and flipping its key gives the same
// score: key −1 means exactly min+max−x.
func TestReversalMatchesKey(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	a := handAnswers()
	b := handAnswers()
	for _, id := range []string{"b2", "b4"} {
		b[id] = q.Scale.Reverse(b[id])
	}
	flipped := mustParseFixture(t, "small.yaml")
	for p := range flipped.Pages {
		for i := range flipped.Pages[p].Items {
			if it := &flipped.Pages[p].Items[i]; it.ID == "b2" || it.ID == "b4" {
				it.Key = 1
			}
		}
	}
	flipped.idx = buildIndex(flipped)
	x := scoreOf(t, Score(q, Response{Answers: a}, Options{}).Scales, "bold")
	y := scoreOf(t, Score(flipped, Response{Answers: b}, Options{}).Scales, "bold")
	if *x.Score != *y.Score {
		t.Errorf("reversed by key %v, reversed by hand %v", *x.Score, *y.Score)
	}
}

func TestResultJSON(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	res := Score(q, Response{Answers: handAnswers(), PageSeconds: []float64{50, 60, 20}}, Options{})
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{
		`"questionnaire":"small"`,
		`{"id":"order","name":"Order","composite":"farmer","score":null,"answered":2,"of":4,"missing":"2 of 4 items answered; at least 3 needed","band":null,"norm":null}`,
		`"profile":{"class":"unknown"`,
		`"flags":[]`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("result JSON lacks %s:\n%s", want, s)
		}
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, res) {
		t.Errorf("JSON round trip changed the result")
	}
}

// shippedSalesService parses the shipped sales-service questionnaire.
func shippedSalesService(tb testing.TB) *Questionnaire {
	tb.Helper()
	data, err := fs.ReadFile(questionnaires.FS, "sales-service.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	q, err := Parse("sales-service.yaml", data)
	if err != nil {
		tb.Fatal(err)
	}
	return q
}

// BenchmarkScore scores one sales-service response (60 facet items, 3
// instructed items, 5 unlikely virtues, 8 choices) with every quality
// check, norms, reliabilities and an IRV reference.
func BenchmarkScore(b *testing.B) {
	q := shippedSalesService(b)
	rng := rand.New(rand.NewPCG(1, 1))
	norms := map[string][]float64{}
	var irv []float64
	rel := map[string]MeasuredReliability{}
	for i := 0; i < 500; i++ {
		res := Score(q, Simulate(q, rng, Simulation{Traits: RandomTraits(q, rng)}), Options{})
		for _, s := range append(res.Scales, res.Composites...) {
			if s.Score != nil {
				norms[s.ID] = append(norms[s.ID], *s.Score)
				rel[s.ID] = MeasuredReliability{Alpha: 0.8, SD: 0.6, N: 500}
			}
		}
		c, _ := res.Quality.Check(CheckIRV)
		irv = append(irv, *c.Value)
	}
	opt := Options{Norms: NewNorms(norms), IRV: NewMoments(irv), Reliability: rel}
	r := Simulate(q, rng, Simulation{Traits: RandomTraits(q, rng)})
	b.ReportAllocs()
	for b.Loop() {
		Score(q, r, opt)
	}
}
