package econ

import (
	"encoding/json"
	"math"
	"slices"
	"testing"

	"rolefit/internal/quantity"
)

// Validate is the table: each input is refused just outside its range,
// named by its JSON name, and accepted at both ends; the defaults are the
// table's.
func TestValidateFollowsInputSpecs(t *testing.T) {
	specs := InputSpecs()
	for _, s := range specs {
		edges := []float64{s.Range.Min, s.Range.Max}
		if s.Range.BelowMax {
			edges[1] = math.Nextafter(s.Range.Max, s.Range.Min)
		}
		for _, v := range edges {
			in := DefaultInputs()
			s.Set(&in, v)
			if err := in.Validate(); err != nil {
				t.Errorf("%s = %v (an end of %s) refused: %v", s.Name, v, s.Range.Span(), err)
			}
		}
		below, above := math.Nextafter(s.Range.Min, -1), math.Nextafter(s.Range.Max, math.Inf(1))
		if s.Whole() {
			below, above = s.Range.Min-1, s.Range.Max+1
		}
		for _, v := range []float64{below, above, math.NaN(), math.Inf(1)} {
			if s.Whole() && (math.IsNaN(v) || math.IsInf(v, 0)) {
				continue // an int holds neither
			}
			in := DefaultInputs()
			s.Set(&in, v)
			wantInvalid(t, in.Validate(), s.Name)
			_, err := Simulate(in)
			wantInvalid(t, err, s.Name)
		}
		if !s.Optional() && !s.Range.Allows(s.Default) {
			t.Errorf("%s: default %v outside %s", s.Name, s.Default, s.Range.Span())
		}
		if s.Optional() && (s.Follows == "" || s.FollowsText == "") {
			t.Errorf("%s: optional without saying what it follows", s.Name)
		}
	}
	in := DefaultInputs()
	for _, s := range specs {
		if v, ok := s.Value(&in); ok != !s.Optional() || ok && v != s.Default {
			t.Errorf("DefaultInputs().%s = %v (set %v), want the table's %v", s.Name, v, ok, s.Default)
		}
	}
	if MaxMonths != quantity.ModelMonths.Max {
		t.Errorf("MaxMonths %d, the months' range %v", MaxMonths, quantity.ModelMonths.Max)
	}
}

// The table lists every field of Inputs once, by its JSON name.
func TestInputSpecsCoverInputs(t *testing.T) {
	in := DefaultInputs()
	in.SellingCap, in.ServicePersonRate = ptr(1.0), ptr(1.0)
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for k := range fields {
		want = append(want, k)
	}
	for _, s := range InputSpecs() {
		got = append(got, s.Name)
		if s.Symbol == "" || s.Label == "" || s.Unit == "" || s.Group == "" || s.Explanation == "" {
			t.Errorf("%s is not fully described: %+v", s.Name, s)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("InputSpecs names %v, Inputs has %v", got, want)
	}
}

// A plan's divisors are bounded away from zero: a quota of 5e-324 once
// made a commission rate of +Inf, which no page or API could show.
func TestCompPlanDivisors(t *testing.T) {
	wantInvalid(t, CompPlan{Base: 60000, TargetVariable: 60000, Quota: 5e-324}.Validate(), "quota")
	wantInvalid(t, CompPlan{Base: 60000, TargetVariable: 60000, Quota: 0.5}.Validate(), "quota")
	wantInvalid(t, CompPlan{Base: 1e300}.Validate(), "base")
	wantInvalid(t, CompPlan{Base: 1, BenefitsLoad: 0.5}.Validate(), "benefits_load")
	if err := (CompPlan{Base: 60000, TargetVariable: 60000, Quota: 1}).Validate(); err != nil {
		t.Errorf("a quota of 1 refused: %v", err)
	}
	p := CompPlan{Base: 1e9, TargetVariable: 1e9, Quota: 1, BenefitsLoad: 3}
	for _, a := range []float64{1e-320, 0.001, 10.5, math.NaN()} {
		_, err := p.Summarize(a)
		wantInvalid(t, err, "attainment")
	}
	// At the ends of every range the figures stay finite.
	for _, a := range []float64{0, 0.01, 10} {
		s, err := p.Summarize(a)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := json.Marshal(s); err != nil {
			t.Errorf("attainment %v: figures do not print as JSON: %v", a, err)
		}
	}
}
