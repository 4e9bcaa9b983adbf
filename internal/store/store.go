// Package store keeps rolefit's data in SQLite or PostgreSQL through GORM.
// It knows SQL and nothing of HTTP. Exported methods take a context first
// and open their own transaction; every query about an organisation's data
// goes through a Scope, which adds the organisation's ID to it.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// Dialect names the database engine behind a Store.
type Dialect string

// The engines rolefit runs on.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Options tunes Open. The zero value is fine for production use.
type Options struct {
	// Now is the clock; nil means time.Now. Times are stored in UTC.
	Now func() time.Time
	// Logger receives slow-query warnings and database errors; nil discards.
	Logger *slog.Logger
	// PasswordParams overrides the argon2id cost (tests use a cheaper one).
	PasswordParams *PasswordParams
	// MustExist refuses to create a new SQLite file, for commands that only
	// make sense on an existing database (backup).
	MustExist bool
}

// Store is a handle on rolefit's database. It is safe for concurrent use.
type Store struct {
	dialect Dialect
	// write serialises writers on SQLite (one connection), so concurrent
	// requests queue in Go instead of failing with "database is locked";
	// read is a pool that WAL mode lets run beside the writer. On
	// PostgreSQL both are the same pool.
	write  *gorm.DB
	read   *gorm.DB
	now    func() time.Time
	log    *slog.Logger
	pwd    PasswordParams
	source string

	dummyOnce sync.Once
	dummyHash string

	audits *auditQueue
	group  *groupCommitter // nil on PostgreSQL
	shown  *pageShownQueue
}

// Open connects to the database named by dsn: a postgres:// or
// postgresql:// URL, or else the path of a SQLite file (created if absent).
// It does not migrate; call Migrate, or CheckSchema before serving.
func Open(ctx context.Context, dsn string, opt Options) (*Store, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Store{now: func() time.Time { return opt.Now().UTC() }, log: opt.Logger, pwd: DefaultPasswordParams}
	if opt.PasswordParams != nil {
		s.pwd = *opt.PasswordParams
	}
	cfg := func() *gorm.Config {
		return &gorm.Config{
			Logger:                 newGormLogger(opt.Logger),
			NowFunc:                s.now,
			SkipDefaultTransaction: true, // every write already runs in an explicit transaction
			TranslateError:         true, // unique violations become gorm.ErrDuplicatedKey
			NamingStrategy:         tableNamer{},
		}
	}
	switch {
	case strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://"):
		u, err := url.Parse(dsn)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("database URL %q is not a valid postgres:// URL: it needs a host, e.g. postgres://user:password@localhost:5432/rolefit", redactURL(dsn))
		}
		pcfg, err := pgx.ParseConfig(dsn)
		if err != nil {
			return nil, fmt.Errorf("database URL %s: %v", redactURL(dsn), err)
		}
		sqlDB := stdlib.OpenDB(*pcfg, stdlib.OptionAfterConnect(utcTimes))
		db, err := gorm.Open(postgres.New(postgres.Config{Conn: sqlDB}), cfg())
		if err != nil {
			sqlDB.Close()
			return nil, fmt.Errorf("open PostgreSQL at %s: %w", redactURL(dsn), err)
		}
		sqlDB.SetMaxOpenConns(20)
		sqlDB.SetMaxIdleConns(20)
		sqlDB.SetConnMaxIdleTime(5 * time.Minute)
		s.dialect, s.write, s.read, s.source = Postgres, db, db, redactURL(dsn)
	case strings.Contains(dsn, "://"):
		return nil, fmt.Errorf("database %q: only postgres:// URLs or SQLite file paths are supported", redactURL(dsn))
	case dsn == "":
		return nil, errors.New("database: no file path or URL given")
	default:
		if opt.MustExist {
			if _, err := os.Stat(dsn); err != nil {
				return nil, fmt.Errorf("no database file at %s", dsn)
			}
		}
		if dir := filepath.Dir(dsn); dir != "." {
			if _, err := os.Stat(dir); err != nil {
				return nil, fmt.Errorf("database file %s: folder %s does not exist", dsn, dir)
			}
		}
		if err := createPrivate(dsn); err != nil {
			return nil, fmt.Errorf("create SQLite file %s: %w", dsn, err)
		}
		// Each connection keeps its prepared statements: the writer runs
		// the same few statements for every submission and the readers
		// the same reads of the person and the organisation, and
		// preparing them anew was a tenth of a submission's CPU
		// (docs/PERFORMANCE.md). The driver resets a statement before
		// keeping it, so a kept one holds no read transaction open.
		w, err := gorm.Open(sqlite.Open(sqliteDSN(dsn)+"&_stmt_cache_size="+strconv.Itoa(stmtCacheSize)), cfg())
		if err != nil {
			return nil, fmt.Errorf("open SQLite file %s: %w", dsn, err)
		}
		r, err := gorm.Open(sqlite.Open(sqliteDSN(dsn)+"&_stmt_cache_size="+strconv.Itoa(stmtCacheSize)), cfg())
		if err != nil {
			return nil, fmt.Errorf("open SQLite file %s: %w", dsn, err)
		}
		wdb, _ := w.DB()
		wdb.SetMaxOpenConns(1)
		wdb.SetMaxIdleConns(1)
		wdb.SetConnMaxLifetime(0)
		rdb, _ := r.DB()
		rdb.SetMaxOpenConns(8)
		rdb.SetMaxIdleConns(8)
		s.dialect, s.write, s.read, s.source = SQLite, w, r, dsn
	}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, err
	}
	s.startAuditQueue()
	s.startGroupCommit()
	s.startPageShownQueue()
	return s, nil
}

// createPrivate creates an empty file readable and writable by its owner
// only, unless the file already exists. The database holds people's
// answers and scores; SQLite would create it with mode 0644, readable by
// every account on the machine, and its -wal and -shm files take the mode
// of the main file.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// utcTimes makes a PostgreSQL connection return times in UTC, as SQLite
// does, whatever the machine's time zone: the API promises RFC 3339 in UTC.
func utcTimes(_ context.Context, conn *pgx.Conn) error {
	conn.TypeMap().RegisterType(&pgtype.Type{Name: "timestamptz", OID: pgtype.TimestamptzOID,
		Codec: &pgtype.TimestamptzCodec{ScanLocation: time.UTC}})
	return nil
}

// stmtCacheSize is how many prepared statements each SQLite connection
// keeps, least recently used dropped first: enough for the statements of
// a submission, a consent, an autosave, the audit queue and the common
// reads. A kept statement costs a little memory per connection (the
// server's peak resident memory is in docs/PERFORMANCE.md).
const stmtCacheSize = 64

// sqliteDSN turns a file path into a go-sqlite3 DSN with the pragmas rolefit
// relies on: WAL so readers never wait for the writer, foreign keys on, a
// busy timeout as a second line of defence, BEGIN IMMEDIATE so a
// transaction that will write takes the lock first instead of failing when
// it upgrades, and FULL sync: in WAL mode NORMAL survives a crash of
// rolefit but may lose the last commits to a power cut, and a person's
// submitted answers must not be lost once rolefit said they were saved.
// FULL costs about 40% of the throughput of a submission (docs/PERFORMANCE.md).
func sqliteDSN(path string) string {
	v := url.Values{}
	v.Set("_journal_mode", "WAL")
	v.Set("_foreign_keys", "on")
	v.Set("_busy_timeout", "10000")
	v.Set("_synchronous", "FULL")
	v.Set("_txlock", "immediate")
	return sqliteURI(path, v)
}

// redactURL hides the password of a database URL for messages and logs.
func redactURL(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// Dialect reports which engine the store runs on.
func (s *Store) Dialect() Dialect { return s.dialect }

// Source describes the database for logs: the SQLite path or the redacted URL.
func (s *Store) Source() string { return s.source }

// Now returns the store's clock reading in UTC.
func (s *Store) Now() time.Time { return s.now() }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	for _, db := range []*gorm.DB{s.write, s.read} {
		sqlDB, err := db.DB()
		if err != nil {
			return err
		}
		if err := sqlDB.PingContext(ctx); err != nil {
			return fmt.Errorf("database %s does not answer: %w", s.source, err)
		}
	}
	return nil
}

// Close closes the database connections.
func (s *Store) Close() error {
	// Before the connections close, each writes what is queued; the
	// page-shown times go through the group committer, so they stop first.
	s.stopPageShownQueue()
	s.stopGroupCommit()
	s.stopAuditQueue()
	var errs []error
	seen := map[*sql.DB]bool{}
	for _, db := range []*gorm.DB{s.read, s.write} {
		if db == nil {
			continue
		}
		sqlDB, err := db.DB()
		if err != nil || seen[sqlDB] {
			continue
		}
		seen[sqlDB] = true
		errs = append(errs, sqlDB.Close())
	}
	return errors.Join(errs...)
}

// tx runs fn in a write transaction: committed when fn returns nil, rolled
// back otherwise, so a failed request leaves nothing half-written.
func (s *Store) tx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	return s.write.WithContext(ctx).Transaction(fn)
}

// reader returns a session for read-only queries.
func (s *Store) reader(ctx context.Context) *gorm.DB {
	return s.read.WithContext(ctx)
}

// Optimize refreshes the query planner's statistics where the engine needs
// telling: SQLite's PRAGMA optimize, which runs ANALYZE on tables whose
// statistics are missing or stale, so list queries keep choosing the person
// indexes as an organisation grows. PostgreSQL's autovacuum does this
// itself. serve calls it at start and every hour.
func (s *Store) Optimize(ctx context.Context) error {
	if s.dialect != SQLite {
		return nil
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Exec("PRAGMA optimize=0x10002").Error
	})
}
