package server

import (
	"rolefit"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

type retentionPage struct {
	// Days is the period in force, 0 when it is off.
	Days int
}

func renderRetention(c *fiber.Ctx, uc *app.App, rnd *renderer, status int, v *view) error {
	days, err := uc.Retention(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	if v.Form == nil {
		v.Form = map[string]string{"retention_days": ""}
		if days > 0 {
			v.Form["retention_days"] = strconv.Itoa(days)
		}
	}
	v.Data = retentionPage{Days: days}
	return rnd.render(c, status, "retention", v)
}

// handleRetention shows the retention period (admins only).
func handleRetention(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderRetention(c, uc, rnd, fiber.StatusOK, pageView(c, rnd.english.T("retention.title"), "settings"))
	}
}

// handleRetentionSave sets the retention period; an empty field turns it
// off. Bad input comes back with the field named and the typed value kept.
func handleRetentionSave(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		typed := strings.TrimSpace(c.FormValue("retention_days"))
		days, err := 0, error(nil)
		if typed != "" {
			days, err = quantity.ParseWhole(typed)
			if err != nil {
				err = errs.InvalidFields(rnd.english.T("retention.error.whole"),
					map[string]string{"retention_days": rnd.english.T("retention.error.whole_field", strconv.Itoa(rolefit.MaxRetentionDays))})
			} else if days == 0 {
				err = errs.InvalidFields(rnd.english.T("retention.error.range"),
					map[string]string{"retention_days": rnd.english.T("retention.error.range_field")})
			}
		}
		if err == nil {
			err = uc.SetRetention(c.UserContext(), actorOf(c), days)
		}
		if errs.Code(err) == errs.CodeInvalid {
			v := pageView(c, rnd.english.T("retention.title"), "settings")
			v.Message, v.Errors = errs.Message(err), errs.FieldsOf(err)
			v.Form = map[string]string{"retention_days": c.FormValue("retention_days")}
			return renderRetention(c, uc, rnd, fiber.StatusBadRequest, v)
		}
		if err != nil {
			return err
		}
		if days == 0 {
			flash(c, rnd.english.T("retention.flash.off"))
		} else {
			flash(c, rnd.english.T("retention.flash.on", strconv.Itoa(days)))
		}
		return c.Redirect("/settings/retention", fiber.StatusSeeOther)
	}
}
