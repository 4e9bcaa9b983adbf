package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// handleSettings shows the user's account and, for admins, links to the
// organisation's settings.
func handleSettings(st *store.Store, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return rnd.render(c, fiber.StatusOK, "settings", pageView(c, "Settings", "settings"))
	}
}

// handleChangePassword changes the signed-in user's password and signs out
// their other browsers.
func handleChangePassword(st *store.Store, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		u := currentUser(c)
		err := st.Org(u.OrgID).ChangePassword(c.UserContext(), u.ID,
			c.FormValue("current_password"), c.FormValue("new_password"), c.Cookies(sessionCookie))
		if errs.Code(err) == errs.CodeInvalid {
			v := pageView(c, "Settings", "settings")
			v.Message, v.Errors = errs.Message(err), errs.FieldsOf(err)
			return rnd.render(c, fiber.StatusBadRequest, "settings", v)
		}
		if err != nil {
			return err
		}
		flash(c, "Your password has been changed. Other browsers have been signed out.")
		return c.Redirect("/settings", fiber.StatusSeeOther)
	}
}
