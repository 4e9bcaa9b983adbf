package server

import (
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// apiOrganisation is GET and PATCH /api/v1/organisation: the
// organisation's settings. Money everywhere in the API is in Currency;
// timestamps stay RFC 3339 in UTC whatever TimeZone says, which is for
// what people read.
type apiOrganisation struct {
	ID                string  `json:"id"`
	Name              string  `json:"name"`
	Currency          string  `json:"currency"`
	TimeZone          string  `json:"time_zone"`
	Language          string  `json:"language"`
	ProfileCut        float64 `json:"profile_cut"`
	ProfileCutMin     float64 `json:"profile_cut_min"`
	ProfileCutMax     float64 `json:"profile_cut_max"`
	FitMultiplierLow  float64 `json:"fit_multiplier_low"`
	FitMultiplierHigh float64 `json:"fit_multiplier_high"`
	GrossMargin       float64 `json:"gross_margin"`
	CostOfHire        float64 `json:"cost_of_hire"`
	PaybackMonths     float64 `json:"payback_months"`
	// FirstReminderDays and SecondReminderDays are how many days before a
	// link expires its person is reminded by e-mail, 0 for no reminder.
	FirstReminderDays  int `json:"first_reminder_days"`
	SecondReminderDays int `json:"second_reminder_days"`
	// SelfIDForStaff lets staff self-identify for the adverse-impact
	// report; RespondentFeedback shows a respondent a summary of their own
	// profile after they submit. Both are off by default.
	SelfIDForStaff     bool `json:"self_id_for_staff"`
	RespondentFeedback bool `json:"respondent_feedback"`
}

// apiOrganisationBody is the body of PATCH /api/v1/organisation: each
// field optional, the ones left out keep their values.
type apiOrganisationBody struct {
	Currency           *string  `json:"currency"`
	TimeZone           *string  `json:"time_zone"`
	Language           *string  `json:"language"`
	ProfileCut         *float64 `json:"profile_cut"`
	FitMultiplierLow   *float64 `json:"fit_multiplier_low"`
	FitMultiplierHigh  *float64 `json:"fit_multiplier_high"`
	GrossMargin        *float64 `json:"gross_margin"`
	CostOfHire         *float64 `json:"cost_of_hire"`
	PaybackMonths      *float64 `json:"payback_months"`
	FirstReminderDays  *int     `json:"first_reminder_days"`
	SecondReminderDays *int     `json:"second_reminder_days"`
	SelfIDForStaff     *bool    `json:"self_id_for_staff"`
	RespondentFeedback *bool    `json:"respondent_feedback"`
}

func apiOrganisationOf(id, name string, s *app.OrgSettings) apiOrganisation {
	return apiOrganisation{ID: id, Name: name, Currency: s.Currency, TimeZone: s.TimeZone, Language: s.Language, ProfileCut: s.ProfileCut,
		ProfileCutMin: s.CutMin, ProfileCutMax: s.CutMax, FitMultiplierLow: s.FitMultiplierLow, FitMultiplierHigh: s.FitMultiplierHigh,
		GrossMargin: s.GrossMargin, CostOfHire: s.CostOfHire, PaybackMonths: s.PaybackMonths,
		FirstReminderDays: s.FirstReminderDays, SecondReminderDays: s.SecondReminderDays,
		SelfIDForStaff: s.SelfIDForStaff, RespondentFeedback: s.RespondentFeedback}
}

// handleAPIOrganisation is GET /api/v1/organisation: any key of the
// organisation may read its settings.
func handleAPIOrganisation(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		s, err := uc.OrgSettings(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		return replyOrganisation(c, uc, s)
	}
}

// handleAPIOrganisationPatch is PATCH /api/v1/organisation. Changing the
// settings is an admin's, so only a key with an admin's rights may
// (requireAdminKey): a key acts with its creator's access today.
func handleAPIOrganisationPatch(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var b apiOrganisationBody
		if err := decodeJSON(c, &b); err != nil {
			return err
		}
		s, err := uc.UpdateOrgSettings(c.UserContext(), actorOf(c), app.OrgSettingsPatch{Currency: b.Currency, TimeZone: b.TimeZone, Language: b.Language, ProfileCut: b.ProfileCut,
			FitMultiplierLow: b.FitMultiplierLow, FitMultiplierHigh: b.FitMultiplierHigh, GrossMargin: b.GrossMargin,
			CostOfHire: b.CostOfHire, PaybackMonths: b.PaybackMonths, FirstReminderDays: b.FirstReminderDays, SecondReminderDays: b.SecondReminderDays,
			SelfIDForStaff: b.SelfIDForStaff, RespondentFeedback: b.RespondentFeedback})
		if err != nil {
			return err
		}
		return replyOrganisation(c, uc, s)
	}
}

// replyOrganisation answers with the actor's organisation and settings s.
func replyOrganisation(c *fiber.Ctx, uc *app.App, s *app.OrgSettings) error {
	org, err := uc.Organisation(c.UserContext(), actorOf(c))
	if err != nil {
		return err
	}
	return c.JSON(apiOrganisationOf(org.ID, org.Name, s))
}
