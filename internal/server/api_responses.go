package server

import (
	"encoding/json"
	"rolefit"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// responseBody is the body of POST /api/v1/responses.
type responseBody struct {
	PersonID      string         `json:"person_id"`
	Questionnaire string         `json:"questionnaire"`
	Version       int            `json:"version"`
	Answers       map[string]int `json:"answers"`
	Language      string         `json:"language"`
}

// handleAPIResponseCreate is POST /api/v1/responses: a complete set of
// answers for a person, recorded in one call (paper forms, imports),
// scored and quality-checked like any other. Every answer must be given
// and valid, or nothing is stored.
func handleAPIResponseCreate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var body responseBody
		if err := decodeJSON(c, &body); err != nil {
			return err
		}
		r, err := uc.RecordResponse(c.UserContext(), actorOf(c), app.RecordInput{PersonID: body.PersonID,
			Questionnaire: body.Questionnaire, Version: body.Version, Answers: body.Answers, Language: body.Language})
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(apiResponseOf(r))
	}
}

// apiResponse is a response as the API shows it. Its result is the bytes
// scoring made, kept as they were stored.
type apiResponse struct {
	ID                   string          `json:"id"`
	PersonID             string          `json:"person_id"`
	InvitationID         *string         `json:"invitation_id"`
	Source               string          `json:"source"`
	QuestionnaireID      string          `json:"questionnaire"`
	QuestionnaireVersion int             `json:"questionnaire_version"`
	QuestionnaireHash    string          `json:"questionnaire_hash"`
	View                 string          `json:"view"`
	RatedBy              string          `json:"rated_by,omitempty"`
	ScoringVersion       int             `json:"scoring_version"`
	Language             string          `json:"language"`
	SubmittedAt          time.Time       `json:"submitted_at"`
	Answers              map[string]int  `json:"answers"`
	PageSeconds          []float64       `json:"page_seconds"`
	Result               json.RawMessage `json:"result"`
}

func apiResponseOf(r *rolefit.Response) apiResponse {
	return apiResponse{ID: r.ID, PersonID: r.PersonID, InvitationID: r.InvitationID, Source: r.Source,
		QuestionnaireID: r.QuestionnaireID, QuestionnaireVersion: r.QuestionnaireVersion, QuestionnaireHash: r.QuestionnaireHash,
		View: r.View, RatedBy: r.RatedBy, ScoringVersion: r.ScoringVersion, Language: r.Language, SubmittedAt: r.SubmittedAt,
		Answers: r.Answers, PageSeconds: r.PageSeconds, Result: r.Result}
}
