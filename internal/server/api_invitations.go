package server

import (
	"rolefit"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// apiInvitation is an invitation in the API. URL is present only in the
// response that created it: the link's token is not stored.
type apiInvitation struct {
	apiInvitationFields
	Status     rolefit.InvitationStatus `json:"status"`
	URL        string                   `json:"url,omitempty"`
	Emailed    bool                     `json:"emailed"`
	EmailError string                   `json:"email_error,omitempty"`
}

// handleAPIInvitationCreate is POST /api/v1/invitations.
func handleAPIInvitationCreate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var body struct {
			PersonID      string `json:"person_id"`
			Questionnaire string `json:"questionnaire"`
			Version       int    `json:"version"`
			ExpiresInDays *int   `json:"expires_in_days"`
			Language      string `json:"language"`
		}
		if err := decodeJSON(c, &body); err != nil {
			return err
		}
		in := app.InviteInput{PersonID: body.PersonID, Questionnaire: body.Questionnaire, Version: body.Version, Language: body.Language}
		if body.ExpiresInDays != nil {
			in.Days = *body.ExpiresInDays
			if in.Days == 0 {
				in.Days = -1 // 0 given explicitly is out of range, not "the default"
			}
		}
		res, err := uc.Invite(c.UserContext(), actorOf(c), in)
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(apiInvitation{apiInvitationFields: apiInvitationFieldsOf(*res.Invitation), Status: res.State(uc.Now()),
			URL: res.URL, Emailed: res.Emailed, EmailError: res.EmailError})
	}
}

// handleAPIInvitation is GET /api/v1/invitations/{id}.
func handleAPIInvitation(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		inv, err := uc.Invitation(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		return c.JSON(apiInvitation{apiInvitationFields: apiInvitationFieldsOf(*inv), Status: inv.State(uc.Now()), Emailed: inv.EmailedAt != nil, EmailError: inv.EmailError})
	}
}
