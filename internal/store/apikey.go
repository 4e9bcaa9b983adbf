package store

import (
	"context"
	"errors"
	"fmt"
	"rolefit"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// apiKeyPrefix starts every rolefit API key, so a leaked key is easy to
// recognise in a log or a secret scanner.
const apiKeyPrefix = "rf_"

// CreateAPIKey makes a new key for the organisation and returns it with
// the secret, which is never stored and cannot be shown again.
func (o *Scope) CreateAPIKey(ctx context.Context, name string, by rolefit.Actor) (*rolefit.APIKey, string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return nil, "", errs.InvalidFields("Give the key a name, such as the program that will use it.", map[string]string{"name": "is required"})
	case len(name) > 100:
		return nil, "", errs.InvalidFields("The name is too long.", map[string]string{"name": "must be at most 100 characters"})
	}
	secret := apiKeyPrefix + NewToken()
	row := apiKeyRow{ID: newID(), OrgID: o.id, Name: name, Prefix: secret[:10], Hash: HashToken(secret),
		CreatedBy: &by.ID, CreatedAt: o.s.now()}
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		// created_by names a user; a key made from the command line
		// (rolefit apikey add) has none, and the audit log says who.
		var users int64
		if err := tx.Model(&rolefit.User{}).Where("id = ? AND org_id = ?", by.ID, o.id).Count(&users).Error; err != nil {
			return fmt.Errorf("create API key: %w", err)
		}
		if users == 0 {
			row.CreatedBy = nil
		}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("create API key: %w", err)
		}
		return o.audit(tx, by, "create", "api_key", row.ID, row.Name)
	})
	if err != nil {
		return nil, "", err
	}
	k := row.key()
	return &k, secret, nil
}

// APIKeys lists the organisation's keys, newest first, revoked ones too.
func (o *Scope) APIKeys(ctx context.Context) ([]rolefit.APIKey, error) {
	var rows []apiKeyRow
	db := o.s.reader(ctx)
	if err := o.scope(db).Order("created_at DESC, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list API keys: %w", err)
	}
	ks := make([]rolefit.APIKey, len(rows))
	for i, r := range rows {
		ks[i] = r.key()
	}
	if err := withCreators(db, o.id, ks); err != nil {
		return nil, err
	}
	return ks, nil
}

// withCreators fills each key's Access and CreatorName from its creator's
// account. A key whose creator is gone (removed while the key was being
// read) gets no access at all, so it can do nothing.
func withCreators(db *gorm.DB, orgID string, ks []rolefit.APIKey) error {
	var ids []string
	for _, k := range ks {
		if k.CreatedBy != nil {
			ids = append(ids, *k.CreatedBy)
		}
	}
	var us []rolefit.User
	if len(ids) > 0 {
		if err := db.Select("id", "name", "access").Where("org_id = ? AND id IN ?", orgID, ids).Find(&us).Error; err != nil {
			return fmt.Errorf("read API keys' creators: %w", err)
		}
	}
	byID := make(map[string]rolefit.User, len(us))
	for _, u := range us {
		byID[u.ID] = u
	}
	for i := range ks {
		if ks[i].CreatedBy == nil {
			ks[i].Access = rolefit.Admin
		} else if u, ok := byID[*ks[i].CreatedBy]; ok {
			ks[i].Access, ks[i].CreatorName = u.Access, u.Name
		}
	}
	return nil
}

// revokeKeysOf revokes, inside tx, the live keys the user made, with an
// audit entry each: a key is its creator's delegate and goes with them.
func (o *Scope) revokeKeysOf(tx *gorm.DB, userID, who string, by rolefit.Actor) error {
	var ks []apiKeyRow
	if err := o.scope(tx).Where("created_by = ? AND revoked_at IS NULL", userID).Find(&ks).Error; err != nil {
		return fmt.Errorf("find the user's API keys: %w", err)
	}
	for _, k := range ks {
		if err := tx.Model(&apiKeyRow{}).Where("id = ?", k.ID).Update("revoked_at", o.s.now()).Error; err != nil {
			return fmt.Errorf("revoke API key: %w", err)
		}
		if err := o.audit(tx, by, "revoke", "api_key", k.ID, k.Name+": made by "+who+", who was removed"); err != nil {
			return err
		}
	}
	return nil
}

// RevokeAPIKey stops a key from working. Revoking twice is harmless.
func (o *Scope) RevokeAPIKey(ctx context.Context, id string, by rolefit.Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		k, err := take[apiKeyRow](o.scope(tx).Where("id = ?", id), "API key")
		if err != nil {
			return err
		}
		if k.RevokedAt != nil {
			return nil
		}
		if err := tx.Model(&apiKeyRow{}).Where("id = ?", id).Update("revoked_at", o.s.now()).Error; err != nil {
			return fmt.Errorf("revoke API key: %w", err)
		}
		return o.audit(tx, by, "revoke", "api_key", id, k.Name)
	})
}

// APIKeyByToken returns the live key for a bearer token, or an
// unauthorized error. It records when a key was last used, at most once a
// minute per key.
func (s *Store) APIKeyByToken(ctx context.Context, token string) (*rolefit.APIKey, error) {
	bad := errs.Unauthorized("The API key is missing, unknown or revoked.")
	if !strings.HasPrefix(token, apiKeyPrefix) {
		return nil, bad
	}
	var row apiKeyRow
	err := s.reader(ctx).Where("hash = ? AND revoked_at IS NULL", HashToken(token)).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, bad
	}
	if err != nil {
		return nil, fmt.Errorf("find API key: %w", err)
	}
	ks := []rolefit.APIKey{row.key()}
	if err := withCreators(s.reader(ctx), row.OrgID, ks); err != nil {
		return nil, err
	}
	k := ks[0]
	if k.Access == "" {
		return nil, bad
	}
	now := s.now()
	if k.LastUsedAt == nil || now.Sub(*k.LastUsedAt) > time.Minute {
		k.LastUsedAt = &now
		if err := s.tx(ctx, func(tx *gorm.DB) error {
			return tx.Model(&apiKeyRow{}).Where("id = ?", k.ID).Update("last_used_at", now).Error
		}); err != nil {
			return nil, fmt.Errorf("touch API key: %w", err)
		}
	}
	return &k, nil
}
