package store

import (
	"encoding/json"
	"strconv"
	"strings"
)

// decodeAnswers reads stored answers, a JSON object of item ID to whole
// number as json.Marshal wrote it ({"drv1":4,"inf1":2}). It parses that
// flat shape directly, several times faster than encoding/json, because
// scoring references read a thousand of them on a cold start
// (docs/PERFORMANCE.md); anything else (escapes, spaces, other types)
// goes to encoding/json, so the result never differs from it.
func decodeAnswers(s string) (map[string]int, error) {
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
