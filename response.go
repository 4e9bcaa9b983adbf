package rolefit

import (
	"encoding/json"
	"time"
)

// Whose view a response is.
const (
	ViewSelf    = "self"    // the person's own answers: their profile
	ViewManager = "manager" // a manager's rating of a staff member
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
	Answers     map[string]int
	PageSeconds []float64
	Result      json.RawMessage
}
