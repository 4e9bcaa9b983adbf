package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// handleInvite invites a person from their page and shows the link once.
func handleInvite(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		form := map[string]string{"questionnaire": c.FormValue("questionnaire"), "expires_in_days": c.FormValue("expires_in_days"),
			"language": c.FormValue("language")}
		days, convErr := quantity.ParseWhole(form["expires_in_days"])
		var res *app.Invitation
		var err error
		if convErr != nil {
			err = errs.InvalidFields("Choose how long the link works.", map[string]string{"expires_in_days": "must be a whole number of days"})
		} else {
			if days == 0 {
				days = -1 // typed 0: out of range, not "the default"
			}
			res, err = uc.Invite(c.UserContext(), actorOf(c), app.InviteInput{PersonID: c.Params("id"),
				Questionnaire: form["questionnaire"], Days: days, Language: form["language"]})
		}
		if errs.Code(err) == errs.CodeInvalid {
			v := pageView(c, "Person", "people")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), form
			return renderPerson(c, uc, rnd, fiber.StatusBadRequest, v, nil)
		}
		if err != nil {
			return err
		}
		return renderPerson(c, uc, rnd, fiber.StatusCreated, pageView(c, "Person", "people"),
			&newLink{URL: res.URL, Invitation: res.ID, Emailed: res.Emailed, EmailError: res.EmailError})
	}
}

// handleInvitationWithdraw closes an invitation.
func handleInvitationWithdraw(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		inv, err := uc.WithdrawInvitation(c.UserContext(), actorOf(c), c.Params("id"), c.Params("inv"))
		if err != nil {
			return err
		}
		flash(c, "The invitation is withdrawn; its link now says so.")
		return c.Redirect("/people/"+inv.PersonID, fiber.StatusSeeOther)
	}
}

// handleInvitationExtend gives an invitation more days.
func handleInvitationExtend(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		days, convErr := quantity.ParseWhole(c.FormValue("days"))
		if convErr != nil {
			return errs.InvalidFields("Choose how many days to add.", map[string]string{"days": "must be a whole number"})
		}
		ext, err := uc.ExtendInvitation(c.UserContext(), actorOf(c), c.Params("id"), c.Params("inv"), days)
		if err != nil {
			return err
		}
		flash(c, "The link now works until "+ext.ExpiresAt.In(zoneOfRequest(c)).Format(dateTimeLayout)+".")
		return c.Redirect("/people/"+ext.PersonID, fiber.StatusSeeOther)
	}
}

// handleInvitationRenew makes a new link for an open invitation, for when
// the old one was lost; answers already saved are kept.
func handleInvitationRenew(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		res, err := uc.RenewInvitation(c.UserContext(), actorOf(c), c.Params("id"), c.Params("inv"))
		if err != nil {
			return err
		}
		return renderPerson(c, uc, rnd, fiber.StatusOK, pageView(c, "Person", "people"),
			&newLink{URL: res.URL, Invitation: res.ID})
	}
}
