package server

import (
	"rolefit"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// handleSSOSettings shows the organisation's single sign-on settings
// (admins only).
func handleSSOSettings(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderSSOSettings(c, uc, rnd, fiber.StatusOK, pageView(c, rnd.english.T("sso.title"), "settings"))
	}
}

func renderSSOSettings(c *fiber.Ctx, uc *app.App, rnd *renderer, status int, v *view) error {
	s, err := uc.SSOSettings(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	if v.Form == nil {
		v.Form = map[string]string{"issuer": s.Issuer, "client_id": s.ClientID, "new_user_access": string(s.NewUserAccess),
			"enabled": checked(s.Enabled), "create_users": checked(s.CreateUsers), "password_sign_in": checked(s.PasswordSignIn)}
	}
	v.Data = s
	return rnd.render(c, status, "sso", v)
}

func checked(b bool) string {
	if b {
		return "on"
	}
	return ""
}

// handleSSOSettingsSave saves the settings; bad input comes back with
// each field named and nothing saved.
func handleSSOSettingsSave(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		form := map[string]string{}
		for _, k := range []string{"issuer", "client_id", "new_user_access", "enabled", "create_users", "password_sign_in"} {
			form[k] = c.FormValue(k)
		}
		err := uc.UpdateSSOSettings(c.UserContext(), actorOf(c), rolefit.SSOConfig{Enabled: form["enabled"] != "", Issuer: form["issuer"],
			ClientID: form["client_id"], ClientSecret: c.FormValue("client_secret"), CreateUsers: form["create_users"] != "",
			NewUserAccess: rolefit.Access(form["new_user_access"]), PasswordSignIn: form["password_sign_in"] != ""})
		if errs.Code(err) == errs.CodeInvalid {
			v := pageView(c, rnd.english.T("sso.title"), "settings")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), form
			return renderSSOSettings(c, uc, rnd, fiber.StatusBadRequest, v)
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("sso.flash.saved"))
		return c.Redirect("/settings/sso", fiber.StatusSeeOther)
	}
}
