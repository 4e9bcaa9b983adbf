package assess

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// psychCase is one case of testdata/reliability/reference.json, written by
// reference.R from R's psych::alpha.
type psychCase struct {
	File     string           `json:"file"`
	Min      float64          `json:"min"`
	Max      float64          `json:"max"`
	Reversed []string         `json:"reversed"`
	Mode     string           `json:"mode"`
	Want     ScaleReliability `json:"want"`
}

func loadPsychCases(t testing.TB, file string) []psychCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "reliability", file))
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Cases []psychCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if len(ref.Cases) == 0 {
		t.Fatalf("%s has no cases", file)
	}
	return ref.Cases
}

// readAnswerFile reads a test CSV of answers (header of item IDs, NA or
// empty for missing) without the questionnaire-aware reader, so the
// statistics are tested on their own.
func readAnswerFile(t testing.TB, name string) (ids []string, rows [][]float64) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "reliability", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	ids = records[0]
	for _, rec := range records[1:] {
		row := make([]float64, len(rec))
		for j, s := range rec {
			if s == "" || s == "NA" {
				row[j] = math.NaN()
				continue
			}
			if row[j], err = strconv.ParseFloat(s, 64); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		rows = append(rows, row)
	}
	return ids, rows
}

// psychTolerance is how far rolefit's figures may be from psych's. rolefit
// promises agreement to 6 decimal places; the arithmetic agrees far closer.
const psychTolerance = 1e-10

// compareReliability fails the test for every way got differs from want
// beyond tol, and returns the largest difference seen.
func compareReliability(t *testing.T, got, want ScaleReliability, tol float64) float64 {
	t.Helper()
	diffs, worst := got.Compare(want, tol)
	for _, d := range diffs {
		t.Error(d + " (psych)")
	}
	return worst
}

func TestCompareFindsEveryDifference(t *testing.T) {
	a := 0.7
	want := ScaleReliability{ID: "s", N: 10, K: 2, Mean: 3, SD: 1, Alpha: 0.8, StdAlpha: 0.8, Lambda6: 0.7, AverageR: 0.5, SEM: 1,
		Items: []ItemReliability{{ID: "a", RDrop: 0.5, AlphaIfDropped: &a}, {ID: "b", RDrop: 0.4}}}
	if diffs, worst := want.Compare(want, 0); diffs != nil || worst != 0 {
		t.Errorf("a result compared with itself: %v, %g", diffs, worst)
	}
	got := want
	got.Items = []ItemReliability{{ID: "a", RDrop: 0.5}, {ID: "b", RDrop: math.NaN()}}
	got.Alpha, got.N = 0.81, 11
	diffs, worst := got.Compare(want, 1e-6)
	if len(diffs) != 4 || math.Abs(worst-0.01) > 1e-12 {
		t.Errorf("got %d differences %q (worst %g), want 4: n, alpha, a's alpha_if_dropped, b's NaN r_drop", len(diffs), diffs, worst)
	}
}

func TestReliabilityMatchesPsych(t *testing.T) {
	for _, c := range loadPsychCases(t, "reference.json") {
		t.Run(c.File+"/"+c.Mode, func(t *testing.T) {
			ids, rows := readAnswerFile(t, c.File)
			for _, rev := range c.Reversed {
				j := indexOf(ids, rev)
				if j < 0 {
					t.Fatalf("%s has no column %s", c.File, rev)
				}
				for _, row := range rows {
					row[j] = ReverseAnswer(row[j], c.Min, c.Max)
				}
			}
			mode, err := ParseMissingMode(c.Mode)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Reliability(c.Want.ID, ids, rows, mode)
			if err != nil {
				t.Fatalf("Reliability: %v", err)
			}
			worst := compareReliability(t, got, c.Want, psychTolerance)
			t.Logf("largest difference from psych: %.2g", worst)
		})
	}
}

func indexOf(ids []string, id string) int {
	for i, s := range ids {
		if s == id {
			return i
		}
	}
	return -1
}

// TestReliabilityByHand checks the figures of a scale small enough to
// compute on paper.
func TestReliabilityByHand(t *testing.T) {
	// Five respondents, three items (testdata/reliability/tiny.csv):
	//
	//	t1: 1 2 3 4 5   mean 3,   deviations −2 −1  0   1   2
	//	t2: 2 1 3 4 5   mean 3,   deviations −1 −2  0   1   2
	//	t3: 2 3 3 5 4   mean 3.4, deviations −1.4 −.4 −.4 1.6 .6
	//
	// Covariances (divisor n−1 = 4): var t1 = 10/4 = 2.5, var t2 = 2.5,
	// var t3 = 5.2/4 = 1.3, cov12 = 9/4 = 2.25, cov13 = 6/4 = 1.5,
	// cov23 = 5/4 = 1.25. So tr C = 6.3 and ΣC = 6.3 + 2·5 = 16.3.
	//
	//	alpha     = 3/2·(1 − 6.3/16.3) = 15/16.3
	//	r12 = 2.25/2.5 = .9, r13 = 1.5/√3.25, r23 = 1.25/√3.25
	//	std alpha = 3·r̄/(1 + 2·r̄), r̄ = (r12 + r13 + r23)/3
	//	sum scores 5 6 9 13 14: SD_sum = √16.3, the mean scores' SD = √16.3/3
	//	SEM       = √16.3·√(1 − 15/16.3) = √(16.3 − 15) = √1.3
	//	without t1: tr 3.8, Σ 3.8 + 2·1.25 = 6.3, alpha 2·(1 − 3.8/6.3) = 5/6.3
	//	without t2: tr 3.8, Σ 6.8, alpha 6/6.8;  without t3: tr 5, Σ 9.5, alpha 9/9.5
	//	r.drop t1 = (2.25 + 1.5)/√(2.5·6.3); t2 = 3.5/√(2.5·6.8); t3 = 2.75/√(1.3·9.5)
	//
	// SMCs (the R² of each item on the other two, with a = r13, b = r23,
	// a² = 9/13, b² = 25/52, ab = 15/26):
	//	SMC1 = (.81 + a² − 1.8ab)/(1 − b²) = 24.12/27
	//	SMC2 = (.81 + b² − 1.8ab)/(1 − a²) = 13.12/16
	//	SMC3 = (a² + b² − 1.8ab)/(1 − .81) = (7/52)/.19
	//	lambda-6 = 1 − (3 − ΣSMC)/ΣR, ΣR = 3 + 2·(r12 + r13 + r23)
	r13, r23 := 1.5/math.Sqrt(3.25), 1.25/math.Sqrt(3.25)
	rbar := (0.9 + r13 + r23) / 3
	smc := 24.12/27 + 13.12/16 + (7.0/52)/0.19
	dropped := func(a float64) *float64 { return &a }
	want := ScaleReliability{
		ID: "tiny", N: 5, K: 3,
		Mean:     47.0 / 15, // row means 5/3, 6/3, 9/3, 13/3, 14/3
		SD:       math.Sqrt(16.3) / 3,
		Alpha:    15 / 16.3,
		StdAlpha: 3 * rbar / (1 + 2*rbar),
		Lambda6:  1 - (3-smc)/(3+6*rbar),
		AverageR: rbar,
		SEM:      math.Sqrt(1.3),
		Items: []ItemReliability{
			{ID: "t1", RDrop: 3.75 / math.Sqrt(2.5*6.3), AlphaIfDropped: dropped(5 / 6.3)},
			{ID: "t2", RDrop: 3.5 / math.Sqrt(2.5*6.8), AlphaIfDropped: dropped(6 / 6.8)},
			{ID: "t3", RDrop: 2.75 / math.Sqrt(1.3*9.5), AlphaIfDropped: dropped(9 / 9.5)},
		},
	}
	x := [][]float64{{1, 2, 2}, {2, 1, 3}, {3, 3, 3}, {4, 4, 5}, {5, 5, 4}}
	for _, mode := range []MissingMode{Pairwise, Listwise} {
		got, err := Reliability("tiny", []string{"t1", "t2", "t3"}, x, mode)
		if err != nil {
			t.Fatalf("%v: %v", mode, err)
		}
		compareReliability(t, got, want, 1e-12)
	}
}

// TestReliabilityPairwiseConventions pins the points where pairwise
// statistics differ from a naive computation, as psych computes them.
func TestReliabilityPairwiseConventions(t *testing.T) {
	nan := math.NaN()
	x := [][]float64{
		{1, 2, 1},
		{2, nan, 3},
		{3, 4, 3},
		{4, 5, 5},
		{5, 4, 4},
		{2, nan, 2},
		{nan, nan, nan}, // answered nothing: no score, not counted in n
	}
	got, err := Reliability("p", []string{"a", "b", "c"}, x, Pairwise)
	if err != nil {
		t.Fatal(err)
	}
	if got.N != 6 {
		t.Errorf("n = %d, want 6 (respondents with at least one answer)", got.N)
	}
	// Mean of the row means over the answered items only.
	wantMean := (4.0/3 + 5.0/2 + 10.0/3 + 14.0/3 + 13.0/3 + 4.0/2) / 6
	if math.Abs(got.Mean-wantMean) > 1e-12 {
		t.Errorf("mean = %.12g, want %.12g", got.Mean, wantMean)
	}
	// The correlation of a and b comes from cov2cor: their covariance over
	// the four rows with both, scaled by each item's variance over all the
	// rows it was answered in (a: 6 rows, b: 4 rows), not by the variances
	// over those four rows.
	cols := itemColumns(x, 3)
	C, _ := pairwiseCov(cols)
	R := cov2cor(C, 3)
	aAll := []float64{1, 2, 3, 4, 5, 2}
	bAll := []float64{2, 4, 5, 4}
	_, sa := scoreMeanSD(aAll)
	_, sb := scoreMeanSD(bAll)
	aPair := []float64{1, 3, 4, 5}
	ma, _ := scoreMeanSD(aPair)
	mb, _ := scoreMeanSD(bAll)
	cab := 0.0
	for i := range aPair {
		cab += (aPair[i] - ma) * (bAll[i] - mb)
	}
	cab /= 3
	if want := cab / (sa * sb); math.Abs(R[1]-want) > 1e-12 {
		t.Errorf("R[a,b] = %.12g, want cov2cor value %.12g", R[1], want)
	}
}

func TestReliabilityErrors(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name   string
		items  []string
		x      [][]float64
		mode   MissingMode
		reason string
	}{
		{"one item", []string{"a"}, [][]float64{{1}, {2}, {3}}, Pairwise, "it has 1 item; reliability needs at least 2"},
		{"no items", nil, nil, Pairwise, "it has 0 items"},
		{"one complete row listwise", []string{"a", "b"},
			[][]float64{{1, 2}, {2, nan}, {nan, 3}, {4, 4}}[:3], Listwise,
			"1 respondent answered every item; listwise statistics need at least 2"},
		{"one respondent", []string{"a", "b"}, [][]float64{{1, 2}}, Pairwise, "1 respondent answered any of its items"},
		{"too few pairs", []string{"a", "b"},
			[][]float64{{1, nan}, {2, nan}, {3, 2}, {nan, 4}, {nan, 5}}, Pairwise,
			"items a and b were answered together by 1 respondent; pairwise statistics need at least 2"},
		{"item answered once", []string{"a", "b"},
			[][]float64{{1, nan}, {2, nan}, {3, 2}}, Pairwise,
			"item b was answered by 1 respondent;"},
		{"item without variance", []string{"a", "b", "c"},
			[][]float64{{1, 3, 2}, {2, 3, 1}, {4, 3, 5}}, Pairwise,
			"item b has no variance: everyone who answered it gave the same answer"},
		{"sum without variance", []string{"a", "b"},
			[][]float64{{1, 5}, {2, 4}, {4, 2}}, Listwise,
			"the sum of its items has no variance"},
		{"rest without variance", []string{"a", "b", "c"},
			[][]float64{{1, 5, 2}, {2, 4, 1}, {4, 2, 5}, {3, 3, 3}}, Pairwise,
			"the sum of its items other than c has no variance"},
		{"pairwise covariances that do not fit", []string{"a", "b", "c"},
			[][]float64{
				{1, 1, nan}, {2, 2, nan}, {2, 3, nan}, {3, 3, nan}, {4, 4, nan}, {4, 5, nan}, {5, 5, nan},
				{nan, 1, 1}, {nan, 2, 2}, {nan, 2, 3}, {nan, 3, 3}, {nan, 4, 4}, {nan, 4, 5}, {nan, 5, 5},
				{1, nan, 5}, {2, nan, 4}, {3, nan, 4}, {3, nan, 3}, {4, nan, 2}, {5, nan, 2}, {5, nan, 1},
			}, Pairwise,
			"has a negative variance from pairwise covariances that do not fit together"},
		{"ragged row", []string{"a", "b"}, [][]float64{{1, 2}, {3}}, Pairwise, "respondent 2 has 1 answers for 2 items"},
		{"infinite answer", []string{"a", "b"}, [][]float64{{1, 2}, {math.Inf(1), 3}}, Pairwise, "infinite answer to item a"},
		{"unknown mode", []string{"a", "b"}, [][]float64{{1, 2}, {2, 3}}, MissingMode(7), "unknown missing-data mode"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Reliability("drive", tt.items, tt.x, tt.mode)
			var re *ReliabilityError
			if !errors.As(err, &re) {
				t.Fatalf("Reliability = %+v, %v; want a *ReliabilityError", got, err)
			}
			if re.Scale != "drive" || !strings.Contains(re.Reason, tt.reason) {
				t.Errorf("error = %q (scale %q); want scale drive and reason containing %q", err, re.Scale, tt.reason)
			}
			if !strings.HasPrefix(err.Error(), "reliability of drive: ") {
				t.Errorf("message %q does not name the scale first", err)
			}
		})
	}
}

// TestReliabilityNeverNaN runs many small random data sets, with missing
// answers and degenerate columns, and checks that every result is either an
// error or entirely finite.
func TestReliabilityNeverNaN(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 3000 {
		k := 2 + rng.IntN(4)
		n := 2 + rng.IntN(8)
		pMissing := rng.Float64() * 0.5
		x := make([][]float64, n)
		for r := range x {
			x[r] = make([]float64, k)
			for j := range x[r] {
				if rng.Float64() < pMissing {
					x[r][j] = math.NaN()
				} else {
					x[r][j] = float64(1 + rng.IntN(1+rng.IntN(5)))
				}
			}
		}
		items := make([]string, k)
		for j := range items {
			items[j] = "i" + strconv.Itoa(j)
		}
		for _, mode := range []MissingMode{Pairwise, Listwise} {
			got, err := Reliability("s", items, x, mode)
			if err != nil {
				var re *ReliabilityError
				if !errors.As(err, &re) {
					t.Fatalf("trial %d: error %v is not a *ReliabilityError", trial, err)
				}
				continue
			}
			if bad := firstNonFinite(got); bad != "" {
				t.Fatalf("trial %d %v: %s not finite in %+v for %v", trial, mode, bad, got, x)
			}
			if got.Lambda6 > 1+1e-12 || got.SEM < 0 {
				t.Fatalf("trial %d %v: lambda6 %g, sem %g", trial, mode, got.Lambda6, got.SEM)
			}
		}
	}
}

func TestListwiseEqualsPairwiseWhenComplete(t *testing.T) {
	ids, rows := readAnswerFile(t, "clean6.csv")
	p, err := Reliability("clean6", ids, rows, Pairwise)
	if err != nil {
		t.Fatal(err)
	}
	l, err := Reliability("clean6", ids, rows, Listwise)
	if err != nil {
		t.Fatal(err)
	}
	compareReliability(t, l, p, 0)
}
