package server

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// apiInvitation is an invitation in the API. URL is present only in the
// response that created it: the link's token is not stored.
type apiInvitation struct {
	store.Invitation
	Status     store.InvitationStatus `json:"status"`
	URL        string                 `json:"url,omitempty"`
	Emailed    bool                   `json:"emailed"`
	EmailError string                 `json:"email_error,omitempty"`
}

// handleAPIInvitationCreate is POST /api/v1/invitations.
func handleAPIInvitationCreate(in *inviter, now func() time.Time) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var body struct {
			PersonID      string `json:"person_id"`
			Questionnaire string `json:"questionnaire"`
			Version       int    `json:"version"`
			ExpiresInDays *int   `json:"expires_in_days"`
		}
		if err := decodeJSON(c, &body); err != nil {
			return err
		}
		if body.PersonID == "" {
			return errs.InvalidFields("Name the person to invite.", map[string]string{"person_id": "is required"})
		}
		days := 14
		if body.ExpiresInDays != nil {
			days = *body.ExpiresInDays
		}
		q, err := findQuestionnaire(in.cat, body.Questionnaire, body.Version)
		if err != nil {
			return err
		}
		res, err := in.invite(c, body.PersonID, q, days)
		if errs.Code(err) == errs.CodeNotFound {
			return errs.InvalidFields("There is no such person.", map[string]string{"person_id": "is not a person of your organisation"})
		}
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(apiInvitation{Invitation: *res.Inv, Status: res.Inv.State(now()),
			URL: res.URL, Emailed: res.Emailed, EmailError: res.EmailError})
	}
}

// handleAPIInvitation is GET /api/v1/invitations/{id}.
func handleAPIInvitation(st *store.Store, now func() time.Time) fiber.Handler {
	return func(c *fiber.Ctx) error {
		inv, err := orgOf(c, st).Invitation(c.UserContext(), c.Params("id"))
		if err != nil {
			return err
		}
		return c.JSON(apiInvitation{Invitation: *inv, Status: inv.State(now()), Emailed: inv.EmailedAt != nil, EmailError: inv.EmailError})
	}
}
