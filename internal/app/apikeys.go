package app

import (
	"context"
	"rolefit"
	"sync"
	"time"

	"rolefit/internal/store"
)

// KeyCacheTTL is how long a verified API key is believed without asking
// the database again. A busy integration sends many requests a second, and
// each look-up is a query (and, once a minute, a write of when the key was
// last used); a key revoked through this process stops working at once,
// one revoked through another process sharing the database within this.
const KeyCacheTTL = 5 * time.Second

// keyCache remembers verified keys by the hash of their secret.
type keyCache struct {
	mu sync.Mutex
	m  map[string]cachedKey
}

type cachedKey struct {
	key *rolefit.APIKey
	at  time.Time
}

// maxCachedKeys bounds the cache; an organisation has a handful of keys,
// so reaching it means something unusual and the cache simply starts over.
const maxCachedKeys = 10_000

// APIKey returns the key a bearer token names, or an unauthorized error for
// a missing, unknown or revoked one. Only verified keys are cached: an
// unknown token always asks the database.
func (a *App) APIKey(ctx context.Context, token string) (*rolefit.APIKey, error) {
	h := store.HashToken(token)
	now := a.now()
	a.keys.mu.Lock()
	e, ok := a.keys.m[h]
	a.keys.mu.Unlock()
	if ok && now.Sub(e.at) < KeyCacheTTL {
		return e.key, nil
	}
	k, err := a.st.APIKeyByToken(ctx, token)
	if err != nil {
		return nil, err
	}
	a.keys.mu.Lock()
	if a.keys.m == nil || len(a.keys.m) >= maxCachedKeys {
		a.keys.m = map[string]cachedKey{}
	}
	a.keys.m[h] = cachedKey{key: k, at: now}
	a.keys.mu.Unlock()
	return k, nil
}

// forgetKey drops a key from the cache, after it was revoked here.
func (a *App) forgetKey(id string) {
	a.forgetKeys(func(k *rolefit.APIKey) bool { return k.ID == id })
}

// forgetKeysOf drops the keys a user made from the cache, after the user's
// role changed or the user was removed here: a key may do what its
// creator may do today (store.APIKey).
func (a *App) forgetKeysOf(userID string) {
	a.forgetKeys(func(k *rolefit.APIKey) bool { return k.CreatedBy != nil && *k.CreatedBy == userID })
}

func (a *App) forgetKeys(match func(*rolefit.APIKey) bool) {
	a.keys.mu.Lock()
	defer a.keys.mu.Unlock()
	for h, e := range a.keys.m {
		if match(e.key) {
			delete(a.keys.m, h)
		}
	}
}
