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
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.dialect != SQLite {
		return errors.New("backup copies SQLite databases; for PostgreSQL use pg_dump")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	// Creating the file first, exclusively and private to its owner,
	// refuses an existing file (or a link planted in its place) and keeps
	// the copy as private as the database; VACUUM INTO fills an empty
	// file.
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; choose a new file name", path)
	}
	if err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := s.read.WithContext(ctx).Exec("VACUUM INTO ?", abs).Error; err != nil {
		_ = os.Remove(abs)
		return fmt.Errorf("copy database to %s: %w", path, err)
	}
	return nil
}
