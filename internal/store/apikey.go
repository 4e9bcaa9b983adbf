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
//
// A key made on Settings → API keys is its creator's delegate: it may do
// what its creator may do today (Role), and it is revoked when its creator
// is removed, so nobody keeps an admin's power through a key after losing
// their account. A key made by 'rolefit apikey add' has no creator: it is
// the organisation's, made by whoever runs rolefit on the server, with an
// admin's rights until it is revoked.
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
	// Access is what the key may do: its creator's role today, or admin for
	// a key without a creator. It is read with the key, never stored.
	Access Access `gorm:"-" json:"-"`
	// CreatorName is the name of the user the key acts for, "" for a key
	// without a creator.
	CreatorName string `gorm:"-" json:"-"`
}

// TableName tells GORM the table.
func (APIKey) TableName() string { return "api_keys" }

// Actor returns the audit actor for requests made with the key.
func (k *APIKey) Actor() Actor {
	return Actor{ID: k.ID, Name: "API key " + k.Name + " (" + k.Prefix + "…)"}
}

// CreateAPIKey makes a new key for the organisation and returns it with
// the secret, which is never stored and cannot be shown again.
func (o *Scope) CreateAPIKey(ctx context.Context, name string, by Actor) (*APIKey, string, error) {
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
func (o *Scope) APIKeys(ctx context.Context) ([]APIKey, error) {
	var ks []APIKey
	db := o.s.reader(ctx)
	if err := o.scope(db).Order("created_at DESC, id").Find(&ks).Error; err != nil {
		return nil, fmt.Errorf("list API keys: %w", err)
	}
	if err := withCreators(db, o.id, ks); err != nil {
		return nil, err
	}
	return ks, nil
}

// withCreators fills each key's Role and CreatorName from its creator's
// account. A key whose creator is gone (removed while the key was being
// read) gets no role at all, so it can do nothing.
func withCreators(db *gorm.DB, orgID string, ks []APIKey) error {
	var ids []string
	for _, k := range ks {
		if k.CreatedBy != nil {
			ids = append(ids, *k.CreatedBy)
		}
	}
	var us []User
	if len(ids) > 0 {
		if err := db.Select("id", "name", "access").Where("org_id = ? AND id IN ?", orgID, ids).Find(&us).Error; err != nil {
			return fmt.Errorf("read API keys' creators: %w", err)
		}
	}
	byID := make(map[string]User, len(us))
	for _, u := range us {
		byID[u.ID] = u
	}
	for i := range ks {
		if ks[i].CreatedBy == nil {
			ks[i].Access = Admin
		} else if u, ok := byID[*ks[i].CreatedBy]; ok {
			ks[i].Access, ks[i].CreatorName = u.Access, u.Name
		}
	}
	return nil
}

// revokeKeysOf revokes, inside tx, the live keys the user made, with an
// audit entry each: a key is its creator's delegate and goes with them.
func (o *Scope) revokeKeysOf(tx *gorm.DB, userID, who string, by Actor) error {
	var ks []APIKey
	if err := o.scope(tx).Where("created_by = ? AND revoked_at IS NULL", userID).Find(&ks).Error; err != nil {
		return fmt.Errorf("find the user's API keys: %w", err)
	}
	for _, k := range ks {
		if err := tx.Model(&APIKey{}).Where("id = ?", k.ID).Update("revoked_at", o.s.now()).Error; err != nil {
			return fmt.Errorf("revoke API key: %w", err)
		}
		if err := o.audit(tx, by, "revoke", "api_key", k.ID, k.Name+": made by "+who+", who was removed"); err != nil {
			return err
		}
	}
	return nil
}

// RevokeAPIKey stops a key from working. Revoking twice is harmless.
func (o *Scope) RevokeAPIKey(ctx context.Context, id string, by Actor) error {
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
	ks := []APIKey{k}
	if err := withCreators(s.reader(ctx), k.OrgID, ks); err != nil {
		return nil, err
	}
	if k = ks[0]; k.Access == "" {
		return nil, bad
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
