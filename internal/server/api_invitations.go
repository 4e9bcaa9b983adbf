package server

import (
	"rolefit"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// apiInvitation is an invitation in the API. URL is present only in the
// response that created it: the link's token is not stored.
type apiInvitation struct {
	apiInvitationFields
	Status     rolefit.InvitationStatus `json:"status"`
	URL        string                   `json:"url,omitempty"`
	Emailed    bool                     `json:"emailed"`
	EmailError string                   `json:"email_error,omitempty"`
	// EmailQueued says an e-mail with a link of its own is on its way
	// (bulk invitations send theirs through the outbound queue).
	EmailQueued bool `json:"email_queued,omitempty"`
}

// handleAPIInvitationCreate is POST /api/v1/invitations: one person
// (person_id), answered with the invitation, or several at once
// (person_ids), all or none, answered with the list of invitations.
func handleAPIInvitationCreate(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var body struct {
			PersonID      string    `json:"person_id"`
			PersonIDs     *[]string `json:"person_ids"`
			Questionnaire string    `json:"questionnaire"`
			Version       int       `json:"version"`
			ExpiresInDays *int      `json:"expires_in_days"`
			Language      string    `json:"language"`
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
		if body.PersonIDs != nil {
			if body.PersonID != "" {
				return errs.InvalidFields("Name one person or several, not both.", map[string]string{"person_id": "leave it out when person_ids is given"})
			}
			res, err := uc.InviteMany(c.UserContext(), actorOf(c), app.BulkInviteInput{PersonIDs: *body.PersonIDs, Questionnaire: in.Questionnaire,
				Version: in.Version, Days: in.Days, Language: in.Language})
			if err != nil {
				return err
			}
			out := listResponse[apiInvitation]{Items: make([]apiInvitation, len(res))}
			for i, r := range res {
				out.Items[i] = apiInvitation{apiInvitationFields: apiInvitationFieldsOf(*r.Invitation), Status: r.State(uc.Now()),
					URL: r.URL, EmailQueued: r.EmailQueued}
			}
			return c.Status(fiber.StatusCreated).JSON(out)
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

// handleAPIInvitations is GET /api/v1/invitations: the organisation's
// invitations, newest first, by state now and by person, paged.
func handleAPIInvitations(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		n, err := pageLimit(c)
		if err != nil {
			return err
		}
		page, err := uc.Invitations(c.UserContext(), actorOf(c), app.InvitationQuery{State: c.Query("state"), PersonID: c.Query("person_id"),
			Limit: n, Cursor: c.Query("cursor")})
		if err != nil {
			return err
		}
		now := uc.Now()
		out := listResponse[apiInvitation]{Items: make([]apiInvitation, len(page.Items)), NextCursor: page.Next}
		for i, inv := range page.Items {
			out.Items[i] = apiInvitation{apiInvitationFields: apiInvitationFieldsOf(inv), Status: inv.State(now), Emailed: inv.EmailedAt != nil, EmailError: inv.EmailError}
		}
		return c.JSON(out)
	}
}
