package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/store"
)

// Defaults of the settings shared by several subcommands.
const (
	defaultAddr = "127.0.0.1:8080"
	defaultDB   = "rolefit.db"
)

// envOr returns the environment variable's value, or def when it is unset.
func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// envBool reads a true/false environment variable: true, 1 or yes (in
// any case) is true, anything else false.
func envBool(getenv func(string) string, key string) bool {
	switch strings.ToLower(strings.TrimSpace(getenv(key))) {
	case "true", "1", "yes":
		return true
	}
	return false
}

// newFlagSet makes a flag set that reports errors instead of exiting, with
// a usage text that names the command and what it does.
func newFlagSet(name, args, summary string, cio commandIO) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(cio.stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: rolefit %s [flags] %s\n\n%s\n\nFlags:\n", name, args, summary)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, sending --help to stdout (it is what was asked
// for) and errors to stderr with exit code 2.
func parseFlags(fs *flag.FlagSet, args []string, cio commandIO) error {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(cio.stdout)
			fs.Usage()
			return flag.ErrHelp
		}
	}
	if err := fs.Parse(args); err != nil {
		return exitCode(2)
	}
	return nil
}

// dbFlags are the flags of every command that opens the database.
type dbFlags struct {
	db       string
	logLevel string
}

func (d *dbFlags) register(fs *flag.FlagSet, getenv func(string) string) {
	fs.StringVar(&d.db, "db", envOr(getenv, "ROLEFIT_DB", defaultDB),
		"SQLite file path, or a postgres:// URL (env ROLEFIT_DB)")
	fs.StringVar(&d.logLevel, "log-level", envOr(getenv, "ROLEFIT_LOG_LEVEL", "info"),
		"log level: debug, info, warn or error (env ROLEFIT_LOG_LEVEL)")
}

// logger builds the structured logger, which writes to stderr.
func (d *dbFlags) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(strings.ToUpper(d.logLevel))); err != nil {
		return nil, fmt.Errorf("--log-level %q: use debug, info, warn or error", d.logLevel)
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level})), nil
}

// open opens the store named by --db with a logger on w. mustExist
// refuses to create a new SQLite file.
func (d *dbFlags) open(ctx context.Context, cio commandIO, mustExist bool) (*store.Store, *slog.Logger, error) {
	log, err := d.logger(cio.stderr)
	if err != nil {
		return nil, nil, err
	}
	st, err := store.Open(ctx, d.db, store.Options{Logger: log, MustExist: mustExist, Now: cio.now})
	return st, log, err
}

// openUseCases opens the database as open does, migrates it, and returns
// the use cases on it with the shipped questionnaires, for a command that
// acts on an organisation's data, and a function that closes the store.
func (d *dbFlags) openUseCases(ctx context.Context, cio commandIO, mustExist bool) (*app.App, func(), error) {
	st, log, err := d.open(ctx, cio, mustExist)
	if err != nil {
		return nil, nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, nil, err
	}
	cat, err := loadCatalog("")
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	now := cio.now
	if now == nil {
		now = time.Now
	}
	uc, err := app.New(app.Config{Store: st, Catalog: cat, Now: now, Log: log})
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return uc, func() { st.Close() }, nil
}
