package app

import (
	"context"
	"fmt"
	"maps"
	"rolefit"
	"strings"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// MaxBulkInvitations is how many people one bulk invitation may name:
// every invitation, its audit entry and its e-mail are written in one
// transaction, and a page of the people list holds at most 500.
const MaxBulkInvitations = 500

// BulkInviteInput invites several people to one questionnaire, with one
// expiry.
type BulkInviteInput struct {
	PersonIDs     []string
	Questionnaire string // "id" or "id:version"
	Version       int
	// Days is how long the links work; 0 means the default.
	Days int
	// Language is the language the questionnaire is answered in, one of
	// its languages; "" lets each person choose (see Invite).
	Language string
}

// InviteMany invites every person named at once, all or none: a person
// of another organisation (or none), one the questionnaire is not for, or
// one who already has an open invitation to it is named in the error
// ("person_ids.N"), and nobody is invited. Each link is returned once;
// when e-mail is set up, an e-mail with a link of its own goes to each
// person with an address through the outbound queue, so a request for
// thirty people does not wait for thirty e-mails.
func (a *App) InviteMany(ctx context.Context, act Actor, in BulkInviteInput) ([]Invitation, error) {
	if a.baseURL == "" {
		return nil, fmt.Errorf("invite: no base URL to build the links from")
	}
	f := map[string]string{}
	switch {
	case len(in.PersonIDs) == 0:
		f["person_ids"] = "choose at least one person"
	case len(in.PersonIDs) > MaxBulkInvitations:
		f["person_ids"] = fmt.Sprintf("at most %d people at once", MaxBulkInvitations)
	}
	seen := map[string]int{}
	for i, id := range in.PersonIDs {
		id = strings.TrimSpace(id)
		in.PersonIDs[i] = id
		key := fmt.Sprintf("person_ids.%d", i)
		if id == "" {
			f[key] = "is empty"
		} else if j, dup := seen[id]; dup {
			f[key] = fmt.Sprintf("is the same person as person_ids.%d", j)
		} else {
			seen[id] = i
		}
	}
	q, err := a.FindQuestionnaire(in.Questionnaire, in.Version)
	if err != nil {
		for k, v := range errs.FieldsOf(err) {
			f[k] = v
		}
		if len(errs.FieldsOf(err)) == 0 {
			return nil, err
		}
	}
	in.Language = strings.TrimSpace(in.Language)
	if q != nil && in.Language != "" {
		if err := a.checkLanguage(q, "language", in.Language); err != nil {
			maps.Copy(f, errs.FieldsOf(err))
		}
	}
	if len(f) > 0 {
		return nil, errs.InvalidFields("Nobody was invited: please correct the highlighted fields.", f)
	}
	res, err := a.scope(act).CreateInvitations(ctx, store.BulkInvitation{PersonIDs: in.PersonIDs,
		NewInvitation: rolefit.NewInvitation{QuestionnaireID: q.ID, QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash, Days: in.Days, Language: in.Language},
		Audience:      func(k rolefit.PersonKind) bool { return q.IsFor(string(k)) }, Title: Ref(q), Email: a.mailer != nil}, act.Audit)
	if err != nil {
		return nil, err
	}
	out := make([]Invitation, len(res))
	for i, r := range res {
		out[i] = Invitation{Invitation: r.Invitation, URL: a.Link(r.Token), EmailQueued: r.EmailQueued, Person: r.Person}
	}
	return out, nil
}

// InvitationQuery selects a page of the organisation's invitations.
type InvitationQuery struct {
	// State is sent, started, submitted, expired or withdrawn ("" for
	// all), as each reads now.
	State    string
	PersonID string
	Limit    int
	Cursor   string
}

// InvitationPage is one page of invitations, newest first.
type InvitationPage struct {
	Items []rolefit.Invitation
	Next  string
}

// Invitations lists the organisation's invitations, newest first.
func (a *App) Invitations(ctx context.Context, act Actor, q InvitationQuery) (*InvitationPage, error) {
	if q.Limit < 0 || q.Limit > 500 {
		return nil, errs.InvalidFields("The page size is out of range.", map[string]string{"limit": "must be a whole number from 1 to 500"})
	}
	invs, next, err := a.scope(act).InvitationsPage(ctx, store.InvitationQuery{State: rolefit.InvitationStatus(strings.TrimSpace(q.State)),
		PersonID: strings.TrimSpace(q.PersonID), Limit: q.Limit, Cursor: q.Cursor})
	if err != nil {
		return nil, err
	}
	return &InvitationPage{Items: invs, Next: next}, nil
}

// LatestQuestionnaires returns the latest version of every installed
// questionnaire that candidates or staff can be invited to, for choosing
// one to invite several people to.
func (a *App) LatestQuestionnaires() []*assess.Questionnaire {
	var out []*assess.Questionnaire
	seen := map[string]bool{}
	for _, q := range a.cat.All() {
		if !seen[q.ID] {
			seen[q.ID] = true
			if l, ok := a.cat.Latest(q.ID); ok && (l.IsFor(string(rolefit.Candidate)) || l.IsFor(string(rolefit.Staff))) {
				out = append(out, l)
			}
		}
	}
	return out
}
