package server

import (
	"rolefit"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// apiPerson is a person in the API, with their newest invitation's status
// and a summary of their profile (their latest self-report), when they
// have them. A manager's rating is never shown in the profile's place.
type apiPerson struct {
	apiPersonFields
	InvitationStatus string `json:"invitation_status,omitempty"`
	// Profile is null until the person has a self-report.
	Profile *apiProfileSummary `json:"profile"`
}

type apiProfileSummary struct {
	Questionnaire string `json:"questionnaire"`
	SubmittedAt   string `json:"submitted_at"`
	Class         string `json:"class,omitempty"`
	Flags         int    `json:"flags"`
	// Severity is the flags' overall severity: "likely", "look" or "".
	Severity   string              `json:"severity"`
	Composites map[string]*float64 `json:"composites"`
}

func apiPersonOf(r app.PersonRow) apiPerson {
	p := apiPerson{apiPersonFields: apiPersonFieldsOf(r.Person), InvitationStatus: string(r.Status)}
	if r.ProfileAt != nil {
		p.Profile = &apiProfileSummary{Questionnaire: r.ProfileQuestionnaire, SubmittedAt: r.ProfileAt.UTC().Format(time.RFC3339),
			Class: r.ProfileClass, Flags: r.FlagCount, Severity: r.Severity, Composites: r.Composites}
	}
	return p
}

// handleAPIPeopleCreate is POST /api/v1/people.
func handleAPIPeopleCreate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var in struct {
			Name     string `json:"name"`
			Email    string `json:"email"`
			Kind     string `json:"kind"`
			JobTitle string `json:"job_title"`
			// Role was the field's name before job titles had their own
			// word; "role" now means a placement role.
			Role *string `json:"role"`
		}
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
		if in.Role != nil {
			return errs.InvalidFields("A person's job title is sent as job_title.", map[string]string{"role": "is now called job_title"})
		}
		p, err := uc.AddPerson(c.UserContext(), actorOf(c), rolefit.NewPerson{Name: in.Name, Email: in.Email,
			Kind: rolefit.PersonKind(in.Kind), JobTitle: in.JobTitle})
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(apiPerson{apiPersonFields: apiPersonFieldsOf(*p)})
	}
}

// handleAPIPeople is GET /api/v1/people.
func handleAPIPeople(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		q, err := peopleQueryOf(c)
		if err != nil {
			return err
		}
		page, err := uc.People(c.UserContext(), actorOf(c), q)
		if err != nil {
			return err
		}
		out := listResponse[apiPerson]{Items: make([]apiPerson, len(page.Items)), NextCursor: page.Next}
		for i, r := range page.Items {
			out.Items[i] = apiPersonOf(r)
		}
		return c.JSON(out)
	}
}

// handleAPIPerson is GET /api/v1/people/{id}.
func handleAPIPerson(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		row, err := uc.PersonSummary(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		return c.JSON(apiPersonOf(*row))
	}
}

// handleAPIPersonPatch is PATCH /api/v1/people/{id}: change a person's
// name, e-mail address or job title; the fields left out keep their
// values.
func handleAPIPersonPatch(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var in struct {
			Name     *string `json:"name"`
			Email    *string `json:"email"`
			JobTitle *string `json:"job_title"`
		}
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
		if _, err := uc.UpdatePerson(c.UserContext(), actorOf(c), c.Params("id"), rolefit.PersonChange{Name: in.Name, Email: in.Email, JobTitle: in.JobTitle}); err != nil {
			return err
		}
		row, err := uc.PersonSummary(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		return c.JSON(apiPersonOf(*row))
	}
}

// handleAPIPersonDelete is DELETE /api/v1/people/{id}: erase a person
// with everything about them, as the person page's Erase does; the
// erasure is audited and sent as person.erased.
func handleAPIPersonDelete(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := uc.ErasePerson(c.UserContext(), actorOf(c), c.Params("id"), true); err != nil {
			return err
		}
		return c.SendStatus(fiber.StatusNoContent)
	}
}
