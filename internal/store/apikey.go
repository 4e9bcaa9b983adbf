package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// apiKeyPrefix starts every rolefit API key, so a leaked key is easy to
// recognise in a log or a secret scanner.
const apiKeyPrefix = "rf_"

// APIKey lets a program (an applicant tracking system, a spreadsheet
// script) call the JSON API on behalf of an organisation. Only the key's
// hash is kept; the key itself is shown once, when it is created.
type APIKey struct {
	ID         string     `json:"id"`
	OrgID      string     `json:"-"`
	Name       string     `json:"name"`
	Prefix     string     `json:"prefix"`
	Hash       string     `json:"-"`
	CreatedBy  *string    `json:"-"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
}

// TableName tells GORM the table.
func (APIKey) TableName() string { return "api_keys" }

// Actor returns the audit actor for requests made with the key.
func (k *APIKey) Actor() Actor {
	return Actor{ID: k.ID, Name: "API key " + k.Name + " (" + k.Prefix + "…)"}
}

// CreateAPIKey makes a new key for the organisation and returns it with
// the secret, which is never stored and cannot be shown again.
func (o *Org) CreateAPIKey(ctx context.Context, name string, by Actor) (*APIKey, string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return nil, "", errs.InvalidFields("Give the key a name, such as the program that will use it.", map[string]string{"name": "is required"})
	case len(name) > 100:
		return nil, "", errs.InvalidFields("The name is too long.", map[string]string{"name": "must be at most 100 characters"})
	}
	secret := apiKeyPrefix + NewToken()
	k := &APIKey{ID: newID(), OrgID: o.id, Name: name, Prefix: secret[:10], Hash: HashToken(secret),
		CreatedBy: &by.ID, CreatedAt: o.s.now()}
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		// created_by names a user; a key made from the command line
		// (rolefit apikey add) has none, and the audit log says who.
		var users int64
		if err := tx.Model(&User{}).Where("id = ? AND org_id = ?", by.ID, o.id).Count(&users).Error; err != nil {
			return fmt.Errorf("create API key: %w", err)
		}
		if users == 0 {
			k.CreatedBy = nil
		}
		if err := tx.Create(k).Error; err != nil {
			return fmt.Errorf("create API key: %w", err)
		}
		return o.audit(tx, by, "create", "api_key", k.ID, k.Name)
	})
	if err != nil {
		return nil, "", err
	}
	return k, secret, nil
}

// APIKeys lists the organisation's keys, newest first, revoked ones too.
func (o *Org) APIKeys(ctx context.Context) ([]APIKey, error) {
	var ks []APIKey
	if err := o.scope(o.s.reader(ctx)).Order("created_at DESC, id").Find(&ks).Error; err != nil {
		return nil, fmt.Errorf("list API keys: %w", err)
	}
	return ks, nil
}

// RevokeAPIKey stops a key from working. Revoking twice is harmless.
func (o *Org) RevokeAPIKey(ctx context.Context, id string, by Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		k, err := take[APIKey](o.scope(tx).Where("id = ?", id), "API key")
		if err != nil {
			return err
		}
		if k.RevokedAt != nil {
			return nil
		}
		if err := tx.Model(&APIKey{}).Where("id = ?", id).Update("revoked_at", o.s.now()).Error; err != nil {
			return fmt.Errorf("revoke API key: %w", err)
		}
		return o.audit(tx, by, "revoke", "api_key", id, k.Name)
	})
}

// APIKeyByToken returns the live key for a bearer token, or an
// unauthorized error. It records when a key was last used, at most once a
// minute per key.
func (s *Store) APIKeyByToken(ctx context.Context, token string) (*APIKey, error) {
	bad := errs.Unauthorized("The API key is missing, unknown or revoked.")
	if !strings.HasPrefix(token, apiKeyPrefix) {
		return nil, bad
	}
	var k APIKey
	err := s.reader(ctx).Where("hash = ? AND revoked_at IS NULL", HashToken(token)).Take(&k).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, bad
	}
	if err != nil {
		return nil, fmt.Errorf("find API key: %w", err)
	}
	now := s.now()
	if k.LastUsedAt == nil || now.Sub(*k.LastUsedAt) > time.Minute {
		k.LastUsedAt = &now
		if err := s.tx(ctx, func(tx *gorm.DB) error {
			return tx.Model(&APIKey{}).Where("id = ?", k.ID).Update("last_used_at", now).Error
		}); err != nil {
			return nil, fmt.Errorf("touch API key: %w", err)
		}
	}
	return &k, nil
}
