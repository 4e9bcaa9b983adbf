package server

import (
	"rolefit"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// outcomesView is the Hiring outcomes section of a person's page: the
// stages recorded, the form to record one and the CSV upload.
type outcomesView struct {
	List   []rolefit.Outcome
	Stages []rolefit.Stage
	// Today is the date field's default, YYYY-MM-DD.
	Today string
	// Message and CSV are a rejected form's summary and the pasted file;
	// Import says the message is about the file.
	Message, CSV string
	Import       bool
}

func outcomesViewOf(os []rolefit.Outcome, now time.Time) outcomesView {
	return outcomesView{List: os, Stages: rolefit.Stages, Today: now.UTC().Format(time.DateOnly)}
}

// handleOutcomeCreate records one outcome from the form on a person's
// page; bad input comes back on the page with what was typed.
func handleOutcomeCreate(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		form := map[string]string{"stage": c.FormValue("stage"), "at": c.FormValue("at")}
		o, err := uc.RecordOutcome(c.UserContext(), actorOf(c), c.Params("id"), form["stage"], form["at"])
		if errs.Code(err) == errs.CodeInvalid {
			v := pageView(c, rnd.english.T("person.title"), "people")
			v.Errors, v.Form = errs.FieldsOf(err), form
			return renderPersonWith(c, uc, rnd, fiber.StatusBadRequest, v, nil, performanceForm{Message: errs.Message(err), Outcomes: true})
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("outcomes.flash.recorded", string(o.Stage), o.ReachedAt.UTC().Format(time.DateOnly)))
		return c.Redirect("/people/"+c.Params("id")+"#outcomes", fiber.StatusSeeOther)
	}
}

// handleOutcomesImport records outcomes from a CSV uploaded or pasted on a
// person's page: all of them or, when any row has a problem, none, with
// each problem listed by row. The file may hold many people's outcomes.
func handleOutcomesImport(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := uc.CheckPerson(c.UserContext(), actorOf(c), c.Params("id")); err != nil {
			return err
		}
		text, err := readImport(c)
		if err != nil {
			return err
		}
		n, err := uc.ImportOutcomes(c.UserContext(), actorOf(c), text)
		if errs.Code(err) == errs.CodeInvalid {
			v := pageView(c, rnd.english.T("person.title"), "people")
			v.Errors, v.Form = errs.FieldsOf(err), map[string]string{}
			return renderPersonWith(c, uc, rnd, fiber.StatusBadRequest, v, nil, performanceForm{Message: errs.Message(err), CSV: string(text), Import: true, Outcomes: true})
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("outcomes.flash.imported", n))
		return c.Redirect("/people/"+c.Params("id")+"#outcomes", fiber.StatusSeeOther)
	}
}

// handleOutcomesMany records one outcome, on one date, for the people
// selected in the People list: all of them or, when one cannot have it,
// none, with the list shown again and each problem named.
func handleOutcomesMany(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var ids []string
		for _, id := range c.Context().PostArgs().PeekMulti("person_ids") {
			ids = append(ids, string(id))
		}
		form := map[string]string{"stage": c.FormValue("stage"), "at": c.FormValue("at")}
		out, err := uc.RecordOutcomes(c.UserContext(), actorOf(c), ids, form["stage"], form["at"])
		if errs.Code(err) == errs.CodeInvalid {
			v := pageView(c, rnd.english.T("people.title"), "people")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), form
			bulk := bulkEcho{Failed: true, Selected: map[string]bool{}, Problems: bulkProblems(rnd.english, errs.FieldsOf(err))}
			for _, id := range ids {
				bulk.Selected[id] = true
			}
			return renderPeopleWith(c, uc, rnd, fiber.StatusBadRequest, v, importEcho{}, bulk)
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("outcomes.flash.many", string(out[0].Stage), len(out)))
		return c.Redirect("/people", fiber.StatusSeeOther)
	}
}
