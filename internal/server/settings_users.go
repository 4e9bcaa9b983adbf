package server

import (
	"rolefit"

	"github.com/gofiber/fiber/v2"

	usecases "rolefit/internal/app"
	"rolefit/internal/errs"
)

type usersPage struct {
	Users []rolefit.User
}

func renderUsers(c *fiber.Ctx, uc *usecases.App, rnd *renderer, status int, v *view) error {
	us, err := uc.Users(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	v.Data = usersPage{Users: us}
	return rnd.render(c, status, "users", v)
}

// handleUsers lists the organisation's users (admins only).
func handleUsers(uc *usecases.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderUsers(c, uc, rnd, fiber.StatusOK, pageView(c, rnd.english.T("users.title"), "settings"))
	}
}

// handleUserCreate adds a user with a first password the admin passes on.
func handleUserCreate(uc *usecases.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		form := map[string]string{"name": c.FormValue("name"), "email": c.FormValue("email"), "access": c.FormValue("access")}
		nu := rolefit.NewUser{Name: form["name"], Email: form["email"], Access: rolefit.Access(form["access"]), Password: c.FormValue("password")}
		u, err := uc.AddUser(c.UserContext(), actorOf(c), nu)
		if code := errs.Code(err); code == errs.CodeInvalid || code == errs.CodeConflict {
			v := pageView(c, rnd.english.T("users.title"), "settings")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), form
			return renderUsers(c, uc, rnd, statusOf[code], v)
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("users.flash.added", u.Name, string(u.Access)))
		return c.Redirect("/settings/users", fiber.StatusSeeOther)
	}
}

// handleUserAccess changes what a user may do: admin or manager.
func handleUserAccess(uc *usecases.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := uc.SetUserAccess(c.UserContext(), actorOf(c), c.Params("id"), rolefit.Access(c.FormValue("access"))); err != nil {
			return err
		}
		flash(c, rnd.english.T("users.flash.access_changed"))
		return c.Redirect("/settings/users", fiber.StatusSeeOther)
	}
}

// handleUserDelete removes a user (never the admin's own account).
func handleUserDelete(uc *usecases.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := uc.RemoveUser(c.UserContext(), actorOf(c), c.Params("id")); err != nil {
			return err
		}
		flash(c, rnd.english.T("users.flash.removed"))
		return c.Redirect("/settings/users", fiber.StatusSeeOther)
	}
}
