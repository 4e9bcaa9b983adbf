package store

import (
	"context"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// BulkInvitation invites several people to one questionnaire version at
// once.
type BulkInvitation struct {
	PersonIDs []string
	rolefit.NewInvitation
	// Audience says whether the questionnaire is for people of a kind.
	Audience func(rolefit.PersonKind) bool
	// Title names the questionnaire in messages.
	Title string
	// Email queues an e-mail with the link for each person with an
	// address, in the same transaction.
	Email bool
}

// InvitedPerson is one invitation a bulk invitation made, with its
// person and its link's token, which is shown once and never stored.
type InvitedPerson struct {
	Invitation *rolefit.Invitation
	Person     *rolefit.Person
	Token      string
	// EmailQueued says an e-mail with a link is on its way.
	EmailQueued bool
}

// CreateInvitations invites every person of b at once, all or none: each
// must be a person of the organisation, of a kind the questionnaire is
// for, and without an open invitation to the same questionnaire; every
// problem is listed under "person_ids.N" (N from 0, in the order given).
func (o *Scope) CreateInvitations(ctx context.Context, b BulkInvitation, by rolefit.Actor) ([]InvitedPerson, error) {
	if b.Days == 0 {
		b.Days = rolefit.DefaultInvitationDays
	}
	if err := rolefit.CheckInvitationDays("expires_in_days", b.Days); err != nil {
		return nil, err
	}
	var out []InvitedPerson
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		people := map[string]rolefit.Person{}
		for chunk := range chunks(b.PersonIDs, 500) {
			var ps []rolefit.Person
			if err := o.scope(tx).Where("id IN ?", chunk).Find(&ps).Error; err != nil {
				return fmt.Errorf("read people: %w", err)
			}
			for _, p := range ps {
				people[p.ID] = p
			}
		}
		open := map[string]rolefit.Invitation{}
		now := o.s.now()
		for chunk := range chunks(b.PersonIDs, 500) {
			var invs []rolefit.Invitation
			if err := o.scope(tx).Where("person_id IN ? AND questionnaire_id = ? AND status IN ? AND expires_at > ?", chunk, b.QuestionnaireID,
				[]rolefit.InvitationStatus{rolefit.InvitationSent, rolefit.InvitationStarted}, now).Find(&invs).Error; err != nil {
				return fmt.Errorf("read open invitations: %w", err)
			}
			for _, inv := range invs {
				open[inv.PersonID] = inv
			}
		}
		fields := map[string]string{}
		for i, id := range b.PersonIDs {
			key := fmt.Sprintf("person_ids.%d", i)
			p, ok := people[id]
			switch {
			case !ok:
				fields[key] = "is not a person of your organisation"
			case !b.Audience(p.Kind):
				fields[key] = fmt.Sprintf("%s is %s; %s is not for them", p.Name, p.Kind, b.Title)
			default:
				if inv, busy := open[id]; busy {
					fields[key] = fmt.Sprintf("%s already has an open invitation to %s, sent %s; withdraw it first or leave them out",
						p.Name, b.Title, inv.CreatedAt.UTC().Format("2 January 2006"))
				}
			}
		}
		if len(fields) > 0 {
			return errs.InvalidFields(fmt.Sprintf("Nobody was invited: %d of the %d people cannot be.", len(fields), len(b.PersonIDs)), fields)
		}
		out = make([]InvitedPerson, 0, len(b.PersonIDs))
		for _, id := range b.PersonIDs {
			p := people[id]
			token := NewToken()
			inv := &rolefit.Invitation{ID: newID(), OrgID: o.id, PersonID: id, QuestionnaireID: b.QuestionnaireID,
				QuestionnaireVersion: b.QuestionnaireVersion, QuestionnaireHash: b.QuestionnaireHash,
				Status: rolefit.InvitationSent, CreatedBy: by.ID, CreatedAt: now, ExpiresAt: now.Add(time.Duration(b.Days) * rolefit.Day),
				Language: b.Language}
			if err := o.insertInvitation(tx, inv, token, &p, by); err != nil {
				return err
			}
			ip := InvitedPerson{Invitation: inv, Person: &p, Token: token}
			if b.Email && p.Email != "" {
				if err := o.enqueue(tx, rolefit.Delivery{Kind: rolefit.DeliveryEmail, EventType: EmailInvitation, Target: inv.ID}, now); err != nil {
					return err
				}
				ip.EmailQueued = true
			}
			out = append(out, ip)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// InvitationQuery selects a page of an organisation's invitations, newest
// first.
type InvitationQuery struct {
	// State keeps only invitations in that state now ("" for all):
	// sent, started, submitted, expired or withdrawn.
	State rolefit.InvitationStatus
	// PersonID keeps only that person's invitations.
	PersonID string
	Limit    int
	Cursor   string
}

// InvitationsPage returns a page of the organisation's invitations,
// newest first, and the cursor of the next page ("" on the last). An
// open invitation past its expiry is expired, in the filter as in State.
func (o *Scope) InvitationsPage(ctx context.Context, q InvitationQuery) ([]rolefit.Invitation, string, error) {
	n := limit(q.Limit)
	now := o.s.now()
	db := o.scope(o.s.reader(ctx))
	open := []rolefit.InvitationStatus{rolefit.InvitationSent, rolefit.InvitationStarted}
	switch q.State {
	case "":
	case rolefit.InvitationSent, rolefit.InvitationStarted:
		db = db.Where("status = ? AND expires_at > ?", q.State, now)
	case rolefit.InvitationExpired:
		db = db.Where("status IN ? AND expires_at <= ?", open, now)
	case rolefit.InvitationSubmitted, rolefit.InvitationWithdrawn:
		db = db.Where("status = ?", q.State)
	default:
		return nil, "", errs.InvalidFields("There is no such state.", map[string]string{"state": "must be sent, started, submitted, expired or withdrawn"})
	}
	if q.PersonID != "" {
		db = db.Where("person_id = ?", q.PersonID)
	}
	return newestFirst(db, q.Cursor, n, "invitations", func(i *rolefit.Invitation) (time.Time, string) { return i.CreatedAt, i.ID })
}
