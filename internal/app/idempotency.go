package app

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"rolefit"

	"rolefit/internal/errs"
)

// Idempotency-Key on the API's POSTs (the IETF draft "The Idempotency-Key
// HTTP Header Field", and Stripe's practice): a client that did not get
// an answer sends the request again with the same key and gets the first
// answer, and nothing is done twice. Keys are kept 24 hours, per API key.
// The first answer is kept sealed with AES-256-GCM under a key derived
// from the API key's secret and the Idempotency-Key (HMAC-SHA256), which
// rolefit does not store, so the table alone shows nothing of an answer
// (such as an invitation's link, which is stored nowhere else).

// IdempotencyWindow is how long a key gives the first answer.
const IdempotencyWindow = rolefit.Day

// MaxIdempotencyKey is the longest key accepted, in bytes.
const MaxIdempotencyKey = 255

// ErrKeyReused is the answer to a key sent again with another request,
// which the API gives with status 422.
var ErrKeyReused = &errs.Error{Code: errs.CodeInvalid, Message: "This Idempotency-Key was used with another request in the last 24 hours; use a new key for a new request.",
	Fields: map[string]string{"Idempotency-Key": "was used with another request"}}

// IdempotentRequest is an API POST with an Idempotency-Key.
type IdempotentRequest struct {
	Key string
	// Secret is the API key that sent it, and KeyID its ID: the
	// Idempotency-Key is the client's own, within its API key.
	Secret, KeyID string
	// Method, Path and Body are what must be the same for the first
	// answer to be given again.
	Method, Path string
	Body         []byte
}

// Replay is a first answer given again.
type Replay struct {
	Status      int    `json:"status"`
	ContentType string `json:"content_type"`
	Body        []byte `json:"body"`
}

// Idempotency is a claimed key: Finish keeps the answer, Abandon frees
// the key after a failure on rolefit's side.
type Idempotency struct {
	a       *App
	act     Actor
	keyHash string
	seal    []byte
}

// BeginIdempotent looks a request's key up: it returns the first answer
// when the same request was made with it before, ErrKeyReused when
// another request was, a conflict while the first still runs, and
// otherwise claims the key for this request.
func (a *App) BeginIdempotent(ctx context.Context, act Actor, r IdempotentRequest) (*Replay, *Idempotency, error) {
	if r.Key == "" || len(r.Key) > MaxIdempotencyKey {
		return nil, nil, errs.InvalidFields("The Idempotency-Key header is not usable.",
			map[string]string{"Idempotency-Key": fmt.Sprintf("must be 1 to %d characters", MaxIdempotencyKey)})
	}
	keyHash := sha256.Sum256([]byte(r.KeyID + "\x00" + r.Key))
	h := sha256.New()
	fmt.Fprintf(h, "%s %s\x00", r.Method, r.Path)
	h.Write(r.Body)
	reqHash := hex.EncodeToString(h.Sum(nil))
	mac := hmac.New(sha256.New, []byte(r.Secret))
	mac.Write([]byte("rolefit idempotency\x00" + r.Key))
	id := &Idempotency{a: a, act: act, keyHash: hex.EncodeToString(keyHash[:]), seal: mac.Sum(nil)}
	prev, err := a.scope(act).BeginIdempotent(ctx, id.keyHash, reqHash, a.now().Add(-IdempotencyWindow))
	switch {
	case err != nil:
		return nil, nil, err
	case prev == nil:
		return nil, id, nil
	case prev.RequestHash != reqHash:
		return nil, nil, ErrKeyReused
	case prev.Status == 0:
		return nil, nil, errs.Conflict("A request with this Idempotency-Key is still being answered; try again in a moment.")
	}
	plain, err := open(id.seal, prev.Answer)
	if err != nil {
		return nil, nil, err
	}
	var rp Replay
	if err := json.Unmarshal(plain, &rp); err != nil {
		return nil, nil, fmt.Errorf("read the first answer: %w", err)
	}
	return &rp, nil, nil
}

// Finish keeps the first answer for the key.
func (id *Idempotency) Finish(ctx context.Context, rp Replay) error {
	plain, err := json.Marshal(rp)
	if err != nil {
		return err
	}
	sealed, err := seal(id.seal, plain)
	if err != nil {
		return err
	}
	return id.a.scope(id.act).FinishIdempotent(ctx, id.keyHash, rp.Status, sealed)
}

// Abandon frees the key, so the request may be tried again.
func (id *Idempotency) Abandon(ctx context.Context) error {
	return id.a.scope(id.act).AbandonIdempotent(ctx, id.keyHash)
}

// PurgeIdempotencyKeys deletes the keys past IdempotencyWindow; serve's
// hourly housekeeping calls it.
func (a *App) PurgeIdempotencyKeys(ctx context.Context) (int64, error) {
	return a.st.PurgeIdempotencyKeys(ctx, a.now().Add(-IdempotencyWindow))
}

func seal(key, plain []byte) ([]byte, error) {
	gcm, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	rand.Read(nonce)
	return gcm.Seal(nonce, nonce, plain, nil), nil
}

func open(key, sealed []byte) ([]byte, error) {
	gcm, err := newGCM(key)
	if err != nil {
		return nil, err
	}
	if len(sealed) < gcm.NonceSize() {
		return nil, errors.New("the kept answer is too short")
	}
	plain, err := gcm.Open(nil, sealed[:gcm.NonceSize()], sealed[gcm.NonceSize():], nil)
	if err != nil {
		return nil, fmt.Errorf("open the kept answer: %w", err)
	}
	return plain, nil
}

func newGCM(key []byte) (cipher.AEAD, error) {
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(b)
}
