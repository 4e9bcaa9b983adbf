package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
)

// sizeRun is the scenarios' figures at one size of the organisation.
type sizeRun struct {
	// People is the size asked for: the organisation had at least this
	// many people with a self-report when the scenarios began.
	People int `json:"people"`
	// Had is how many it had before growing, Added how many were added
	// and GrowSeconds how long that took.
	Had         int     `json:"had"`
	Added       int     `json:"added"`
	GrowSeconds float64 `json:"grow_seconds"`
	report
}

// loadRun runs the scenarios against the server cfg names: once, or, with
// --sizes, at each size in turn after growing the organisation to it.
// name is what progress lines call the database.
func loadRun(ctx context.Context, cfg config, name string) (databaseRun, error) {
	w := newWorkload(cfg)
	dr := databaseRun{Database: name}
	if len(cfg.sizes) == 0 {
		var err error
		dr.report, err = w.loadTest(ctx)
		return dr, err
	}
	dr.CPUs, dr.LoadStart = runtime.NumCPU(), loadAverage()
	for _, size := range cfg.sizes {
		g, err := w.grow(ctx, name, size)
		if ctx.Err() != nil {
			break // Ctrl-C while growing: the sizes measured so far
		}
		if err != nil {
			return dr, err
		}
		if cfg.db != nil && g.Added > 0 {
			// PostgreSQL's autovacuum refreshes the planner's statistics
			// within a minute or so of such growth; until then a plan may
			// still be chosen for the organisation it was before. The
			// figures are for the organisation as it is, so the harness
			// does now what autovacuum would do next.
			if err := cfg.db.analyze(ctx); err != nil {
				return dr, err
			}
		}
		rep, err := w.loadTest(ctx)
		dr.Sizes = append(dr.Sizes, sizeRun{People: size, Had: g.Had, Added: g.Added, GrowSeconds: g.Seconds, report: rep})
		if err != nil || ctx.Err() != nil {
			break // Ctrl-C: the figures so far
		}
	}
	dr.LoadEnd = loadAverage()
	return dr, nil
}

// heading says what a size's table is about.
func (s sizeRun) heading() string {
	h := fmt.Sprintf("-- %s people with a self-report", thousands(s.People))
	switch {
	case s.Added > 0:
		h += fmt.Sprintf(" (%s added in %.1f s, %.0f a second)", thousands(s.Added), s.GrowSeconds, float64(s.Added)/max(s.GrowSeconds, 1e-9))
	default:
		h += fmt.Sprintf(" (%s there already)", thousands(s.Had))
	}
	return h
}

// printSizes writes the table of every database's figures by size: a
// row for each size and scenario, a column for each database.
func printSizes(out io.Writer, runs []databaseRun) {
	fmt.Fprintln(out, "== by size (per second / p99 ms / server CPU ms a request, + PostgreSQL's own where the harness started it)")
	fmt.Fprintf(out, "%8s %-14s", "people", "scenario")
	for _, r := range runs {
		fmt.Fprintf(out, " | %-30s", r.Database)
	}
	fmt.Fprintln(out)
	var sizes []int
	for _, r := range runs {
		for _, s := range r.Sizes {
			if !slices.Contains(sizes, s.People) {
				sizes = append(sizes, s.People)
			}
		}
	}
	for _, size := range sizes {
		for _, name := range scenarioNames {
			line, any := fmt.Sprintf("%8s %-14s", thousands(size), name), false
			for _, r := range runs {
				cell := "—"
				if res, ok := r.at(size, name); ok {
					any = true
					cell = fmt.Sprintf("%8.0f /s %8.2f ms %7s", res.PerSecond, res.P99ms, millis(res.ServerCPUms))
					if res.DatabaseCPUms != nil {
						cell += " + " + millis(res.DatabaseCPUms)
					}
				}
				line += " | " + pad(cell, 30)
			}
			if any {
				fmt.Fprintln(out, line)
			}
		}
	}
}

// at is scenario's result at size, if it ran.
func (r databaseRun) at(size int, scenario string) (result, bool) {
	for _, s := range r.Sizes {
		if s.People != size {
			continue
		}
		for _, res := range s.Scenarios {
			if res.Scenario == scenario {
				return res, true
			}
		}
	}
	return result{}, false
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
