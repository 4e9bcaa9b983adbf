package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// handleAPIResponseCreate is POST /api/v1/responses: a complete set of
// answers for a person, recorded in one call (paper forms, imports),
// scored and quality-checked like any other. Every answer must be given
// and valid, or nothing is stored.
func handleAPIResponseCreate(st *store.Store, cat *assess.Catalog, sc *scorer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var body struct {
			PersonID      string         `json:"person_id"`
			Questionnaire string         `json:"questionnaire"`
			Version       int            `json:"version"`
			Answers       map[string]int `json:"answers"`
		}
		if err := decodeJSON(c, &body); err != nil {
			return err
		}
		fields := map[string]string{}
		if body.PersonID == "" {
			fields["person_id"] = "is required"
		}
		if body.Answers == nil {
			fields["answers"] = "is required: an object of item ID to answer"
		}
		if len(fields) > 0 {
			return errs.InvalidFields("Some fields are missing.", fields)
		}
		q, err := findQuestionnaire(cat, body.Questionnaire, body.Version)
		if err != nil {
			return err
		}
		org := orgOf(c, st)
		p, err := org.Person(c.UserContext(), body.PersonID)
		if errs.Code(err) == errs.CodeNotFound {
			return errs.InvalidFields("There is no such person.", map[string]string{"person_id": "is not a person of your organisation"})
		}
		if err != nil {
			return err
		}
		// A manager's rating of a staff member is recorded about them too.
		rating := p.Kind == store.Staff && fitsAudience(q, store.PersonKind(assess.AudienceManager))
		if !fitsAudience(q, p.Kind) && !rating {
			return errs.InvalidFields("That questionnaire is not for this person.", map[string]string{"questionnaire": q.String() + " is not for " + aOrAn(string(p.Kind))})
		}
		resp := assess.Response{Answers: body.Answers}
		if fe := assess.ValidateResponse(q, resp, true); fe != nil {
			return errs.InvalidFields("Some answers are missing or not allowed; nothing was stored.", fe)
		}
		opt, err := sc.options(c.UserContext(), org, q)
		if err != nil {
			return err
		}
		scored, err := store.ScoredFrom(assess.Score(q, resp, opt))
		if err != nil {
			return err
		}
		r, err := org.RecordResponse(c.UserContext(), store.NewResponse{PersonID: p.ID, QuestionnaireID: q.ID,
			QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash, Answers: body.Answers, Scored: scored}, actorOf(c))
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(r)
	}
}
