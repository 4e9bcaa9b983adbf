package server

import (
	"rolefit"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// orgSettingsPage is the organisation settings page (admins only).
type orgSettingsPage struct {
	Settings *app.OrgSettings
	// Now is the current time in the organisation's zone, as dates will
	// read.
	Now string
	// MailOn says e-mail is set up, without which no reminder goes out.
	MailOn bool
}

// orgNumberFields are the settings typed as numbers, in the page's order.
var orgNumberFields = []string{"profile_cut", "fit_multiplier_low", "fit_multiplier_high", "gross_margin", "cost_of_hire", "payback_months"}

func renderOrgSettings(c *fiber.Ctx, uc *app.App, rnd *renderer, status int, v *view) error {
	s, err := uc.OrgSettings(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	if v.Form == nil {
		v.Form = map[string]string{"currency": s.Currency, "time_zone": s.TimeZone, "language": s.Language}
		for k, x := range map[string]float64{"profile_cut": s.ProfileCut, "fit_multiplier_low": s.FitMultiplierLow,
			"fit_multiplier_high": s.FitMultiplierHigh, "gross_margin": s.GrossMargin, "cost_of_hire": s.CostOfHire, "payback_months": s.PaybackMonths} {
			v.Form[k] = strconv.FormatFloat(x, 'f', -1, 64)
		}
		v.Form["first_reminder_days"], v.Form["second_reminder_days"] = strconv.Itoa(s.FirstReminderDays), strconv.Itoa(s.SecondReminderDays)
		v.Form["self_id_for_staff"], v.Form["respondent_feedback"] = checked(s.SelfIDForStaff), checked(s.RespondentFeedback)
	}
	v.Stored = s.Problems(actorOf(c).OrgID)
	v.Data = orgSettingsPage{Settings: s, Now: uc.Now().In(s.Location()).Format(dateTimeLayout), MailOn: uc.MailOn()}
	return rnd.render(c, status, "orgsettings", v)
}

// handleOrgSettings shows the organisation's settings (admins only).
func handleOrgSettings(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderOrgSettings(c, uc, rnd, fiber.StatusOK, pageView(c, rnd.english.T("orgsettings.title"), "settings"))
	}
}

// handleOrgSettingsSave saves every setting of the form at once. Bad input
// comes back with each field named and everything as typed; nothing is
// saved unless all of it is right.
func handleOrgSettingsSave(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		typed := map[string]string{"currency": c.FormValue("currency"), "time_zone": c.FormValue("time_zone"), "language": c.FormValue("language")}
		cur, zone, lang := strings.TrimSpace(typed["currency"]), strings.TrimSpace(typed["time_zone"]), strings.TrimSpace(typed["language"])
		p := app.OrgSettingsPatch{Currency: &cur, TimeZone: &zone}
		if lang != "" {
			p.Language = &lang
		}
		nums := map[string]**float64{"profile_cut": &p.ProfileCut, "fit_multiplier_low": &p.FitMultiplierLow,
			"fit_multiplier_high": &p.FitMultiplierHigh, "gross_margin": &p.GrossMargin, "cost_of_hire": &p.CostOfHire, "payback_months": &p.PaybackMonths}
		bad := map[string]string{}
		for _, k := range orgNumberFields {
			typed[k] = c.FormValue(k)
			x, err := quantity.Parse(typed[k])
			switch {
			case strings.TrimSpace(typed[k]) == "":
				bad[k] = rnd.english.T("orgsettings.error.required")
			case err != nil:
				bad[k] = rnd.english.T("orgsettings.error.not_a_number", strconv.Quote(typed[k]))
			default:
				*nums[k] = &x
			}
		}
		days := map[string]**int{"first_reminder_days": &p.FirstReminderDays, "second_reminder_days": &p.SecondReminderDays}
		for _, k := range []string{"first_reminder_days", "second_reminder_days"} {
			typed[k] = c.FormValue(k)
			if strings.TrimSpace(typed[k]) == "" {
				zero := 0
				*days[k] = &zero // left empty: no reminder
				continue
			}
			n, err := quantity.ParseWhole(typed[k])
			if err != nil {
				bad[k] = rnd.english.T("orgsettings.error.not_whole_days", strconv.Quote(typed[k]))
				continue
			}
			*days[k] = &n
		}
		// Checkboxes: a box left unticked is not posted at all.
		for _, k := range []struct {
			name string
			dst  **bool
		}{{"self_id_for_staff", &p.SelfIDForStaff}, {"respondent_feedback", &p.RespondentFeedback}} {
			on := c.FormValue(k.name) != ""
			typed[k.name] = checked(on)
			*k.dst = &on
		}
		var err error
		if len(bad) > 0 {
			err = errs.InvalidFields(rnd.english.T("orgsettings.error.summary"), bad)
		} else {
			_, err = uc.UpdateOrgSettings(c.UserContext(), actorOf(c), p)
		}
		if errs.Code(err) == errs.CodeInvalid {
			v := pageView(c, rnd.english.T("orgsettings.title"), "settings")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), typed
			return renderOrgSettings(c, uc, rnd, fiber.StatusBadRequest, v)
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("orgsettings.flash.saved"))
		return c.Redirect("/settings/organisation", fiber.StatusSeeOther)
	}
}

// zoneOfRequest is the time zone of the signed-in user's organisation,
// for a time a handler writes into a message itself.
func zoneOfRequest(c *fiber.Ctx) *time.Location {
	if org, ok := c.Locals(localOrg).(*rolefit.Organisation); ok && org != nil {
		return app.Zone(org.TimeZone)
	}
	return time.UTC
}
