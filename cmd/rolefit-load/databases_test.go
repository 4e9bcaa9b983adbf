package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One command runs the same scenarios on SQLite and on a throw-away
// PostgreSQL, prints both and a table that compares them, and leaves no
// server, cluster or file behind.
func TestStartDBRunsEachDatabaseInTurn(t *testing.T) {
	if _, err := postgresBin(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI has PostgreSQL installed: %v", err)
		}
		t.Skip(err)
	}
	bin := buildRolefit(t)
	tmp := postgresTempDir(t)
	args := []string{"--start", bin, "--start-db", "sqlite", "--start-db", "postgres", "--duration", "300ms",
		"--scenarios", "healthz,submit", "--people", "2", "--concurrency", "2"}
	var out bytes.Buffer
	if err := run(context.Background(), append(args, "--json"), &out, io.Discard); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	var got struct{ Runs []databaseRun }
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("report: %v\n%s", err, out.String())
	}
	if len(got.Runs) != 2 || got.Runs[0].Database != "sqlite" || got.Runs[1].Database != "postgres" {
		t.Fatalf("runs %+v, want sqlite then postgres", got.Runs)
	}
	for _, r := range got.Runs {
		if len(r.Scenarios) != 2 {
			t.Fatalf("%s: scenarios %+v", r.Database, r.Scenarios)
		}
		for _, s := range r.Scenarios {
			if s.Requests == 0 || s.Errors != 0 {
				t.Errorf("%s %s: %d requests, %d errors (%s); want some and none", r.Database, s.Scenario, s.Requests, s.Errors, s.FirstError)
			}
		}
	}
	if !strings.Contains(got.Runs[0].GroupCommit, "groups=") {
		t.Errorf("SQLite's run has no group commit line: %q", got.Runs[0].GroupCommit)
	}
	// PostgreSQL's own CPU and its commits a WAL flush are measured for
	// the cluster the harness started, and only for it.
	for _, s := range got.Runs[0].Scenarios {
		if s.DatabaseCPUms != nil || s.CommitsPerFlush != nil {
			t.Errorf("sqlite %s: database CPU %v, commits a flush %v; want none", s.Scenario, s.DatabaseCPUms, s.CommitsPerFlush)
		}
	}
	submit := got.Runs[1].Scenarios[1]
	if submit.DatabaseCPUms == nil || *submit.DatabaseCPUms <= 0 {
		t.Errorf("postgres submit: database CPU %v, want above 0", submit.DatabaseCPUms)
	}
	// PostgreSQL's backends report their counts at most once a second, and
	// an idle one up to ten seconds later, so a run this short may see no
	// flush yet; when it sees some, each served at least one commit.
	if submit.CommitsPerFlush != nil && *submit.CommitsPerFlush < 1 {
		t.Errorf("postgres submit: commits a WAL flush %v, want at least 1 (each submission commits and flushes)", *submit.CommitsPerFlush)
	}
	if left, err := os.ReadDir(tmp); err != nil || len(left) != 0 {
		t.Errorf("temporary folder after the run: %v %v, want empty", left, err)
	}
}

// The table of several databases names each and compares every scenario
// that ran, with "—" where one did not.
func TestRunsTable(t *testing.T) {
	cpu, dbCPU, perFlush := 0.5, 0.7, 5.25
	runs := []databaseRun{
		{Database: "sqlite", report: report{CPUs: 2, Scenarios: []result{{Scenario: "healthz", Requests: 9, PerSecond: 900, P99ms: 2},
			{Scenario: "submit", Requests: 3, PerSecond: 300, P99ms: 40, OfHealthz: 1.0 / 3, ServerCPUms: &cpu}}}},
		{Database: "postgres at 127.0.0.1:5", report: report{CPUs: 2, Scenarios: []result{{Scenario: "healthz", Requests: 9, PerSecond: 1000, P99ms: 3,
			ServerCPUms: &cpu, DatabaseCPUms: &dbCPU, CommitsPerFlush: &perFlush}}}},
	}
	var out bytes.Buffer
	if err := printRuns(&out, runs, false); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"== sqlite\n", "== postgres at 127.0.0.1:5\n", "== compared",
		"submit         |      300 /s   40.00 ms   33.3%   0.500 |                                      —",
		// PostgreSQL's own CPU beside rolefit's, and its commits a flush.
		"healthz        |      900 /s    2.00 ms       —       — |     1000 /s    3.00 ms       —   0.500 + 0.700",
		"db CPU ms/req  commits/flush", "0.700            5.2"} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in:\n%s", want, s)
		}
	}
	if strings.Contains(s, "autosave") {
		t.Errorf("a scenario that did not run is listed:\n%s", s)
	}
}

func TestDatabaseName(t *testing.T) {
	for in, want := range map[string]string{
		"sqlite": "sqlite", "postgres": "postgres", "/data/x.db": "sqlite at /data/x.db",
		"postgres://u:secret@db.example:5432/rf": "postgres at db.example:5432",
	} {
		if got := databaseName(in); got != want {
			t.Errorf("databaseName(%q) = %q, want %q", in, got, want)
		}
	}
}

// postgresTempDir makes a temporary folder inside the test's that
// PostgreSQL, run as its own user when the tests run as root, can reach,
// sets TMPDIR to it for the clusters the harness makes, and returns it.
func postgresTempDir(t *testing.T) string {
	t.Helper()
	tmp := filepath.Join(t.TempDir(), "tmp")
	if err := os.Mkdir(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	for d := filepath.Dir(tmp); d != filepath.Clean(os.TempDir()) && d != "/"; d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("TMPDIR", tmp)
	return tmp
}
