package server

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"log/slog"
	"net/url"
	"rolefit"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	usecases "rolefit/internal/app"
	"rolefit/internal/errs"
)

// Cookie names.
const (
	sessionCookie = "rolefit_session"
	csrfCookie    = "rolefit_csrf"
	flashCookie   = "rolefit_flash"
)

// Locals keys.
const (
	localUser      = "user"
	localSession   = "session"
	localOrg       = "org"
	localCSRF      = "csrf"
	localAPIKey    = "api_key"
	localRequestID = "request_id"
)

// contentSecurityPolicy allows only rolefit's own scripts, styles and
// images: no inline script can run even if some text slipped through
// escaping.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// requestContext gives each request an ID and a context with a deadline,
// which the store's queries run under. Fiber's default UserContext has no
// deadline at all.
func requestContext(timeout time.Duration) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := rand.Text()[:16]
		c.Locals(localRequestID, id)
		c.Set("X-Request-ID", id)
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		c.SetUserContext(ctx)
		return c.Next()
	}
}

func requestID(c *fiber.Ctx) string {
	id, _ := c.Locals(localRequestID).(string)
	return id
}

// routeOf names the matched route pattern rather than the path, so tokens
// in invitation and setup links never reach the logs.
func routeOf(c *fiber.Ctx) string {
	r := c.Route()
	if r == nil || r.Path == "" || (r.Path == "/" && c.Path() != "/") {
		return "(unmatched)"
	}
	return r.Path
}

// accessLog writes one structured line per request, after the error
// handler has set the final status.
func accessLog(log *slog.Logger) fiber.Handler {
	return func(c *fiber.Ctx) error {
		start := time.Now()
		err := c.Next()
		if err != nil {
			if herr := c.App().ErrorHandler(c, err); herr != nil {
				_ = c.SendStatus(fiber.StatusInternalServerError)
			}
		}
		status := c.Response().StatusCode()
		level := slog.LevelInfo
		if p := c.Path(); p == "/healthz" || p == "/readyz" || strings.HasPrefix(p, "/static/") {
			level = slog.LevelDebug
		}
		attrs := []slog.Attr{
			slog.String("method", c.Method()),
			slog.String("route", routeOf(c)),
			slog.Int("status", status),
			slog.Duration("elapsed", time.Since(start)),
			slog.Int("bytes", len(c.Response().Body())),
			slog.String("ip", clientIP(c)),
			slog.String("request_id", requestID(c)),
		}
		if u, ok := c.Locals(localUser).(*rolefit.User); ok {
			attrs = append(attrs, slog.String("user", u.ID))
		}
		log.LogAttrs(c.UserContext(), level, "request", attrs...)
		return nil
	}
}

// securityHeaders sets the headers every response carries. Everything but
// the static assets may hold personal data (a person's scores, a
// respondent's answers, an API list), so no browser or proxy may keep a
// copy; the static files set their own caching.
func securityHeaders(c *fiber.Ctx) error {
	h := func(k, v string) { c.Set(k, v) }
	h("Content-Security-Policy", contentSecurityPolicy)
	h("X-Content-Type-Options", "nosniff")
	h("X-Frame-Options", "DENY")
	h("Referrer-Policy", "same-origin")
	h("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
	h("Cross-Origin-Opener-Policy", "same-origin")
	if isHTTPS(c) {
		h("Strict-Transport-Security", "max-age=31536000")
	}
	if !strings.HasPrefix(c.Path(), "/static/") {
		h(fiber.HeaderCacheControl, "no-store")
	}
	return c.Next()
}

// setCookie sets an HttpOnly, SameSite=Lax cookie for the whole site,
// Secure when the request came over HTTPS (see isHTTPS). maxAge 0 means a
// browser-session cookie; negative deletes it.
func setCookie(c *fiber.Ctx, name, value string, maxAge int) {
	ck := &fiber.Cookie{Name: name, Value: value, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: isHTTPS(c), MaxAge: maxAge}
	if maxAge < 0 {
		ck.Expires = time.Unix(1, 0)
		ck.Value = ""
	}
	c.Cookie(ck)
}

// loadSession finds the signed-in user from the session cookie, if any. A
// stale or forged cookie is cleared and the request goes on anonymously;
// pages that need a user redirect to sign-in.
func loadSession(uc *usecases.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		token := c.Cookies(sessionCookie)
		if token == "" {
			return c.Next()
		}
		sess, err := uc.Session(c.UserContext(), token)
		if errs.Code(err) == errs.CodeUnauthorized {
			setCookie(c, sessionCookie, "", -1)
			return c.Next()
		}
		if err != nil {
			return err
		}
		c.Locals(localSession, sess)
		c.Locals(localUser, sess.User)
		c.Locals(localOrg, sess.Organisation)
		c.Locals(localCSRF, sess.CSRFToken)
		return c.Next()
	}
}

// csrfToken returns the token forms must carry: the session's own when
// signed in; otherwise a random value also kept in a cookie (the
// double-submit pattern), which is enough for the sign-in, setup and
// respondent forms.
func csrfToken(c *fiber.Ctx) string {
	if t, ok := c.Locals(localCSRF).(string); ok && t != "" {
		return t
	}
	t := c.Cookies(csrfCookie)
	if t == "" {
		t = usecases.NewToken()
		setCookie(c, csrfCookie, t, 0)
	}
	c.Locals(localCSRF, t)
	return t
}

// csrfProtect refuses state-changing form posts that do not carry the
// page's CSRF token. The JSON API is exempt: it takes no cookies, only
// bearer keys, so a browser cannot be tricked into sending one.
func csrfProtect(c *fiber.Ctx) error {
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return c.Next()
	}
	if isAPI(c) || strings.HasPrefix(c.Path(), "/i/") {
		return c.Next()
	}
	var want string
	if t, ok := c.Locals(localCSRF).(string); ok {
		want = t
	} else {
		want = c.Cookies(csrfCookie)
	}
	got := c.FormValue("_csrf")
	if got == "" {
		got = c.Get("X-CSRF-Token")
	}
	if want == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return errs.Forbidden("This form has expired or did not come from rolefit. Go back, reload the page and try again.")
	}
	return c.Next()
}

// requireUser sends anonymous visitors to the sign-in page, remembering
// where they were going.
func requireUser(c *fiber.Ctx) error {
	if _, ok := c.Locals(localUser).(*rolefit.User); ok {
		return c.Next()
	}
	if c.Method() != fiber.MethodGet {
		return errs.Unauthorized("Your session has ended. Please sign in again.")
	}
	return c.Redirect("/login?next="+url.QueryEscape(c.OriginalURL()), fiber.StatusSeeOther)
}

// requireAdmin lets only admins through.
func requireAdmin(c *fiber.Ctx) error {
	if u, ok := c.Locals(localUser).(*rolefit.User); ok && u.IsAdmin() {
		return c.Next()
	}
	return errs.Forbidden("Only an admin of your organisation can do this.")
}

// requireAdminKey lets only API keys with an admin's rights through: a
// key acts with its creator's access today, and a key made by 'rolefit
// apikey add' is the organisation's, with an admin's (store.APIKey).
func requireAdminKey(c *fiber.Ctx) error {
	if k := apiKeyOf(c); k != nil && k.Access == rolefit.Admin {
		return c.Next()
	}
	return errs.Forbidden("Only an admin's API key can do this: this key acts for a manager. An admin can make a key under Settings → API keys.")
}

// apiAuth authenticates the JSON API by an "Authorization: Bearer KEY"
// header and scopes the request to the key's organisation.
func apiAuth(uc *usecases.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		h := c.Get(fiber.HeaderAuthorization)
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok || strings.TrimSpace(token) == "" {
			c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="rolefit"`)
			return errs.Unauthorized("Send an API key as 'Authorization: Bearer KEY'. An admin creates keys under Settings.")
		}
		k, err := uc.APIKey(c.UserContext(), strings.TrimSpace(token))
		if err != nil {
			if errs.Code(err) == errs.CodeUnauthorized {
				markUnknownSecret(c)
				c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="rolefit", error="invalid_token"`)
			}
			return err
		}
		c.Locals(localAPIKey, k)
		return c.Next()
	}
}

// currentUser returns the signed-in user; only call it behind requireUser.
func currentUser(c *fiber.Ctx) *rolefit.User {
	u, _ := c.Locals(localUser).(*rolefit.User)
	return u
}

// apiKeyOf returns the request's API key; only call it behind apiAuth.
func apiKeyOf(c *fiber.Ctx) *rolefit.APIKey {
	k, _ := c.Locals(localAPIKey).(*rolefit.APIKey)
	return k
}

// actorOf names who is acting and for which organisation: the signed-in
// user or the API key. Only call it behind requireUser or apiAuth.
func actorOf(c *fiber.Ctx) usecases.Actor {
	if u := currentUser(c); u != nil {
		return usecases.UserActor(u)
	}
	if k := apiKeyOf(c); k != nil {
		return usecases.KeyActor(k)
	}
	panic("actorOf called on an unauthenticated route")
}

// formValue reads a form's fields by name, for use cases that read a form
// through a function.
func formValue(c *fiber.Ctx) func(string) string {
	return func(name string) string { return c.FormValue(name) }
}

// flash stores a one-line message for the next page (after a redirect).
func flash(c *fiber.Ctx, msg string) { setCookie(c, flashCookie, url.QueryEscape(msg), 60) }

// pageView starts a view for a page with what the layout needs.
func pageView(c *fiber.Ctx, title, section string) *view {
	v := &view{Title: title, Section: section, CSRF: csrfToken(c), Nav: navigation}
	v.User, _ = c.Locals(localUser).(*rolefit.User)
	v.Org, _ = c.Locals(localOrg).(*rolefit.Organisation)
	if v.Org != nil {
		v.Zone = usecases.Zone(v.Org.TimeZone)
	}
	if f := c.Cookies(flashCookie); f != "" {
		v.Flash, _ = url.QueryUnescape(f)
		setCookie(c, flashCookie, "", -1)
	}
	return v
}
