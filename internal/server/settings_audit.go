package server

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// auditActor is a user or API key the log can be filtered by.
type auditActor struct {
	ID, Name string
}

type auditPage struct {
	Rows []app.AuditRow
	// Next is the URL of the next page, or "".
	Next string
	// Person and User are the filters; PersonName names the person when
	// they have not been erased.
	Person, User, PersonName string
	Actors                   []auditActor
}

// handleAuditLog shows the organisation's audit log, newest first, by
// person and by user (admins only).
func handleAuditLog(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		q := app.AuditQuery{Cursor: c.Query("cursor"), Person: c.Query("person"), User: c.Query("user")}
		if l := c.Query("limit"); l != "" {
			n := c.QueryInt("limit", -1)
			if n < 1 || n > 500 {
				return errs.InvalidFields(rnd.english.T("audit.error.limit"), map[string]string{"limit": rnd.english.T("audit.error.limit_field")})
			}
			q.Limit = n
		}
		ctx, act := c.UserContext(), actorOf(c)
		page, err := uc.AuditLog(ctx, act, q)
		if err != nil {
			return err
		}
		users, err := uc.Users(ctx, act)
		if err != nil {
			return err
		}
		keys, err := uc.APIKeys(ctx, act)
		if err != nil {
			return err
		}
		p := auditPage{Rows: page.Items, Person: q.Person, User: q.User, PersonName: page.PersonName}
		for _, u := range users {
			p.Actors = append(p.Actors, auditActor{ID: u.ID, Name: rnd.english.T("audit.actor.user", u.Name, u.Email)})
		}
		for _, k := range keys {
			p.Actors = append(p.Actors, auditActor{ID: k.ID, Name: rnd.english.T("audit.actor.api_key", k.Name)})
		}
		if page.Next != "" {
			u := url.Values{"cursor": {page.Next}}
			for k, val := range map[string]string{"person": q.Person, "user": q.User, "limit": c.Query("limit")} {
				if val != "" {
					u.Set(k, val)
				}
			}
			p.Next = "/settings/audit?" + u.Encode()
		}
		v := pageView(c, rnd.english.T("audit.title"), "settings")
		v.Data = p
		return rnd.render(c, fiber.StatusOK, "audit", v)
	}
}
