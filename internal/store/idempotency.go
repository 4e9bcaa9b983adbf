package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// idempotencyRow is the first answer to an API POST with an
// Idempotency-Key, sealed (app/idempotency.go).
type idempotencyRow struct {
	KeyHash     string `gorm:"primaryKey"`
	OrgID       string
	RequestHash string
	Status      int
	Answer      []byte
	CreatedAt   time.Time
}

func (idempotencyRow) TableName() string { return "idempotency_keys" }

// Idempotent is what is kept of a request made with an Idempotency-Key.
type Idempotent struct {
	RequestHash string
	// Status is the first answer's HTTP status, 0 while the first request
	// still runs.
	Status int
	Answer []byte
}

// BeginIdempotent claims keyHash for a request with requestHash, unless a
// request took it after since: then it returns what that request left
// (still running when its Status is 0). A claim older than since is
// replaced.
func (o *Scope) BeginIdempotent(ctx context.Context, keyHash, requestHash string, since time.Time) (*Idempotent, error) {
	var prev *Idempotent
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		var rows []idempotencyRow
		if err := o.scope(tx).Where("key_hash = ?", keyHash).Limit(1).Find(&rows).Error; err != nil {
			return fmt.Errorf("read idempotency key: %w", err)
		}
		if len(rows) > 0 {
			if rows[0].CreatedAt.After(since) {
				prev = &Idempotent{RequestHash: rows[0].RequestHash, Status: rows[0].Status, Answer: rows[0].Answer}
				return nil
			}
			if err := tx.Where("key_hash = ?", keyHash).Delete(&idempotencyRow{}).Error; err != nil {
				return fmt.Errorf("forget expired idempotency key: %w", err)
			}
		}
		return tx.Create(&idempotencyRow{KeyHash: keyHash, OrgID: o.id, RequestHash: requestHash, CreatedAt: o.s.now()}).Error
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		// Another request with the same key claimed it a moment ago.
		return &Idempotent{RequestHash: requestHash}, nil
	}
	return prev, err
}

// FinishIdempotent keeps the first answer of a claimed key.
func (o *Scope) FinishIdempotent(ctx context.Context, keyHash string, status int, answer []byte) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		return o.scope(tx.Model(&idempotencyRow{})).Where("key_hash = ?", keyHash).Updates(map[string]any{"status": status, "answer": answer}).Error
	})
}

// AbandonIdempotent frees a claimed key whose request failed on rolefit's
// side, so that it can be tried again.
func (o *Scope) AbandonIdempotent(ctx context.Context, keyHash string) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		return o.scope(tx).Where("key_hash = ? AND status = 0", keyHash).Delete(&idempotencyRow{}).Error
	})
}

// PurgeIdempotencyKeys deletes the keys claimed before before.
func (s *Store) PurgeIdempotencyKeys(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Where("created_at < ?", before).Delete(&idempotencyRow{})
		n = res.RowsAffected
		return res.Error
	})
	return n, err
}
