package server

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/mail"
	"rolefit/internal/store"
)

// Mailer sends e-mail; *mail.SMTP is the real one. When none is set,
// managers copy invitation links themselves.
type Mailer interface {
	Send(ctx context.Context, m mail.Message) error
}

// inviter creates invitations for the pages and the API alike.
type inviter struct {
	st      *store.Store
	cat     *assess.Catalog
	mailer  Mailer
	baseURL string
	log     *slog.Logger
}

// findQuestionnaire looks up a questionnaire named as "id" (its latest
// version), "id:version", or an id with a separate version (0 = latest).
func findQuestionnaire(cat *assess.Catalog, ref string, version int) (*assess.Questionnaire, error) {
	id := strings.TrimSpace(ref)
	if i := strings.LastIndex(id, ":"); i > 0 && version == 0 {
		v, err := strconv.Atoi(id[i+1:])
		if err != nil {
			return nil, errs.InvalidFields("Choose a questionnaire.", map[string]string{"questionnaire": "is not like sales-service or sales-service:1"})
		}
		id, version = id[:i], v
	}
	if id == "" {
		return nil, errs.InvalidFields("Choose a questionnaire.", map[string]string{"questionnaire": "is required"})
	}
	var q *assess.Questionnaire
	var ok bool
	if version == 0 {
		q, ok = cat.Latest(id)
	} else {
		q, ok = cat.Get(id, version)
	}
	if !ok {
		var known []string
		for _, k := range cat.All() {
			known = append(known, questionnaireRef(k))
		}
		return nil, errs.InvalidFields("There is no such questionnaire.",
			map[string]string{"questionnaire": fmt.Sprintf("is not one of %s", strings.Join(known, ", "))})
	}
	return q, nil
}

// linkBase is the address invitation links start with.
func (in *inviter) linkBase(c *fiber.Ctx) string {
	if in.baseURL != "" {
		return in.baseURL
	}
	return c.BaseURL()
}

// invitation is a created invitation with its one-time link.
type invitation struct {
	Inv        *store.Invitation
	URL        string
	Emailed    bool
	EmailError string
}

// invite invites a person to a questionnaire, and e-mails the link when
// e-mail is set up and the person has an address. A failed e-mail does
// not undo the invitation: the manager still has the link to pass on.
func (in *inviter) invite(c *fiber.Ctx, personID string, q *assess.Questionnaire, days int) (*invitation, error) {
	if max := int(store.MaxInvitationTTL.Hours() / 24); days < 1 || days > max {
		return nil, errs.InvalidFields("Choose how long the link works.",
			map[string]string{"expires_in_days": fmt.Sprintf("must be between 1 and %d days", max)})
	}
	org := orgOf(c, in.st)
	p, err := org.Person(c.UserContext(), personID)
	if err != nil {
		return nil, err
	}
	if !fitsAudience(q, p.Kind) {
		return nil, errs.InvalidFields("That questionnaire is not for this person.",
			map[string]string{"questionnaire": fmt.Sprintf("%s is for %s, and %s is %s", q, strings.Join(q.Audience, " and "), p.Name, aOrAn(string(p.Kind)))})
	}
	inv, token, err := org.CreateInvitation(c.UserContext(), store.NewInvitation{PersonID: p.ID, QuestionnaireID: q.ID,
		QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash, TTL: time.Duration(days) * 24 * time.Hour}, actorOf(c))
	if err != nil {
		return nil, err
	}
	out := &invitation{Inv: inv, URL: in.linkBase(c) + "/i/" + token}
	if in.mailer != nil && p.Email != "" {
		o, err := org.Get(c.UserContext())
		if err != nil {
			return nil, err
		}
		sendErr := in.mailer.Send(c.UserContext(), invitationMail(o.Name, p, q, out.URL, inv.ExpiresAt))
		if sendErr != nil {
			in.log.WarnContext(c.UserContext(), "invitation e-mail not sent", "invitation", inv.ID, "err", sendErr)
			out.EmailError = sendErr.Error()
		} else {
			out.Emailed = true
		}
		if err := org.RecordInvitationEmail(c.UserContext(), inv.ID, sendErr); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func aOrAn(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}

// invitationMail is the e-mail that carries a link.
func invitationMail(org string, p *store.Person, q *assess.Questionnaire, link string, expires time.Time) mail.Message {
	minutes := "a few minutes"
	if q.Minutes > 0 {
		minutes = fmt.Sprintf("about %d minutes", q.Minutes)
	}
	body := fmt.Sprintf(`Hello %s,

%s asks you to answer a short questionnaire, "%s". It takes %s.

Open this link to start:
%s

The link is for you alone and works until %s. Your answers are saved as you go,
so you can stop and come back to the same link.

%s
`, p.Name, org, q.Title, minutes, link, expires.UTC().Format("2 January 2006 15:04 UTC"), org)
	return mail.Message{To: p.Email, Subject: fmt.Sprintf("%s: %s", org, q.Title), Body: body}
}

// handleInvite invites a person from their page and shows the link once.
func handleInvite(in *inviter, rnd *renderer, now func() time.Time) fiber.Handler {
	return func(c *fiber.Ctx) error {
		form := map[string]string{"questionnaire": c.FormValue("questionnaire"), "expires_in_days": c.FormValue("expires_in_days")}
		days, convErr := strconv.Atoi(strings.TrimSpace(form["expires_in_days"]))
		var res *invitation
		var err error
		switch {
		case convErr != nil:
			err = errs.InvalidFields("Choose how long the link works.", map[string]string{"expires_in_days": "must be a whole number of days"})
		default:
			var q *assess.Questionnaire
			if q, err = findQuestionnaire(in.cat, form["questionnaire"], 0); err == nil {
				res, err = in.invite(c, c.Params("id"), q, days)
			}
		}
		if errs.Code(err) == errs.CodeInvalid {
			v := pageView(c, "Person", "people")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), form
			return renderPerson(c, in.st, in.cat, rnd, in.mailer != nil, now(), fiber.StatusBadRequest, v, nil)
		}
		if err != nil {
			return err
		}
		c.Set(fiber.HeaderCacheControl, "no-store")
		return renderPerson(c, in.st, in.cat, rnd, in.mailer != nil, now(), fiber.StatusCreated, pageView(c, "Person", "people"),
			&newLink{URL: res.URL, Invitation: res.Inv.ID, Emailed: res.Emailed, EmailError: res.EmailError})
	}
}

// invitationOfPerson checks that the invitation in the URL belongs to the
// person in the URL, so the pages' addresses cannot be mixed up.
func invitationOfPerson(c *fiber.Ctx, st *store.Store) (*store.Invitation, error) {
	inv, err := orgOf(c, st).Invitation(c.UserContext(), c.Params("inv"))
	if err != nil {
		return nil, err
	}
	if inv.PersonID != c.Params("id") {
		return nil, errs.NotFound("invitation")
	}
	return inv, nil
}

// handleInvitationWithdraw closes an invitation.
func handleInvitationWithdraw(st *store.Store) fiber.Handler {
	return func(c *fiber.Ctx) error {
		inv, err := invitationOfPerson(c, st)
		if err != nil {
			return err
		}
		if err := orgOf(c, st).WithdrawInvitation(c.UserContext(), inv.ID, actorOf(c)); err != nil {
			return err
		}
		flash(c, "The invitation is withdrawn; its link now says so.")
		return c.Redirect("/people/"+inv.PersonID, fiber.StatusSeeOther)
	}
}

// handleInvitationExtend gives an invitation more days.
func handleInvitationExtend(st *store.Store) fiber.Handler {
	return func(c *fiber.Ctx) error {
		inv, err := invitationOfPerson(c, st)
		if err != nil {
			return err
		}
		days, convErr := strconv.Atoi(strings.TrimSpace(c.FormValue("days")))
		if convErr != nil {
			return errs.InvalidFields("Choose how many days to add.", map[string]string{"days": "must be a whole number"})
		}
		ext, err := orgOf(c, st).ExtendInvitation(c.UserContext(), inv.ID, time.Duration(days)*24*time.Hour, actorOf(c))
		if err != nil {
			return err
		}
		flash(c, "The link now works until "+ext.ExpiresAt.UTC().Format("2 Jan 2006 15:04 UTC")+".")
		return c.Redirect("/people/"+inv.PersonID, fiber.StatusSeeOther)
	}
}

// handleInvitationRenew makes a new link for an open invitation, for when
// the old one was lost; answers already saved are kept.
func handleInvitationRenew(in *inviter, rnd *renderer, now func() time.Time) fiber.Handler {
	return func(c *fiber.Ctx) error {
		inv, err := invitationOfPerson(c, in.st)
		if err != nil {
			return err
		}
		token, err := orgOf(c, in.st).RenewInvitationLink(c.UserContext(), inv.ID, actorOf(c))
		if err != nil {
			return err
		}
		c.Set(fiber.HeaderCacheControl, "no-store")
		return renderPerson(c, in.st, in.cat, rnd, in.mailer != nil, now(), fiber.StatusOK, pageView(c, "Person", "people"),
			&newLink{URL: in.linkBase(c) + "/i/" + token, Invitation: inv.ID})
	}
}
