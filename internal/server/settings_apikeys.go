package server

import (
	"rolefit"

	"github.com/gofiber/fiber/v2"

	usecases "rolefit/internal/app"
	"rolefit/internal/errs"
)

type apiKeysPage struct {
	Keys []rolefit.APIKey
	// New is set only on the response that created a key: the one time
	// its secret is shown.
	New    *rolefit.APIKey
	Secret string
}

func renderAPIKeys(c *fiber.Ctx, uc *usecases.App, rnd *renderer, status int, v *view, data apiKeysPage) error {
	ks, err := uc.APIKeys(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	data.Keys = ks
	v.Data = data
	return rnd.render(c, status, "apikeys", v)
}

// handleAPIKeys lists the organisation's API keys (admins only).
func handleAPIKeys(uc *usecases.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderAPIKeys(c, uc, rnd, fiber.StatusOK, pageView(c, rnd.english.T("apikeys.title"), "settings"), apiKeysPage{})
	}
}

// handleAPIKeyCreate makes a key and shows its secret once. The page is
// rendered directly, not after a redirect, so the secret never travels in
// a URL or a cookie, and it is marked not to be cached.
func handleAPIKeyCreate(uc *usecases.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		k, secret, err := uc.CreateAPIKey(c.UserContext(), actorOf(c), c.FormValue("name"))
		if errs.Code(err) == errs.CodeInvalid {
			v := pageView(c, rnd.english.T("apikeys.title"), "settings")
			v.Message, v.Errors = errs.Message(err), errs.FieldsOf(err)
			v.Form = map[string]string{"name": c.FormValue("name")}
			return renderAPIKeys(c, uc, rnd, fiber.StatusBadRequest, v, apiKeysPage{})
		}
		if err != nil {
			return err
		}
		c.Set(fiber.HeaderCacheControl, "no-store")
		return renderAPIKeys(c, uc, rnd, fiber.StatusCreated, pageView(c, rnd.english.T("apikeys.title"), "settings"), apiKeysPage{New: k, Secret: secret})
	}
}

// handleAPIKeyRevoke stops a key from working.
func handleAPIKeyRevoke(uc *usecases.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := uc.RevokeAPIKey(c.UserContext(), actorOf(c), c.Params("id")); err != nil {
			return err
		}
		flash(c, rnd.english.T("apikeys.flash.revoked"))
		return c.Redirect("/settings/api-keys", fiber.StatusSeeOther)
	}
}
