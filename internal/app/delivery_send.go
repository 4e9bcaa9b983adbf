package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"rolefit"
	"strings"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
	"rolefit/internal/mail"
	"rolefit/internal/store"
	"rolefit/internal/webhook"
)

// How each kind of delivery is sent.

// userAgent names rolefit to the receivers of its requests.
const userAgent = "rolefit-webhooks/1"

// sendWebhook posts a webhook's payload to its endpoint, signed with the
// endpoint's secret at the attempt's time, under the message's id.
func (a *App) sendWebhook(ctx context.Context, d store.Claimed) sent {
	body := []byte(d.Body)
	h, err := webhook.Headers(d.Secret, d.MessageID, a.now(), body)
	if err != nil {
		return sent{err: fmt.Errorf("sign: %w", err), cancel: true}
	}
	h.Set("Content-Type", "application/json")
	h.Set("User-Agent", userAgent)
	ans, err := a.client.Do(ctx, http.MethodPost, d.URL, h, body)
	return sent{status: ans.Status, retryAfter: ans.RetryAfter, err: err}
}

// sendGreenhouse tells Greenhouse an assessment is complete: a PATCH to
// the address it sent with the test, with what test_status answers.
func (a *App) sendGreenhouse(ctx context.Context, d rolefit.Delivery) sent {
	org := a.st.Scope(d.OrgID)
	ga, inv, err := org.GreenhouseAssessment(ctx, d.Target)
	if errs.Code(err) == errs.CodeNotFound {
		return sent{err: errors.New("the assessment is gone (its person was erased)"), cancel: true}
	}
	if err != nil {
		return sent{err: err}
	}
	st, err := a.greenhouseStatus(ctx, org, ga, inv)
	if err != nil {
		return sent{err: err}
	}
	body, err := json.Marshal(st)
	if err != nil {
		return sent{err: err, cancel: true}
	}
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("User-Agent", userAgent)
	ans, err := a.client.Do(ctx, http.MethodPatch, ga.CallbackURL, h, body)
	return sent{status: ans.Status, retryAfter: ans.RetryAfter, err: err}
}

// sendEmail sends an e-mail delivery: a notice to an admin as written, or
// an invitation's link or reminder composed now, with a link of its own
// (store.AddInvitationLink), for an invitation still open.
func (a *App) sendEmail(ctx context.Context, d rolefit.Delivery) sent {
	if a.mailer == nil {
		return sent{err: errors.New("e-mail is not set up"), cancel: true}
	}
	var m mail.Message
	switch d.EventType {
	case store.EmailNotice:
		subject, body, _ := strings.Cut(d.Body, "\n")
		m = mail.Message{To: d.Target, Subject: subject, Body: body}
	case store.EmailInvitation, store.EmailReminder:
		var cancel bool
		var err error
		m, cancel, err = a.invitationEmail(ctx, d)
		if err != nil {
			return sent{err: err, cancel: cancel}
		}
	default:
		return sent{err: fmt.Errorf("unknown e-mail %q", d.EventType), cancel: true}
	}
	if err := a.mailer.Send(ctx, m); err != nil {
		return sent{err: err}
	}
	return sent{status: http.StatusOK}
}

// invitationEmail composes an invitation's link or a reminder for the
// invitation a delivery names. cancel says it is no longer worth sending:
// the invitation was answered, withdrawn, expired or erased.
func (a *App) invitationEmail(ctx context.Context, d rolefit.Delivery) (mail.Message, bool, error) {
	org := a.st.Scope(d.OrgID)
	inv, err := org.Invitation(ctx, d.Target)
	if errs.Code(err) == errs.CodeNotFound {
		return mail.Message{}, true, errors.New("the invitation is gone (its person was erased)")
	}
	if err != nil {
		return mail.Message{}, false, err
	}
	now := a.now()
	if !inv.Open(now) {
		return mail.Message{}, true, fmt.Errorf("the invitation is %s", inv.State(now))
	}
	p, err := org.Person(ctx, inv.PersonID)
	if err != nil {
		return mail.Message{}, errs.Code(err) == errs.CodeNotFound, err
	}
	if p.Email == "" {
		return mail.Message{}, true, errors.New("the person has no e-mail address")
	}
	q, ok := a.cat.Get(inv.QuestionnaireID, inv.QuestionnaireVersion)
	if !ok {
		return mail.Message{}, true, fmt.Errorf("questionnaire %s v%d is not installed", inv.QuestionnaireID, inv.QuestionnaireVersion)
	}
	o, err := org.Get(ctx)
	if err != nil {
		return mail.Message{}, false, err
	}
	token, err := org.AddInvitationLink(ctx, inv.ID)
	if err != nil {
		return mail.Message{}, false, err
	}
	return a.linkMail(o, p, q, inv, a.Link(token), d.EventType == store.EmailReminder), false, nil
}

// reminderMail reminds a person that their link expires soon, written by
// pr as invitationMail is.
func reminderMail(pr *i18n.Printer, org string, p *rolefit.Person, q *assess.Questionnaire, link string, expires, now time.Time) mail.Message {
	when := pr.DateTime(expires)
	// Rounded: a reminder queued "3 days before" goes out a little after.
	line := pr.T("mail.reminder.expires.soon", org, q.Title, when)
	if days := int(expires.Sub(now).Hours()/24 + 0.5); days >= 1 {
		line = pr.T("mail.reminder.expires", days, org, q.Title, when)
	}
	body := strings.Join([]string{
		pr.T("mail.hello", p.Name), "",
		line,
		pr.T("mail.reminder.saved"), "",
		link, "",
		org, "",
	}, "\n")
	return mail.Message{To: p.Email, Subject: pr.T("mail.reminder.subject", org, q.Title), Body: body}
}

// disabledNotice is the e-mail that tells an organisation's admins an
// endpoint was disabled, when e-mail is set up.
func (a *App) disabledNotice(d store.Claimed, why string) *store.Notice {
	if a.mailer == nil {
		return nil
	}
	return &store.Notice{
		Subject: "rolefit stopped sending events to a webhook endpoint",
		Body: fmt.Sprintf(`rolefit has stopped sending events to the webhook endpoint
%s

%s

Events are kept for it meanwhile. Once the receiver works again, an admin
can send them by enabling the endpoint under Settings, Webhooks:
%s/settings/webhooks/%s
`, d.URL, why, a.baseURL, deref(d.EndpointID)),
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
