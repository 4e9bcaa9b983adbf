package store

import (
	"encoding/json"
	"fmt"

	"rolefit/internal/assess"
)

// Kinds of scale a score row holds.
const (
	ScaleFacet     = "facet"
	ScaleComposite = "composite"
)

// ScoreRow is one facet or composite score of a response, stored as a row
// so that lists, the team map, norms and placement read scores with SQL.
// A nil Score means too little was answered; a nil band means the
// reliability was not yet known; a nil Percentile means no local norms.
type ScoreRow struct {
	ResponseID           string   `json:"-"`
	OrgID                string   `json:"-"`
	QuestionnaireID      string   `json:"-"`
	QuestionnaireVersion int      `json:"-"`
	ScaleID              string   `json:"id"`
	Kind                 string   `json:"kind"`
	Score                *float64 `json:"score"`
	BandLow              *float64 `json:"band_low"`
	BandHigh             *float64 `json:"band_high"`
	Percentile           *float64 `json:"percentile"`
}

// TableName tells GORM the table.
func (ScoreRow) TableName() string { return "response_scores" }

// Scored is a response's scoring, computed by the caller from the answers:
// the whole result as JSON, a row per scale, and the number of quality
// flags, which lists read without decoding the JSON. The profile's 2×2
// class is not stored: it depends on the organisation's cut, which an
// admin may change, so it is decided from the composite rows when read.
type Scored struct {
	Result    json.RawMessage
	Scores    []ScoreRow
	FlagCount int
	// Severity is the flags' overall severity ("likely", "look" or "").
	Severity string
	// ScoringVersion is the version of the rules that scored it.
	ScoringVersion int
}

// ScoredFrom prepares a scored result for storing.
func ScoredFrom(res assess.Result) (Scored, error) {
	b, err := json.Marshal(res)
	if err != nil {
		return Scored{}, fmt.Errorf("encode scores: %w", err)
	}
	sc := Scored{Result: b, FlagCount: len(res.Quality.Flags), Scores: scoreRows(res),
		Severity: string(res.Quality.Severity), ScoringVersion: res.ScoringVersion}
	return sc, nil
}

// scoreRows lists a result's facets and composites as rows (without the
// response's identifiers, which insertResponse fills in).
func scoreRows(res assess.Result) []ScoreRow {
	rows := make([]ScoreRow, 0, len(res.Scales)+len(res.Composites))
	add := func(kind string, list []assess.ScaleScore) {
		for _, s := range list {
			r := ScoreRow{ScaleID: s.ID, Kind: kind, Score: s.Score}
			if s.Band != nil {
				lo, hi := s.Band.Low, s.Band.High
				r.BandLow, r.BandHigh = &lo, &hi
			}
			if s.Norm != nil {
				p := s.Norm.Percentile
				r.Percentile = &p
			}
			rows = append(rows, r)
		}
	}
	add(ScaleFacet, res.Scales)
	add(ScaleComposite, res.Composites)
	return rows
}
