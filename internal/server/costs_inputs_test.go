package server

import (
	"net/url"
	"reflect"
	"slices"
	"testing"

	"rolefit/internal/econ"
)

// Every input of the model is on the page, once.
func TestCostsInputsCoverTheModel(t *testing.T) {
	var names []string
	for _, g := range costsGroups {
		for _, ci := range g.Inputs {
			names = append(names, ci.Name)
		}
	}
	want := []string{}
	ty := reflect.TypeFor[econ.Inputs]()
	for i := range ty.NumField() {
		tag := ty.Field(i).Tag.Get("json")
		for j, c := range tag {
			if c == ',' {
				tag = tag[:j]
				break
			}
		}
		want = append(want, tag)
	}
	slices.Sort(names)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("got inputs %v, want %v", names, want)
	}
}

func TestParseCostsInputs(t *testing.T) {
	// A scenario's link reads back as the same inputs.
	in := econ.DefaultInputs()
	capHours, rate := 75.5, 900.0
	in.Hours, in.Churn, in.Months, in.SellingCap, in.ServicePersonRate = 140, 0.025, 48, &capHours, &rate
	q, _ := url.ParseQuery(costsQuery(in))
	got, typed, bad := parseCostsInputs(q.Get)
	if len(bad) != 0 || !reflect.DeepEqual(got, in) {
		t.Errorf("round trip: got %+v (problems %v), want %+v", got, bad, in)
	}
	if typed["selling_cap"] != "75.5" || typed["months"] != "48" {
		t.Errorf("typed: %v", typed)
	}

	// Missing and empty inputs keep the founding case; optional ones stay unset.
	got, typed, bad = parseCostsInputs(url.Values{"hours": {" "}, "new_rate": {"6,000"}}.Get)
	want := econ.DefaultInputs()
	want.NewRate = 6000
	if len(bad) != 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("defaults: got %+v (problems %v), want %+v", got, bad, want)
	}
	if typed["hours"] != "120" || typed["selling_cap"] != "" || typed["new_rate"] != "6,000" {
		t.Errorf("defaults typed: %v", typed)
	}

	_, typed, bad = parseCostsInputs(url.Values{"months": {"3.5"}, "churn": {"1%"}, "margin": {"0.6"}}.Get)
	if bad["months"] == "" || bad["churn"] == "" || len(bad) != 2 {
		t.Errorf("problems: got %v, want months and churn", bad)
	}
	if typed["churn"] != "1%" || typed["months"] != "3.5" {
		t.Errorf("typed values not kept: %v", typed)
	}
}

func TestShownMonths(t *testing.T) {
	every := func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = i + 1
		}
		return s
	}
	for _, tc := range []struct {
		total, breakeven int
		want             []int
	}{
		{1, 0, []int{1}},
		{36, 7, every(36)},
		{40, 0, append(every(24), 30, 36, 40)},
		{40, 33, append(every(24), 30, 33, 36, 40)},
		{60, 12, append(every(24), 30, 36, 42, 48, 54, 60)},
	} {
		if got := shownMonths(tc.total, tc.breakeven); !slices.Equal(got, tc.want) {
			t.Errorf("shownMonths(%d, %d): got %v, want %v", tc.total, tc.breakeven, got, tc.want)
		}
	}
	if got := len(shownMonths(600, 0)); got != 24+96 {
		t.Errorf("600 months: got %d rows, want %d", got, 24+96)
	}
}
