package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"net/url"
	"rolefit"
	"strings"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// Greenhouse's Assessment Partner API, as rolefit implements it: Greenhouse
// lists the tests rolefit offers (list_tests), sends one to a candidate
// (send_test), asks how it stands (test_status) and reports errors
// (request_errors); when the candidate submits, the outbound queue sends
// a PATCH to the address Greenhouse gave, with what test_status answers.
// docs/INTEGRATIONS.md says how an admin sets it up.

// GreenhouseTest is one entry of list_tests.
type GreenhouseTest struct {
	ID, Name, Description string
}

// GreenhouseTests lists what Greenhouse can send: every questionnaire for
// candidates (its latest version), alone and with each placement role,
// whose test's score is the candidate's fit for the role.
func (a *App) GreenhouseTests(ctx context.Context, act Actor) ([]GreenhouseTest, error) {
	roles, err := a.scope(act).Roles(ctx)
	if err != nil {
		return nil, err
	}
	var out []GreenhouseTest
	for _, q := range a.latestFor(rolefit.Candidate) {
		out = append(out, GreenhouseTest{ID: rolefit.GreenhouseTestID(q.ID, ""), Name: q.Title,
			Description: fmt.Sprintf("%s (%s v%d): hunter and farmer scores, no overall score.", q.Title, q.ID, q.Version)})
		for _, r := range roles {
			out = append(out, GreenhouseTest{ID: rolefit.GreenhouseTestID(q.ID, r.ID), Name: q.Title + " — fit for " + r.Name,
				Description: fmt.Sprintf("%s (%s v%d), scored as the candidate's fit for the role %s, 0 to 100.", q.Title, q.ID, q.Version, r.Name)})
		}
	}
	return out, nil
}

// latestFor returns the latest version of each questionnaire meant for
// people of kind k.
func (a *App) latestFor(k rolefit.PersonKind) []*assess.Questionnaire {
	var out []*assess.Questionnaire
	seen := map[string]bool{}
	for _, q := range a.cat.All() {
		if seen[q.ID] {
			continue
		}
		seen[q.ID] = true
		if l, ok := a.cat.Latest(q.ID); ok && l.IsFor(string(k)) {
			out = append(out, l)
		}
	}
	return out
}

// GreenhouseSendInput is a send_test request.
type GreenhouseSendInput struct {
	TestID               string
	FirstName, LastName  string
	Email                string
	CallbackURL          string
	GreenhouseProfileURL string
}

// GreenhouseSent is send_test's answer: the assessment's ID, and whether
// the link was e-mailed now.
type GreenhouseSent struct {
	PartnerInterviewID string
	Emailed            bool
}

// SendGreenhouseTest finds the candidate by e-mail address or adds them,
// invites them to the test's questionnaire, e-mails the link (when e-mail
// is set up) and keeps Greenhouse's addresses. The same request again
// (the same address from Greenhouse, or without one the same test and
// e-mail address) answers with the same assessment and sends nothing.
func (a *App) SendGreenhouseTest(ctx context.Context, act Actor, in GreenhouseSendInput) (*GreenhouseSent, error) {
	if a.baseURL == "" {
		return nil, fmt.Errorf("send_test: no base URL to build the link from")
	}
	f := map[string]string{}
	qid, roleID := rolefit.ParseGreenhouseTestID(in.TestID)
	q, ok := a.cat.Latest(qid)
	if qid == "" || !ok || !q.IsFor(string(rolefit.Candidate)) {
		f["partner_test_id"] = fmt.Sprintf("%q is not one of the tests list_tests offers", in.TestID)
	}
	var role *string
	if roleID != "" {
		if _, err := a.scope(act).Role(ctx, roleID); errs.Code(err) == errs.CodeNotFound {
			f["partner_test_id"] = fmt.Sprintf("%q names a role that does not exist (any more)", in.TestID)
		} else if err != nil {
			return nil, err
		}
		role = &roleID
	}
	name := strings.TrimSpace(strings.TrimSpace(in.FirstName) + " " + strings.TrimSpace(in.LastName))
	np, pf := rolefit.NewPerson{Name: name, Email: in.Email, Kind: rolefit.Candidate}.Clean("candidate.")
	if strings.TrimSpace(in.Email) == "" {
		pf["candidate.email"] = "is required"
	}
	if _, bad := pf["candidate.name"]; bad {
		pf["candidate.first_name"] = pf["candidate.name"]
		delete(pf, "candidate.name")
	}
	for k, v := range pf {
		f[k] = v
	}
	callback := strings.TrimSpace(in.CallbackURL)
	if callback != "" {
		if len(callback) > rolefit.MaxWebhookURL {
			f["url"] = fmt.Sprintf("must be at most %d characters", rolefit.MaxWebhookURL)
		} else if u, err := a.guard.CheckURL(ctx, callback); err != nil {
			f["url"] = err.Error()
		} else {
			callback = u.String()
		}
	}
	profile := strings.TrimSpace(in.GreenhouseProfileURL)
	if profile != "" {
		if u, err := url.Parse(profile); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(profile) > rolefit.MaxWebhookURL {
			f["candidate.greenhouse_profile_url"] = "is not an http:// or https:// address"
		}
	}
	if len(f) > 0 {
		return nil, errs.InvalidFields("Greenhouse's request has problems.", f)
	}
	key := "test:" + q.ID + "/" + roleID + "\x00" + np.Email
	if callback != "" {
		key = "url:" + callback
	}
	sum := sha256.Sum256([]byte(key))
	org := a.scope(act)
	res, err := org.SendGreenhouseTest(ctx, store.GreenhouseSend{RequestKey: hex.EncodeToString(sum[:]), TestID: in.TestID, RoleID: role,
		Person: np, Invitation: rolefit.NewInvitation{QuestionnaireID: q.ID, QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash},
		Audience:    func(k rolefit.PersonKind) bool { return q.IsFor(string(k)) },
		CallbackURL: callback, ProfileURL: profile}, act.Audit)
	if err != nil {
		return nil, err
	}
	out := &GreenhouseSent{PartnerInterviewID: res.Assessment.ID}
	if res.Token != "" && a.mailer != nil {
		sendErr, err := a.emailLink(ctx, org, res.Person, q, res.Invitation, a.Link(res.Token))
		if err != nil {
			return nil, err
		}
		out.Emailed = sendErr == nil
	}
	return out, nil
}

// GreenhouseStatus is test_status's answer, which is also the body of
// the completion PATCH: one document in Greenhouse's own field names, so
// the two cannot drift apart. Absent values are null.
type GreenhouseStatus struct {
	PartnerInterviewID string `json:"partner_interview_id"`
	// Status is "complete" once the candidate has submitted, else the
	// invitation's state: sent, started, expired or withdrawn.
	Status string `json:"partner_status"`
	// ProfileURL is the candidate's page in rolefit, once complete.
	ProfileURL *string `json:"partner_profile_url"`
	// Score is, for a test with a role, the candidate's fit for the role
	// (0 to 100, placement's fit; docs/INTEGRATIONS.md); nil for a test
	// of the questionnaire alone and before the candidate has submitted.
	Score *float64 `json:"partner_score"`
	// Metadata is flat: each composite's score on the response scale, the
	// 2×2 class and the response-quality severity; nil before completion.
	Metadata map[string]any `json:"metadata"`
}

// GreenhouseTestStatus answers test_status for an assessment of the
// actor's organisation; an unknown ID (or one of another organisation) is
// not found. Greenhouse reading the results is recorded in the audit log.
func (a *App) GreenhouseTestStatus(ctx context.Context, act Actor, id string) (*GreenhouseStatus, error) {
	org := a.scope(act)
	ga, inv, err := org.GreenhouseAssessment(ctx, id)
	if err != nil {
		return nil, err
	}
	st, err := a.greenhouseStatus(ctx, org, ga, inv)
	if err != nil {
		return nil, err
	}
	if st.Status == "complete" {
		if err := org.AuditRead(ctx, act.Audit, "view", "person", inv.PersonID, "Greenhouse test status"); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// greenhouseStatus is an assessment's status: the response to its
// invitation, scored with the organisation's cut, once there is one.
func (a *App) greenhouseStatus(ctx context.Context, org *store.Scope, ga *rolefit.GreenhouseAssessment, inv *rolefit.Invitation) (*GreenhouseStatus, error) {
	now := a.now()
	st := &GreenhouseStatus{PartnerInterviewID: ga.ID, Status: string(inv.State(now))}
	if inv.Status != rolefit.InvitationSubmitted {
		return st, nil
	}
	st.Status = "complete"
	resps, err := org.PersonResponses(ctx, inv.PersonID)
	if err != nil {
		return nil, err
	}
	var rv *ResponseView
	for _, r := range resps {
		if r.InvitationID != nil && *r.InvitationID == inv.ID {
			v, err := a.responseView(r)
			if err != nil {
				return nil, err
			}
			rv = &v
		}
	}
	if rv == nil {
		return st, nil // erased meanwhile
	}
	o, err := org.Get(ctx)
	if err != nil {
		return nil, err
	}
	rv.Scored.WithCut(o.ProfileCut)
	profile := a.baseURL + "/people/" + inv.PersonID
	st.ProfileURL = &profile
	st.Metadata = greenhouseMetadata(rv.Scored)
	if ga.RoleID != nil {
		fit, err := a.Fit(ctx, Actor{OrgID: ga.OrgID, Audit: rolefit.Actor{ID: "greenhouse", Name: "Greenhouse"}}, inv.PersonID)
		if err != nil && errs.Code(err) != errs.CodeNotFound {
			return nil, err
		}
		if fit != nil {
			for _, rf := range fit.Roles {
				if rf.Role.ID == *ga.RoleID && rf.Valuation.Fit.Known {
					v := math.Round(rf.Valuation.Fit.Fit*10) / 10
					st.Score = &v
				}
			}
		}
	}
	return st, nil
}

// greenhouseMetadata is a result as flat keys and values, with the names
// a recruiter reads in Greenhouse.
func greenhouseMetadata(res assess.Result) map[string]any {
	m := map[string]any{}
	for _, c := range res.Composites {
		if c.Score != nil {
			m[c.Name+" ("+c.ID+")"] = math.Round(*c.Score*100) / 100
		} else {
			m[c.Name+" ("+c.ID+")"] = nil
		}
	}
	m["Profile class"] = nil
	if res.Profile != nil {
		m["Profile class"] = string(res.Profile.Class)
	}
	switch res.Quality.Severity {
	case assess.SeverityLikely:
		m["Response quality"] = "likely careless"
	case assess.SeverityLook:
		m["Response quality"] = "worth a look"
	default:
		m["Response quality"] = "no flags"
	}
	return m
}

// RecordGreenhouseError keeps an error Greenhouse reported, for the
// admins (Settings → Greenhouse), and logs it.
func (a *App) RecordGreenhouseError(ctx context.Context, act Actor, report string) error {
	const max = 8 << 10
	if len(report) > max {
		report = report[:max]
	}
	a.log.WarnContext(ctx, "Greenhouse reported an error", "org", act.OrgID, "report", report)
	return a.scope(act).RecordGreenhouseError(ctx, report)
}

// GreenhouseErrors returns the newest errors Greenhouse reported.
func (a *App) GreenhouseErrors(ctx context.Context, act Actor) ([]rolefit.GreenhouseError, error) {
	return a.scope(act).GreenhouseErrors(ctx, 50)
}

// GreenhouseAddresses are the four addresses an admin gives Greenhouse,
// built from the base URL rolefit is reached at.
func (a *App) GreenhouseAddresses() map[string]string {
	out := map[string]string{}
	for _, name := range []string{"list_tests", "send_test", "test_status", "request_errors"} {
		out[name] = a.baseURL + "/integrations/greenhouse/" + name
	}
	return out
}
