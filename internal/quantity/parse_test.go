package quantity

import (
	"math"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"0", 0, true},
		{"12", 12, true},
		{" 12.5 ", 12.5, true},
		{"-3", -3, true},
		{"+3", 3, true},
		{".5", 0.5, true},
		{"0.000001", 1e-6, true},
		{"1,250.50", 1250.5, true},
		{"1,000", 1000, true},
		{"12,345,678", 12345678, true},
		{"-1,000.25", -1000.25, true},
		{"007", 7, true},
		{"1" + strings.Repeat("0", 400), math.Inf(1), true}, // beyond a float64: read, and refused by every Range
		{"", 0, false},
		{" ", 0, false},
		{"-", 0, false},
		{".", 0, false},
		{"5.", 0, false},
		{"1.2.3", 0, false},
		{"NaN", 0, false},
		{"nan", 0, false},
		{"Inf", 0, false},
		{"-Inf", 0, false},
		{"infinity", 0, false},
		{"0x1p4", 0, false},
		{"0x10", 0, false},
		{"1_000", 0, false},
		{"1e3", 0, false},
		{"1E3", 0, false},
		{"1e-320", 0, false},
		{"5e-324", 0, false},
		{"1,5", 0, false},
		{"1,00", 0, false},
		{"1,0000", 0, false},
		{",100", 0, false},
		{"1000,000", 0, false},
		{"1,000.5,0", 0, false},
		{"1 000", 0, false},
		{"$100", 0, false},
		{"100%", 0, false},
		{"--1", 0, false},
		{"٣", 0, false}, // an Arabic-Indic digit
	} {
		got, err := Parse(tc.in)
		if tc.ok != (err == nil) {
			t.Errorf("Parse(%q): error %v, want ok %v", tc.in, err, tc.ok)
			continue
		}
		if tc.ok && got != tc.want {
			t.Errorf("Parse(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if !tc.ok && err.Error() != NotANumber {
			t.Errorf("Parse(%q): error %q, want %q", tc.in, err, NotANumber)
		}
	}
}

func TestParseWhole(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"0", 0, true},
		{"12", 12, true},
		{"1,200", 1200, true},
		{"-4", -4, true},
		{"2147483647", 2147483647, true},
		{"2147483648", 0, false},
		{"2.5", 0, false},
		{"2.0", 2, true},
		{"2.000001", 0, false},
		{"0x10", 0, false},
		{"1_000", 0, false},
		{"1e3", 0, false},
		{"", 0, false},
		{"two", 0, false},
	} {
		got, err := ParseWhole(tc.in)
		if tc.ok != (err == nil) || got != tc.want {
			t.Errorf("ParseWhole(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestParseShare(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"0.5", 0.5, true},
		{"50%", 0.5, true},
		{" 120 % ", 1.2, true},
		{"1,000%", 10, true},
		{"%", 0, false},
		{"1e2%", 0, false},
		{"half", 0, false},
	} {
		got, err := ParseShare(tc.in)
		if tc.ok != (err == nil) || math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("ParseShare(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}
