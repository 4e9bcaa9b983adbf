package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// The attempt counts hold no address in clear, only its SHA-256.
func TestAttemptKeysAreStoredHashed(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "attempts.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
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
