package server

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// apiInterview is an interviewer's ratings of a person as the API shows
// them: a response of view "interview", beside the self-report.
type apiInterview struct {
	ID                   string         `json:"id"`
	PersonID             string         `json:"person_id"`
	RoleID               string         `json:"role_id"`
	RoleName             string         `json:"role_name"`
	Ratings              map[string]int `json:"ratings"`
	Mean                 float64        `json:"mean"`
	Notes                string         `json:"notes"`
	RatedBy              string         `json:"rated_by"`
	InterviewBank        string         `json:"interview_bank"`
	InterviewBankVersion int            `json:"interview_bank_version"`
	SubmittedAt          time.Time      `json:"submitted_at"`
}

func apiInterviewOf(v app.InterviewView) apiInterview {
	return apiInterview{ID: v.ID, PersonID: v.PersonID, RoleID: v.RoleID, RoleName: v.RoleName, Ratings: v.Answers,
		Mean: v.Mean, Notes: v.Notes, RatedBy: v.RatedBy, InterviewBank: v.QuestionnaireID,
		InterviewBankVersion: v.QuestionnaireVersion, SubmittedAt: v.SubmittedAt}
}

// handleAPIInterviewCreate is POST /api/v1/people/{id}/interviews:
// {"role_id", "ratings": {"facet": 1-5}, "notes"}.
func handleAPIInterviewCreate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var in struct {
			RoleID  string             `json:"role_id"`
			Ratings map[string]float64 `json:"ratings"`
			Notes   string             `json:"notes"`
		}
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
		r, err := uc.RecordInterview(c.UserContext(), actorOf(c), c.Params("id"), app.InterviewInput{RoleID: in.RoleID, Ratings: in.Ratings, Notes: in.Notes})
		if err != nil {
			return err
		}
		v, err := uc.InterviewView(*r)
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(apiInterviewOf(v))
	}
}
