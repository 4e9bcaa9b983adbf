package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// databaseRun is the report of one database's run when --start-db names
// several.
type databaseRun struct {
	Database string `json:"database"`
	report
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
func loadStarted(ctx context.Context, cfg config, bin, db, org string) (rep report, err error) {
	switch db {
	case "sqlite":
		db = "" // startServer's own file
	case "postgres":
		pg, err := startPostgres(ctx)
		if err != nil {
			return rep, err
		}
		defer func() { err = errors.Join(err, pg.stop()) }()
		db = pg.url
	}
	srv, err := startServer(ctx, bin, db, org)
	if err != nil {
		return rep, err
	}
	defer srv.stop() // on every way out, Ctrl-C and errors included
	cfg.base = &url.URL{Scheme: "http", Host: strings.TrimPrefix(srv.base, "http://")}
	cfg.key, cfg.serverPID, cfg.clockTicks = srv.key, srv.pid, clockTicks()
	rep, err = loadTest(ctx, cfg)
	rep.Server = srv.base
	var stopErr error
	rep.GroupCommit, stopErr = srv.stop()
	return rep, errors.Join(err, stopErr)
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
	for _, r := range runs {
		fmt.Fprintf(out, "== %s\n", r.Database)
		if err := r.print(out, false); err != nil {
			return err
		}
		fmt.Fprintln(out)
	}
	fmt.Fprintln(out, "== compared (per second / p99 ms / of healthz / server CPU ms a request)")
	fmt.Fprintf(out, "%-9s", "scenario")
	for _, r := range runs {
		fmt.Fprintf(out, " | %-38s", r.Database)
	}
	fmt.Fprintln(out)
	for _, name := range scenarioNames {
		line, any := fmt.Sprintf("%-9s", name), false
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
