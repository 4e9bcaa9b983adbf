package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Restore puts back a SQLite copy made by Backup: it checks that from is a
// sound rolefit database whose schema this build knows, refuses when a
// running rolefit holds the database at to, moves the database at to aside
// (with its -wal and -shm files, if any) under a name that says when, and
// copies from into its place, private to its owner. It returns the name the
// old file was moved to, empty when there was none. A copy with an older
// schema is restored as it is; the next 'rolefit serve' or 'rolefit
// migrate' brings it up to date. PostgreSQL has its own tools (pg_restore).
func Restore(ctx context.Context, from, to string, now time.Time) (string, error) {
	fromAbs, err := filepath.Abs(from)
	if err != nil {
		return "", err
	}
	toAbs, err := filepath.Abs(to)
	if err != nil {
		return "", err
	}
	if fromAbs == toAbs {
		return "", fmt.Errorf("%s is the database itself; name the copy to restore", from)
	}
	if err := checkCopy(ctx, from); err != nil {
		return "", err
	}
	aside := ""
	if _, err := os.Lstat(to); err == nil {
		if err := checkNotInUse(ctx, to); err != nil {
			return "", err
		}
		aside = to + ".before-restore-" + now.UTC().Format("20060102T150405Z")
		if _, err := os.Lstat(aside); err == nil {
			return "", fmt.Errorf("%s already exists; wait a second and try again", aside)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	if dir := filepath.Dir(to); dir != "." {
		if _, err := os.Stat(dir); err != nil {
			return "", fmt.Errorf("database file %s: folder %s does not exist", to, dir)
		}
	}
	// The copy is written next to the database first, so that the final
	// rename cannot fail half-way across file systems and the database is
	// never half-written.
	tmp := to + ".restoring"
	if err := copyPrivate(from, tmp); err != nil {
		return "", err
	}
	if aside != "" {
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Rename(to+suffix, aside+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				_ = os.Remove(tmp)
				return "", fmt.Errorf("move the old database aside: %w", err)
			}
		}
	}
	if err := os.Rename(tmp, to); err != nil {
		return aside, fmt.Errorf("put the copy in place (the old database is at %s): %w", aside, err)
	}
	return aside, nil
}

// checkCopy opens from read-only and checks it is a sound rolefit
// database whose schema this build knows.
func checkCopy(ctx context.Context, from string) error {
	if fi, err := os.Stat(from); err != nil || !fi.Mode().IsRegular() {
		return fmt.Errorf("no copy to restore at %s", from)
	}
	db, err := sql.Open("sqlite3", sqliteURI(from, url.Values{"mode": {"ro"}}))
	if err != nil {
		return fmt.Errorf("open %s: %w", from, err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil {
		return fmt.Errorf("%s is not a SQLite database rolefit can read: %w", from, err)
	}
	if check != "ok" {
		return fmt.Errorf("%s is damaged (SQLite's quick check says %q); restore another copy", from, check)
	}
	var version int
	if err := db.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&version); err != nil || version == 0 {
		return fmt.Errorf("%s is not a rolefit database (it has no schema version)", from)
	}
	if known := KnownSchemaVersion(); version > known {
		return fmt.Errorf("%s has schema version %d but this rolefit knows only up to %d: restore it with the newer rolefit that wrote it", from, version, known)
	}
	return nil
}

// checkNotInUse refuses a database another connection holds open. Every
// rolefit process keeps its connections open in WAL mode, and SQLite
// refuses an exclusive lock while any of them exists, even between
// transactions; a server that is stopped holds nothing.
func checkNotInUse(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", sqliteURI(path, url.Values{
		"_locking_mode": {"EXCLUSIVE"}, "_busy_timeout": {"250"}}))
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	inUse := func(err error) error {
		var se sqlite3.Error
		if errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked) {
			return fmt.Errorf("%s is in use, most likely by a running rolefit: stop it first (e.g. systemctl stop rolefit), then restore", path)
		}
		return fmt.Errorf("open %s: %w", path, err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return inUse(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		return inUse(err)
	}
	_, err = conn.ExecContext(ctx, "ROLLBACK")
	return err
}

// copyPrivate copies from to a new file to, readable by its owner only,
// and makes sure it is on disk.
func copyPrivate(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s exists, left by an earlier restore that stopped: remove it and try again", to)
	}
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		_ = os.Remove(to)
		return fmt.Errorf("copy %s: %w", from, err)
	}
	if err := dst.Sync(); err != nil {
		dst.Close()
		_ = os.Remove(to)
		return fmt.Errorf("copy %s: %w", from, err)
	}
	return dst.Close()
}
