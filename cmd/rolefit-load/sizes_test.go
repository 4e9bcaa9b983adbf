package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseSizes(t *testing.T) {
	for raw, want := range map[string][]int{
		"": nil, " ": nil, "1000": {1000}, "30, 60": {30, 60}, "1000,10000,100000": {1000, 10000, 100000},
		"1,2,3,100000": {1, 2, 3, 100000},
	} {
		got, err := parseSizes(raw)
		if err != nil || !slicesEqual(got, want) {
			t.Errorf("parseSizes(%q) = %v, %v; want %v", raw, got, err, want)
		}
	}
	for raw, msg := range map[string]string{
		"0":               `"0" is not a whole number from 1 to 100000`,
		"100001":          `"100001" is not a whole number from 1 to 100000`,
		"1e3":             `"1e3" is not`,
		"1000,,2000":      `"" is not`,
		"10000,1000":      "1000 after 10000",
		"1000,1000":       "1000 after 1000",
		"1,2,3,4,5":       "5 sizes, at most 4",
		"1000,10000,abc":  `"abc" is not`,
		"-5":              `"-5" is not`,
		"1000, 100000000": `"100000000" is not`,
	} {
		if _, err := parseSizes(raw); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("parseSizes(%q): %v, want an error with %q", raw, err, msg)
		}
	}
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// checkProfile fails t unless path is a non-empty gzip'd CPU profile
// that `go tool pprof -raw` reads.
func checkProfile(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("profile: %v", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("profile %s (%d bytes) is not gzip'd: %v", path, len(b), err)
	}
	if raw, err := io.ReadAll(zr); err != nil || len(raw) == 0 {
		t.Fatalf("profile %s: %d bytes unzipped, %v", path, len(raw), err)
	}
	out, err := exec.Command("go", "tool", "pprof", "-raw", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "PeriodType: cpu nanoseconds") {
		t.Errorf("go tool pprof -raw %s: %v\n%.500s", path, err, out)
	}
}

// --sizes grows the started server's organisation to each size in turn
// (on each database), runs the scenarios at each, and prints a table by
// size; the team and placement scenarios run without errors; --profile
// leaves each server's CPU profile and names it.
func TestSizesGrow(t *testing.T) {
	bin := buildRolefit(t)
	dbs := []string{"--start-db", "sqlite"}
	if _, err := postgresBin(); err == nil {
		dbs = append(dbs, "--start-db", "postgres")
		postgresTempDir(t)
	}
	profiles := filepath.Join(t.TempDir(), "profiles")
	args := append([]string{"--start", bin, "--sizes", "30,60", "--duration", "300ms", "--people", "2", "--concurrency", "4",
		"--scenarios", "healthz,team,placement,placement-cold", "--profile", profiles}, dbs...)
	var out, progress bytes.Buffer
	start := time.Now()
	if err := run(context.Background(), append(args, "--json"), &out, &progress); err != nil {
		t.Fatalf("run: %v\n%s\n%s", err, out.String(), progress.String())
	}
	t.Logf("%d databases, two sizes in %v", len(dbs)/2, time.Since(start).Round(time.Millisecond))
	var got struct{ Runs []databaseRun }
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("report: %v\n%s", err, out.String())
	}
	if len(got.Runs) != len(dbs)/2 {
		t.Fatalf("%d runs, want %d", len(got.Runs), len(dbs)/2)
	}
	for _, r := range got.Runs {
		if len(r.Sizes) != 2 || r.Sizes[0].People != 30 || r.Sizes[1].People != 60 {
			t.Fatalf("%s: sizes %+v, want 30 and 60", r.Database, r.Sizes)
		}
		for i, s := range r.Sizes {
			// Growing ends at the size exactly; the next size starts
			// from at least it (the scenarios may add a few more).
			if s.Had+s.Added != s.People || s.Added <= 0 {
				t.Errorf("%s at %d: had %d, added %d", r.Database, s.People, s.Had, s.Added)
			}
			if i > 0 && s.Had < r.Sizes[i-1].People {
				t.Errorf("%s at %d: had %d people with a self-report, fewer than the size before", r.Database, s.People, s.Had)
			}
			if len(s.Scenarios) != 4 {
				t.Fatalf("%s at %d: scenarios %+v", r.Database, s.People, s.Scenarios)
			}
			for _, res := range s.Scenarios {
				if res.Requests == 0 || res.Errors != 0 || res.ServerCPUms == nil {
					t.Errorf("%s at %d, %s: %d requests, %d errors (%s), server CPU %v", r.Database, s.People, res.Scenario,
						res.Requests, res.Errors, res.FirstError, res.ServerCPUms)
				}
			}
		}
		want := filepath.Join(profiles, r.Database+".pprof")
		if r.CPUProfile != want || r.ProfileCommand != "go tool pprof -top "+bin+" "+want {
			t.Errorf("%s: profile %q, command %q; want %s", r.Database, r.CPUProfile, r.ProfileCommand, want)
		}
		checkProfile(t, want)
	}
	for _, want := range []string{"grew to 30 people with a self-report", "grew to 60 people with a self-report",
		"copy the answers of"} {
		if !strings.Contains(progress.String(), want) {
			t.Errorf("no %q in the progress:\n%s", want, progress.String())
		}
	}
}

// The table by size has a row for each size and scenario that ran and a
// column for each database, "—" where a database lacks one.
func TestSizesTable(t *testing.T) {
	cpu := 1.5
	runs := []databaseRun{
		{Database: "sqlite", Sizes: []sizeRun{
			{People: 1000, Added: 984, GrowSeconds: 2, report: report{Scenarios: []result{{Scenario: "team", PerSecond: 120, P99ms: 80, ServerCPUms: &cpu}}}},
			{People: 10000, Had: 1010, Added: 8990, GrowSeconds: 30, report: report{Scenarios: []result{{Scenario: "team", PerSecond: 60, P99ms: 300}}}},
		}},
		{Database: "postgres", Sizes: []sizeRun{
			{People: 1000, Had: 1200, report: report{Scenarios: []result{{Scenario: "placement-cold", PerSecond: 3, P99ms: 900}}}},
		}},
	}
	var out bytes.Buffer
	if err := printRuns(&out, runs, false); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		"-- 1,000 people with a self-report (984 added in 2.0 s, 492 a second)",
		"-- 10,000 people with a self-report (8,990 added in 30.0 s, 300 a second)",
		"-- 1,000 people with a self-report (1,200 there already)",
		"== by size (per second / p99 ms / server CPU ms a request, + PostgreSQL's own where the harness started it)",
		"   1,000 team           |      120 /s    80.00 ms   1.500 |                              —\n",
		"   1,000 placement-cold |                              — |        3 /s   900.00 ms       —\n",
		"  10,000 team           |       60 /s   300.00 ms       — |                              —\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("no %q in:\n%s", want, s)
		}
	}
	if _, table, _ := strings.Cut(s, "== by size"); strings.Contains(table, "healthz") || strings.Contains(table, "10,000 placement-cold") {
		t.Errorf("a scenario that did not run is listed:\n%s", s)
	}
}

// The CPU spent on a scenario's own preparatory requests is left out of
// its CPU a request.
func TestSetupCPUIsLeftOut(t *testing.T) {
	cfg := config{serverPID: os.Getpid(), clockTicks: clockTicks()}
	// 300 ms of this process's CPU, however busy the machine is (a loop
	// for 300 ms of wall time got 140 ms of CPU with the tests beside it).
	burn := func() {
		c0, _ := selfCPU()
		for {
			if c, ok := selfCPU(); !ok || c-c0 >= 300*time.Millisecond {
				return
			}
		}
	}
	for _, tc := range []struct {
		name     string
		setup    bool
		min, max float64
	}{
		{"counted", false, 150, 1e9},
		{"left out", true, 0, 100},
	} {
		m := startCPU(cfg)
		s := &setupCPU{}
		if tc.setup {
			s.measure(cfg, func() error { burn(); return nil })
		} else {
			burn()
		}
		r := result{Requests: 1}
		m.stop(cfg, &r, s)
		if r.ServerCPUms == nil || *r.ServerCPUms < tc.min || *r.ServerCPUms > tc.max ||
			r.ClientCPUms == nil || *r.ClientCPUms < tc.min || *r.ClientCPUms > tc.max {
			t.Errorf("%s: server %v ms, client %v ms; want %v to %v", tc.name, millis(r.ServerCPUms), millis(r.ClientCPUms), tc.min, tc.max)
		}
	}
}
