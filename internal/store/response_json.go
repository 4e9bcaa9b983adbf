package store

import (
	"encoding/json"
	"fmt"
	"time"
)

// responseHead is the part of a response's API form that is not stored as
// JSON already, with Response's tags in Response's order.
type responseHead struct {
	ID                   string    `json:"id"`
	PersonID             string    `json:"person_id"`
	InvitationID         *string   `json:"invitation_id"`
	Source               string    `json:"source"`
	QuestionnaireID      string    `json:"questionnaire"`
	QuestionnaireVersion int       `json:"questionnaire_version"`
	QuestionnaireHash    string    `json:"questionnaire_hash"`
	View                 string    `json:"view"`
	RatedBy              string    `json:"rated_by,omitempty"`
	ScoringVersion       int       `json:"scoring_version"`
	SubmittedAt          time.Time `json:"submitted_at"`
}

// EncodeJSON returns the response as the API shows it, built from the
// answers, page times and result as rolefit encoded them for storing (with
// encoding/json, so the same bytes json.Marshal of the response gives). A submission's reply then costs no
// second encoding of its result (about 4 KB, a fifth of a submission's
// CPU when encoded twice), nor encoding/json's re-scan of it as a
// json.RawMessage. A response whose stored forms are missing (made in Go,
// never stored nor read) is encoded with json.Marshal.
func (r *Response) EncodeJSON() ([]byte, error) {
	if r.AnswersJSON == "" || r.PageSecondsJSON == "" || r.ResultJSON == "" {
		return json.Marshal(r)
	}
	head, err := json.Marshal(responseHead{ID: r.ID, PersonID: r.PersonID, InvitationID: r.InvitationID, Source: r.Source,
		QuestionnaireID: r.QuestionnaireID, QuestionnaireVersion: r.QuestionnaireVersion, QuestionnaireHash: r.QuestionnaireHash,
		View: r.View, RatedBy: r.RatedBy, ScoringVersion: r.ScoringVersion, SubmittedAt: r.SubmittedAt})
	if err != nil {
		return nil, fmt.Errorf("encode response %s: %w", r.ID, err)
	}
	b := make([]byte, 0, len(head)+len(r.AnswersJSON)+len(r.PageSecondsJSON)+len(r.ResultJSON)+48)
	b = append(b, head[:len(head)-1]...) // without its closing brace
	b = append(b, `,"answers":`...)
	b = append(b, r.AnswersJSON...)
	b = append(b, `,"page_seconds":`...)
	b = append(b, r.PageSecondsJSON...)
	b = append(b, `,"result":`...)
	b = append(b, r.ResultJSON...)
	return append(b, '}'), nil
}
