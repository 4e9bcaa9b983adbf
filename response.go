package rolefit

import (
	"encoding/json"
	"time"
)

// Whose view a response is.
const (
	ViewSelf    = "self"    // the person's own answers: their profile
	ViewManager = "manager" // a manager's rating of a staff member
	// ViewInterview is an interviewer's 1–5 ratings of the facets an
	// interview guide asked about: Answers maps facet IDs to ratings.
	ViewInterview = "interview"
)

// Where a response came from.
const (
	SourceInvitation = "invitation" // answered through an invitation link
	SourceAPI        = "api"        // recorded in one call, e.g. from a paper form
)

// Response is a submitted questionnaire. Answers and PageSeconds are the
// record; Result is its scoring at submission, as JSON.
type Response struct {
	ID                   string
	OrgID                string
	PersonID             string
	InvitationID         *string
	Source               string
	QuestionnaireID      string
	QuestionnaireVersion int
	QuestionnaireHash    string
	View                 string
	RatedBy              string
	FlagCount            int
	Severity             string
	ScoringVersion       int
	// Language is the language the questionnaire was answered in, a BCP
	// 47 tag; norms are kept by it.
	Language    string
	SubmittedAt time.Time
	// LookedAt is when a manager looked at answers flagged likely
	// careless; nil before (and for answers without such a flag).
	LookedAt    *time.Time
	Answers     map[string]int
	PageSeconds []float64
	Result      json.RawMessage
}

// SeverityLikely is the severity of quality flags that say answers were
// likely given without care.
const SeverityLikely = "likely"

// AwaitsLook reports whether answers of this severity, looked at at
// lookedAt (nil: not yet), wait for a manager to look at them before
// rolefit puts a money figure on them: answers flagged likely careless
// do.
func AwaitsLook(severity string, lookedAt *time.Time) bool {
	return severity == SeverityLikely && lookedAt == nil
}

// AwaitsLook reports whether the response waits for a manager to look at
// it (AwaitsLook).
func (r *Response) AwaitsLook() bool { return AwaitsLook(r.Severity, r.LookedAt) }
