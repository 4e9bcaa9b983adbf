package server

import (
	"rolefit"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// handleSetupForm shows the first-run form behind the one-time link that
// rolefit prints on its console while it has no users.
func handleSetupForm(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		token := c.Query("token")
		if err := uc.CheckSetupToken(c.UserContext(), token); err != nil {
			return err
		}
		v := pageView(c, rnd.english.T("setup.title"), "")
		v.Form = map[string]string{"token": token}
		return rnd.render(c, fiber.StatusOK, "setup", v)
	}
}

// handleSetup creates the first organisation and admin and signs them in.
func handleSetup(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		form := map[string]string{
			"token":        c.FormValue("token"),
			"organisation": c.FormValue("organisation"),
			"name":         c.FormValue("name"),
			"email":        c.FormValue("email"),
		}
		admin := rolefit.NewUser{Email: form["email"], Name: form["name"], Password: c.FormValue("password")}
		u, err := uc.CompleteSetup(c.UserContext(), form["token"], form["organisation"], admin)
		if code := errs.Code(err); code == errs.CodeInvalid || code == errs.CodeConflict && errs.FieldsOf(err) != nil {
			v := pageView(c, rnd.english.T("setup.title"), "")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), form
			return rnd.render(c, statusOf[code], "setup", v)
		}
		if err != nil {
			// A used or expired link counts as a failed attempt.
			status, _ := classify(err)
			c.Status(status)
			return err
		}
		if err := startSession(c, uc, u); err != nil {
			return err
		}
		flash(c, rnd.english.T("setup.flash.ready"))
		return c.Redirect("/", fiber.StatusSeeOther)
	}
}
