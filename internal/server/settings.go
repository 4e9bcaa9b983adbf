package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// handleSettings shows the user's account and, for admins, links to the
// organisation's settings.
func handleSettings(rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return rnd.render(c, fiber.StatusOK, "settings", pageView(c, rnd.english.T("settings.title"), "settings"))
	}
}

// handleChangePassword changes the signed-in user's password and signs out
// their other browsers. Wrong current passwords are counted per user: a
// session left open on a shared computer must not become a way to guess
// the password, which may open more than rolefit.
func handleChangePassword(uc *app.App, rnd *renderer, wrong *failures) fiber.Handler {
	return func(c *fiber.Ctx) error {
		u := currentUser(c)
		again := func(status int, err error) error {
			v := pageView(c, rnd.english.T("settings.title"), "settings")
			v.Message, v.Errors = errs.Message(err), errs.FieldsOf(err)
			return rnd.render(c, status, "settings", v)
		}
		left, over, err := wrong.over(c.UserContext(), u.ID)
		if err != nil {
			return err
		}
		if over {
			setRetryAfter(c, left)
			return again(fiber.StatusTooManyRequests, errs.RateLimited(rnd.english.T(
				"settings.error.too_many_wrong", waitText(left))))
		}
		err = uc.ChangePassword(c.UserContext(), actorOf(c),
			c.FormValue("current_password"), c.FormValue("new_password"), c.Cookies(sessionCookie))
		if errs.Code(err) == errs.CodeInvalid {
			if _, bad := errs.FieldsOf(err)["current_password"]; bad {
				if err := wrong.add(c.UserContext(), u.ID); err != nil {
					return err
				}
			}
			return again(fiber.StatusBadRequest, err)
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("settings.flash.password_changed"))
		return c.Redirect("/settings", fiber.StatusSeeOther)
	}
}
