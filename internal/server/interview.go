package server

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// An interview guide for a person and a role, printable on one or two
// A4 pages, with the form that records the interviewer's ratings
// (DESIGN §14).

// guidePage is the guide with what a rejected rating form left to show.
type guidePage struct {
	*app.InterviewGuide
	// Ratings are the ratings chosen, by facet, as typed.
	Ratings map[string]string
	Notes   string
}

// Choices are the points a facet can be rated at.
func (guidePage) Choices() []int { return ratingChoices }

// ratingChoices are the points a facet can be rated at.
var ratingChoices = []int{1, 2, 3, 4, 5}

func renderGuide(c *fiber.Ctx, rnd *renderer, status int, g *app.InterviewGuide, ratings map[string]string, notes string, fields map[string]string, msg string) error {
	v := pageView(c, rnd.english.T("interview.title", g.Person.Name), "people")
	v.Message, v.Errors = msg, fields
	if ratings == nil {
		ratings = map[string]string{}
	}
	v.Data = guidePage{InterviewGuide: g, Ratings: ratings, Notes: notes}
	return rnd.render(c, status, "interview", v)
}

// handleGuide shows the interview guide for the person and ?role=.
func handleGuide(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		g, err := uc.Guide(c.UserContext(), actorOf(c), c.Params("id"), c.Query("role"))
		if err != nil {
			return err
		}
		return renderGuide(c, rnd, fiber.StatusOK, g, nil, "", nil, "")
	}
}

// handleInterviewCreate records the ratings of the guide's form: a rating
// per facet the guide asked about (each optional, at least one), and
// notes. A rating that cannot be read, or is refused, brings the guide
// back with the field marked and nothing stored.
func handleInterviewCreate(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		act := actorOf(c)
		g, err := uc.Guide(c.UserContext(), act, c.Params("id"), c.FormValue("role_id"))
		if err != nil {
			return err
		}
		typed := map[string]string{}
		ratings := map[string]float64{}
		fields := map[string]string{}
		for _, f := range g.Facets {
			raw := strings.TrimSpace(c.FormValue("ratings." + f.Facet))
			typed[f.Facet] = raw
			if raw == "" {
				continue
			}
			n, err := quantity.ParseWhole(raw)
			if err != nil {
				fields["ratings."+f.Facet] = err.Error()
				continue
			}
			ratings[f.Facet] = float64(n)
		}
		notes := c.FormValue("notes")
		if len(fields) == 0 {
			_, err = uc.RecordInterview(c.UserContext(), act, g.Person.ID, app.InterviewInput{RoleID: g.Role.ID, Ratings: ratings, Notes: notes})
			if err == nil {
				flash(c, rnd.english.T("interview.flash.saved", g.Person.Name))
				return c.Redirect("/people/"+g.Person.ID+"#interviews", fiber.StatusSeeOther)
			}
			if errs.Code(err) != errs.CodeInvalid {
				return err
			}
			fields = errs.FieldsOf(err)
		}
		return renderGuide(c, rnd, fiber.StatusBadRequest, g, typed, notes, fields,
			rnd.english.T("interview.invalid"))
	}
}
