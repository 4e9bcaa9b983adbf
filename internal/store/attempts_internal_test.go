package store

import (
	"context"
	"testing"
	"time"
)

// The attempt counts hold no address in clear, only its SHA-256.
func TestAttemptKeysAreStoredHashed(t *testing.T) {
	ctx := context.Background()
	st := migratedSQLite(t)
	if err := st.CountAttempt(ctx, "signin_account", "ada@example.com", time.Now(), time.Minute); err != nil {
		t.Fatal(err)
	}
	var keys []string
	if err := st.reader(ctx).Table("attempt_counts").Pluck("key_hash", &keys).Error; err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || keys[0] != HashToken("ada@example.com") {
		t.Errorf("got keys %q, want only the SHA-256 of the address", keys)
	}
}
