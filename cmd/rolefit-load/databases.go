package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// databaseRun is the report of one database's run when --start-db names
// several.
type databaseRun struct {
	Database string `json:"database"`
	report
	// Sizes are the figures at each size of --sizes, when it was given;
	// the report then holds the conditions of the whole run.
	Sizes []sizeRun `json:"sizes,omitempty"`
}

// databaseName is how a report names a --start-db value: its kind, never
// a URL's password.
func databaseName(db string) string {
	switch {
	case db == "sqlite" || db == "postgres":
		return db
	case strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://"):
		if u, err := url.Parse(db); err == nil {
			return "postgres at " + u.Host
		}
		return "postgres"
	}
	return "sqlite at " + db
}

// loadStarted starts rolefit on db (starting a throw-away PostgreSQL
// first for "postgres"), runs the scenarios against it and stops both.
// With profile, the server writes its CPU profile there.
func loadStarted(ctx context.Context, cfg config, bin, db, org, profile string) (dr databaseRun, err error) {
	name := databaseName(db)
	switch db {
	case "sqlite":
		db = "" // startServer's own file
	case "postgres":
		pg, err := startPostgres(ctx)
		if err != nil {
			return dr, err
		}
		defer func() { err = errors.Join(err, pg.stop()) }()
		db = pg.url
		cfg.db = pg.meter(clockTicks())
	}
	srv, err := startServer(ctx, bin, db, org, profile)
	if err != nil {
		return dr, err
	}
	defer srv.stop() // on every way out, Ctrl-C and errors included
	cfg.base = &url.URL{Scheme: "http", Host: strings.TrimPrefix(srv.base, "http://")}
	cfg.key, cfg.serverPID, cfg.clockTicks = srv.key, srv.pid, clockTicks()
	dr, err = loadRun(ctx, cfg, name)
	dr.Database, dr.Server = name, srv.base
	var stopErr error
	dr.GroupCommit, stopErr = srv.stop()
	if profile != "" && stopErr == nil {
		if fi, e := os.Stat(profile); e != nil || fi.Size() == 0 {
			stopErr = fmt.Errorf("rolefit wrote no CPU profile to %s", profile)
		} else {
			dr.CPUProfile, dr.ProfileCommand = profile, "go tool pprof -top "+bin+" "+profile
		}
	}
	return dr, errors.Join(err, stopErr)
}

// printRuns writes each database's report and then one table of the
// figures that compare them: requests a second, p99, the share of the
// same run's /healthz rate and the server's CPU a request.
func printRuns(out io.Writer, runs []databaseRun, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Runs []databaseRun `json:"runs"`
		}{runs})
	}
	sized := false
	for _, r := range runs {
		fmt.Fprintf(out, "== %s\n", r.Database)
		if len(r.Sizes) == 0 {
			if err := r.print(out, false); err != nil {
				return err
			}
			fmt.Fprintln(out)
			continue
		}
		sized = true
		fmt.Fprintln(out, r.conditions())
		for _, s := range r.Sizes {
			fmt.Fprintln(out, s.heading())
			if err := s.print(out, false); err != nil {
				return err
			}
		}
		r.printFooter(out)
		fmt.Fprintln(out)
	}
	if sized {
		printSizes(out, runs)
		return nil
	}
	fmt.Fprintln(out, "== compared (per second / p99 ms / of healthz / server CPU ms a request, + PostgreSQL's own where the harness started it)")
	fmt.Fprintf(out, "%-14s", "scenario")
	for _, r := range runs {
		fmt.Fprintf(out, " | %-38s", r.Database)
	}
	fmt.Fprintln(out)
	for _, name := range scenarioNames {
		line, any := fmt.Sprintf("%-14s", name), false
		for _, r := range runs {
			cell := "—"
			for _, s := range r.Scenarios {
				if s.Scenario == name {
					any = true
					of := "—"
					if s.OfHealthz > 0 {
						of = fmt.Sprintf("%.1f%%", 100*s.OfHealthz)
					}
					cell = fmt.Sprintf("%8.0f /s %7.2f ms %7s %7s", s.PerSecond, s.P99ms, of, millis(s.ServerCPUms))
					if s.DatabaseCPUms != nil {
						cell += " + " + millis(s.DatabaseCPUms)
					}
				}
			}
			line += " | " + pad(cell, 38)
		}
		if any {
			fmt.Fprintln(out, line)
		}
	}
	return nil
}

// profilePaths names each --start-db's CPU profile in dir, DB.pprof after
// the database's kind (sqlite.pprof, postgres.pprof; sqlite-2.pprof for a
// second SQLite), making dir if need be; with no dir, none.
func profilePaths(dir string, dbs []string) ([]string, error) {
	paths := make([]string, len(dbs))
	if dir == "" {
		return paths, nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("--profile: %w", err)
	}
	seen := map[string]int{}
	for i, db := range dbs {
		kind, _, _ := strings.Cut(databaseName(db), " ")
		seen[kind]++
		name := kind
		if seen[kind] > 1 {
			name = fmt.Sprintf("%s-%d", kind, seen[kind])
		}
		paths[i] = filepath.Join(dir, name+".pprof")
	}
	return paths, nil
}
