package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
)

// newID returns an opaque random identifier: 26 base32 characters carrying
// 128 random bits. People, invitations and responses appear in URLs by
// these, so their number and order reveal nothing.
func newID() string { return rand.Text() }

// NewToken returns a fresh secret of 256 random bits, for session cookies,
// invitation links and the setup link. Only its hash is stored.
func NewToken() string { return rand.Text() + rand.Text() }

// HashToken returns the SHA-256 of a token in hex. A fast hash is enough: a
// token has far too many random bits to be guessed, unlike a password.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
