package answers

import (
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

// Encode writes what encoding/json writes, byte for byte, for item IDs
// and for keys it escapes.
func TestEncodeAgreesWithEncodingJSON(t *testing.T) {
	for _, m := range []map[string]int{
		nil, {}, {"a": 1}, {"inf1": 2, "drv1": 4, "chk1": -3, "z": 0}, {"big": 1 << 62, "small": -1 << 62},
		{"a\"b": 1}, {"a\\b": 2}, {"<x>&": 3}, {"é": 4}, {"tab\t": 5}, {"": 6}, {"b": 1, "a\u2028": 2},
	} {
		want, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if got := Encode(m); string(got) != string(want) {
			t.Errorf("%v: got %s, encoding/json %s", m, got, want)
		}
	}
}

func FuzzEncode(f *testing.F) {
	f.Add("drv1", 4, "inf1", -2)
	f.Add("<", 0, "\x00", 1)
	f.Fuzz(func(t *testing.T, k1 string, v1 int, k2 string, v2 int) {
		m := map[string]int{k1: v1, k2: v2}
		want, _ := json.Marshal(m)
		if got := Encode(m); string(got) != string(want) {
			t.Errorf("%v: got %s, encoding/json %s", m, got, want)
		}
		back, err := Decode(string(Encode(m)))
		if err != nil || !reflect.DeepEqual(back, m) && !invalidUTF8(k1, k2) {
			t.Errorf("%v: read back %v, %v", m, back, err)
		}
	})
}

// invalidUTF8 reports whether a key is not valid UTF-8, which encoding/json
// writes with U+FFFD in its place, so it cannot read back the same.
func invalidUTF8(ks ...string) bool {
	for _, k := range ks {
		if !utf8.ValidString(k) {
			return true
		}
	}
	return false
}

// Decode gives what encoding/json gives, for the shape rolefit
// stores and for anything else.
func TestDecodeAnswersAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range []string{
		`{}`, `{"a":1}`, `{"drv1":4,"inf1":2,"chk1":-3}`, `{"a":1,"a":2}`, `{"a\u0062":1}`, `{ "a": 1 }`,
		`{"a":1,}`, `{"a":01}`, `{"a":+1}`, `{"a":1.5}`, `{"a":"1"}`, `{"a":1`, `[1]`, `{"a":99999999999999999999}`, `{"":0}`, `{"a":-0}`,
	} {
		var want map[string]int
		wantErr := json.Unmarshal([]byte(s), &want)
		got, err := Decode(s)
		if (err != nil) != (wantErr != nil) || err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %v, %v; encoding/json %v, %v", s, got, err, want, wantErr)
		}
	}
}

func FuzzDecodeAnswers(f *testing.F) {
	f.Add(`{"drv1":4,"inf1":2}`)
	f.Add(`{"a":-1,"b":0}`)
	f.Fuzz(func(t *testing.T, s string) {
		var want map[string]int
		wantErr := json.Unmarshal([]byte(s), &want)
		got, err := Decode(s)
		if (err != nil) != (wantErr != nil) || err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, %v; encoding/json %v, %v", s, got, err, want, wantErr)
		}
	})
}
