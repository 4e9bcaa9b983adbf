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

// Session lengths. A session ends after SessionIdle without a request, and
// in any case SessionMax after sign-in.
const (
	SessionIdle = 12 * time.Hour
	SessionMax  = 7 * 24 * time.Hour
	// touchEvery bounds how often a busy session's last-seen time is
	// written, so reading pages does not turn into a write per request.
	touchEvery = 5 * time.Minute
)

// Session is a signed-in browser. It lives in the database, so any rolefit
// process behind a load balancer can serve the next request. ID is the
// SHA-256 of the cookie's token: a copy of the table cannot be replayed.
type Session struct {
	ID         string
	UserID     string
	CSRFToken  string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	// PreviousVisitAt is when the user was last seen before this session
	// began; nil on their first sign-in. The dashboard counts what came in
	// since then.
	PreviousVisitAt *time.Time
}

// TableName tells GORM the table.
func (Session) TableName() string { return "sessions" }

// CreateSession signs a user in: it stores a new session and returns the
// token for the cookie, which is not stored.
func (s *Store) CreateSession(ctx context.Context, u *rolefit.User) (string, *Session, error) {
	token := NewToken()
	now := s.now()
	sess := &Session{ID: HashToken(token), UserID: u.ID, CSRFToken: NewToken(),
		CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(SessionMax)}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var seen struct{ LastSeenAt *time.Time }
		if err := tx.Table("users").Select("last_seen_at").Where("id = ?", u.ID).Scan(&seen).Error; err != nil {
			return fmt.Errorf("read last visit: %w", err)
		}
		sess.PreviousVisitAt = seen.LastSeenAt
		if err := tx.Create(sess).Error; err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		if err := tx.Table("users").Where("id = ?", u.ID).Update("last_seen_at", now).Error; err != nil {
			return fmt.Errorf("record visit: %w", err)
		}
		return s.Scope(u.OrgID).audit(tx, rolefit.ActorOf(u), "sign_in", "user", u.ID, "")
	})
	if err != nil {
		return "", nil, err
	}
	return token, sess, nil
}

// SessionUser returns the session of a cookie token and its user, or an
// unauthorized error when the token is unknown, forged or expired.
func (s *Store) SessionUser(ctx context.Context, token string) (*Session, *rolefit.User, error) {
	expired := errs.Unauthorized("Your session has ended. Please sign in again.")
	if token == "" {
		return nil, nil, expired
	}
	var sess Session
	err := s.reader(ctx).Where("id = ?", HashToken(token)).Take(&sess).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil, expired
	}
	if err != nil {
		return nil, nil, fmt.Errorf("find session: %w", err)
	}
	now := s.now()
	if !now.Before(sess.ExpiresAt) || !now.Before(sess.LastSeenAt.Add(SessionIdle)) {
		_ = s.tx(ctx, func(tx *gorm.DB) error { return tx.Where("id = ?", sess.ID).Delete(&Session{}).Error })
		return nil, nil, expired
	}
	var u rolefit.User
	err = s.reader(ctx).Where("id = ?", sess.UserID).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil, expired
	}
	if err != nil {
		return nil, nil, fmt.Errorf("find session user: %w", err)
	}
	if now.Sub(sess.LastSeenAt) > touchEvery {
		sess.LastSeenAt = now
		if err := s.tx(ctx, func(tx *gorm.DB) error {
			if err := tx.Model(&Session{}).Where("id = ?", sess.ID).Update("last_seen_at", now).Error; err != nil {
				return err
			}
			return tx.Table("users").Where("id = ?", u.ID).Update("last_seen_at", now).Error
		}); err != nil {
			return nil, nil, fmt.Errorf("touch session: %w", err)
		}
	}
	return &sess, &u, nil
}

// DeleteSession signs a browser out. An unknown token is not an error:
// signing out twice is harmless.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Where("id = ?", HashToken(token)).Delete(&Session{}).Error
	})
}

// PurgeSessions deletes sessions that have expired, returning how many.
func (s *Store) PurgeSessions(ctx context.Context) (int64, error) {
	now := s.now()
	var n int64
	err := s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Where("expires_at <= ? OR last_seen_at <= ?", now, now.Add(-SessionIdle)).Delete(&Session{})
		n = res.RowsAffected
		return res.Error
	})
	return n, err
}
