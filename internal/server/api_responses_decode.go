package server

import (
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
)

// responseBody is the body of POST /api/v1/responses.
type responseBody struct {
	PersonID      string         `json:"person_id"`
	Questionnaire string         `json:"questionnaire"`
	Version       int            `json:"version"`
	Answers       map[string]int `json:"answers"`
}

// decodeResponseBody reads the body of POST /api/v1/responses exactly as
// decodeJSON would, with the same checks in front and the same errors.
// Submissions are rolefit's busiest request and encoding/json's
// reflection and per-key allocations were about a fifteenth of a
// submission's CPU (docs/PERFORMANCE.md), so the plain shape every
// integration sends is parsed directly; anything else goes to decodeJSON's
// decoder, which decides what it means or what is wrong.
func decodeResponseBody(c *fiber.Ctx, v *responseBody) error {
	body, err := checkedJSONBody(c)
	if err != nil {
		return err
	}
	if fast, ok := parseResponseBody(body); ok {
		*v = fast
		return nil
	}
	return decodeJSONBody(body, v)
}

// parseResponseBody parses a response body of the plain shape: one
// object whose keys are exactly among person_id, questionnaire, version
// and answers, each at most once; strings without escapes; whole numbers
// of at most 18 digits without a fraction or exponent; answers an object
// of such strings to such numbers, each key once; JSON whitespace between
// tokens and nothing else after the object. It reports false for any other
// text, valid or not, and then the result must not be used: escapes, null,
// repeated or unknown keys and numbers such as 1.0 or 1e0 are left to
// decodeJSONBody, which decodes or refuses them. When it reports true, the
// result is what decodeJSONBody decodes from b (FuzzDecodeResponseBody
// checks that).
func parseResponseBody(b []byte) (responseBody, bool) {
	var out responseBody
	// One copy of the body that the person's ID, the questionnaire and
	// every answer's key share, instead of an allocation for each.
	s := string(b)
	p := skipJSONSpace(s, 0)
	if p == len(s) || s[p] != '{' {
		return responseBody{}, false
	}
	p = skipJSONSpace(s, p+1)
	if p < len(s) && s[p] == '}' {
		p++
	} else {
		var seen uint8
		for {
			key, q, ok := plainJSONString(s, p)
			if !ok {
				return responseBody{}, false
			}
			p = skipJSONSpace(s, q)
			if p == len(s) || s[p] != ':' {
				return responseBody{}, false
			}
			p = skipJSONSpace(s, p+1)
			var field uint8
			switch key {
			case "person_id":
				field = 1
				out.PersonID, p, ok = plainJSONString(s, p)
			case "questionnaire":
				field = 2
				out.Questionnaire, p, ok = plainJSONString(s, p)
			case "version":
				field = 4
				out.Version, p, ok = plainJSONInt(s, p)
			case "answers":
				field = 8
				out.Answers, p, ok = plainJSONAnswers(s, p)
			}
			if field == 0 || !ok || seen&field != 0 {
				return responseBody{}, false
			}
			seen |= field
			p = skipJSONSpace(s, p)
			if p == len(s) {
				return responseBody{}, false
			}
			if s[p] == '}' {
				p++
				break
			}
			if s[p] != ',' {
				return responseBody{}, false
			}
			p = skipJSONSpace(s, p+1)
		}
	}
	if skipJSONSpace(s, p) != len(s) {
		return responseBody{}, false
	}
	return out, true
}

// plainJSONAnswers parses an object of plain strings to whole numbers at
// s[p], each key once, and returns it and the offset after it.
func plainJSONAnswers(s string, p int) (map[string]int, int, bool) {
	if p == len(s) || s[p] != '{' {
		return nil, p, false
	}
	// Every answer has a colon, so their count bounds the map's size and
	// it is allocated once.
	m := make(map[string]int, strings.Count(s[p:], ":"))
	p = skipJSONSpace(s, p+1)
	if p < len(s) && s[p] == '}' {
		return m, p + 1, true
	}
	for {
		key, q, ok := plainJSONString(s, p)
		if !ok {
			return nil, p, false
		}
		p = skipJSONSpace(s, q)
		if p == len(s) || s[p] != ':' {
			return nil, p, false
		}
		var v int
		v, p, ok = plainJSONInt(s, skipJSONSpace(s, p+1))
		if !ok {
			return nil, p, false
		}
		n := len(m)
		m[key] = v
		if len(m) == n {
			return nil, p, false // a repeated key: decodeJSONBody refuses it
		}
		p = skipJSONSpace(s, p)
		if p == len(s) {
			return nil, p, false
		}
		if s[p] == '}' {
			return m, p + 1, true
		}
		if s[p] != ',' {
			return nil, p, false
		}
		p = skipJSONSpace(s, p+1)
	}
}

// plainJSONString returns the content of the JSON string at s[p] and the
// offset after it, if it has no escapes and is valid JSON and UTF-8 as it
// stands, so that its content is its value.
func plainJSONString(s string, p int) (string, int, bool) {
	if p == len(s) || s[p] != '"' {
		return "", p, false
	}
	ascii := true
	for i := p + 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			v := s[p+1 : i]
			if !ascii && !utf8.ValidString(v) {
				return "", p, false // checkedJSONBody refuses it
			}
			return v, i + 1, true
		case c == '\\' || c < 0x20:
			return "", p, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", p, false
}

// plainJSONInt returns the whole number at s[p] and the offset after it:
// an optional minus, then 0 or up to 18 digits not starting with 0, so it
// cannot overflow an int64. What follows is the caller's to check, so
// "1.5", "1e3" and "01" are refused there.
func plainJSONInt(s string, p int) (int, int, bool) {
	neg := p < len(s) && s[p] == '-'
	if neg {
		p++
	}
	start := p
	var n int64
	for p < len(s) && s[p] >= '0' && s[p] <= '9' {
		n = n*10 + int64(s[p]-'0')
		p++
	}
	digits := p - start
	if digits == 0 || digits > 18 || (digits > 1 && s[start] == '0') {
		return 0, p, false
	}
	if neg {
		n = -n
	}
	if int64(int(n)) != n {
		return 0, p, false // beyond a 32-bit int
	}
	return int(n), p, true
}

// skipJSONSpace returns the offset of the first byte at or after p that is
// not JSON whitespace (RFC 8259 section 2).
func skipJSONSpace(s string, p int) int {
	for p < len(s) {
		switch s[p] {
		case ' ', '\t', '\n', '\r':
			p++
		default:
			return p
		}
	}
	return p
}
