package server

import (
	"rolefit"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// personPage is a person's page: details, invitations and results.
type personPage struct {
	*app.PersonDetail
	MailOn bool
	// Languages are the languages an invitation may name, in English.
	Languages []languageChoice
	// Performance is a staff member's Performance section; nil for a
	// candidate.
	Performance *performanceView
	// New is set on the response that created or renewed a link: the one
	// time the link is shown.
	New *newLink
	// Fit is the person's fit for every role and their place in the
	// placement (person_fit.go); nil without a profile or roles.
	Fit *fitView
	// Split is a staff member's split between selling and serving; nil
	// for someone who serves no accounts.
	Split *splitBox
	// Roles are the organisation's roles, to choose the one an interview
	// guide is for.
	Roles []rolefit.Role
	// Outcomes is the Hiring outcomes section.
	Outcomes outcomesView
}

type newLink struct {
	URL        string
	Invitation string
	Emailed    bool
	EmailError string
}

func renderPerson(c *fiber.Ctx, uc *app.App, rnd *renderer, status int, v *view, nl *newLink) error {
	return renderPersonWith(c, uc, rnd, status, v, nl, performanceForm{})
}

// performanceForm is what a rejected performance form or file left to
// show in the Performance section.
type performanceForm struct {
	Message, CSV string
	Import       bool
	// Outcomes says the form was the Hiring outcomes section's.
	Outcomes bool
}

func renderPersonWith(c *fiber.Ctx, uc *app.App, rnd *renderer, status int, v *view, nl *newLink, pf performanceForm) error {
	d, err := uc.Person(c.UserContext(), actorOf(c), c.Params("id"))
	if err != nil {
		return err
	}
	v.Title = d.Person.Name
	if v.Form == nil {
		v.Form = map[string]string{}
	}
	// Defaults for the fields a rejected form (this one or another on the
	// page) did not send.
	if _, ok := v.Form["expires_in_days"]; !ok {
		v.Form["expires_in_days"] = strconv.Itoa(rolefit.DefaultInvitationDays)
	}
	if _, ok := v.Form["questionnaire"]; !ok && len(d.Questionnaires) > 0 {
		v.Form["questionnaire"] = app.Ref(d.Questionnaires[0])
	}
	if nl != nil {
		c.Set(fiber.HeaderCacheControl, "no-store") // the link is shown once
	}
	page := personPage{PersonDetail: d, MailOn: uc.MailOn(), New: nl, Outcomes: outcomesViewOf(d.Outcomes, uc.Now())}
	if pf.Outcomes {
		page.Outcomes.Message, page.Outcomes.CSV, page.Outcomes.Import = pf.Message, pf.CSV, pf.Import
		pf = performanceForm{}
	}
	for _, l := range uc.Messages().Languages() {
		page.Languages = append(page.Languages, languageChoice{Tag: l, Name: app.LanguageName(l), Current: l == v.Form["language"]})
	}
	if d.Performance != nil {
		code, err := uc.Currency(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		page.Performance = performanceViewOf(d.Performance, moneyIn(code), uc.Now())
		page.Performance.Message, page.Performance.CSV, page.Performance.Import = pf.Message, pf.CSV, pf.Import
		sv, err := uc.PersonSplit(c.UserContext(), actorOf(c), d.Person.ID)
		switch {
		case err == nil:
			page.Split = splitBoxOf(sv, moneyIn(code))
		case errs.Code(err) != errs.CodeInvalid: // invalid: no split to show
			return err
		}
	}
	if page.Fit, v.Stored, err = fitViewOf(c, uc, rnd.english, d); err != nil {
		return err
	}
	if page.Roles, err = uc.Roles(c.UserContext(), actorOf(c)); err != nil {
		return err
	}
	v.Data = page
	return rnd.render(c, status, "person", v)
}

// handlePerson shows a person. Opening it is recorded in the audit log:
// it shows personal data.
func handlePerson(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderPerson(c, uc, rnd, fiber.StatusOK, pageView(c, rnd.english.T("person.title"), "people"), nil)
	}
}

// handlePersonErase deletes a person and everything about them.
func handlePersonErase(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := uc.ErasePerson(c.UserContext(), actorOf(c), c.Params("id"), c.FormValue("confirm") == "yes"); err != nil {
			return err
		}
		flash(c, peopleEnglish().T("person.flash.erased"))
		return c.Redirect("/people", fiber.StatusSeeOther)
	}
}

// handleLookedAt records that the manager has looked at a person's answers
// flagged likely careless, and goes back to their page.
func handleLookedAt(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := c.Params("id")
		if err := uc.MarkLookedAt(c.UserContext(), actorOf(c), id); err != nil {
			return err
		}
		flash(c, peopleEnglish().T("person.flash.looked_at"))
		return c.Redirect("/people/"+id+"#fit", fiber.StatusSeeOther)
	}
}
