package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// cpuMeter holds the server's and this process's CPU time as a scenario
// began; a reading that failed is left out.
type cpuMeter struct {
	server, client     time.Duration
	serverOK, clientOK bool
	db                 time.Duration
	dbOK               bool
	commits, flushes   int64
	countsOK           bool
}

func startCPU(cfg config) cpuMeter {
	var m cpuMeter
	if cfg.serverPID > 0 {
		var err error
		m.server, err = processCPU(cfg.serverPID, cfg.clockTicks)
		m.serverOK = err == nil
	}
	m.client, m.clientOK = selfCPU()
	if cfg.db != nil {
		var err error
		m.commits, m.flushes, err = cfg.db.counts()
		m.countsOK = err == nil
		m.db, err = cfg.db.cpu()
		m.dbOK = err == nil
	}
	return m
}

// stop sets r's CPU a request from the time used since startCPU, less
// what setup counted (nil: nothing).
func (m cpuMeter) stop(cfg config, r *result, setup *setupCPU) {
	if r.Requests == 0 {
		return
	}
	var setupServer, setupClient, setupDB time.Duration
	if setup != nil {
		setupServer, setupClient, setupDB = time.Duration(setup.server.Load()), time.Duration(setup.client.Load()), time.Duration(setup.db.Load())
	}
	perRequest := func(d time.Duration) *float64 {
		ms := float64(max(d, 0)) / float64(time.Millisecond) / float64(r.Requests)
		return &ms
	}
	if m.serverOK {
		if now, err := processCPU(cfg.serverPID, cfg.clockTicks); err == nil {
			r.ServerCPUms = perRequest(now - m.server - setupServer)
		}
	}
	if m.clientOK {
		if now, ok := selfCPU(); ok {
			r.ClientCPUms = perRequest(now - m.client - setupClient)
		}
	}
	if m.dbOK {
		if now, err := cfg.db.cpu(); err == nil {
			r.DatabaseCPUms = perRequest(now - m.db - setupDB)
		}
	}
	if m.countsOK {
		if commits, flushes, err := cfg.db.counts(); err == nil && flushes > m.flushes {
			per := float64(commits-m.commits) / float64(flushes-m.flushes)
			r.CommitsPerFlush = &per
		}
	}
}

// setupCPU adds up the server's and this process's CPU time spent on
// requests a scenario sends before the one it times, to be left out of
// its CPU a request. The server's is read from /proc in clock ticks (10
// ms at Linux's usual 100 a second), so each reading is coarse, but the
// differences add up to the right figure on average over many requests.
type setupCPU struct {
	server, client, db atomic.Int64 // nanoseconds
}

// measure runs f and counts the CPU time used meanwhile.
func (s *setupCPU) measure(cfg config, f func() error) error {
	var server0 time.Duration
	serverOK := false
	if cfg.serverPID > 0 {
		var err error
		server0, err = processCPU(cfg.serverPID, cfg.clockTicks)
		serverOK = err == nil
	}
	client0, clientOK := selfCPU()
	var db0 time.Duration
	dbOK := false
	if cfg.db != nil {
		var e error
		db0, e = cfg.db.cpu()
		dbOK = e == nil
	}
	err := f()
	if dbOK {
		if now, e := cfg.db.cpu(); e == nil {
			s.db.Add(int64(now - db0))
		}
	}
	if serverOK {
		if now, e := processCPU(cfg.serverPID, cfg.clockTicks); e == nil {
			s.server.Add(int64(now - server0))
		}
	}
	if clientOK {
		if now, ok := selfCPU(); ok {
			s.client.Add(int64(now - client0))
		}
	}
	return err
}

// print writes the report as a table, or as JSON.
func (rep report) print(out io.Writer, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintln(out, rep.conditions())
	db := false
	for _, r := range rep.Scenarios {
		db = db || r.DatabaseCPUms != nil
	}
	fmt.Fprintf(out, "%-14s %9s %7s %8s %10s %8s %8s %8s %10s %17s %17s", "scenario", "requests", "errors", "seconds", "per second",
		"p50 ms", "p95 ms", "p99 ms", "of healthz", "server CPU ms/req", "client CPU ms/req")
	if db {
		fmt.Fprintf(out, " %17s %14s", "db CPU ms/req", "commits/flush")
	}
	fmt.Fprintln(out)
	for _, r := range rep.Scenarios {
		of := "—"
		if r.OfHealthz > 0 {
			of = fmt.Sprintf("%.1f%%", 100*r.OfHealthz)
		}
		fmt.Fprintf(out, "%-14s %9d %7d %8.1f %10.0f %8.2f %8.2f %8.2f %s %s %s", r.Scenario, r.Requests, r.Errors, r.Seconds, r.PerSecond,
			r.P50ms, r.P95ms, r.P99ms, pad(of, 10), pad(millis(r.ServerCPUms), 17), pad(millis(r.ClientCPUms), 17))
		if db {
			perFlush := "—"
			if r.CommitsPerFlush != nil {
				perFlush = fmt.Sprintf("%.1f", *r.CommitsPerFlush)
			}
			fmt.Fprintf(out, " %s %s", pad(millis(r.DatabaseCPUms), 17), pad(perFlush, 14))
		}
		fmt.Fprintln(out)
		if r.FirstError != "" {
			fmt.Fprintf(out, "               first error: %s\n", r.FirstError)
		}
	}
	rep.printFooter(out)
	return nil
}

// printFooter writes what the started server left as it stopped: its
// group commit line and its CPU profile.
func (rep report) printFooter(out io.Writer) {
	if rep.GroupCommit != "" {
		fmt.Fprintf(out, "server at stop: %s\n", rep.GroupCommit)
	}
	if rep.CPUProfile != "" {
		fmt.Fprintf(out, "server CPU profile: %s (read it with: %s)\n", rep.CPUProfile, rep.ProfileCommand)
	}
}

// conditions is the header line saying what the figures were measured on.
func (rep report) conditions() string {
	s := ""
	if rep.Server != "" {
		s = "rolefit started at " + rep.Server + "; "
	}
	s += fmt.Sprintf("%d CPUs", rep.CPUs)
	if rep.LoadStart != "" || rep.LoadEnd != "" {
		s += fmt.Sprintf("; load average %s at the start, %s at the end", orDash(rep.LoadStart), orDash(rep.LoadEnd))
	}
	return s
}

// millis formats a CPU figure, or "—" when it is unknown.
func millis(ms *float64) string {
	if ms == nil {
		return "—"
	}
	return fmt.Sprintf("%.3f", *ms)
}

// pad right-aligns s in width characters; fmt's widths count bytes, and
// "—" is three.
func pad(s string, width int) string {
	return strings.Repeat(" ", max(0, width-utf8.RuneCountInString(s))) + s
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
