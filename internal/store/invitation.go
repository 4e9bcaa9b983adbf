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

// Invitation lengths.
const (
	DefaultInvitationTTL = 14 * 24 * time.Hour
	MaxInvitationTTL     = 90 * 24 * time.Hour
)

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

// NewInvitation is what it takes to invite a person.
type NewInvitation struct {
	PersonID             string
	QuestionnaireID      string
	QuestionnaireVersion int
	QuestionnaireHash    string
	// TTL is how long the link works; 0 means DefaultInvitationTTL.
	TTL time.Duration
}

// CreateInvitation invites a person and returns the invitation with the
// link's token, which is shown once and never stored.
func (o *Org) CreateInvitation(ctx context.Context, ni NewInvitation, by Actor) (*Invitation, string, error) {
	if ni.TTL == 0 {
		ni.TTL = DefaultInvitationTTL
	}
	if ni.TTL < time.Hour || ni.TTL > MaxInvitationTTL {
		return nil, "", errs.InvalidFields("Choose how long the link works.",
			map[string]string{"expires_in_days": fmt.Sprintf("must be between 1 and %d days", int(MaxInvitationTTL.Hours()/24))})
	}
	token := NewToken()
	now := o.s.now()
	inv := &Invitation{ID: newID(), OrgID: o.id, PersonID: ni.PersonID, QuestionnaireID: ni.QuestionnaireID,
		QuestionnaireVersion: ni.QuestionnaireVersion, QuestionnaireHash: ni.QuestionnaireHash,
		TokenHash: HashToken(token), Status: InvitationSent, CreatedBy: by.ID, CreatedAt: now, ExpiresAt: now.Add(ni.TTL)}
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
func (o *Org) Invitation(ctx context.Context, id string) (*Invitation, error) {
	return o.invitation(o.s.reader(ctx), id)
}

func (o *Org) invitation(db *gorm.DB, id string) (*Invitation, error) {
	return take[Invitation](o.scope(db).Where("id = ?", id), "invitation")
}

// PersonInvitations lists a person's invitations, newest first.
func (o *Org) PersonInvitations(ctx context.Context, personID string) ([]Invitation, error) {
	var invs []Invitation
	if err := o.scope(o.s.reader(ctx)).Where("person_id = ?", personID).Order("created_at DESC, id").Find(&invs).Error; err != nil {
		return nil, fmt.Errorf("list invitations: %w", err)
	}
	return invs, nil
}

// LatestInvitations returns the newest invitation of each of the given
// people, by person ID.
func (o *Org) LatestInvitations(ctx context.Context, personIDs []string) (map[string]Invitation, error) {
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
// checking that its state at now is one of allowed.
func (o *Org) changeInvitation(ctx context.Context, id string, allowed []InvitationStatus, fn func(tx *gorm.DB, inv *Invitation) error) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		inv, err := o.invitation(tx, id)
		if err != nil {
			return err
		}
		state := inv.State(o.s.now())
		for _, a := range allowed {
			if state == a {
				return fn(tx, inv)
			}
		}
		return errs.Conflict("This invitation is %s, so that cannot be done.", state)
	})
}

var openStates = []InvitationStatus{InvitationSent, InvitationStarted, InvitationExpired}

// WithdrawInvitation closes an invitation that has not been submitted; its
// link then says so.
func (o *Org) WithdrawInvitation(ctx context.Context, id string, by Actor) error {
	return o.changeInvitation(ctx, id, openStates, func(tx *gorm.DB, inv *Invitation) error {
		now := o.s.now()
		if err := tx.Model(inv).Updates(map[string]any{"status": InvitationWithdrawn, "withdrawn_at": now}).Error; err != nil {
			return fmt.Errorf("withdraw invitation: %w", err)
		}
		return o.audit(tx, by, "withdraw", "invitation", id, "")
	})
}

// ExtendInvitation moves the expiry of an open or expired invitation to d
// from now, or d later than its current expiry if that is later still.
func (o *Org) ExtendInvitation(ctx context.Context, id string, d time.Duration, by Actor) (*Invitation, error) {
	if d < 24*time.Hour || d > MaxInvitationTTL {
		return nil, errs.InvalidFields("Choose how many days to add.",
			map[string]string{"days": fmt.Sprintf("must be between 1 and %d", int(MaxInvitationTTL.Hours()/24))})
	}
	var out *Invitation
	err := o.changeInvitation(ctx, id, openStates, func(tx *gorm.DB, inv *Invitation) error {
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
func (o *Org) RenewInvitationLink(ctx context.Context, id string, by Actor) (string, error) {
	token := NewToken()
	err := o.changeInvitation(ctx, id, []InvitationStatus{InvitationSent, InvitationStarted}, func(tx *gorm.DB, inv *Invitation) error {
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
func (o *Org) RecordInvitationEmail(ctx context.Context, id string, sendErr error) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		up := map[string]any{"emailed_at": o.s.now(), "email_error": ""}
		if sendErr != nil {
			up = map[string]any{"email_error": sendErr.Error()}
		}
		return o.scope(tx.Model(&Invitation{})).Where("id = ?", id).Updates(up).Error
	})
}
