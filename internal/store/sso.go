package store

import (
	"context"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"rolefit/internal/errs"
)

// ssoConfigRow is an organisation's single sign-on as stored.
type ssoConfigRow struct {
	rolefit.SSOConfig
}

func (ssoConfigRow) TableName() string { return "sso_configs" }

// SSOConfig returns the organisation's single sign-on settings, the
// defaults (passwords only) when none were saved.
func (o *Scope) SSOConfig(ctx context.Context) (*rolefit.SSOConfig, error) {
	return o.ssoConfig(o.s.reader(ctx))
}

func (o *Scope) ssoConfig(db *gorm.DB) (*rolefit.SSOConfig, error) {
	var rows []ssoConfigRow
	if err := db.Where("org_id = ?", o.id).Limit(1).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read single sign-on settings: %w", err)
	}
	if len(rows) == 0 {
		c := rolefit.DefaultSSOConfig(o.id)
		return &c, nil
	}
	return &rows[0].SSOConfig, nil
}

// SetSSOConfig saves the organisation's single sign-on settings, checked
// by the caller, with an audit entry (which never holds the secret).
func (o *Scope) SetSSOConfig(ctx context.Context, c rolefit.SSOConfig, by rolefit.Actor) error {
	c.OrgID, c.UpdatedAt = o.id, o.s.now()
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "org_id"}}, UpdateAll: true}).Create(&ssoConfigRow{c}).Error; err != nil {
			return fmt.Errorf("save single sign-on settings: %w", err)
		}
		return o.audit(tx, by, "change_settings", "organisation", o.id, fmt.Sprintf("single sign-on %s, issuer %s, users made on first sign-in %v (%s), password sign-in %v",
			map[bool]string{true: "on", false: "off"}[c.Enabled], c.Issuer, c.CreateUsers, c.NewUserAccess, c.PasswordSignIn))
	})
}

// ssoLogin is a sign-in begun at an identity provider.
type ssoLogin struct {
	StateHash string `gorm:"primaryKey"`
	OrgID     string
	Verifier  string
	Nonce     string
	Next      string
	ExpiresAt time.Time
}

func (ssoLogin) TableName() string { return "sso_logins" }

// SSOLogin is a sign-in begun, as it comes back.
type SSOLogin struct {
	OrgID, Verifier, Nonce, Next string
}

// BeginSSOLogin keeps a sign-in begun at an identity provider until
// expires, under the hash of its state.
func (s *Store) BeginSSOLogin(ctx context.Context, state string, l SSOLogin, expires time.Time) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Create(&ssoLogin{StateHash: HashToken(state), OrgID: l.OrgID, Verifier: l.Verifier, Nonce: l.Nonce, Next: l.Next, ExpiresAt: expires}).Error
	})
}

// TakeSSOLogin returns the sign-in of a state and forgets it, so a state
// is used once; an unknown or expired one is unauthorized.
func (s *Store) TakeSSOLogin(ctx context.Context, state string) (*SSOLogin, error) {
	var out *SSOLogin
	var expired bool
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var rows []ssoLogin
		if err := tx.Where("state_hash = ?", HashToken(state)).Limit(1).Find(&rows).Error; err != nil {
			return fmt.Errorf("read sign-in: %w", err)
		}
		if len(rows) == 0 {
			return errs.Unauthorized("This sign-in is unknown or was finished already. Please start again.")
		}
		if err := tx.Where("state_hash = ?", rows[0].StateHash).Delete(&ssoLogin{}).Error; err != nil {
			return fmt.Errorf("forget sign-in: %w", err)
		}
		r := rows[0]
		out = &SSOLogin{OrgID: r.OrgID, Verifier: r.Verifier, Nonce: r.Nonce, Next: r.Next}
		expired = !r.ExpiresAt.After(s.now())
		return nil
	})
	if err != nil {
		return nil, err
	}
	if expired {
		return nil, errs.Unauthorized("This sign-in took too long. Please start again.")
	}
	return out, nil
}

// PurgeSSOLogins deletes the sign-ins begun and never finished.
func (s *Store) PurgeSSOLogins(ctx context.Context) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Where("expires_at < ?", s.now()).Delete(&ssoLogin{})
		n = res.RowsAffected
		return res.Error
	})
	return n, err
}

// UserByEmail returns the organisation's user with an e-mail address.
func (o *Scope) UserByEmail(ctx context.Context, email string) (*rolefit.User, error) {
	return take[rolefit.User](o.scope(o.s.reader(ctx)).Where("email = ?", email), "user")
}
