package store

import (
	"encoding/json"
	"slices"
	"strconv"
)

// encodeAnswers returns answers as json.Marshal encodes them: keys in
// byte order, "null" for a nil map. A submission's answers are encoded
// inside the group committer, which runs its writes one after another,
// and encoding/json's map encoding allocated once per item (about 120
// allocations a submission, docs/PERFORMANCE.md). Item IDs are plain
// ASCII; a key that needs escaping (a quote, a backslash, a control
// character, <, >, & or anything beyond ASCII) sends the whole map to
// encoding/json, so the bytes never differ from it.
func encodeAnswers(answers map[string]int) ([]byte, error) {
	if answers == nil {
		return []byte("null"), nil
	}
	keys := make([]string, 0, len(answers))
	size := 2
	for k := range answers {
		if !verbatimKey(k) {
			return json.Marshal(answers)
		}
		keys = append(keys, k)
		size += len(k) + 8
	}
	slices.Sort(keys)
	b := make([]byte, 0, size)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, k...)
		b = append(b, '"', ':')
		b = strconv.AppendInt(b, int64(answers[k]), 10)
	}
	return append(b, '}'), nil
}

// verbatimKey reports whether encoding/json writes k between quotes as it
// is: printable ASCII other than the quote, the backslash and the three
// characters it escapes for HTML (<, > and &).
func verbatimKey(k string) bool {
	for i := 0; i < len(k); i++ {
		switch c := k[i]; {
		case c < 0x20 || c >= 0x7f, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}
