package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"time"
)

// Two kinds of identifier (docs/ARCHITECTURE.md "Identifiers"):
//
//   - newID: 128 random bits, for what a URL or a person names and whose
//     number or order must reveal nothing (people, invitations,
//     organisations, roles, users, keys, endpoints).
//   - newTimeID: a millisecond time prefix and 80 random bits, like a
//     ULID (https://github.com/ulid/spec) or UUIDv7 (RFC 9562 §5.7), for
//     rows written on the busy paths whose creation time is shown anyway:
//     responses (and so their score rows, keyed by the response), audit
//     entries and deliveries. Their primary key indexes then grow at one
//     end instead of at a random page, so a submission dirties one page
//     of each index rather than one anywhere in it.
//
// Both are 26 characters of the same 32 (A–Z, 2–7), so every place that
// checks an ID's shape takes both. Secrets (tokens, API keys, session
// IDs) come from NewToken and never from either.

// idAlphabet is base32 in ASCII order, so time IDs sort as text in the
// order they were made (to the millisecond) in SQLite and in PostgreSQL's
// C and UTF-8 collations alike, all of which order these characters by
// their code.
const idAlphabet = "234567ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// newID returns an opaque random identifier: 26 base32 characters carrying
// 128 random bits.
func newID() string { return rand.Text() }

// newTimeID returns an identifier that sorts by the millisecond it was made
// in: 10 characters of Unix milliseconds (50 bits, good to the year 37,000)
// and 16 characters of 80 random bits.
func newTimeID() string { return timeID(time.Now()) }

func timeID(t time.Time) string {
	var b [26]byte
	ms := uint64(t.UnixMilli())
	for i := 9; i >= 0; i-- {
		b[i] = idAlphabet[ms&31]
		ms >>= 5
	}
	var r [10]byte
	rand.Read(r[:])
	hi, lo := uint64(binary.BigEndian.Uint16(r[:2])), binary.BigEndian.Uint64(r[2:])
	for i := 25; i >= 10; i-- {
		b[i] = idAlphabet[lo&31]
		lo = lo>>5 | (hi&31)<<59
		hi >>= 5
	}
	return string(b[:])
}

// NewToken returns a fresh secret of 256 random bits, for session cookies,
// invitation links and the setup link. Only its hash is stored.
func NewToken() string { return rand.Text() + rand.Text() }

// HashToken returns the SHA-256 of a token in hex. A fast hash is enough: a
// token has far too many random bits to be guessed, unlike a password.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
