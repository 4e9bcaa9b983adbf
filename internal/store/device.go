package store

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"rolefit"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// DeviceMax is how long a device token is honoured after the sign-in that
// made it.
const DeviceMax = 365 * 24 * time.Hour

// A device token marks a browser that has signed in to an account, so
// that sign-in can tell the account's owner from a stranger when the
// account is under attack: failures from strangers slow the account's
// sign-ins down, but not from its owner's browsers. This is OWASP's
// "device cookie" scheme:
// https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies
//
// A token is "USER.EXPIRES.NONCE.MAC": the user's ID, when it stops being
// honoured (Unix seconds), 128 random bits, and an HMAC-SHA256 of the
// three keyed with the user's password hash. So nothing is stored per
// device, every rolefit process can check a token, only someone who can
// read the database can forge one, and changing the password forgets
// every browser at once.

// NewDeviceToken returns a device token for the browser the user with ID
// userID just signed in with.
func (s *Store) NewDeviceToken(ctx context.Context, userID string) (string, error) {
	var u userRow
	if err := s.reader(ctx).Where("id = ?", userID).Take(&u).Error; err != nil {
		return "", fmt.Errorf("find the browser's user: %w", err)
	}
	body := u.ID + "." + strconv.FormatInt(s.now().Add(DeviceMax).Unix(), 10) + "." + rand.Text()
	return body + "." + deviceMAC(u.PasswordHash, body), nil
}

// DeviceUser returns the user a device token was made for, or an
// unauthorized error when the token is malformed, forged or expired, or
// its user is gone or has changed their password since.
func (s *Store) DeviceUser(ctx context.Context, token string) (*rolefit.User, error) {
	bad := errs.Unauthorized("This browser has not signed in here before.")
	parts := strings.Split(token, ".")
	if len(token) > 256 || len(parts) != 4 {
		return nil, bad
	}
	expires, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || s.now().Unix() >= expires {
		return nil, bad
	}
	var u userRow
	err = s.reader(ctx).Where("id = ?", parts[0]).Take(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, bad
	}
	if err != nil {
		return nil, fmt.Errorf("find the browser's user: %w", err)
	}
	want := deviceMAC(u.PasswordHash, parts[0]+"."+parts[1]+"."+parts[2])
	if !hmac.Equal([]byte(want), []byte(parts[3])) {
		return nil, bad
	}
	return &u.User, nil
}

// deviceMAC signs a device token's body with a key derived from the
// password hash, which never leaves the database.
func deviceMAC(passwordHash, body string) string {
	key := sha256.Sum256([]byte("rolefit device token\x00" + passwordHash))
	m := hmac.New(sha256.New, key[:])
	m.Write([]byte(body))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}
