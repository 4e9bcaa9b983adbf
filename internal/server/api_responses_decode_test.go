package server

import (
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// submissionBody is a complete sales-service submission as an
// integration sends it: every item answered, keys in json.Marshal's order.
func submissionBody(t testing.TB) []byte {
	t.Helper()
	q := salesService(t)
	answers := map[string]int{}
	for i := range q.Pages {
		for k, v := range pageAnswers(q, i) {
			answers[k] = mustInt(v[0])
		}
	}
	b, err := json.Marshal(map[string]any{"person_id": "0b1d6c1e-5f7a-4c59-9a43-2f6f1b0c8e21",
		"questionnaire": "sales-service", "version": q.Version, "answers": answers})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// checkAgainstEncodingJSON fails when the fast path accepts a body and
// decodeJSON's decoder (JSON v2, decodeJSONBody) refuses it or decodes
// another value.
func checkAgainstEncodingJSON(t *testing.T, body []byte) (accepted bool) {
	t.Helper()
	fast, ok := parseResponseBody(body)
	if !ok {
		return false
	}
	var slow responseBody
	if err := decodeJSONBody(body, &slow); err != nil {
		t.Fatalf("%q: fast path accepted %+v, encoding/json refused: %v", body, fast, err)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("%q: got %#v, want %#v as encoding/json decodes it", body, fast, slow)
	}
	return true
}

func TestParseResponseBody(t *testing.T) {
	full := string(submissionBody(t))
	for _, tc := range []struct {
		name, body string
		accept     bool
	}{
		{"a complete submission", full, true},
		{"an empty object", `{}`, true},
		{"no answers", `{"answers":{}}`, true},
		{"every field", `{"person_id":"p1","questionnaire":"sales-service","version":3,"answers":{"drv1":4,"inf1":-2}}`, true},
		{"fields in another order", `{"answers":{"drv1":4},"version":0,"questionnaire":"q","person_id":"p"}`, true},
		{"whitespace everywhere", " \t\r\n{ \"person_id\" : \"p\" ,\n\"answers\" : { \"a\" : 1 , \"b\" : -0 } ,\"version\"\t:\r7 } \n", true},
		{"minus zero", `{"version":-0}`, true},
		{"18 digits", `{"version":999999999999999999,"answers":{"a":-999999999999999999}}`, true},
		{"letters beyond ASCII", `{"person_id":"Dana Díaz ✓","answers":{"ü":1}}`, true},
		{"a U+FFFD written out", "{\"person_id\":\"\xef\xbf\xbd\"}", true},
		{"DEL in a string", "{\"person_id\":\"a\x7fb\"}", true},
		{"empty strings", `{"person_id":"","questionnaire":"","answers":{"":1}}`, true},

		{"empty body", ``, false},
		{"only whitespace", " \n", false},
		{"byte order mark", "\xef\xbb\xbf{}", false},
		{"an array", `[]`, false},
		{"null body", `null`, false},
		{"null person", `{"person_id":null}`, false},
		{"null answers", `{"answers":null}`, false},
		{"null answer", `{"answers":{"a":null}}`, false},
		{"a fraction", `{"version":3.0}`, false},
		{"an exponent", `{"version":1e0}`, false},
		{"an answer's exponent", `{"answers":{"a":1E2}}`, false},
		{"a leading zero", `{"version":01}`, false},
		{"an answer's leading zero", `{"answers":{"a":00}}`, false},
		{"a lone minus", `{"version":-}`, false},
		{"a plus", `{"version":+1}`, false},
		{"19 digits", `{"version":1000000000000000000}`, false},
		{"beyond int64", `{"answers":{"a":9223372036854775808}}`, false},
		{"a key in capitals", `{"PERSON_ID":"x"}`, false},
		{"a key in another case", `{"Answers":{}}`, false},
		{"an escaped key", `{"person\u005fid":"x"}`, false},
		{"an escaped quote", `{"person_id":"a\"b"}`, false},
		{"a unicode escape", `{"person_id":"a\u0041"}`, false},
		{"an escaped answer key", `{"answers":{"a\u0062":1}}`, false},
		{"a repeated answer", `{"answers":{"a":1,"a":2}}`, false},
		{"a repeated field", `{"person_id":"x","person_id":"y"}`, false},
		{"answers twice", `{"answers":{"a":1},"answers":{"b":2}}`, false},
		{"an unknown field", `{"extra":1}`, false},
		{"an array answer", `{"answers":{"a":[1]}}`, false},
		{"a string answer", `{"answers":{"a":"1"}}`, false},
		{"a boolean answer", `{"answers":{"a":true}}`, false},
		{"a number for the person", `{"person_id":7}`, false},
		{"a string for the version", `{"version":"1"}`, false},
		{"an array for answers", `{"answers":[1]}`, false},
		{"a second value", `{} {}`, false},
		{"trailing text", `{}x`, false},
		{"a trailing comma", `{"version":1,}`, false},
		{"an answer's trailing comma", `{"answers":{"a":1,}}`, false},
		{"a leading comma", `{,"version":1}`, false},
		{"a missing colon", `{"version" 1}`, false},
		{"an answer's missing colon", `{"answers":{"a" 1}}`, false},
		{"two answers without a comma", `{"answers":{"a":1 "b":2}}`, false},
		{"two numbers", `{"version":1 2}`, false},
		{"an unterminated object", `{"person_id":"x"`, false},
		{"unterminated answers", `{"answers":{"a":1`, false},
		{"an unterminated string", `{"person_id":"x`, false},
		{"a raw tab in a string", "{\"person_id\":\"a\tb\"}", false},
		{"a raw newline in a key", "{\"answers\":{\"a\nb\":1}}", false},
		{"invalid UTF-8", "{\"person_id\":\"Dana\xff\"}", false},
		{"a surrogate in UTF-8", "{\"answers\":{\"\xed\xa0\x80\":1}}", false},
		{"a single quote", `{'version':1}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := checkAgainstEncodingJSON(t, []byte(tc.body)); got != tc.accept {
				t.Errorf("%q: fast path accepted %v, want %v", tc.body, got, tc.accept)
			}
		})
	}
}

// TestResponseBodyEitherPath records the same submission through the API
// twice, once in the plain shape the fast path parses and once with a key
// written with an escape, which only decodeJSON's decoder reads, and
// checks that both are recorded alike. A key in capitals is no longer
// taken for its field by either.
func TestResponseBodyEitherPath(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	_, body := f.apiRequest("POST", "/api/v1/people", key, `{"name":"Dana","kind":"candidate"}`)
	p := decode[apiPerson](t, body)
	plain := strings.Replace(string(submissionBody(t)), "0b1d6c1e-5f7a-4c59-9a43-2f6f1b0c8e21", p.ID, 1)
	escaped := strings.Replace(plain, `"person_id"`, `"person\u005fid"`, 1)
	if _, ok := parseResponseBody([]byte(plain)); !ok {
		t.Fatal("the fast path declined the plain body")
	}
	if _, ok := parseResponseBody([]byte(escaped)); ok {
		t.Fatal("the fast path accepted a key with an escape")
	}
	type recorded struct {
		PersonID string         `json:"person_id"`
		Version  int            `json:"questionnaire_version"`
		Source   string         `json:"source"`
		Answers  map[string]int `json:"answers"`
	}
	var got []recorded
	for _, b := range []string{plain, escaped} {
		resp, body := f.apiRequest("POST", "/api/v1/responses", key, b)
		wantStatus(t, "record response", resp, http.StatusCreated, body)
		got = append(got, decode[recorded](t, body))
	}
	if got[0].PersonID != p.ID || len(got[0].Answers) == 0 || !reflect.DeepEqual(got[0], got[1]) {
		t.Errorf("got %+v by the fast path and %+v by decodeJSON, want both for %s with every answer", got[0], got[1], p.ID)
	}
	capitals := strings.Replace(plain, `"person_id"`, `"PERSON_ID"`, 1)
	resp, body := f.apiRequest("POST", "/api/v1/responses", key, capitals)
	wantStatus(t, "a key in capitals", resp, http.StatusBadRequest, body)
	if e := decode[apiErr](t, body); e.Error.Fields["PERSON_ID"] != "is not a known field" {
		t.Errorf("a key in capitals: fields %v, want PERSON_ID: is not a known field", e.Error.Fields)
	}
}

// FuzzDecodeResponseBody checks that whatever the fast path accepts,
// encoding/json accepts too and decodes to the same value.
func FuzzDecodeResponseBody(f *testing.F) {
	f.Add(submissionBody(f))
	for _, s := range []string{
		`{}`,
		`{"answers":{}}`,
		" {\"person_id\" : \"p\",\n\"version\":-0, \"answers\":{\"a\":1,\"b\":-2}}\r\n",
		`{"person_id":"Dana Díaz","questionnaire":"q","version":999999999999999999,"answers":{"ü":0}}`,
		`{"version":1e0}`,
		`{"version":01}`,
		`{"Person_ID":"x"}`,
		`{"answers":{"a":1},"answers":{"b":2}}`,
		`{"answers":{"a\u0062":1}}`,
		`{"answers":null}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		checkAgainstEncodingJSON(t, body)
	})
}

// TestParseResponseBodyAllocations bounds the allocations of the fast path
// for a complete submission (about 90 answers): the body's one copy and
// the map's storage. Measured by hand: 5 for the fast path, 179 for
// encoding/json (a string for each key, the map's growth, reflection).
// What the standard library allocates is logged for comparison, not
// asserted: it is not rolefit's to keep.
func TestParseResponseBodyAllocations(t *testing.T) {
	body := submissionBody(t)
	const bound = 8
	fast := testing.AllocsPerRun(100, func() {
		if _, ok := parseResponseBody(body); !ok {
			t.Fatal("fast path declined a complete submission")
		}
	})
	slow := testing.AllocsPerRun(100, func() {
		var v responseBody
		if err := decodeJSONBody(body, &v); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("allocations: fast path %v, encoding/json %v", fast, slow)
	if fast > bound {
		t.Errorf("fast path: got %v allocations, want at most %d", fast, bound)
	}
}

// BenchmarkDecodeResponseBody compares the fast path with encoding/json on
// a complete sales-service submission.
func BenchmarkDecodeResponseBody(b *testing.B) {
	body := submissionBody(b)
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := parseResponseBody(body); !ok {
				b.Fatal("declined")
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			var v responseBody
			if err := decodeJSONBody(body, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}
