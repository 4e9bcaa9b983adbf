package server

import (
	"rolefit"

	"rolefit/internal/quantity"
)

// The schemas of the organisation's settings in the API.

var orgSettingsProperties = obj{
	"currency":            obj{"type": "string", "pattern": "^[A-Z]{3}$", "description": "ISO 4217 code of the currency every amount is in"},
	"time_zone":           obj{"type": "string", "description": "IANA time zone (Europe/Berlin) that pages, e-mails and the respondent's pages show dates in; API timestamps stay RFC 3339 in UTC"},
	"language":            obj{"type": "string", "description": "the language (en, es or de) of invitation e-mails and respondents' pages when neither the invitation nor the respondent's browser names one the questionnaire offers"},
	"profile_cut":         obj{"type": "number", "description": "a composite at or above it counts as high on the 2×2 class; within profile_cut_min to profile_cut_max"},
	"fit_multiplier_low":  rangeSchema(quantity.FitMultiplier, "placement: multiplier of a role's baseline revenue per hour at fit 0"),
	"fit_multiplier_high": rangeSchema(quantity.FitMultiplier, "placement: the multiplier at fit 100; at least fit_multiplier_low"),
	"gross_margin":        rangeSchema(quantity.Share, "placement: share of revenue that is gross profit"),
	"cost_of_hire":        rangeSchema(quantity.OneOffCost, "placement: what hiring one candidate costs"),
	"payback_months":      rangeSchema(quantity.PaybackMonths, "placement: months a hire's cost is spread over"),
	"first_reminder_days": obj{"type": "integer", "minimum": 0, "maximum": rolefit.MaxInvitationDays - 1,
		"description": "days before an invitation's link expires that its person is reminded by e-mail (when e-mail is set up); 0 for no reminders"},
	"second_reminder_days": obj{"type": "integer", "minimum": 0, "maximum": rolefit.MaxInvitationDays - 1,
		"description": "days before the expiry of a second reminder, fewer than the first's; 0 for none"},
	"self_id_for_staff":   obj{"type": "boolean", "description": "staff members may self-identify for the adverse-impact report, as candidates may; off by default"},
	"respondent_feedback": obj{"type": "boolean", "description": "a respondent sees a plain-language summary of their own profile after submitting; off by default"},
}

var orgSchema = func() obj {
	props := obj{"id": str, "name": str,
		"profile_cut_min": obj{"type": "number", "description": "lowest cut allowed: the response scale's minimum"},
		"profile_cut_max": obj{"type": "number", "description": "highest cut allowed: the response scale's maximum"}}
	for k, v := range orgSettingsProperties {
		props[k] = v
	}
	return obj{"type": "object", "properties": props}
}()

var orgBodySchema = obj{"type": "object", "additionalProperties": false, "properties": orgSettingsProperties,
	"description": "only the fields sent change; every field is checked and nothing is saved unless all are right"}
