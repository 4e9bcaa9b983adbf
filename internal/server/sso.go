package server

import (
	"crypto/subtle"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// ssoCookie keeps a sign-in's state in the browser that began it, so the
// provider's answer is taken only there (a sign-in cannot be finished in
// someone else's browser: login CSRF).
const ssoCookie = "rolefit_sso"

// handleSSOStart is GET /sso/{org}: the organisation's sign-in address.
// It sends the browser to the identity provider.
func handleSSOStart(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		s, err := uc.StartSSO(c.UserContext(), c.Params("org"), safeNext(c.Query("next")))
		if err != nil {
			return err
		}
		ck := &fiber.Cookie{Name: ssoCookie, Value: s.State, Path: "/sso", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
			Secure: isHTTPS(c), MaxAge: 600}
		c.Cookie(ck)
		return c.Redirect(s.URL, fiber.StatusSeeOther)
	}
}

// handleSSOCallback is GET /sso/callback, where the identity provider
// sends the browser back. A failure shows the sign-in page with what
// went wrong.
func handleSSOCallback(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		state := c.Query("state")
		kept := c.Cookies(ssoCookie)
		c.Cookie(&fiber.Cookie{Name: ssoCookie, Value: "", Path: "/sso", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
			Secure: isHTTPS(c), MaxAge: -1})
		fail := func(status int, msg string) error {
			v := pageView(c, rnd.english.T("sso.signin.title"), "")
			v.Message = msg
			v.Form = map[string]string{"next": "/"}
			v.Data = loginPage{}
			return rnd.render(c, status, "login", v)
		}
		if e := c.Query("error"); e != "" {
			return fail(fiber.StatusUnauthorized, rnd.english.T("sso.signin.provider_refused", e))
		}
		if state == "" || kept == "" || subtle.ConstantTimeCompare([]byte(state), []byte(kept)) != 1 {
			return fail(fiber.StatusUnauthorized, rnd.english.T("sso.signin.other_browser"))
		}
		u, next, err := uc.FinishSSO(c.UserContext(), state, c.Query("code"))
		if code := errs.Code(err); code == errs.CodeUnauthorized || code == errs.CodeForbidden || code == errs.CodeConflict {
			return fail(statusOf[code], errs.Message(err))
		}
		if err != nil {
			return err
		}
		if err := startSession(c, uc, u); err != nil {
			return err
		}
		return c.Redirect(safeNext(next), fiber.StatusSeeOther)
	}
}
