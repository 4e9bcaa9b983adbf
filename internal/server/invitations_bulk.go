package server

import (
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
	"rolefit/internal/quantity"
)

// invitedPage lists what inviting the selected people made: each
// person's link, shown once, and whether an e-mail is on its way.
type invitedPage struct {
	Invitations []app.Invitation
	Title       string
	MailOn      bool
}

// handleInviteMany invites the people selected on the People page to one
// questionnaire with one expiry, all or none: when any of them cannot be
// invited, the page comes back with each problem named and the same
// people selected.
func handleInviteMany(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var ids []string
		for _, id := range c.Context().PostArgs().PeekMulti("person_ids") {
			ids = append(ids, string(id))
		}
		form := map[string]string{"questionnaire": c.FormValue("questionnaire"), "expires_in_days": c.FormValue("expires_in_days"),
			"language": c.FormValue("language")}
		var res []app.Invitation
		var err error
		days := 0
		if strings.TrimSpace(form["expires_in_days"]) != "" {
			if days, err = quantity.ParseWhole(form["expires_in_days"]); err != nil {
				err = errs.InvalidFields(rnd.english.T("people.error.days"), map[string]string{"expires_in_days": rnd.english.T("person.error.days.field")})
			} else if days == 0 {
				days = -1 // typed 0: out of range, not "the default"
			}
		}
		if err == nil {
			res, err = uc.InviteMany(c.UserContext(), actorOf(c), app.BulkInviteInput{PersonIDs: ids, Questionnaire: form["questionnaire"], Days: days,
				Language: form["language"]})
		}
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
		c.Set(fiber.HeaderCacheControl, "no-store")
		v := pageView(c, rnd.english.T("invited.title"), "people")
		v.Data = invitedPage{Invitations: res, Title: uc.Title(res[0].QuestionnaireID, res[0].QuestionnaireVersion), MailOn: uc.MailOn()}
		return rnd.render(c, fiber.StatusCreated, "invited", v)
	}
}

// bulkProblems lists a refused bulk invitation's problems in the order the
// people were given, each as a sentence.
func bulkProblems(l *i18n.Printer, fields map[string]string) []string {
	type problem struct {
		at   int
		text string
	}
	var ps []problem
	for k, v := range fields {
		n, err := strconv.Atoi(strings.TrimPrefix(k, "person_ids."))
		switch {
		case k == "person_ids":
			ps = append(ps, problem{-1, l.T("people.problem.select", v)})
		case strings.HasPrefix(k, "person_ids.") && err == nil:
			ps = append(ps, problem{n, l.T("people.problem.person", strconv.Itoa(n+1), v)})
		default:
			ps = append(ps, problem{1 << 30, k + ": " + v + "."})
		}
	}
	slices.SortFunc(ps, func(a, b problem) int { return a.at - b.at })
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.text
	}
	return out
}
