// Package storetest opens real, migrated rolefit databases for tests: a
// SQLite file under the test's temporary folder, and a fresh schema in the
// PostgreSQL named by ROLEFIT_TEST_POSTGRES_URL when that is set.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx" for schema set-up

	"rolefit/internal/store"
)

// PostgresEnv names the environment variable with the PostgreSQL URL the
// store tests run against. CI sets it; without it those tests are skipped.
const PostgresEnv = "ROLEFIT_TEST_POSTGRES_URL"

// Clock is a settable clock for tests. The zero value is not usable; use
// NewClock.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock stopped at t.
func NewClock(t time.Time) *Clock { return &Clock{now: t.UTC()} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// cheapPasswords keeps argon2id's shape but not its cost, so tests that
// create many users stay fast.
var cheapPasswords = store.PasswordParams{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// Options returns store options for tests with the given clock (nil for
// the real one).
func Options(clock *Clock) store.Options {
	o := store.Options{PasswordParams: &cheapPasswords}
	if clock != nil {
		o.Now = clock.Now
	}
	return o
}

// SQLite opens a migrated SQLite store in a new file under t.TempDir().
func SQLite(t testing.TB, clock *Clock) *store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "rolefit.db")
	return open(t, path, clock)
}

// PostgresURL returns a URL for a new, empty schema of the test PostgreSQL,
// dropped when the test ends, or skips the test when none is configured.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skipf("PostgreSQL tests skipped: set %s to a postgres:// URL to run them", PostgresEnv)
	}
	schema := "t_" + strings.ToLower(rand.Text())
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open %s: %v", PostgresEnv, err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create test schema: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		_, _ = db.Exec("DROP SCHEMA " + schema + " CASCADE")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Postgres opens a migrated store on a new schema of the test PostgreSQL,
// or skips the test when none is configured.
func Postgres(t testing.TB, clock *Clock) *store.Store {
	t.Helper()
	return open(t, PostgresURL(t), clock)
}

func open(t testing.TB, dsn string, clock *Clock) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn, Options(clock))
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close(); dsns.Delete(st) })
	dsns.Store(st, dsn)
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	return st
}

// Start is the time test clocks usually start at.
var Start = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// Each runs fn once on SQLite and once on PostgreSQL (skipped with a
// message when ROLEFIT_TEST_POSTGRES_URL is not set), each with a fresh
// database and its own clock.
func Each(t *testing.T, fn func(t *testing.T, st *store.Store, clock *Clock)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		c := NewClock(Start)
		fn(t, SQLite(t, c), c)
	})
	t.Run("postgres", func(t *testing.T) {
		c := NewClock(Start)
		fn(t, Postgres(t, c), c)
	})
}
