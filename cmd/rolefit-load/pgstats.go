package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// clusterCPU is the CPU time, user and system, a PostgreSQL cluster's
// processes have used: the postmaster (its PID is the first line of
// DATA/postmaster.pid), every process it runs now (a backend for each of
// rolefit's connections, the WAL writer, the checkpointer, …) and those it
// has reaped (its cutime and cstime, proc(5) fields 16 and 17).
func clusterCPU(dataDir string, ticks int64) (time.Duration, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if err != nil {
		return 0, err
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pm, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		return 0, fmt.Errorf("postmaster.pid: %q is not a process ID", first)
	}
	total, err := statTimes(pm, ticks, true)
	if err != nil {
		return 0, err
	}
	procs, err := os.ReadDir("/proc")
	if err != nil {
		return 0, err
	}
	for _, e := range procs {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == pm {
			continue
		}
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil || parentOf(string(stat)) != pm {
			continue // gone in the meantime, or not the cluster's
		}
		if d, err := statTimes(pid, ticks, false); err == nil {
			total += d
		}
	}
	return total, nil
}

// parentOf is a /proc/PID/stat line's parent process ID (field 4), or -1.
func parentOf(stat string) int {
	i := strings.LastIndexByte(stat, ')')
	if i < 0 {
		return -1
	}
	f := strings.Fields(stat[i+1:])
	if len(f) < 2 {
		return -1
	}
	ppid, err := strconv.Atoi(f[1])
	if err != nil {
		return -1
	}
	return ppid
}

// statTimes is process pid's utime and stime, with its reaped children's
// cutime and cstime when children is set.
func statTimes(pid int, ticks int64, children bool) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	stat := string(b)
	d, err := parseStatCPU(stat, ticks)
	if err != nil || !children {
		return d, err
	}
	f := strings.Fields(stat[strings.LastIndexByte(stat, ')')+1:])
	if len(f) < 15 {
		return 0, fmt.Errorf("/proc stat: %d fields after the command name, want at least 15", len(f))
	}
	cu, err1 := strconv.ParseInt(f[13], 10, 64)
	cs, err2 := strconv.ParseInt(f[14], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("/proc stat: cutime %q, cstime %q are not numbers", f[13], f[14])
	}
	return d + time.Duration((cu+cs)*int64(time.Second)/ticks), nil
}

// dbMeter reads what a throw-away PostgreSQL cluster the harness started
// has done: its processes' CPU time, and its commits and WAL flushes, so
// a report can say what PostgreSQL spent a request (rolefit's server CPU
// column is rolefit's process alone) and how many commits each flush of
// the WAL to disk served (PostgreSQL's own group commit).
type dbMeter struct {
	cpu    func() (time.Duration, error)
	counts func() (commits, flushes int64, err error)
	// analyze refreshes the planner's statistics of every table.
	analyze func(context.Context) error
}

// meter returns the cluster's dbMeter.
func (c *pgCluster) meter(ticks int64) *dbMeter {
	data := filepath.Join(c.dir, "data")
	return &dbMeter{
		cpu: func() (time.Duration, error) { return clusterCPU(data, ticks) },
		counts: func() (int64, int64, error) {
			// Backends report their counts at most once a second and when
			// idle (PostgreSQL 15's pgstat), so the figures are read after
			// that much quiet.
			time.Sleep(1100 * time.Millisecond)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			out, err := c.run(ctx, "psql", "-X", "-A", "-t", "-d", c.url, "-c",
				"SELECT (SELECT sum(xact_commit) FROM pg_stat_database) || ' ' || (SELECT wal_sync FROM pg_stat_wal)")
			if err != nil {
				return 0, 0, fmt.Errorf("psql: %w: %s", err, out)
			}
			var commits, flushes int64
			if _, err := fmt.Sscan(strings.TrimSpace(string(out)), &commits, &flushes); err != nil {
				return 0, 0, fmt.Errorf("psql: %q: %w", out, err)
			}
			return commits, flushes, nil
		},
		analyze: func(ctx context.Context) error {
			if out, err := c.run(ctx, "psql", "-X", "-q", "-d", c.url, "-c", "ANALYZE"); err != nil {
				return fmt.Errorf("psql ANALYZE: %w: %s", err, out)
			}
			return nil
		},
	}
}
