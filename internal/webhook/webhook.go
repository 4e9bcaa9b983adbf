// Package webhook signs and verifies webhook messages in the Standard
// Webhooks 1.0 form (https://www.standardwebhooks.com): three headers,
// webhook-id, webhook-timestamp and webhook-signature, the signature being
// "v1," and the base64 of HMAC-SHA256 over "id.timestamp.body" under the
// endpoint's secret. A secret is written "whsec_" and the base64 of its
// bytes; the key is those bytes.
package webhook

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The headers of a signed message.
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// secretPrefix starts every secret, so one is recognised in a
// configuration file or a log.
const secretPrefix = "whsec_"

// secretBytes is the length of a new secret's key: 32 bytes, the size of
// HMAC-SHA256's output and more than the 24 the specification asks for
// at least.
const secretBytes = 32

// NewSecret returns a fresh secret of 256 random bits, as "whsec_…".
func NewSecret() string {
	b := make([]byte, secretBytes)
	rand.Read(b)
	return secretPrefix + base64.StdEncoding.EncodeToString(b)
}

// key returns the HMAC key of a secret: the bytes its base64 part stands
// for.
func key(secret string) ([]byte, error) {
	b64, ok := strings.CutPrefix(secret, secretPrefix)
	if !ok {
		return nil, errors.New("a webhook secret starts with whsec_")
	}
	k, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(k) == 0 {
		return nil, errors.New("a webhook secret is whsec_ followed by base64")
	}
	return k, nil
}

// Sign returns the webhook-signature header of a message: "v1," and the
// base64 HMAC-SHA256 of id, the timestamp in seconds and the body, joined
// by dots.
func Sign(secret, id string, at time.Time, body []byte) (string, error) {
	k, err := key(secret)
	if err != nil {
		return "", err
	}
	return "v1," + base64.StdEncoding.EncodeToString(mac(k, id, at.Unix(), body)), nil
}

func mac(k []byte, id string, ts int64, body []byte) []byte {
	h := hmac.New(sha256.New, k)
	h.Write([]byte(id + "." + strconv.FormatInt(ts, 10) + "."))
	h.Write(body)
	return h.Sum(nil)
}

// Headers returns the three headers of a signed message sent at at.
func Headers(secret, id string, at time.Time, body []byte) (http.Header, error) {
	sig, err := Sign(secret, id, at, body)
	if err != nil {
		return nil, err
	}
	h := http.Header{}
	h.Set(HeaderID, id)
	h.Set(HeaderTimestamp, strconv.FormatInt(at.Unix(), 10))
	h.Set(HeaderSignature, sig)
	return h, nil
}

// Tolerance is how far a message's timestamp may be from the receiver's
// clock, the specification's suggestion: it bounds how long a captured
// message could be replayed.
const Tolerance = 5 * time.Minute

// Verify checks a received message's headers against its body as a
// receiver does: the timestamp within Tolerance of now, and one of the
// space-separated signatures a v1 signature that matches.
func Verify(secret string, h http.Header, body []byte, now time.Time) error {
	k, err := key(secret)
	if err != nil {
		return err
	}
	id, tsText, sigs := h.Get(HeaderID), h.Get(HeaderTimestamp), h.Get(HeaderSignature)
	if id == "" || tsText == "" || sigs == "" {
		return errors.New("missing webhook-id, webhook-timestamp or webhook-signature")
	}
	ts, err := strconv.ParseInt(tsText, 10, 64)
	if err != nil {
		return fmt.Errorf("webhook-timestamp %q is not a number of seconds", tsText)
	}
	if d := now.Sub(time.Unix(ts, 0)); d > Tolerance || d < -Tolerance {
		return fmt.Errorf("webhook-timestamp is %v away from now", d.Round(time.Second))
	}
	want := mac(k, id, ts, body)
	for _, s := range strings.Fields(sigs) {
		v, b64, ok := strings.Cut(s, ",")
		if !ok || v != "v1" {
			continue
		}
		if got, err := base64.StdEncoding.DecodeString(b64); err == nil && hmac.Equal(got, want) {
			return nil
		}
	}
	return errors.New("no signature matches")
}
