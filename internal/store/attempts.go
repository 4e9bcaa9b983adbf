package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// attemptCount is one row of attempt_counts: the failures counted for a
// key in the window that ends at ExpiresAt.
type attemptCount struct {
	Scope     string
	KeyHash   string
	Failures  int
	ExpiresAt time.Time
}

// TableName tells GORM the table.
func (attemptCount) TableName() string { return "attempt_counts" }

// Attempts returns how many failures key has in scope's window open at
// now, and when that window ends; 0 and the zero time when none is open.
// The counts live in the database so that every rolefit process serving it
// sees the same numbers. The key is stored only as its SHA-256.
func (s *Store) Attempts(ctx context.Context, scope, key string, now time.Time) (int, time.Time, error) {
	var row attemptCount
	err := s.reader(ctx).Where("scope = ? AND key_hash = ? AND expires_at > ?", scope, HashToken(key), now.UTC()).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("read failed attempts: %w", err)
	}
	return row.Failures, row.ExpiresAt, nil
}

// CountAttempt counts one failure for key in scope. The first failure, or
// the first after a window ended, opens a window of the given length at
// now. It is one statement, so processes counting the same key at once
// each add one.
func (s *Store) CountAttempt(ctx context.Context, scope, key string, now time.Time, window time.Duration) error {
	now = now.UTC()
	err := s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Exec(`INSERT INTO attempt_counts (scope, key_hash, failures, expires_at) VALUES (?, ?, 1, ?)
			ON CONFLICT (scope, key_hash) DO UPDATE SET
			failures = CASE WHEN attempt_counts.expires_at <= ? THEN 1 ELSE attempt_counts.failures + 1 END,
			expires_at = CASE WHEN attempt_counts.expires_at <= ? THEN excluded.expires_at ELSE attempt_counts.expires_at END`,
			scope, HashToken(key), now.Add(window), now, now).Error
	})
	if err != nil {
		return fmt.Errorf("count failed attempt: %w", err)
	}
	return nil
}

// PurgeAttempts deletes the counts whose windows have ended, returning how
// many. serve calls it every hour; an ended row left in place is harmless
// (it reads as no failures), so this only keeps the table small.
func (s *Store) PurgeAttempts(ctx context.Context) (int64, error) {
	now := s.now().UTC()
	var n int64
	err := s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Where("expires_at <= ?", now).Delete(&attemptCount{})
		n = res.RowsAffected
		return res.Error
	})
	return n, err
}
