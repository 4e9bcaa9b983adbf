package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// InvitationStatus is where an invitation stands.
type InvitationStatus string

// The statuses of an invitation. Expired is not stored: an open invitation
// past its expiry time reads as expired.
const (
	InvitationSent      InvitationStatus = "sent"
	InvitationStarted   InvitationStatus = "started"
	InvitationSubmitted InvitationStatus = "submitted"
	InvitationExpired   InvitationStatus = "expired"
	InvitationWithdrawn InvitationStatus = "withdrawn"
)

// Invitation lengths, in days: a link works DefaultInvitationDays unless
// the manager chooses from 1 to MaxInvitationDays.
const (
	DefaultInvitationDays = 14
	MaxInvitationDays     = 90
)

// Day is the unit invitation lengths are counted in.
const Day = 24 * time.Hour

// Invitation asks one person to answer one questionnaire version through
// a link. The link's token is not stored, only its hash.
type Invitation struct {
	ID                   string           `json:"id"`
	OrgID                string           `json:"-"`
	PersonID             string           `json:"person_id"`
	QuestionnaireID      string           `json:"questionnaire"`
	QuestionnaireVersion int              `json:"questionnaire_version"`
	QuestionnaireHash    string           `json:"questionnaire_hash"`
	TokenHash            string           `json:"-"`
	Status               InvitationStatus `json:"-"`
	CreatedBy            string           `json:"-"`
	CreatedAt            time.Time        `json:"created_at"`
	ExpiresAt            time.Time        `json:"expires_at"`
	ConsentedAt          *time.Time       `json:"consented_at"`
	ConsentText          string           `json:"-"`
	StartedAt            *time.Time       `json:"started_at"`
	SubmittedAt          *time.Time       `json:"submitted_at"`
	WithdrawnAt          *time.Time       `json:"withdrawn_at"`
	EmailedAt            *time.Time       `json:"emailed_at"`
	EmailError           string           `json:"email_error,omitempty"`
}

// TableName tells GORM the table.
func (Invitation) TableName() string { return "invitations" }

// State is the invitation's status at time now: an open invitation past
// its expiry reads as expired.
func (i *Invitation) State(now time.Time) InvitationStatus {
	if (i.Status == InvitationSent || i.Status == InvitationStarted) && !now.Before(i.ExpiresAt) {
		return InvitationExpired
	}
	return i.Status
}

// CanExtend reports whether more days can be added at now: the
// invitation is open or has expired unanswered.
func (i *Invitation) CanExtend(now time.Time) bool {
	switch i.State(now) {
	case InvitationSent, InvitationStarted, InvitationExpired:
		return true
	}
	return false
}

// CanWithdraw reports whether the invitation can be withdrawn at now.
func (i *Invitation) CanWithdraw(now time.Time) bool { return i.CanExtend(now) }

// CanRenew reports whether a new link can replace the old one at now: only
// while the invitation is open.
func (i *Invitation) CanRenew(now time.Time) bool {
	s := i.State(now)
	return s == InvitationSent || s == InvitationStarted
}

// NewInvitation is what it takes to invite a person.
type NewInvitation struct {
	PersonID             string
	QuestionnaireID      string
	QuestionnaireVersion int
	QuestionnaireHash    string
	// Days is how long the link works, 1 to MaxInvitationDays; 0 means
	// DefaultInvitationDays.
	Days int
}

// checkDays refuses a number of days outside 1..MaxInvitationDays before
// anything multiplies it (a huge number would overflow a time.Duration).
func checkDays(field string, days int) error {
	if days < 1 || days > MaxInvitationDays {
		return errs.InvalidFields("Choose how many days the link works.",
			map[string]string{field: fmt.Sprintf("must be between 1 and %d days", MaxInvitationDays)})
	}
	return nil
}

// CreateInvitation invites a person and returns the invitation with the
// link's token, which is shown once and never stored.
func (o *Scope) CreateInvitation(ctx context.Context, ni NewInvitation, by Actor) (*Invitation, string, error) {
	if ni.Days == 0 {
		ni.Days = DefaultInvitationDays
	}
	if err := checkDays("expires_in_days", ni.Days); err != nil {
		return nil, "", err
	}
	token := NewToken()
	now := o.s.now()
	inv := &Invitation{ID: newID(), OrgID: o.id, PersonID: ni.PersonID, QuestionnaireID: ni.QuestionnaireID,
		QuestionnaireVersion: ni.QuestionnaireVersion, QuestionnaireHash: ni.QuestionnaireHash,
		TokenHash: HashToken(token), Status: InvitationSent, CreatedBy: by.ID, CreatedAt: now, ExpiresAt: now.Add(time.Duration(ni.Days) * Day)}
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		p, err := o.person(tx, ni.PersonID)
		if err != nil {
			return err
		}
		if err := tx.Create(inv).Error; err != nil {
			return fmt.Errorf("create invitation: %w", err)
		}
		return o.audit(tx, by, "invite", "person", p.ID, fmt.Sprintf("%s v%d", ni.QuestionnaireID, ni.QuestionnaireVersion))
	})
	if err != nil {
		return nil, "", err
	}
	return inv, token, nil
}

// Invitation returns one of the organisation's invitations.
func (o *Scope) Invitation(ctx context.Context, id string) (*Invitation, error) {
	return o.invitation(o.s.reader(ctx), id)
}

func (o *Scope) invitation(db *gorm.DB, id string) (*Invitation, error) {
	return take[Invitation](o.scope(db).Where("id = ?", id), "invitation")
}

// PersonInvitations lists a person's invitations, newest first.
func (o *Scope) PersonInvitations(ctx context.Context, personID string) ([]Invitation, error) {
	var invs []Invitation
	if err := o.scope(o.s.reader(ctx)).Where("person_id = ?", personID).Order("created_at DESC, id").Find(&invs).Error; err != nil {
		return nil, fmt.Errorf("list invitations: %w", err)
	}
	return invs, nil
}

// LatestInvitations returns the newest invitation of each of the given
// people, by person ID.
func (o *Scope) LatestInvitations(ctx context.Context, personIDs []string) (map[string]Invitation, error) {
	out := make(map[string]Invitation, len(personIDs))
	for chunk := range chunks(personIDs, 500) {
		var invs []Invitation
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
func (o *Scope) changeInvitation(ctx context.Context, id string, allowed func(*Invitation, time.Time) bool, fn func(tx *gorm.DB, inv *Invitation) error) error {
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
func (o *Scope) WithdrawInvitation(ctx context.Context, id string, by Actor) error {
	return o.changeInvitation(ctx, id, (*Invitation).CanWithdraw, func(tx *gorm.DB, inv *Invitation) error {
		now := o.s.now()
		if err := tx.Model(inv).Updates(map[string]any{"status": InvitationWithdrawn, "withdrawn_at": now}).Error; err != nil {
			return fmt.Errorf("withdraw invitation: %w", err)
		}
		return o.audit(tx, by, "withdraw", "invitation", id, "")
	})
}

// ExtendInvitation moves the expiry of an open or expired invitation to
// days from now, or days later than its current expiry if that is later.
func (o *Scope) ExtendInvitation(ctx context.Context, id string, days int, by Actor) (*Invitation, error) {
	if err := checkDays("days", days); err != nil {
		return nil, err
	}
	d := time.Duration(days) * Day
	var out *Invitation
	err := o.changeInvitation(ctx, id, (*Invitation).CanExtend, func(tx *gorm.DB, inv *Invitation) error {
		from := o.s.now()
		if inv.ExpiresAt.After(from) {
			from = inv.ExpiresAt
		}
		inv.ExpiresAt = from.Add(d)
		if err := tx.Model(inv).Update("expires_at", inv.ExpiresAt).Error; err != nil {
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
func (o *Scope) RenewInvitationLink(ctx context.Context, id string, by Actor) (string, error) {
	token := NewToken()
	err := o.changeInvitation(ctx, id, (*Invitation).CanRenew, func(tx *gorm.DB, inv *Invitation) error {
		if err := tx.Model(inv).Update("token_hash", HashToken(token)).Error; err != nil {
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
		return o.scope(tx.Model(&Invitation{})).Where("id = ?", id).Updates(up).Error
	})
}
