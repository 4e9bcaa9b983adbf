package assess

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

const twoItems = `id: two
version: 1
title: Two items
response_scale: {min: 1, max: 5, labels: [a, b, c, d, e]}
scales:
  - {id: s, name: S}
pages:
  - items:
      - {id: x1, text: "One.", scale: s, key: 1}
      - {id: x2, text: "Two.", scale: s, key: 1}
`

// twoItemReference answers x1, x2 as (1,1) and (3,3) 80 times each and
// (1,3) and (3,1) 20 times each: mean (2, 2); sums of squared deviations
// 200 on each item, of products 80+80−20−20 = 120; covariance
// [[200, 120], [120, 200]]/199.
func twoItemReference(q *Questionnaire) *AnswerMoments {
	m := NewAnswerMoments(q, nil)
	for range 20 {
		for _, v := range [][2]int{{1, 1}, {3, 3}, {1, 1}, {3, 3}, {1, 1}, {3, 3}, {1, 1}, {3, 3}, {1, 3}, {3, 1}} {
			m.Add(map[string]int{"x1": v[0], "x2": v[1]})
		}
	}
	return m
}

func TestAnswerMomentsByHand(t *testing.T) {
	q, err := Parse("two.yaml", []byte(twoItems))
	if err != nil {
		t.Fatal(err)
	}
	m := twoItemReference(q)
	want := []float64{200, 120, 200} // (x1,x1), (x1,x2), (x2,x2)
	if m.N() != 200 || math.Abs(m.Mean[0]-2) > 1e-12 || math.Abs(m.Mean[1]-2) > 1e-12 {
		t.Fatalf("n %d mean %v, want 200 and (2, 2)", m.N(), m.Mean)
	}
	for i := range want {
		if math.Abs(m.Comoment[i]-want[i]) > 1e-9 {
			t.Errorf("comoment %v, want %v", m.Comoment, want)
			break
		}
	}
	if m.Add(map[string]int{"x1": 2}) || m.N() != 200 {
		t.Errorf("an incomplete response was added")
	}
	if got := strings.Join(m.Items, ","); got != "x1,x2" {
		t.Errorf("items %s", got)
	}
}

// Adding responses one by one gives the two-pass covariance.
func TestAnswerMomentsMatchTwoPass(t *testing.T) {
	q := shippedSalesServiceV2(t)
	rng := rand.New(rand.NewPCG(8, 8))
	var answers []map[string]int
	for range 150 {
		answers = append(answers, midModel.answer(q, rng))
	}
	m := NewAnswerMoments(q, answers)
	for _, pair := range [][2]int{{0, 0}, {0, 7}, {13, 41}, {41, 13}, {59, 59}} {
		i, j := pair[0], pair[1]
		var mi, mj float64
		for _, a := range answers {
			mi += float64(a[m.Items[i]]) / 150
			mj += float64(a[m.Items[j]]) / 150
		}
		var c float64
		for _, a := range answers {
			c += (float64(a[m.Items[i]]) - mi) * (float64(a[m.Items[j]]) - mj)
		}
		if math.Abs(m.Mean[i]-mi) > 1e-9 || math.Abs(m.at(i, j)-c) > 1e-9 {
			t.Errorf("item %d, %d: incremental mean %v comoment %v, two-pass %v %v", i, j, m.Mean[i], m.at(i, j), mi, c)
		}
	}
}

func TestCheckDistance(t *testing.T) {
	q, err := Parse("two.yaml", []byte(twoItems))
	if err != nil {
		t.Fatal(err)
	}
	ref := twoItemReference(q).Reference()
	// S⁻¹ = 199/(200² − 120²)·[[200, −120], [−120, 200]] = 199/25600·[…]
	tests := []struct {
		name    string
		answers map[string]int
		ref     *DistanceReference
		status  CheckStatus
		want    float64
		detail  string
	}{
		// x − mean = (1, 1): 199/25600·(200 − 240 + 200) = 1.24375
		{"with the grain", map[string]int{"x1": 3, "x2": 3}, ref, StatusPassed, 199.0 * 160 / 25600, "D² = 1.2"},
		// (1, −1): 199/25600·(200 + 240 + 200) = 4.975
		{"against the grain", map[string]int{"x1": 3, "x2": 1}, ref, StatusPassed, 199.0 * 640 / 25600, "D² = 5.0"},
		// (3, −1): 199/25600·(9·200 + 2·3·120 + 200) = 199·2720/25600 = 21.14
		{"far against the grain", map[string]int{"x1": 5, "x2": 1}, ref, StatusFlagged, 199.0 * 2720 / 25600, "unlike the organisation's answers"},
		{"no reference", map[string]int{"x1": 3, "x2": 3}, nil, StatusSkipped, nan, "no reference of the organisation's earlier answers"},
		{"too small a reference", map[string]int{"x1": 3, "x2": 3}, NewAnswerMoments(q, []map[string]int{{"x1": 1, "x2": 2}}).Reference(), StatusSkipped, nan, "not compared: the organisation has 1 complete earlier responses, 200 needed"},
		{"too few answers", map[string]int{"x1": 3}, ref, StatusSkipped, nan, "1 of 2 scored items answered; at least 2 needed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := checkOf(t, Score(q, Response{Answers: tt.answers}, Options{Answers: tt.ref}).Quality, CheckDistance)
			if c.Status != tt.status {
				t.Errorf("status %s, want %s (%s)", c.Status, tt.status, c.Detail)
			}
			if !math.IsNaN(tt.want) && (c.Value == nil || math.Abs(*c.Value-tt.want) > 1e-9) {
				t.Errorf("D² %v, want %v", c.Value, tt.want)
			}
			if !strings.Contains(c.Detail, tt.detail) {
				t.Errorf("detail %q, want it to contain %q", c.Detail, tt.detail)
			}
		})
	}
	// The limit for k = 2 items and n = 200: (201·199·2)/(200·198)·F(2, 198)
	// at 0.999 = 2.020152·7.154455 = 14.4531.
	c := checkOf(t, Score(q, Response{Answers: map[string]int{"x1": 3, "x2": 3}}, Options{Answers: ref}).Quality, CheckDistance)
	if c.Limit == nil || math.Abs(*c.Limit-14.4531) > 1e-4 {
		t.Errorf("limit %v, want 14.4531", *c.Limit)
	}
}

// F quantiles against values computed independently (bisection on the
// regularised incomplete beta function in Python), and the table value
// F(10, 100) at 0.99 = 2.50.
func TestFQuantile(t *testing.T) {
	tests := []struct {
		d1, d2, p, want float64
	}{
		{60, 140, 0.999, 1.908252},
		{60, 140, 0.99, 1.629878},
		{60, 240, 0.999, 1.804295},
		{60, 940, 0.999, 1.696862},
		{45, 155, 0.999, 1.995730},
		{10, 100, 0.99, 2.503311},
		{2, 198, 0.999, 7.154455},
	}
	for _, tt := range tests {
		if got := fQuantile(tt.d1, tt.d2, tt.p); math.Abs(got-tt.want) > 1e-5 {
			t.Errorf("fQuantile(%v, %v, %v) = %.6f, want %.6f", tt.d1, tt.d2, tt.p, got, tt.want)
		}
	}
	// I_x(1/2, 1/2) at x = 1/2 is 1/2 by symmetry (DLMF 8.17.4).
	if got := regIncBeta(0.5, 0.5, 0.5); math.Abs(got-0.5) > 1e-12 {
		t.Errorf("I_0.5(1/2, 1/2) = %v, want 0.5", got)
	}
	// I_x(1, 1) = x (the uniform distribution).
	for _, x := range []float64{0.1, 0.37, 0.9} {
		if got := regIncBeta(1, 1, x); math.Abs(got-x) > 1e-12 {
			t.Errorf("I_%v(1, 1) = %v", x, got)
		}
	}
}

// A reference does not change when the statistics it was prepared from
// grow afterwards.
func TestDistanceReferenceIsASnapshot(t *testing.T) {
	q, err := Parse("two.yaml", []byte(twoItems))
	if err != nil {
		t.Fatal(err)
	}
	m := twoItemReference(q)
	r := m.Reference()
	m.Add(map[string]int{"x1": 5, "x2": 5})
	if r.N() != 200 || m.N() != 201 || r.m.Mean[0] != 2 {
		t.Errorf("reference n %d mean %v after the statistics grew to %d", r.N(), r.m.Mean, m.N())
	}
}

// D² of a response with unanswered items, from the Cholesky factor of the
// answered items' covariance, equals xᵀS⁻¹x with S⁻¹x solved by
// Gauss–Jordan elimination (an independent implementation).
func TestDistanceOfPartialResponse(t *testing.T) {
	q := shippedSalesServiceV2(t)
	rng := rand.New(rand.NewPCG(21, 22))
	m := NewAnswerMoments(q, nil)
	for range 250 {
		m.Add(midModel.answer(q, rng))
	}
	r := m.Reference()
	a := midModel.answer(q, rng)
	for _, id := range []string{"drv1", "org3", "rel6", "inf2", "pat5"} {
		delete(a, id)
	}
	var use []int
	var x []float64
	for i, id := range m.Items {
		if v, ok := a[id]; ok {
			use = append(use, i)
			x = append(x, float64(v)-m.Mean[i])
		}
	}
	k := len(use)
	// Augmented [S | x], reduced to [I | S⁻¹x].
	aug := make([][]float64, k)
	for i := range k {
		aug[i] = make([]float64, k+1)
		for j := range k {
			aug[i][j] = m.at(use[i], use[j]) / float64(m.Count-1)
		}
		aug[i][k] = x[i]
	}
	for c := range k {
		piv := c
		for i := c + 1; i < k; i++ {
			if math.Abs(aug[i][c]) > math.Abs(aug[piv][c]) {
				piv = i
			}
		}
		aug[c], aug[piv] = aug[piv], aug[c]
		for i := range k {
			if i == c {
				continue
			}
			f := aug[i][c] / aug[c][c]
			for j := c; j <= k; j++ {
				aug[i][j] -= f * aug[c][j]
			}
		}
	}
	want := 0.0
	for i := range k {
		want += x[i] * aug[i][k] / aug[i][i]
	}
	c := checkOf(t, Score(q, Response{Answers: a}, Options{Answers: r}).Quality, CheckDistance)
	if c.Value == nil || c.N != k || math.Abs(*c.Value-want) > 1e-6*want {
		t.Errorf("D² %v over %d items, want %v over %d (%s)", c.Value, c.N, want, k, c.Detail)
	}
}

// BenchmarkScoreWithDistance scores one complete sales-service v2 response
// with every check, the distance against a prepared reference of 300
// responses included.
func BenchmarkScoreWithDistance(b *testing.B) {
	q := shippedSalesServiceV2(b)
	rng := rand.New(rand.NewPCG(1, 2))
	opt := attentiveReference(q, midModel, rng)
	r := Response{Answers: midModel.answer(q, rng)}
	b.ReportAllocs()
	for b.Loop() {
		Score(q, r, opt)
	}
}

// BenchmarkDistanceReference prepares a reference of sales-service's 60
// items (Cholesky factor and limits), as a caller does after adding a
// response.
func BenchmarkDistanceReference(b *testing.B) {
	q := shippedSalesServiceV2(b)
	rng := rand.New(rand.NewPCG(1, 2))
	m := NewAnswerMoments(q, nil)
	for range 300 {
		m.Add(midModel.answer(q, rng))
	}
	b.ReportAllocs()
	for b.Loop() {
		m.Reference()
	}
}
