package store

import (
	"encoding/json"
	"testing"
)

// encodeAnswers is checked against encoding/json, the encoder whose bytes
// it must reproduce.
func TestEncodeAnswersAgreesWithEncodingJSON(t *testing.T) {
	tests := []map[string]int{
		nil,
		{},
		{"drv1": 4},
		{"inf2": 2, "drv1": 4, "a": -3, "B": 0, "drv10": 1, "drv9": 5},
		{"a.b-c_d": 7, "x y": 1, "~": 2},
		{`q"uote`: 1, "plain": 2},
		{`back\slash`: 1},
		{"<b>&": 1},
		{"é": 3, "e": 4},
		{"tab\t": 1},
		{"big": 1 << 40, "neg": -(1 << 40)},
	}
	for _, in := range tests {
		want, _ := json.Marshal(in)
		got, err := encodeAnswers(in)
		if err != nil || string(got) != string(want) {
			t.Errorf("encodeAnswers(%v): got %s, %v, want %s", in, got, err, want)
		}
	}
}

func FuzzEncodeAnswers(f *testing.F) {
	f.Add("drv1", 4, "inf1", 2)
	f.Add("a<", -1, "a", 0)
	f.Add("", 0, "\x7f", 9)
	f.Fuzz(func(t *testing.T, k1 string, v1 int, k2 string, v2 int) {
		in := map[string]int{k1: v1, k2: v2}
		want, _ := json.Marshal(in)
		got, err := encodeAnswers(in)
		if err != nil || string(got) != string(want) {
			t.Errorf("encodeAnswers(%v): got %s, %v, want %s", in, got, err, want)
		}
	})
}
