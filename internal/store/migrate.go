package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered SQL file of migrations/.
type migration struct {
	version int
	name    string
	sql     string
}

var migrationName = regexp.MustCompile(`^(\d{4})_([a-z0-9_]+)\.sql$`)

// loadMigrations reads the embedded migrations in order and checks they are
// numbered 1, 2, 3… without gaps or repeats. The runner applies every
// migration numbered above the database's version, so a gap filled later
// would be skipped forever by a database migrated in between.
func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migration file %s: name must look like 0001_what_it_does.sql", e.Name())
		}
		v, _ := strconv.Atoi(m[1])
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: m[2], sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if i > 0 && m.version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %04d_%s and %04d_%s share a number", m.version, ms[i-1].name, m.version, m.name)
		}
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %04d_%s: expected number %04d", m.version, m.name, i+1)
		}
	}
	return ms, nil
}

// dialectSQL adapts a migration written for PostgreSQL to SQLite, whose
// go-sqlite3 driver recognises TIMESTAMP (not TIMESTAMPTZ) as a time column.
func dialectSQL(d Dialect, sql string) string {
	if d != SQLite {
		return sql
	}
	return strings.NewReplacer("TIMESTAMPTZ", "TIMESTAMP", "BYTEA", "BLOB").Replace(sql)
}

// KnownSchemaVersion is the newest schema version this build of rolefit knows.
func KnownSchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// SchemaVersion returns the highest migration applied to the database, 0
// for a new database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	db := s.reader(ctx)
	if !db.Migrator().HasTable("schema_migrations") {
		return 0, nil
	}
	var v int
	if err := db.Raw("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v).Error; err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// CheckSchema refuses a database whose schema is newer than this build
// knows (an older rolefit must not write to a newer database) or older
// than it (run Migrate first).
func (s *Store) CheckSchema(ctx context.Context) error {
	have, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	known := KnownSchemaVersion()
	switch {
	case have > known:
		return fmt.Errorf("database schema is version %d but this rolefit knows only up to %d: run a newer rolefit", have, known)
	case have < known:
		return fmt.Errorf("database schema is version %d, this rolefit needs %d: run 'rolefit migrate'", have, known)
	}
	return nil
}

// Migrate applies every pending migration in one transaction and records
// each in schema_migrations; it returns the names of those applied. Several
// processes may start at once against one PostgreSQL: an advisory lock
// makes them take turns, and the later ones find nothing to do.
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	return s.migrateTo(ctx, 0)
}

// migrateTo applies pending migrations up to version upTo (0: all).
func (s *Store) migrateTo(ctx context.Context, upTo int) ([]string, error) {
	ms, err := loadMigrations()
	if err != nil {
		return nil, err
	}
	if upTo > 0 {
		for i, m := range ms {
			if m.version > upTo {
				ms = ms[:i]
				break
			}
		}
	}
	var applied []string
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if s.dialect == Postgres {
			// 0x726f6c6566697400 spells "rolefit" in ASCII.
			if err := tx.Exec("SELECT pg_advisory_xact_lock(8245928625504351232)").Error; err != nil {
				return fmt.Errorf("lock for migrations: %w", err)
			}
		}
		if err := tx.Exec(dialectSQL(s.dialect, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version     INTEGER PRIMARY KEY,
			name        TEXT NOT NULL,
			applied_at  TIMESTAMPTZ NOT NULL)`)).Error; err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
		var have int
		if err := tx.Raw("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&have).Error; err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if known := ms[len(ms)-1].version; have > known {
			return fmt.Errorf("database schema is version %d but this rolefit knows only up to %d: run a newer rolefit", have, known)
		}
		for _, m := range ms {
			if m.version <= have {
				continue
			}
			if hasStatement(m.sql) {
				if err := tx.Exec(dialectSQL(s.dialect, m.sql)).Error; err != nil {
					return fmt.Errorf("migration %04d_%s: %w", m.version, m.name, err)
				}
			}
			if step := migrationSteps[m.version]; step != nil {
				if err := step(tx); err != nil {
					return fmt.Errorf("migration %04d_%s: %w", m.version, m.name, err)
				}
			}
			if err := tx.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
				m.version, m.name, s.now()).Error; err != nil {
				return fmt.Errorf("record migration %04d_%s: %w", m.version, m.name, err)
			}
			applied = append(applied, fmt.Sprintf("%04d_%s", m.version, m.name))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return applied, nil
}

// hasStatement reports whether a migration's SQL holds anything but "--"
// comments: a migration done wholly by its Go step (migrationSteps) says
// what it does in a file of comments alone.
func hasStatement(sql string) bool {
	for _, line := range strings.Split(sql, "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "--") {
			return true
		}
	}
	return false
}
