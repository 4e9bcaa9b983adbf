package server

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
)

// A manager's rating of a staff member, filled in on the web: every
// statement of the managers' questionnaire on one page, sent through the
// same use case as POST /api/v1/responses.

// ratingPage is the rating form: the statements in the questionnaire's
// sections, with the answers given and an error per unanswered statement.
type ratingPage struct {
	*app.RatingForm
	Sections   []ratingSection
	Unanswered []questionItem
}

type ratingSection struct {
	Title, Intro string
	Items        []questionItem
}

// buildRating lays out every statement of the form's questionnaire.
func buildRating(l *i18n.Printer, f *app.RatingForm, answers map[string]int, itemErrs map[string]string) ratingPage {
	q := f.Questionnaire
	rp := ratingPage{RatingForm: f}
	n := 0
	for _, page := range q.Pages {
		sec := ratingSection{Title: page.Title, Intro: page.Intro}
		for _, it := range page.Items {
			n++
			choices, _ := q.Choices(it.ID)
			qi := questionItem{ID: it.ID, Number: n, Text: it.Text, Choice: it.Kind == assess.KindChoice,
				Choices: choices, Value: answers[it.ID], Error: itemErrs[it.ID]}
			if qi.Choice && qi.Text == "" {
				qi.Text = l.T("rating.choice")
			}
			if qi.Error != "" {
				rp.Unanswered = append(rp.Unanswered, qi)
			}
			sec.Items = append(sec.Items, qi)
		}
		rp.Sections = append(rp.Sections, sec)
	}
	return rp
}

func renderRating(c *fiber.Ctx, rnd *renderer, status int, f *app.RatingForm, answers map[string]int, itemErrs map[string]string, msg string) error {
	v := pageView(c, rnd.english.T("rating.heading", f.Person.Name), "people")
	v.Message = msg
	v.Data = buildRating(rnd.english, f, answers, itemErrs)
	return rnd.render(c, status, "rating", v)
}

// handleRatingForm shows the rating form for a staff member.
func handleRatingForm(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		f, err := uc.RatingForm(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		return renderRating(c, rnd, fiber.StatusOK, f, nil, nil, "")
	}
}

// handleRating records the rating. Every statement must be answered: the
// form comes back with the unanswered ones marked and the answers given
// still chosen, and nothing is stored.
func handleRating(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		act := actorOf(c)
		f, err := uc.RatingForm(c.UserContext(), act, c.Params("id"))
		if err != nil {
			return err
		}
		answers, bad, missing := app.ReadAnswers(f.Questionnaire, f.Questionnaire.Items(), formValue(c))
		if len(bad) > 0 {
			for id, m := range missing {
				bad[id] = m
			}
			return renderRating(c, rnd, fiber.StatusBadRequest, f, answers, bad,
				rnd.english.T("rating.unreadable"))
		}
		if len(missing) > 0 {
			return renderRating(c, rnd, fiber.StatusUnprocessableEntity, f, answers, missing, rnd.english.T("rating.missing", len(missing)))
		}
		if _, err := uc.RateStaff(c.UserContext(), act, f.Person.ID, answers); err != nil {
			if errs.Code(err) != errs.CodeInvalid {
				return err
			}
			itemErrs := map[string]string{}
			for k, m := range errs.FieldsOf(err) {
				itemErrs[strings.TrimPrefix(k, "answers.")] = rnd.english.T("rating.answer_error", m)
			}
			return renderRating(c, rnd, fiber.StatusBadRequest, f, answers, itemErrs, errs.Message(err))
		}
		flash(c, rnd.english.T("rating.flash.saved", f.Person.Name))
		return c.Redirect("/people/"+f.Person.ID, fiber.StatusSeeOther)
	}
}
