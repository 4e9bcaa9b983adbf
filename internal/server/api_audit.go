package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// handleAPIAudit is GET /api/v1/audit (an admin's key): who viewed,
// exported, changed or erased data, newest first, by person and by user
// or key, paged.
func handleAPIAudit(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		n, err := pageLimit(c)
		if err != nil {
			return err
		}
		page, err := uc.AuditLog(c.UserContext(), actorOf(c), app.AuditQuery{Limit: n, Cursor: c.Query("cursor"),
			Person: c.Query("person_id"), User: c.Query("actor_id")})
		if err != nil {
			return err
		}
		out := listResponse[apiAuditEntry]{Items: make([]apiAuditEntry, len(page.Items)), NextCursor: page.Next}
		for i, e := range page.Items {
			out.Items[i] = apiAuditEntry{ID: e.ID, ActorID: e.ActorID, ActorName: e.ActorName, Action: e.Action,
				SubjectType: e.SubjectType, SubjectID: e.SubjectID, Detail: e.Detail, CreatedAt: e.CreatedAt}
		}
		return c.JSON(out)
	}
}
