package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
	"rolefit/internal/store"
)

type usersPage struct {
	Users []store.User
}

func renderUsers(c *fiber.Ctx, st *store.Store, rnd *renderer, status int, v *view) error {
	us, err := orgOf(c, st).Users(c.UserContext())
	if err != nil {
		return err
	}
	v.Data = usersPage{Users: us}
	return rnd.render(c, status, "users", v)
}

// handleUsers lists the organisation's users (admins only).
func handleUsers(st *store.Store, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderUsers(c, st, rnd, fiber.StatusOK, pageView(c, "Users", "settings"))
	}
}

// handleUserCreate adds a user with a first password the admin passes on.
func handleUserCreate(st *store.Store, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		form := map[string]string{"name": c.FormValue("name"), "email": c.FormValue("email"), "role": c.FormValue("role")}
		nu := store.NewUser{Name: form["name"], Email: form["email"], Role: store.Role(form["role"]), Password: c.FormValue("password")}
		u, err := orgOf(c, st).CreateUser(c.UserContext(), nu, actorOf(c).Audit)
		if code := errs.Code(err); code == errs.CodeInvalid || code == errs.CodeConflict {
			v := pageView(c, "Users", "settings")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), form
			return renderUsers(c, st, rnd, statusOf[code], v)
		}
		if err != nil {
			return err
		}
		flash(c, "Added "+u.Name+" as "+string(u.Role)+". Give them their first password; they can change it under Settings.")
		return c.Redirect("/settings/users", fiber.StatusSeeOther)
	}
}

// handleUserRole changes a user's role.
func handleUserRole(st *store.Store) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := orgOf(c, st).SetUserRole(c.UserContext(), c.Params("id"), store.Role(c.FormValue("role")), actorOf(c).Audit); err != nil {
			return err
		}
		flash(c, "Role changed.")
		return c.Redirect("/settings/users", fiber.StatusSeeOther)
	}
}

// handleUserDelete removes a user. Admins cannot remove themselves here, so
// nobody locks themselves out by a slip.
func handleUserDelete(st *store.Store) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if c.Params("id") == currentUser(c).ID {
			return errs.Conflict("You cannot remove your own account. Ask another admin.")
		}
		if err := orgOf(c, st).DeleteUser(c.UserContext(), c.Params("id"), actorOf(c).Audit); err != nil {
			return err
		}
		flash(c, "User removed.")
		return c.Redirect("/settings/users", fiber.StatusSeeOther)
	}
}
