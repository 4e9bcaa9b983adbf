package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of a live SQLite database to path with
// VACUUM INTO, which reads one snapshot while other connections go on
// writing. It refuses to overwrite an existing file. PostgreSQL has its own
// tools (pg_dump) and is refused with a pointer to them.
//
// The copy may be written into a folder other accounts can write to, such
// as /tmp, where any name that can be guessed can be taken first, by a
// file or by a link to somewhere else. So nothing is written under a
// guessable name: SQLite writes the copy (and its journal) into a new
// folder with an unpredictable name, private to rolefit's account, beside
// path (os.MkdirTemp: created exclusively, mode 0700). The finished copy
// is then linked to path, which fails if anything, a link included, is
// already there and never follows one, so the copy appears whole or not
// at all, and the private folder is removed.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.dialect != SQLite {
		return errors.New("backup copies SQLite databases; for PostgreSQL use pg_dump")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if _, err := os.Lstat(abs); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", path)
	}
	private, err := os.MkdirTemp(filepath.Dir(abs), ".rolefit-backup-")
	if err != nil {
		return fmt.Errorf("copy database to %s: %w", path, err)
	}
	defer os.RemoveAll(private)
	tmp := filepath.Join(private, "copy.db")
	// Created first with mode 0600 so the copy is as private as the
	// database; VACUUM INTO fills an empty file.
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := s.read.WithContext(ctx).Exec("VACUUM INTO ?", tmp).Error; err != nil {
		return fmt.Errorf("copy database to %s: %w", path, err)
	}
	if err := syncFile(tmp); err != nil {
		return fmt.Errorf("copy database to %s: %w", path, err)
	}
	if err := placeNew(tmp, abs); errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; choose a new file name", path)
	} else if err != nil {
		return fmt.Errorf("copy database to %s: %w", path, err)
	}
	// The copy is in place; making its name durable too is worth trying,
	// but a folder that cannot be synced does not undo the backup.
	_ = syncFile(filepath.Dir(abs))
	return nil
}

// placeNew gives the file at tmp the name path, failing with os.ErrExist
// when anything is there. A hard link does that in one step and never
// follows a link at path. A file system without hard links (FAT, some
// network shares) has no links to plant either, so there a check and a
// rename do.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	if _, lerr := os.Lstat(path); lerr == nil {
		return os.ErrExist
	}
	return os.Rename(tmp, path)
}

// syncFile makes sure the file or folder at path is on disk.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
