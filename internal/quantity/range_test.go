package quantity

import (
	"math"
	"testing"
)

func TestRangeAllows(t *testing.T) {
	tiny := math.SmallestNonzeroFloat64
	for _, tc := range []struct {
		name string
		r    Range
		v    float64
		want bool
	}{
		{"rate 0", RevenueRate, 0, true},
		{"rate at the bound", RevenueRate, 1e6, true},
		{"rate just above", RevenueRate, math.Nextafter(1e6, 2e6), false},
		{"rate 1e7", RevenueRate, 1e7, false},
		{"rate 1e300", RevenueRate, 1e300, false},
		{"negative rate", RevenueRate, -1, false},
		{"negative zero rate", RevenueRate, math.Copysign(0, -1), true},
		{"NaN", RevenueRate, math.NaN(), false},
		{"+Inf", RevenueRate, math.Inf(1), false},
		{"-Inf", RevenueRate, math.Inf(-1), false},
		{"hours of the longest month", MonthHours, MaxMonthHours, true},
		{"an hour more", MonthHours, MaxMonthHours + 1, false},
		{"negative monthly cost", MonthlyMoney, -100, false},
		{"a billion a month", MonthlyMoney, 1e9, true},
		{"no quota", Quota, 0, true},
		{"the least quota", Quota, 5e-324, false},
		{"a quota of 0.5", Quota, 0.5, false},
		{"a quota of 1", Quota, 1, true},
		{"payback of the least float", PaybackMonths, tiny, false},
		{"payback of a month", PaybackMonths, 1, true},
		{"payback of ten years", PaybackMonths, 120, true},
		{"no attainment", Attainment, 0, true},
		{"attainment 1e-320", Attainment, 1e-320, false},
		{"attainment 1%", Attainment, 0.01, true},
		{"attainment 1000%", Attainment, 10, true},
		{"fit multiplier 1e308", FitMultiplier, 1e308, false},
		{"churn 0", Churn, 0, true},
		{"churn just below 1", Churn, math.Nextafter(1, 0), true},
		{"churn 1", Churn, 1, false},
		{"default benefits load", BenefitsLoad, 0, true},
		{"benefits load 0.5", BenefitsLoad, 0.5, false},
		{"benefits load 3", BenefitsLoad, 3, true},
		{"whole seats", Seats, 3, true},
		{"half a seat", Seats, 2.5, false},
		{"too many seats", Seats, 10001, false},
		{"a zero-range allows 0", Range{}, 0, true},
		{"a zero-range allows nothing else", Range{}, 1, false},
	} {
		if got := tc.r.Allows(tc.v); got != tc.want {
			t.Errorf("%s: Allows(%v) = %v, want %v", tc.name, tc.v, got, tc.want)
		}
		if got := tc.r.Problem(tc.v) == ""; got != tc.want {
			t.Errorf("%s: Problem(%v) = %q, want allowed %v", tc.name, tc.v, tc.r.Problem(tc.v), tc.want)
		}
	}
}

func TestRangeWords(t *testing.T) {
	for _, tc := range []struct {
		name, got, want string
	}{
		{"rate rule", RevenueRate.Rule(), "must be between 0 and 1,000,000 (revenue an hour)"},
		{"hours rule", MonthHours.Rule(), "must be between 0 and 744 (hours a month)"},
		{"seats rule", Seats.Rule(), "must be a whole number between 0 and 10,000 (seats)"},
		{"churn rule", Churn.Rule(), "must be at least 0 and below 1 (a share of accounts lost each month)"},
		{"quota rule", Quota.Rule(), "must be 0 (no quota) or between 1 and 10,000,000,000 (revenue a year)"},
		{"rate span", RevenueRate.Span(), "0–1,000,000 an hour"},
		{"payback span", PaybackMonths.Span(), "1–120 months"},
		{"share span", Share.Span(), "0–1"},
		{"churn span", Churn.Span(), "0 to below 1"},
		{"quota span", Quota.Span(), "0 (no quota) or 1–10,000,000,000 a year"},
		{"stored rate", RevenueRate.Outside(1e300), "1e300 is outside 0–1,000,000 an hour"},
		{"stored payback", PaybackMonths.Outside(5e-324), "5e-324 is outside 1–120 months"},
		{"stored cost", MonthlyMoney.Outside(-100), "-100 is outside 0–1,000,000,000 a month"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0, "0"},
		{744, "744"},
		{1000, "1,000"},
		{-1234567.5, "-1,234,567.5"},
		{0.01, "0.01"},
		{0.0001, "0.0001"},
		{0.00001, "1e-05"},
		{1e12, "1,000,000,000,000"},
		{1e15, "1e15"},
		{1e300, "1e300"},
		{5e-324, "5e-324"},
		{math.NaN(), "NaN"},
		{math.Inf(1), "Inf"},
		{math.Inf(-1), "-Inf"},
	} {
		if got := Format(tc.v); got != tc.want {
			t.Errorf("Format(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
