package rolefit

import "time"

// JobAnswers are one answerer's answers to a job questionnaire about a
// role: how much each statement is part of the job, 1–5 (DESIGN §14).
// Several people who know the job may answer; their answers propose the
// role's target profile.
type JobAnswers struct {
	ID                      string
	OrgID                   string
	RoleID                  string
	JobQuestionnaireID      string
	JobQuestionnaireVersion int
	// Answerer names who answered (a manager, a top performer).
	Answerer string
	// Answers maps statement IDs to 1–5.
	Answers map[string]int
	// RecordedBy names who entered them, as the audit log does.
	RecordedBy string
	CreatedAt  time.Time
}
