package rolefit

import (
	"strings"
	"time"
)

// GreenhouseAssessment is a questionnaire Greenhouse asked rolefit to
// send to a candidate (its Assessment Partner API's send_test): the
// invitation it became, the address Greenhouse wants a PATCH at when the
// candidate has answered, and the candidate's profile in Greenhouse. Its
// ID is the partner_interview_id Greenhouse asks about.
type GreenhouseAssessment struct {
	ID           string
	OrgID        string
	InvitationID string
	// TestID is the test Greenhouse chose from list_tests.
	TestID string
	// RoleID is the placement role the test measures fit for, nil for a
	// test of the questionnaire alone.
	RoleID      *string
	CallbackURL string
	ProfileURL  string
	CreatedAt   time.Time
}

// GreenhouseTestID names a test in Greenhouse's list: a questionnaire,
// or a questionnaire and a placement role ("sales-service/ROLE").
func GreenhouseTestID(questionnaireID, roleID string) string {
	if roleID == "" {
		return questionnaireID
	}
	return questionnaireID + "/" + roleID
}

// ParseGreenhouseTestID splits a test's ID into its questionnaire and
// role ("" for none).
func ParseGreenhouseTestID(id string) (questionnaireID, roleID string) {
	q, r, _ := strings.Cut(strings.TrimSpace(id), "/")
	return q, r
}

// GreenhouseError is an error Greenhouse reported about rolefit's
// answers (its request_errors call), kept for the admins to read.
type GreenhouseError struct {
	ID         string
	OrgID      string
	Report     string
	ReceivedAt time.Time
}
