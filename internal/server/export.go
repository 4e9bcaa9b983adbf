package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// sendExport sends an export as a file to save, never to be cached: it is
// personal data.
func sendExport(c *fiber.Ctx, e *app.Export) error {
	c.Set(fiber.HeaderContentType, e.ContentType)
	// Filename holds only letters, digits, '.', '-' and '_', so it needs
	// no quoting beyond the quotes.
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+e.Filename+`"`)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(e.Body)
}

// handlePeopleExport is GET /people/export and GET /api/v1/people/export:
// everyone's job title, class, composites, facets and flags as CSV
// (?format=csv, the default) or XLSX (?format=xlsx).
func handlePeopleExport(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		e, err := uc.ExportPeople(c.UserContext(), actorOf(c), app.PeopleExport{Format: c.Query("format", app.FormatCSV), Earlier: c.Query("earlier")})
		if err != nil {
			return err
		}
		return sendExport(c, e)
	}
}
