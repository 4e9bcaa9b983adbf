package server

import (
	"rolefit"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// The voluntary self-identification offered after submitting: a page of
// its own, in the respondent's language, that says why it is asked, that
// it is optional and that managers never see an individual's answers.
// "Prefer not to say" is offered for every question and is what is
// chosen until the respondent chooses otherwise.

// selfIDPage is the page's view.
type selfIDPage struct {
	Org    string
	Action string
	Done   string
	// Answered says the respondent has answered already.
	Answered bool
	Sexes    []string
	Races    []string
	Ages     []string
	// Chosen are the answers chosen, by field.
	Chosen map[string]string
}

// selfIDOffer says where the thanks page links to the self-identification,
// "" when it is not offered (not allowed, or answered already).
func selfIDOffer(c *fiber.Ctx, rs *respondent) (string, error) {
	if !rs.MayBeAskedSelfID() {
		return "", nil
	}
	done, err := rs.SelfIdentified(c.UserContext())
	if err != nil || done {
		return "", err
	}
	return rs.path("/about-you"), nil
}

func renderSelfID(c *fiber.Ctx, rnd *renderer, rs *respondent, status int, chosen map[string]string, answered bool) error {
	v := respondView(c, rs, rs.L.T("selfid.title"))
	v.Data = selfIDPage{Org: rs.Organisation().Name, Action: rs.path("/about-you"), Done: rs.path("/done"), Answered: answered,
		Sexes: rolefit.Sexes[:len(rolefit.Sexes)-1], Races: rolefit.RaceEthnicities[:len(rolefit.RaceEthnicities)-1], Ages: []string{"yes", "no"},
		Chosen: chosen}
	return rnd.render(c, status, "respond_selfid", v)
}

// handleRespondSelfID shows the questions, once the answers are submitted.
func handleRespondSelfID(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateNone, func(c *fiber.Ctx, rs *respondent) error {
		if !rs.MayBeAskedSelfID() {
			return c.Redirect(rs.path(""), fiber.StatusSeeOther)
		}
		answered, err := rs.SelfIdentified(c.UserContext())
		if err != nil {
			return err
		}
		return renderSelfID(c, rnd, rs, fiber.StatusOK, map[string]string{}, answered)
	})
}

// handleRespondSelfIDSave stores the answers and thanks the respondent.
// An answer not offered comes back on the page, named, with nothing
// stored.
func handleRespondSelfIDSave(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateNone, func(c *fiber.Ctx, rs *respondent) error {
		if !rs.MayBeAskedSelfID() {
			return c.Redirect(rs.path(""), fiber.StatusSeeOther)
		}
		chosen := map[string]string{"sex": c.FormValue("sex"), "race_ethnicity": c.FormValue("race_ethnicity"), "age_40_or_over": c.FormValue("age_40_or_over")}
		err := rs.SelfIdentify(c.UserContext(), rolefit.SelfIdentification{Sex: chosen["sex"], RaceEthnicity: chosen["race_ethnicity"], Age40OrOver: chosen["age_40_or_over"]})
		if errs.Code(err) == errs.CodeInvalid {
			v := respondView(c, rs, rs.L.T("selfid.title"))
			v.Message = rs.L.T("selfid.error")
			v.Errors = map[string]string{}
			for k := range errs.FieldsOf(err) {
				v.Errors[k] = rs.L.T("selfid.error")
			}
			v.Data = selfIDPage{Org: rs.Organisation().Name, Action: rs.path("/about-you"), Done: rs.path("/done"),
				Sexes: rolefit.Sexes[:len(rolefit.Sexes)-1], Races: rolefit.RaceEthnicities[:len(rolefit.RaceEthnicities)-1], Ages: []string{"yes", "no"},
				Chosen: chosen}
			return rnd.render(c, fiber.StatusBadRequest, "respond_selfid", v)
		}
		if err != nil {
			return err
		}
		flash(c, rs.L.T("selfid.thanks"))
		return c.Redirect(rs.path("/done"), fiber.StatusSeeOther)
	})
}
