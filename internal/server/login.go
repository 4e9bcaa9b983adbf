package server

import (
	"math"
	"net/url"
	"rolefit"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// safeNext returns a same-site path to go to after signing in, or "/".
// Anything that could lead off-site ("//evil.example", "https://…") is
// refused, so the sign-in page cannot be used to send people elsewhere.
func safeNext(next string) string {
	if next == "" || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	if u, err := url.Parse(next); err != nil || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return next
}

// loginPage is what the sign-in page shows besides the form.
type loginPage struct {
	NeedsSetup bool
	// Choices are the organisations whose accounts the e-mail address and
	// password both matched, when there are several.
	Choices []rolefit.Organisation
}

// handleLoginForm shows the sign-in page. A new install without users
// explains how to get the first account instead.
func handleLoginForm(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if currentUser(c) != nil {
			return c.Redirect(safeNext(c.Query("next")), fiber.StatusSeeOther)
		}
		setup, err := uc.NeedsSetup(c.UserContext())
		if err != nil {
			return err
		}
		v := pageView(c, rnd.english.T("login.title"), "")
		v.Form = map[string]string{"next": safeNext(c.Query("next"))}
		v.Data = loginPage{NeedsSetup: setup}
		return rnd.render(c, fiber.StatusOK, "login", v)
	}
}

// signInLimits are the budgets of failed sign-ins besides the client
// address's: per e-mail address typed (accounts), the delay between
// attempts once that is spent (delays), and per known browser (devices).
type signInLimits struct {
	accounts, delays, devices *failures
}

// handleLogin checks the e-mail address and password and starts a session.
// A failure comes back to the form with the address kept, and with status
// 401 so the per-address limiter counts it. Failures are also counted per
// e-mail address (accounts), so that many addresses sharing the guessing
// of one password are stopped too; the count is kept for any address
// typed, known or not, so a refusal says nothing about who has an account.
//
// Past the account's budget, sign-in is slowed down, not shut: a browser
// not known to the account gets one attempt per delay, and the right
// password then works. Refusing the right password outright would let
// anyone keep a user out by typing wrong ones. A browser that signed in to
// the account before (knownDevice) is not held up at all, and its own
// failures count against it alone. When the password opens accounts in
// several organisations (one person, one password, two employers), the
// page asks which one.
func handleLogin(uc *app.App, rnd *renderer, lim signInLimits) fiber.Handler {
	return func(c *fiber.Ctx) error {
		email, next := c.FormValue("email"), safeNext(c.FormValue("next"))
		again := func(status int, msg string, choices []rolefit.Organisation) error {
			v := pageView(c, rnd.english.T("login.title"), "")
			v.Message = msg
			v.Form = map[string]string{"email": email, "next": next}
			v.Data = loginPage{Choices: choices}
			return rnd.render(c, status, "login", v)
		}
		key, device := accountKey(email), knownDeviceOf(c)
		if device == "" {
			left, slowed, err := lim.wait(c, key)
			if err != nil {
				return err
			}
			if slowed {
				setRetryAfter(c, left)
				return again(fiber.StatusTooManyRequests, rnd.english.T("login.too_many", waitText(left)), nil)
			}
		}
		org := c.FormValue("org")
		accounts, err := uc.SignIn(c.UserContext(), email, c.FormValue("password"))
		if err == nil && org == "" && len(accounts) > 1 {
			orgs := make([]rolefit.Organisation, len(accounts))
			for i, a := range accounts {
				orgs[i] = a.Organisation
			}
			return again(fiber.StatusOK, "", orgs)
		}
		var u *rolefit.User
		if err == nil {
			u, err = app.AccountIn(accounts, org)
		}
		if errs.Code(err) == errs.CodeUnauthorized {
			if err := lim.fail(c, key, device); err != nil {
				return err
			}
			return again(fiber.StatusUnauthorized, errs.Message(err), nil)
		}
		if errs.Code(err) == errs.CodeForbidden { // the organisation signs in with single sign-on only
			return again(fiber.StatusForbidden, errs.Message(err), nil)
		}
		if err != nil {
			return err
		}
		if err := startSession(c, uc, u); err != nil {
			return err
		}
		if err := setDeviceCookie(c, uc, u); err != nil {
			return err
		}
		return c.Redirect(next, fiber.StatusSeeOther)
	}
}

// wait reports whether a sign-in to key from a browser not known to it
// must wait, and how long: only once the account's budget is spent, and
// then until a delay has passed since the last failure.
func (lim signInLimits) wait(c *fiber.Ctx, key string) (time.Duration, bool, error) {
	_, over, err := lim.accounts.over(c.UserContext(), key)
	if err != nil || !over {
		return 0, false, err
	}
	return lim.delays.over(c.UserContext(), key)
}

// fail counts a failed sign-in: against the known browser it came from,
// or else against the account and its delay.
func (lim signInLimits) fail(c *fiber.Ctx, key, device string) error {
	if device != "" {
		return lim.devices.add(c.UserContext(), device)
	}
	if err := lim.accounts.add(c.UserContext(), key); err != nil {
		return err
	}
	return lim.delays.add(c.UserContext(), key)
}

// waitText says how long to wait in words, in whole minutes above one.
func waitText(d time.Duration) string {
	n := 1
	if d > time.Minute {
		n = int(math.Ceil(d.Minutes()))
	}
	return managerEnglish.T("login.wait", n)
}

// startSession signs u in on this browser. Any earlier session cookie is
// replaced, so a session fixed by someone else before sign-in is useless.
func startSession(c *fiber.Ctx, uc *app.App, u *rolefit.User) error {
	token, err := uc.StartSession(c.UserContext(), u, c.Cookies(sessionCookie))
	if err != nil {
		return err
	}
	setCookie(c, sessionCookie, token, int(app.SessionMax.Seconds()))
	setCookie(c, csrfCookie, "", -1)
	return nil
}

// handleLogout ends the session (a POST with the CSRF token, so another
// site cannot sign people out).
func handleLogout(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if token := c.Cookies(sessionCookie); token != "" {
			if err := uc.EndSession(c.UserContext(), token); err != nil {
				return err
			}
		}
		setCookie(c, sessionCookie, "", -1)
		flash(c, managerEnglish.T("login.flash.signed_out"))
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
}
