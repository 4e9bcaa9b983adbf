// Package answers reads and writes a response's answers as JSON, an
// object of item ID to whole number ({"drv1":4,"inf1":2}), the shape
// rolefit stores and the API shows. Both directions handle that flat shape
// directly, several times faster than encoding/json, and give exactly what
// encoding/json gives (its tests compare them): a submission writes its
// answers twice (the stored record and the API's reply) and the scoring
// references read a thousand of them on a cold start
// (docs/PERFORMANCE.md).
package answers

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

// Encode writes answers as json.Marshal does: keys sorted, compact. Keys
// that encoding/json would escape (quotes, backslashes, control and
// non-ASCII characters, and <, > and & which it escapes for HTML) go
// through encoding/json.
func Encode(m map[string]int) []byte {
	if m == nil {
		return []byte("null")
	}
	keys := make([]string, 0, len(m))
	n := 2
	for k := range m {
		if !plainOut(k) {
			b, _ := json.Marshal(m) // a map[string]int always encodes
			return b
		}
		keys = append(keys, k)
		n += len(k) + 6
	}
	slices.Sort(keys)
	b := make([]byte, 0, n)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, k...)
		b = append(b, '"', ':')
		b = strconv.AppendInt(b, int64(m[k]), 10)
	}
	return append(b, '}')
}

// plainOut reports whether encoding/json writes k as it is.
func plainOut(k string) bool {
	for i := 0; i < len(k); i++ {
		if c := k[i]; c < 0x20 || c >= 0x7f || c == '\\' || c == '"' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

// Decode reads stored answers, a JSON object of item ID to whole
// number as json.Marshal wrote it ({"drv1":4,"inf1":2}). It parses that
// flat shape directly; anything else (escapes, spaces, other types)
// goes to encoding/json, so the result never differs from it.
func Decode(s string) (map[string]int, error) {
	if m, ok := decodeFlatAnswers(s); ok {
		return m, nil
	}
	var m map[string]int
	err := json.Unmarshal([]byte(s), &m)
	return m, err
}

func decodeFlatAnswers(s string) (map[string]int, bool) {
	if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
		return nil, false
	}
	body := s[1 : len(s)-1]
	m := make(map[string]int, strings.Count(body, ",")+1)
	if body == "" {
		return m, true
	}
	for len(body) > 0 {
		// "key":
		if body[0] != '"' {
			return nil, false
		}
		end := strings.IndexByte(body[1:], '"')
		if end < 0 {
			return nil, false
		}
		key := body[1 : 1+end]
		if !plainKey(key) {
			return nil, false
		}
		body = body[2+end:]
		if len(body) == 0 || body[0] != ':' {
			return nil, false
		}
		body = body[1:]
		// value, up to the next comma
		comma := strings.IndexByte(body, ',')
		num := body
		if comma >= 0 {
			num, body = body[:comma], body[comma+1:]
			if len(body) == 0 {
				return nil, false // a trailing comma is not JSON
			}
		} else {
			body = ""
		}
		if len(num) == 0 {
			return nil, false
		}
		v, err := strconv.Atoi(num)
		if err != nil || num[0] == '+' || (len(num) > 1 && num[0] == '0') || (len(num) > 2 && num[0] == '-' && num[1] == '0') {
			return nil, false
		}
		if _, dup := m[key]; dup {
			return nil, false // let encoding/json decide what a repeated key means
		}
		m[key] = v
	}
	return m, true
}

// plainKey reports whether a JSON string's content needs no decoding:
// printable ASCII without escapes or quotes (item IDs always are).
func plainKey(k string) bool {
	for i := 0; i < len(k); i++ {
		if c := k[i]; c < 0x20 || c >= 0x7f || c == '\\' {
			return false
		}
	}
	return true
}
