package server

import (
	"rolefit"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// apiOutcome is a hiring outcome in the API: the stage a person reached
// and when.
type apiOutcome struct {
	ID        string        `json:"id"`
	PersonID  string        `json:"person_id"`
	Stage     rolefit.Stage `json:"stage"`
	At        time.Time     `json:"at"`
	CreatedAt time.Time     `json:"created_at"`
}

func apiOutcomeOf(o rolefit.Outcome) apiOutcome {
	return apiOutcome{ID: o.ID, PersonID: o.PersonID, Stage: o.Stage, At: o.ReachedAt.UTC(), CreatedAt: o.CreatedAt.UTC()}
}

func apiOutcomesOf(os []rolefit.Outcome) []apiOutcome {
	out := make([]apiOutcome, len(os))
	for i, o := range os {
		out[i] = apiOutcomeOf(o)
	}
	return out
}

// handleAPIOutcomes is GET /api/v1/people/{id}/outcomes.
func handleAPIOutcomes(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		os, err := uc.PersonOutcomes(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		return c.JSON(fiber.Map{"outcomes": apiOutcomesOf(os)})
	}
}

// handleAPIOutcomeCreate is POST /api/v1/people/{id}/outcomes
// {"stage", "at"}: at is a date (YYYY-MM-DD) or an RFC 3339 time.
func handleAPIOutcomeCreate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var in struct {
			Stage string `json:"stage"`
			At    string `json:"at"`
		}
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
		o, err := uc.RecordOutcome(c.UserContext(), actorOf(c), c.Params("id"), in.Stage, in.At)
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(apiOutcomeOf(*o))
	}
}

// handleAPISelfIdentification is PUT /api/v1/people/{id}/self-identification
// {"sex", "race_ethnicity", "age_40_or_over"}, for an applicant tracking
// system that collected it. age_40_or_over is true, false, or "declined";
// a field left out or null is "declined". It answers 204: the answers are
// never shown back.
func handleAPISelfIdentification(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var in struct {
			Sex           *string `json:"sex"`
			RaceEthnicity *string `json:"race_ethnicity"`
			Age40OrOver   any     `json:"age_40_or_over"`
		}
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
		s := rolefit.SelfIdentification{PersonID: c.Params("id")}
		if in.Sex != nil {
			s.Sex = *in.Sex
		}
		if in.RaceEthnicity != nil {
			s.RaceEthnicity = *in.RaceEthnicity
		}
		switch v := in.Age40OrOver.(type) {
		case nil:
		case bool:
			s.Age40OrOver = map[bool]string{true: "yes", false: "no"}[v]
		case string:
			if v != rolefit.Declined {
				return errs.InvalidFields("Please correct the highlighted fields.", map[string]string{"age_40_or_over": `must be true, false or "declined"`})
			}
			s.Age40OrOver = v
		default:
			return errs.InvalidFields("Please correct the highlighted fields.", map[string]string{"age_40_or_over": `must be true, false or "declined"`})
		}
		if err := uc.SetSelfIdentification(c.UserContext(), actorOf(c), s); err != nil {
			return err
		}
		return c.SendStatus(fiber.StatusNoContent)
	}
}
