package server

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// personPage is a person's page: details, invitations and results.
type personPage struct {
	Person         *store.Person
	Invitations    []invitationRow
	Responses      []responseView
	Questionnaires []*assess.Questionnaire
	MailOn         bool
	// New is set on the response that created or renewed a link: the one
	// time the link is shown.
	New *newLink
}

type newLink struct {
	URL        string
	Invitation string
	Emailed    bool
	EmailError string
}

type invitationRow struct {
	store.Invitation
	State store.InvitationStatus
	Title string
}

type responseView struct {
	store.Response
	Title string
	// ScaleText describes the response scale, such as "1–5".
	ScaleText string
	Scored    assess.Result
}

// fitsAudience reports whether a questionnaire may be sent to a person:
// its audience names their kind (or names none).
func fitsAudience(q *assess.Questionnaire, kind store.PersonKind) bool {
	if len(q.Audience) == 0 {
		return true
	}
	for _, a := range q.Audience {
		if a == string(kind) {
			return true
		}
	}
	return false
}

func questionnaireTitle(cat *assess.Catalog, id string, version int) string {
	if q, ok := cat.Get(id, version); ok {
		return fmt.Sprintf("%s (%s v%d)", q.Title, id, version)
	}
	return fmt.Sprintf("%s v%d", id, version)
}

func renderPerson(c *fiber.Ctx, st *store.Store, cat *assess.Catalog, rnd *renderer, mailOn bool, now time.Time, status int, v *view, nl *newLink) error {
	org := orgOf(c, st)
	p, err := org.Person(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	invs, err := org.PersonInvitations(c.UserContext(), p.ID)
	if err != nil {
		return err
	}
	resps, err := org.PersonResponses(c.UserContext(), p.ID)
	if err != nil {
		return err
	}
	pp := personPage{Person: p, MailOn: mailOn, New: nl}
	for _, inv := range invs {
		pp.Invitations = append(pp.Invitations, invitationRow{Invitation: inv, State: inv.State(now),
			Title: questionnaireTitle(cat, inv.QuestionnaireID, inv.QuestionnaireVersion)})
	}
	for _, r := range resps {
		rv := responseView{Response: r, Title: questionnaireTitle(cat, r.QuestionnaireID, r.QuestionnaireVersion), ScaleText: "response"}
		if q, ok := cat.Get(r.QuestionnaireID, r.QuestionnaireVersion); ok {
			rv.ScaleText = fmt.Sprintf("%d–%d", q.Scale.Min, q.Scale.Max)
		}
		if err := json.Unmarshal(r.Result, &rv.Scored); err != nil {
			return fmt.Errorf("read scores of response %s: %w", r.ID, err)
		}
		pp.Responses = append(pp.Responses, rv)
	}
	for _, q := range cat.All() {
		if fitsAudience(q, p.Kind) {
			pp.Questionnaires = append(pp.Questionnaires, q)
		}
	}
	if err := org.Audit(c.UserContext(), actorOf(c), "view", "person", p.ID, ""); err != nil {
		return err
	}
	v.Title = p.Name
	if v.Form == nil {
		v.Form = map[string]string{"expires_in_days": "14"}
		if len(pp.Questionnaires) > 0 {
			v.Form["questionnaire"] = questionnaireRef(pp.Questionnaires[0])
		}
	}
	v.Data = pp
	return rnd.render(c, status, "person", v)
}

// questionnaireRef names a questionnaire version in forms: "id:version".
func questionnaireRef(q *assess.Questionnaire) string { return fmt.Sprintf("%s:%d", q.ID, q.Version) }

// handlePerson shows a person. Opening it is recorded in the audit log:
// it shows personal data.
func handlePerson(st *store.Store, cat *assess.Catalog, rnd *renderer, mailer Mailer, now func() time.Time) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderPerson(c, st, cat, rnd, mailer != nil, now(), fiber.StatusOK, pageView(c, "Person", "people"), nil)
	}
}

// handlePersonErase deletes a person and everything about them.
func handlePersonErase(st *store.Store) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if c.FormValue("confirm") != "yes" {
			return errs.InvalidFields("Tick the box to confirm the erasure; nothing was deleted.", map[string]string{"confirm": "must be ticked"})
		}
		if err := orgOf(c, st).ErasePerson(c.UserContext(), c.Params("id"), actorOf(c)); err != nil {
			return err
		}
		flash(c, "The person and all their answers and scores have been erased.")
		return c.Redirect("/people", fiber.StatusSeeOther)
	}
}
