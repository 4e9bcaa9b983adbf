package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// Settings are an organisation's own settings beside its currency: the
// time zone its dates are shown in, the profile cut of the 2×2 class, and
// the assumptions behind placement's values (internal/placement/doc.go).
// The use case that changes them checks them (internal/app/orgsettings.go);
// the schema's CHECKs keep the bounds that need no questionnaire.
type Settings struct {
	// TimeZone is an IANA time zone name such as "Europe/Berlin".
	TimeZone string `json:"time_zone"`
	// ProfileCut is the composite score at and above which a composite
	// counts as high.
	ProfileCut float64 `json:"profile_cut"`
	// FitMultiplierLow and FitMultiplierHigh scale a role's baseline
	// revenue per hour at fit 0 and fit 100.
	FitMultiplierLow  float64 `json:"fit_multiplier_low"`
	FitMultiplierHigh float64 `json:"fit_multiplier_high"`
	// GrossMargin is the share of revenue that is gross profit, 0 to 1.
	GrossMargin float64 `json:"gross_margin"`
	// CostOfHire is what hiring one candidate costs, spread over
	// PaybackMonths.
	CostOfHire    float64 `json:"cost_of_hire"`
	PaybackMonths float64 `json:"payback_months"`
}

// DefaultSettings are a new organisation's settings, the same as the
// columns' defaults of the migration that added them: dates in UTC, the
// cut at the 1–5 scale's agree point, and placement.DefaultAssumptions.
func DefaultSettings() Settings {
	return Settings{TimeZone: "UTC", ProfileCut: 3.5, FitMultiplierLow: 0.6, FitMultiplierHigh: 1.4, GrossMargin: 0.7, PaybackMonths: 12}
}

// settingColumns names each setting's column and how it reads in the
// audit log, in the order the settings page shows them.
var settingColumns = []struct {
	column, label string
	of            func(Organisation) string
}{
	{"currency", "currency", func(o Organisation) string { return o.Currency }},
	{"time_zone", "time zone", func(o Organisation) string { return o.TimeZone }},
	{"profile_cut", "profile cut", func(o Organisation) string { return num(o.ProfileCut) }},
	{"fit_multiplier_low", "fit multiplier at fit 0", func(o Organisation) string { return num(o.FitMultiplierLow) }},
	{"fit_multiplier_high", "fit multiplier at fit 100", func(o Organisation) string { return num(o.FitMultiplierHigh) }},
	{"gross_margin", "gross margin", func(o Organisation) string { return num(o.GrossMargin) }},
	{"cost_of_hire", "cost of hire", func(o Organisation) string { return num(o.CostOfHire) }},
	{"payback_months", "payback months", func(o Organisation) string { return num(o.PaybackMonths) }},
}

func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// SetSettings replaces the organisation's currency and settings with the
// given ones, which the caller has checked, and records what changed in
// the audit log in the same transaction. Saving the same values again
// changes nothing and records nothing.
func (o *Scope) SetSettings(ctx context.Context, currency string, s Settings, by Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		old, err := take[Organisation](tx.Where("id = ?", o.id), "organisation")
		if err != nil {
			return err
		}
		next := *old
		next.Currency, next.Settings = currency, s
		var changed []string
		cols := map[string]any{}
		for _, c := range settingColumns {
			before, after := c.of(*old), c.of(next)
			if before == after {
				continue
			}
			changed = append(changed, fmt.Sprintf("%s %s → %s", c.label, before, after))
		}
		if len(changed) == 0 {
			return nil
		}
		cols["currency"], cols["time_zone"], cols["profile_cut"] = currency, s.TimeZone, s.ProfileCut
		cols["fit_multiplier_low"], cols["fit_multiplier_high"] = s.FitMultiplierLow, s.FitMultiplierHigh
		cols["gross_margin"], cols["cost_of_hire"], cols["payback_months"] = s.GrossMargin, s.CostOfHire, s.PaybackMonths
		// The assumptions and the cut are placement's inputs
		// (PlacementStamp).
		cols["placement_version"] = gorm.Expr("placement_version + 1")
		if err := tx.Model(&Organisation{}).Where("id = ?", o.id).Updates(cols).Error; err != nil {
			return fmt.Errorf("save organisation settings: %w", err)
		}
		return o.audit(tx, by, "change_settings", "organisation", o.id, strings.Join(changed, "; "))
	})
}
