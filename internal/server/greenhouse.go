package server

import (
	"encoding/base64"
	"strings"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// Greenhouse's Assessment Partner routes (app/greenhouse.go), under
// /integrations/greenhouse/: the four addresses an admin gives Greenhouse.
// Greenhouse authenticates with HTTP Basic, an API key as the user name
// and no password, on these routes only; a wrong key is 401, an unknown
// assessment 404, both in the API's JSON error shape, and absent values
// are null.

// greenhouseAuth authenticates a Greenhouse call by its Basic
// credentials: the user name is an API key of the organisation.
func greenhouseAuth(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		refuse := func(msg string) error {
			c.Set(fiber.HeaderWWWAuthenticate, `Basic realm="rolefit Greenhouse", charset="UTF-8"`)
			return errs.Unauthorized(msg)
		}
		b64, ok := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Basic ")
		if !ok {
			return refuse("Send an API key as the user name of HTTP Basic authentication; an admin creates keys under Settings → API keys.")
		}
		raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(b64))
		if err != nil {
			return refuse("The Basic credentials are not base64.")
		}
		key, _, _ := strings.Cut(string(raw), ":")
		if strings.TrimSpace(key) == "" {
			return refuse("The Basic credentials have no user name; it is the API key.")
		}
		k, err := uc.APIKey(c.UserContext(), strings.TrimSpace(key))
		if err != nil {
			if errs.Code(err) == errs.CodeUnauthorized {
				markUnknownSecret(c)
				return refuse(errs.Message(err))
			}
			return err
		}
		c.Locals(localAPIKey, k)
		return c.Next()
	}
}

// apiGreenhouseTest is one entry of list_tests.
type apiGreenhouseTest struct {
	ID          string `json:"partner_test_id"`
	Name        string `json:"partner_test_name"`
	Description string `json:"partner_test_description"`
}

// handleGreenhouseListTests is GET /integrations/greenhouse/list_tests.
func handleGreenhouseListTests(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		ts, err := uc.GreenhouseTests(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		out := make([]apiGreenhouseTest, len(ts))
		for i, t := range ts {
			out[i] = apiGreenhouseTest{ID: t.ID, Name: t.Name, Description: t.Description}
		}
		return c.JSON(out)
	}
}

// greenhouseSendBody is send_test's request. Fields rolefit does not use
// (the résumé, the phone number) are ignored rather than refused: the body
// is Greenhouse's to extend.
type greenhouseSendBody struct {
	TestID    string `json:"partner_test_id"`
	Candidate struct {
		FirstName  string `json:"first_name"`
		LastName   string `json:"last_name"`
		Email      string `json:"email"`
		ProfileURL string `json:"greenhouse_profile_url"`
	} `json:"candidate"`
	URL string `json:"url"`
}

// handleGreenhouseSendTest is POST /integrations/greenhouse/send_test.
func handleGreenhouseSendTest(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		body, err := checkedJSONBody(c)
		if err != nil {
			return err
		}
		var b greenhouseSendBody
		if err := jsonv2.Unmarshal(body, &b); err != nil {
			return errs.Invalid("The body is not the JSON object send_test takes.")
		}
		res, err := uc.SendGreenhouseTest(c.UserContext(), actorOf(c), app.GreenhouseSendInput{TestID: b.TestID,
			FirstName: b.Candidate.FirstName, LastName: b.Candidate.LastName, Email: b.Candidate.Email,
			CallbackURL: b.URL, GreenhouseProfileURL: b.Candidate.ProfileURL})
		if err != nil {
			return err
		}
		return c.JSON(fiber.Map{"partner_interview_id": res.PartnerInterviewID})
	}
}

// handleGreenhouseTestStatus is GET
// /integrations/greenhouse/test_status?partner_interview_id=.
func handleGreenhouseTestStatus(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := strings.TrimSpace(c.Query("partner_interview_id"))
		if id == "" {
			return errs.InvalidFields("Name the assessment.", map[string]string{"partner_interview_id": "is required"})
		}
		st, err := uc.GreenhouseTestStatus(c.UserContext(), actorOf(c), id)
		if err != nil {
			return err
		}
		// Greenhouse's document, the one the completion PATCH sends too
		// (app.GreenhouseStatus).
		return c.JSON(st)
	}
}

// handleGreenhouseRequestErrors is POST
// /integrations/greenhouse/request_errors: Greenhouse reports what was
// wrong with rolefit's answers; it is logged and kept for the admins.
func handleGreenhouseRequestErrors(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		body, err := checkedJSONBody(c)
		if err != nil {
			return err
		}
		if err := uc.RecordGreenhouseError(c.UserContext(), actorOf(c), string(body)); err != nil {
			return err
		}
		return c.SendStatus(fiber.StatusNoContent)
	}
}
