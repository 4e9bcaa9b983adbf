package store

import (
	"context"
	"errors"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// SetupTTL is how long a first-run setup link works.
const SetupTTL = 24 * time.Hour

type setupToken struct {
	Hash      string
	CreatedAt time.Time
	ExpiresAt time.Time
}

func (setupToken) TableName() string { return "setup_tokens" }

// NewSetupToken replaces any earlier setup link with a new one and returns
// its token. The link lets whoever reads the server's console create the
// first organisation and admin; it works once, and only while the database
// has no users.
func (s *Store) NewSetupToken(ctx context.Context) (string, error) {
	token := NewToken()
	now := s.now()
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("1 = 1").Delete(&setupToken{}).Error; err != nil {
			return err
		}
		return tx.Create(&setupToken{Hash: HashToken(token), CreatedAt: now, ExpiresAt: now.Add(SetupTTL)}).Error
	})
	if err != nil {
		return "", fmt.Errorf("create setup link: %w", err)
	}
	return token, nil
}

// CheckSetupToken reports whether a setup link is still good.
func (s *Store) CheckSetupToken(ctx context.Context, token string) error {
	return s.checkSetupToken(s.reader(ctx), token)
}

func (s *Store) checkSetupToken(db *gorm.DB, token string) error {
	bad := errs.NotFound("setup link (it may have been used already or expired; restart rolefit for a new one)")
	if token == "" {
		return bad
	}
	var t setupToken
	err := db.Where("hash = ?", HashToken(token)).Take(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) || (err == nil && !s.now().Before(t.ExpiresAt)) {
		return bad
	}
	return err
}

// CompleteSetup uses a setup link to create the first organisation and
// admin, all in one transaction, and uses up the link.
func (s *Store) CompleteSetup(ctx context.Context, token, orgName string, admin rolefit.NewUser) (*rolefit.Organisation, *rolefit.User, error) {
	var org *rolefit.Organisation
	var user *rolefit.User
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.checkSetupToken(tx, token); err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&rolefit.User{}).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return errs.Conflict("rolefit is already set up. Please sign in.")
		}
		var err error
		if org, user, err = s.createOrganisation(tx, orgName, admin, false); err != nil {
			return err
		}
		return tx.Where("1 = 1").Delete(&setupToken{}).Error
	})
	if err != nil {
		return nil, nil, err
	}
	return org, user, nil
}
