package server

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// A role's job questionnaire on its settings page (DESIGN §14): people
// who know the job answer it, their answers propose a target profile, and
// the manager accepts it (as proposed or edited) or discards the answers.

// jobView is the job section of a role's page.
type jobView struct {
	*app.JobTarget
}

// Choices are the points a statement can be answered at.
func (jobView) Choices() []int { return ratingChoices }

// jobOf reads a role's job questionnaire for its page; nil when none is
// installed.
func jobOf(c *fiber.Ctx, uc *app.App, roleID string) (*jobView, error) {
	jt, err := uc.JobTarget(c.UserContext(), actorOf(c), roleID)
	if errs.Code(err) == errs.CodeConflict {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &jobView{JobTarget: jt}, nil
}

// jobFormValues fills the accept form with the proposal, a weight per
// facet to three decimals.
func jobFormValues(form map[string]string, jt *app.JobTarget) {
	for _, f := range jt.Facets {
		key := "target." + f.Facet
		if _, typed := form[key]; !typed && f.Proposed > 0 {
			form[key] = strconv.FormatFloat(f.Proposed, 'f', 3, 64)
		}
	}
}

// rerenderRole shows the role's page again with a job form's errors and
// the values as typed.
func rerenderRole(c *fiber.Ctx, uc *app.App, rnd *renderer, err error, typed map[string]string) error {
	r, rerr := uc.Role(c.UserContext(), actorOf(c), c.Params("id"))
	if rerr != nil {
		return rerr
	}
	v := pageView(c, r.Name, "settings")
	v.Form = roleFormValues(r)
	for k, val := range typed {
		v.Form[k] = val
	}
	v.Message, v.Errors = errs.Message(err), errs.FieldsOf(err)
	return renderRoles(c, uc, rnd, statusOf[errs.Code(err)], v, r)
}

// handleJobAnswers stores one answerer's answers to the role's job
// questionnaire. An answer missing or outside 1–5 brings the page back
// with the statement marked and nothing stored.
func handleJobAnswers(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		jt, err := uc.JobTarget(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		typed := map[string]string{"answerer": c.FormValue("answerer")}
		answers := map[string]float64{}
		fields := map[string]string{}
		for _, s := range jt.Job.Statements {
			key := "answers." + s.ID
			raw := strings.TrimSpace(c.FormValue(key))
			typed[key] = raw
			if raw == "" {
				continue // the use case names it as required
			}
			n, err := quantity.ParseWhole(raw)
			if err != nil {
				fields[key] = err.Error()
				continue
			}
			answers[s.ID] = float64(n)
		}
		if len(fields) > 0 {
			return rerenderRole(c, uc, rnd, errs.InvalidFields(rnd.english.T("roles.job.error.answers"), fields), typed)
		}
		if _, err := uc.AnswerJob(c.UserContext(), actorOf(c), jt.Role.ID, typed["answerer"], answers); err != nil {
			if errs.Code(err) != errs.CodeInvalid {
				return err
			}
			return rerenderRole(c, uc, rnd, err, typed)
		}
		flash(c, rnd.english.T("roles.job.flash.answers_saved", strings.TrimSpace(typed["answerer"]), jt.Role.Name))
		return c.Redirect("/settings/roles/"+jt.Role.ID+"#job", fiber.StatusSeeOther)
	}
}

// handleJobAccept makes the proposal, as the manager left it in the
// boxes, the role's target profile.
func handleJobAccept(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		jt, err := uc.JobTarget(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		typed := map[string]string{}
		weights := map[string]float64{}
		fields := map[string]string{}
		for _, f := range jt.Facets {
			key := "target." + f.Facet
			raw := strings.TrimSpace(c.FormValue(key))
			typed[key] = raw
			if raw == "" {
				continue
			}
			w, err := quantity.Parse(raw)
			if err != nil {
				fields[key] = err.Error()
				continue
			}
			if msg := quantity.Weight.Problem(w); msg != "" {
				fields[key] = msg
				continue
			}
			weights[f.Facet] = w
		}
		if len(fields) == 0 {
			_, err = uc.AcceptJobTarget(c.UserContext(), actorOf(c), jt.Role.ID, weights)
			if err == nil {
				flash(c, rnd.english.T("roles.job.flash.accepted", jt.Role.Name))
				return c.Redirect("/settings/roles/"+jt.Role.ID+"#job", fiber.StatusSeeOther)
			}
			if errs.Code(err) != errs.CodeInvalid {
				return err
			}
			// The role's check names the profile's scales; here they are
			// the boxes of the proposal.
			for k, m := range errs.FieldsOf(err) {
				fields[strings.Replace(k, "profile", "target", 1)] = m
			}
		}
		return rerenderRole(c, uc, rnd, errs.InvalidFields(rnd.english.T("roles.job.error.target"), fields), typed)
	}
}

// handleJobDiscard deletes the answers about the role; its target stays.
func handleJobDiscard(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if err := uc.DiscardJobAnswers(c.UserContext(), actorOf(c), c.Params("id")); err != nil {
			return err
		}
		flash(c, rnd.english.T("roles.job.flash.discarded"))
		return c.Redirect("/settings/roles/"+c.Params("id")+"#job", fiber.StatusSeeOther)
	}
}
