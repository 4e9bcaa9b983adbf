package store

import (
	"encoding/json"
	"fmt"

	"rolefit/internal/assess"
)

// ScoredFrom prepares a scored result for storing: the whole result as
// JSON, and copies of the hunter and farmer composites, the profile class
// and the number of quality flags, which lists and maps read without
// decoding the JSON.
func ScoredFrom(res assess.Result) (Scored, error) {
	b, err := json.Marshal(res)
	if err != nil {
		return Scored{}, fmt.Errorf("encode scores: %w", err)
	}
	sc := Scored{Result: b, FlagCount: len(res.Quality.Flags)}
	for _, c := range res.Composites {
		switch c.ID {
		case "hunter":
			sc.Hunter = c.Score
		case "farmer":
			sc.Farmer = c.Score
		}
	}
	if res.Profile != nil {
		sc.ProfileClass = string(res.Profile.Class)
	}
	return sc, nil
}
