package server

import (
	"encoding/json"
	"fmt"
	"rolefit"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// handleAPIResponseCreate is POST /api/v1/responses: a complete set of
// answers for a person, recorded in one call (paper forms, imports),
// scored and quality-checked like any other. Every answer must be given
// and valid, or nothing is stored.
func handleAPIResponseCreate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var body responseBody
		if err := decodeResponseBody(c, &body); err != nil {
			return err
		}
		r, err := uc.RecordResponse(c.UserContext(), actorOf(c), app.RecordInput{PersonID: body.PersonID,
			Questionnaire: body.Questionnaire, Version: body.Version, Answers: body.Answers})
		if err != nil {
			return err
		}
		b, err := encodeAPIResponse(r)
		if err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
		return c.Status(fiber.StatusCreated).Send(b)
	}
}

// apiResponseHead is the part of a response's API shape that is not the
// answers, the page times or the result.
type apiResponseHead struct {
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

// encodeAPIResponse writes a response as the API shows it: its head, its
// answers and page times, and its scored result as the bytes scoring
// made. The result (about 4 KB) is appended as it is, not encoded again
// nor re-scanned as encoding/json does a json.RawMessage.
func encodeAPIResponse(r *rolefit.Response) ([]byte, error) {
	head, err := json.Marshal(apiResponseHead{ID: r.ID, PersonID: r.PersonID, InvitationID: r.InvitationID, Source: r.Source,
		QuestionnaireID: r.QuestionnaireID, QuestionnaireVersion: r.QuestionnaireVersion, QuestionnaireHash: r.QuestionnaireHash,
		View: r.View, RatedBy: r.RatedBy, ScoringVersion: r.ScoringVersion, SubmittedAt: r.SubmittedAt})
	if err != nil {
		return nil, fmt.Errorf("encode response %s: %w", r.ID, err)
	}
	answers, err := json.Marshal(r.Answers)
	if err != nil {
		return nil, fmt.Errorf("encode response %s: %w", r.ID, err)
	}
	secs := r.PageSeconds
	if secs == nil {
		secs = []float64{}
	}
	pages, err := json.Marshal(secs)
	if err != nil {
		return nil, fmt.Errorf("encode response %s: %w", r.ID, err)
	}
	result := []byte(r.Result)
	if len(result) == 0 {
		result = []byte("null")
	}
	b := make([]byte, 0, len(head)+len(answers)+len(pages)+len(result)+48)
	b = append(b, head[:len(head)-1]...) // without its closing brace
	b = append(b, `,"answers":`...)
	b = append(b, answers...)
	b = append(b, `,"page_seconds":`...)
	b = append(b, pages...)
	b = append(b, `,"result":`...)
	b = append(b, result...)
	return append(b, '}'), nil
}
