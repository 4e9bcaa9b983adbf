package store

import (
	"context"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// CreateInvitation invites a person and returns the invitation with the
// link's token, which is shown once and never stored.
func (o *Scope) CreateInvitation(ctx context.Context, ni rolefit.NewInvitation, by rolefit.Actor) (*rolefit.Invitation, string, error) {
	if ni.Days == 0 {
		ni.Days = rolefit.DefaultInvitationDays
	}
	if err := rolefit.CheckInvitationDays("expires_in_days", ni.Days); err != nil {
		return nil, "", err
	}
	token := NewToken()
	now := o.s.now()
	inv := &rolefit.Invitation{ID: newID(), OrgID: o.id, PersonID: ni.PersonID, QuestionnaireID: ni.QuestionnaireID,
		QuestionnaireVersion: ni.QuestionnaireVersion, QuestionnaireHash: ni.QuestionnaireHash,
		Status: rolefit.InvitationSent, CreatedBy: by.ID, CreatedAt: now, ExpiresAt: now.Add(time.Duration(ni.Days) * rolefit.Day),
		Language: ni.Language}
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		p, err := o.person(tx, ni.PersonID)
		if err != nil {
			return err
		}
		return o.insertInvitation(tx, inv, token, p, by)
	})
	if err != nil {
		return nil, "", err
	}
	return inv, token, nil
}

// insertInvitation stores a new invitation of person p with its link's
// token hash, its audit entry and its invitation.sent event, inside tx.
func (o *Scope) insertInvitation(tx *gorm.DB, inv *rolefit.Invitation, token string, p *rolefit.Person, by rolefit.Actor) error {
	if err := tx.Create(&invitationRow{Invitation: *inv, TokenHash: HashToken(token)}).Error; err != nil {
		return fmt.Errorf("create invitation: %w", err)
	}
	data := invitationEvent(inv)
	data["expires_at"] = inv.ExpiresAt.UTC().Format(time.RFC3339)
	if err := o.emit(tx, rolefit.EventInvitationSent, data); err != nil {
		return err
	}
	detail := fmt.Sprintf("%s v%d", inv.QuestionnaireID, inv.QuestionnaireVersion)
	if inv.Language != "" {
		detail += " in " + inv.Language
	}
	return o.audit(tx, by, "invite", "person", p.ID, detail)
}

// Invitation returns one of the organisation's invitations.
func (o *Scope) Invitation(ctx context.Context, id string) (*rolefit.Invitation, error) {
	return o.invitation(o.s.reader(ctx), id)
}

func (o *Scope) invitation(db *gorm.DB, id string) (*rolefit.Invitation, error) {
	return take[rolefit.Invitation](o.scope(db).Where("id = ?", id), "invitation")
}

// PersonInvitations lists a person's invitations, newest first.
func (o *Scope) PersonInvitations(ctx context.Context, personID string) ([]rolefit.Invitation, error) {
	var invs []rolefit.Invitation
	if err := o.scope(o.s.reader(ctx)).Where("person_id = ?", personID).Order("created_at DESC, id").Find(&invs).Error; err != nil {
		return nil, fmt.Errorf("list invitations: %w", err)
	}
	return invs, nil
}

// LatestInvitations returns the newest invitation of each of the given
// people, by person ID.
func (o *Scope) LatestInvitations(ctx context.Context, personIDs []string) (map[string]rolefit.Invitation, error) {
	out := make(map[string]rolefit.Invitation, len(personIDs))
	for chunk := range chunks(personIDs, 500) {
		var invs []rolefit.Invitation
		if err := o.scope(o.s.reader(ctx)).Where("person_id IN ?", chunk).Order("created_at, id").Find(&invs).Error; err != nil {
			return nil, fmt.Errorf("list invitations: %w", err)
		}
		for _, inv := range invs {
			out[inv.PersonID] = inv // later rows are newer
		}
	}
	return out, nil
}

// changeInvitation runs fn on an invitation inside a transaction, after
// checking with allowed (one of the invitation's Can… rules) that the
// change may be made now.
func (o *Scope) changeInvitation(ctx context.Context, id string, allowed func(*rolefit.Invitation, time.Time) bool, fn func(tx *gorm.DB, inv *rolefit.Invitation) error) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		inv, err := o.invitation(tx, id)
		if err != nil {
			return err
		}
		now := o.s.now()
		if !allowed(inv, now) {
			return errs.Conflict("This invitation is %s, so that cannot be done.", inv.State(now))
		}
		return fn(tx, inv)
	})
}

// WithdrawInvitation closes an invitation that has not been submitted; its
// link then says so.
func (o *Scope) WithdrawInvitation(ctx context.Context, id string, by rolefit.Actor) error {
	return o.changeInvitation(ctx, id, (*rolefit.Invitation).CanWithdraw, func(tx *gorm.DB, inv *rolefit.Invitation) error {
		now := o.s.now()
		if err := tx.Model(inv).Updates(map[string]any{"status": rolefit.InvitationWithdrawn, "withdrawn_at": now}).Error; err != nil {
			return fmt.Errorf("withdraw invitation: %w", err)
		}
		if err := o.emit(tx, rolefit.EventInvitationWithdrawn, invitationEvent(inv)); err != nil {
			return err
		}
		return o.audit(tx, by, "withdraw", "invitation", id, "")
	})
}

// ExtendInvitation moves the expiry of an open or expired invitation to
// days from now, or days later than its current expiry if that is later.
func (o *Scope) ExtendInvitation(ctx context.Context, id string, days int, by rolefit.Actor) (*rolefit.Invitation, error) {
	if err := rolefit.CheckInvitationDays("days", days); err != nil {
		return nil, err
	}
	d := time.Duration(days) * rolefit.Day
	var out *rolefit.Invitation
	err := o.changeInvitation(ctx, id, (*rolefit.Invitation).CanExtend, func(tx *gorm.DB, inv *rolefit.Invitation) error {
		from := o.s.now()
		if inv.ExpiresAt.After(from) {
			from = inv.ExpiresAt
		}
		inv.ExpiresAt = from.Add(d)
		// An invitation extended after it expired may expire again, and
		// is then told about again (invitation.expired).
		// Its reminders are counted from the new expiry.
		if err := tx.Model(inv).Updates(map[string]any{"expires_at": inv.ExpiresAt, "expiry_noted": false, "reminders_queued": 0}).Error; err != nil {
			return fmt.Errorf("extend invitation: %w", err)
		}
		out = inv
		return o.audit(tx, by, "extend", "invitation", id, inv.ExpiresAt.Format(time.RFC3339))
	})
	return out, err
}

// RenewInvitationLink replaces an open invitation's token, for when the
// manager has lost the link. The old link stops working; saved answers are
// kept. The new token is returned once.
func (o *Scope) RenewInvitationLink(ctx context.Context, id string, by rolefit.Actor) (string, error) {
	token := NewToken()
	err := o.changeInvitation(ctx, id, (*rolefit.Invitation).CanRenew, func(tx *gorm.DB, inv *rolefit.Invitation) error {
		if err := tx.Model(&invitationRow{Invitation: *inv}).Update("token_hash", HashToken(token)).Error; err != nil {
			return fmt.Errorf("renew link: %w", err)
		}
		// Every other link to it stops working too: the one that was
		// lost may be any of them.
		if err := tx.Where("invitation_id = ?", inv.ID).Delete(&invitationLink{}).Error; err != nil {
			return fmt.Errorf("renew link: %w", err)
		}
		return o.audit(tx, by, "renew_link", "invitation", id, "")
	})
	if err != nil {
		return "", err
	}
	return token, nil
}

// RecordInvitationEmail notes that the link was e-mailed, or why it could
// not be.
func (o *Scope) RecordInvitationEmail(ctx context.Context, id string, sendErr error) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		up := map[string]any{"emailed_at": o.s.now(), "email_error": ""}
		if sendErr != nil {
			up = map[string]any{"email_error": sendErr.Error()}
		}
		return o.scope(tx.Model(&rolefit.Invitation{})).Where("id = ?", id).Updates(up).Error
	})
}
