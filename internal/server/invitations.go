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
			err = errs.InvalidFields(rnd.english.T("person.error.days"), map[string]string{"expires_in_days": rnd.english.T("person.error.days.field")})
		} else {
			if days == 0 {
				days = -1 // typed 0: out of range, not "the default"
			}
			res, err = uc.Invite(c.UserContext(), actorOf(c), app.InviteInput{PersonID: c.Params("id"),
				Questionnaire: form["questionnaire"], Days: days, Language: form["language"]})
		}
		if errs.Code(err) == errs.CodeInvalid {
			v := pageView(c, rnd.english.T("person.title"), "people")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), form
			return renderPerson(c, uc, rnd, fiber.StatusBadRequest, v, nil)
		}
		if err != nil {
			return err
		}
		return renderPerson(c, uc, rnd, fiber.StatusCreated, pageView(c, rnd.english.T("person.title"), "people"),
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
		flash(c, peopleEnglish().T("person.flash.withdrawn"))
		return c.Redirect("/people/"+inv.PersonID, fiber.StatusSeeOther)
	}
}

// handleInvitationExtend gives an invitation more days.
func handleInvitationExtend(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		days, convErr := quantity.ParseWhole(c.FormValue("days"))
		if convErr != nil {
			return errs.InvalidFields(peopleEnglish().T("person.error.extend"), map[string]string{"days": peopleEnglish().T("person.error.extend.field")})
		}
		ext, err := uc.ExtendInvitation(c.UserContext(), actorOf(c), c.Params("id"), c.Params("inv"), days)
		if err != nil {
			return err
		}
		flash(c, peopleEnglish().T("person.flash.extended", ext.ExpiresAt.In(zoneOfRequest(c)).Format(dateTimeLayout)))
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
		return renderPerson(c, uc, rnd, fiber.StatusOK, pageView(c, rnd.english.T("person.title"), "people"),
			&newLink{URL: res.URL, Invitation: res.ID})
	}
}
