package store

import (
	"encoding/json"
	"reflect"
	"testing"
)

// decodeAnswers gives what encoding/json gives, for the shape rolefit
// stores and for anything else.
func TestDecodeAnswersAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range []string{
		`{}`, `{"a":1}`, `{"drv1":4,"inf1":2,"chk1":-3}`, `{"a":1,"a":2}`, `{"a\u0062":1}`, `{ "a": 1 }`,
		`{"a":1,}`, `{"a":01}`, `{"a":+1}`, `{"a":1.5}`, `{"a":"1"}`, `{"a":1`, `[1]`, `{"a":99999999999999999999}`, `{"":0}`, `{"a":-0}`,
	} {
		var want map[string]int
		wantErr := json.Unmarshal([]byte(s), &want)
		got, err := decodeAnswers(s)
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
		got, err := decodeAnswers(s)
		if (err != nil) != (wantErr != nil) || err == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, %v; encoding/json %v, %v", s, got, err, want, wantErr)
		}
	})
}
