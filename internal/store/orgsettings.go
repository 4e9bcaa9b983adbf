package store

import (
	"context"
	"fmt"
	"rolefit"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// settingColumns names each setting's column and how it reads in the
// audit log, in the order the settings page shows them.
var settingColumns = []struct {
	column, label string
	of            func(rolefit.Organisation) string
}{
	{"currency", "currency", func(o rolefit.Organisation) string { return o.Currency }},
	{"time_zone", "time zone", func(o rolefit.Organisation) string { return o.TimeZone }},
	{"language", "language", func(o rolefit.Organisation) string { return o.Language }},
	{"profile_cut", "profile cut", func(o rolefit.Organisation) string { return num(o.ProfileCut) }},
	{"fit_multiplier_low", "fit multiplier at fit 0", func(o rolefit.Organisation) string { return num(o.FitMultiplierLow) }},
	{"fit_multiplier_high", "fit multiplier at fit 100", func(o rolefit.Organisation) string { return num(o.FitMultiplierHigh) }},
	{"gross_margin", "gross margin", func(o rolefit.Organisation) string { return num(o.GrossMargin) }},
	{"cost_of_hire", "cost of hire", func(o rolefit.Organisation) string { return num(o.CostOfHire) }},
	{"payback_months", "payback months", func(o rolefit.Organisation) string { return num(o.PaybackMonths) }},
	{"first_reminder_days", "first reminder days before expiry", func(o rolefit.Organisation) string { return strconv.Itoa(o.FirstReminderDays) }},
	{"second_reminder_days", "second reminder days before expiry", func(o rolefit.Organisation) string { return strconv.Itoa(o.SecondReminderDays) }},
	{"self_id_for_staff", "self-identification for staff", func(o rolefit.Organisation) string { return strconv.FormatBool(o.SelfIDForStaff) }},
	{"respondent_feedback", "respondent feedback page", func(o rolefit.Organisation) string { return strconv.FormatBool(o.RespondentFeedback) }},
}

// reminderColumns are the settings that are not placement's inputs.
// (with the two fairness settings, which are not placement inputs either)
var reminderColumns = map[string]bool{"first_reminder_days": true, "second_reminder_days": true,
	"self_id_for_staff": true, "respondent_feedback": true}

func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// SetSettings replaces the organisation's currency and settings with the
// given ones, which the caller has checked, and records what changed in
// the audit log in the same transaction. Saving the same values again
// changes nothing and records nothing.
func (o *Scope) SetSettings(ctx context.Context, currency string, s rolefit.Settings, by rolefit.Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		old, err := take[rolefit.Organisation](tx.Where("id = ?", o.id), "organisation")
		if err != nil {
			return err
		}
		next := *old
		next.Currency, next.Settings = currency, s
		var changed []string
		cols := map[string]any{}
		placement := false
		for _, c := range settingColumns {
			before, after := c.of(*old), c.of(next)
			if before == after {
				continue
			}
			changed = append(changed, fmt.Sprintf("%s %s → %s", c.label, before, after))
			placement = placement || !reminderColumns[c.column]
		}
		if len(changed) == 0 {
			return nil
		}
		cols["currency"], cols["time_zone"], cols["profile_cut"] = currency, s.TimeZone, s.ProfileCut
		cols["language"] = s.Language
		cols["fit_multiplier_low"], cols["fit_multiplier_high"] = s.FitMultiplierLow, s.FitMultiplierHigh
		cols["gross_margin"], cols["cost_of_hire"], cols["payback_months"] = s.GrossMargin, s.CostOfHire, s.PaybackMonths
		cols["first_reminder_days"], cols["second_reminder_days"] = s.FirstReminderDays, s.SecondReminderDays
		cols["self_id_for_staff"], cols["respondent_feedback"] = s.SelfIDForStaff, s.RespondentFeedback
		// The assumptions and the cut are placement's inputs
		// (PlacementStamp).
		if placement {
			cols["placement_version"] = gorm.Expr("placement_version + 1")
		}
		if err := tx.Model(&rolefit.Organisation{}).Where("id = ?", o.id).Updates(cols).Error; err != nil {
			return fmt.Errorf("save organisation settings: %w", err)
		}
		return o.audit(tx, by, "change_settings", "organisation", o.id, strings.Join(changed, "; "))
	})
}
