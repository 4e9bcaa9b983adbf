package app

import (
	"context"
	"fmt"
	"rolefit"
	"slices"
	"strings"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
	"rolefit/internal/mail"
	"rolefit/internal/store"
)

// InviteInput asks a person to answer a questionnaire.
type InviteInput struct {
	PersonID      string
	Questionnaire string // "id" or "id:version"
	Version       int    // 0 = as Questionnaire says, or the latest
	// Days is how long the link works, 1 to store.MaxInvitationDays; 0
	// means store.DefaultInvitationDays.
	Days int
	// Language is the language the questionnaire is to be answered in, one
	// it is offered in; "" lets the respondent choose (their browser's
	// language, else the organisation's, is shown first).
	Language string
}

// Invitation is a created or renewed invitation with its one-time link.
type Invitation struct {
	*rolefit.Invitation
	// URL is the link; only its hash is stored, so this is the one time
	// it can be shown.
	URL        string
	Emailed    bool
	EmailError string
	// EmailQueued says an e-mail with a link of its own is on its way
	// through the outbound queue (a bulk invitation's).
	EmailQueued bool
	// Person is the person invited, when the use case read them.
	Person *rolefit.Person
}

// Link is the address of an invitation's questionnaire, built only from
// the configured base URL.
func (a *App) Link(token string) string { return a.baseURL + "/i/" + token }

// Invite invites a person to a questionnaire meant for their kind, and
// e-mails the link when e-mail is set up and the person has an address. A
// failed e-mail does not undo the invitation: the manager still has the
// link to pass on.
func (a *App) Invite(ctx context.Context, act Actor, in InviteInput) (*Invitation, error) {
	if a.baseURL == "" {
		return nil, fmt.Errorf("invite: no base URL to build the link from")
	}
	if in.PersonID == "" {
		return nil, errs.InvalidFields("Name the person to invite.", map[string]string{"person_id": "is required"})
	}
	q, err := a.FindQuestionnaire(in.Questionnaire, in.Version)
	if err != nil {
		return nil, err
	}
	org := a.scope(act)
	p, err := namedPerson(ctx, org, in.PersonID)
	if err != nil {
		return nil, err
	}
	if !q.IsFor(string(p.Kind)) {
		return nil, errs.InvalidFields("That questionnaire is not for this person.",
			map[string]string{"questionnaire": fmt.Sprintf("%s is for %s, and %s is %s", q, strings.Join(q.Audience, " and "), p.Name, aOrAn(string(p.Kind)))})
	}
	in.Language = strings.TrimSpace(in.Language)
	if in.Language != "" {
		if err := a.checkLanguage(q, "language", in.Language); err != nil {
			return nil, err
		}
	}
	inv, token, err := org.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: q.ID,
		QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash, Days: in.Days, Language: in.Language}, act.Audit)
	if err != nil {
		return nil, err
	}
	out := &Invitation{Invitation: inv, URL: a.Link(token)}
	if a.mailer != nil && p.Email != "" {
		sendErr, err := a.emailLink(ctx, org, p, q, inv, out.URL)
		if err != nil {
			return nil, err
		}
		if sendErr != nil {
			out.EmailError = sendErr.Error()
		} else {
			out.Emailed = true
		}
	}
	return out, nil
}

// mailLanguage is the language of an invitation's e-mail: the
// invitation's, else the organisation's when the questionnaire is offered
// in it, else the questionnaire's source language. (The respondent may
// still choose another on the welcome page.)
func (a *App) mailLanguage(q *assess.Questionnaire, inv, org string) string {
	offered := a.Offered(q)
	for _, l := range []string{inv, org} {
		if l != "" && slices.Contains(offered, l) {
			return l
		}
	}
	return q.Language
}

// emailLink e-mails an invitation's link to its person now and records
// how it went on the invitation. sendErr is why the e-mail could not be
// sent; err is a failure to record it.
func (a *App) emailLink(ctx context.Context, org *store.Scope, p *rolefit.Person, q *assess.Questionnaire, inv *rolefit.Invitation, link string) (sendErr, err error) {
	o, err := org.Get(ctx)
	if err != nil {
		return nil, err
	}
	sendErr = a.mailer.Send(ctx, a.linkMail(o, p, q, inv, link, false))
	if sendErr != nil {
		a.log.WarnContext(ctx, "invitation e-mail not sent", "invitation", inv.ID, "err", sendErr)
	}
	return sendErr, org.RecordInvitationEmail(ctx, inv.ID, sendErr)
}

// linkMail is the e-mail that carries an invitation's link, or reminds its
// person that the link expires soon, in the language mailLanguage picks.
func (a *App) linkMail(o *rolefit.Organisation, p *rolefit.Person, q *assess.Questionnaire, inv *rolefit.Invitation, link string, reminder bool) mail.Message {
	lang := a.mailLanguage(q, inv.Language, o.Language)
	l, _ := q.In(lang)
	pr := a.msgs.Printer(lang, zoneOf(o.TimeZone))
	if reminder {
		return reminderMail(pr, o.Name, p, l, link, inv.ExpiresAt, a.now())
	}
	return invitationMail(pr, o.Name, p, l, link, inv.ExpiresAt)
}

// invitationMail is the e-mail that carries a link, written by pr in its
// language, with q's texts in that language; the expiry is shown in pr's
// time zone (the organisation's), with its abbreviation.
func invitationMail(pr *i18n.Printer, org string, p *rolefit.Person, q *assess.Questionnaire, link string, expires time.Time) mail.Message {
	minutes := pr.T("mail.minutes.unknown")
	if q.Minutes > 0 {
		minutes = pr.T("mail.minutes", q.Minutes)
	}
	body := strings.Join([]string{
		pr.T("mail.hello", p.Name), "",
		pr.T("mail.asks", org, q.Title, minutes), "",
		pr.T("mail.open"),
		link, "",
		pr.T("mail.expires", pr.DateTime(expires)), "",
		org, "",
	}, "\n")
	return mail.Message{To: p.Email, Subject: pr.T("mail.subject", org, q.Title), Body: body}
}

// invitationOf returns an invitation of the actor's organisation; when
// personID is given, the invitation must be that person's, so addresses
// like /people/A/invitations/B cannot mix two people up.
func (a *App) invitationOf(ctx context.Context, act Actor, personID, id string) (*rolefit.Invitation, error) {
	inv, err := a.scope(act).Invitation(ctx, id)
	if err != nil {
		return nil, err
	}
	if personID != "" && inv.PersonID != personID {
		return nil, errs.NotFound("invitation")
	}
	return inv, nil
}

// Invitation returns one of the organisation's invitations.
func (a *App) Invitation(ctx context.Context, act Actor, id string) (*rolefit.Invitation, error) {
	return a.invitationOf(ctx, act, "", id)
}

// WithdrawInvitation closes an invitation that has not been submitted; its
// link then says so.
func (a *App) WithdrawInvitation(ctx context.Context, act Actor, personID, id string) (*rolefit.Invitation, error) {
	inv, err := a.invitationOf(ctx, act, personID, id)
	if err != nil {
		return nil, err
	}
	return inv, a.scope(act).WithdrawInvitation(ctx, inv.ID, act.Audit)
}

// ExtendInvitation adds days (1 to store.MaxInvitationDays) to an
// invitation's link.
func (a *App) ExtendInvitation(ctx context.Context, act Actor, personID, id string, days int) (*rolefit.Invitation, error) {
	inv, err := a.invitationOf(ctx, act, personID, id)
	if err != nil {
		return nil, err
	}
	return a.scope(act).ExtendInvitation(ctx, inv.ID, days, act.Audit)
}

// RenewInvitation makes a new link for an open invitation, for when the
// old one was lost; answers already saved are kept.
func (a *App) RenewInvitation(ctx context.Context, act Actor, personID, id string) (*Invitation, error) {
	inv, err := a.invitationOf(ctx, act, personID, id)
	if err != nil {
		return nil, err
	}
	token, err := a.scope(act).RenewInvitationLink(ctx, inv.ID, act.Audit)
	if err != nil {
		return nil, err
	}
	return &Invitation{Invitation: inv, URL: a.Link(token)}, nil
}
