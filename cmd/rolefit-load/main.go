// Command rolefit-load measures a running rolefit over loopback: how many
// questionnaire submissions, question pages, autosaves, people-list pages,
// team maps and placements it answers a second, with their latency
// percentiles and errors, beside the same server's /healthz in the same run
// as the ceiling. It only ever sends traffic to an address on this
// machine, and every scenario is bounded in time and count. With --start it runs the rolefit binary itself on a
// fresh demo database, so a whole report is one command, and then also
// reports the server's CPU time per request (and, with --profile, writes
// the server's CPU profile). With --sizes it grows the organisation to
// each number of people in turn and shows how the figures change with it.
// docs/PERFORMANCE.md shows how to run it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	// SIGTERM too, so a started server is stopped however the harness is.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "rolefit-load: %v\n", err)
		os.Exit(1)
	}
}

// scenarioNames are the scenarios workload.target knows.
var scenarioNames = []string{"healthz", "submit", "page", "autosave", "list", "team", "placement", "placement-cold"}

// defaultScenarios run when --scenarios is not given.
const defaultScenarios = "healthz,submit,page,autosave,list"

// Bounds no invocation can exceed.
const (
	maxDuration    = 2 * time.Minute
	maxConcurrency = 256
	maxRequests    = 1_000_000
)

type config struct {
	base        *url.URL
	key         string
	serverPID   int      // the server's process, when the harness started it
	clockTicks  int64    // of /proc's CPU times, when serverPID is known
	db          *dbMeter // the PostgreSQL cluster the harness started, else nil
	concurrency int
	duration    time.Duration
	requests    int
	people      int
	scenarios   []string
	jsonOut     bool
	// sizes are the numbers of people with a self-report to grow the
	// organisation to in turn, running the scenarios at each; none
	// runs them once at whatever size it has.
	sizes []int
	// progress receives a line every few seconds while the organisation
	// grows.
	progress io.Writer
}

// run is the command: args are its flags; the report goes to out, and
// progress while growing to progress.
func run(ctx context.Context, args []string, out, progress io.Writer) error {
	fs := flag.NewFlagSet("rolefit-load", flag.ContinueOnError)
	rawURL := fs.String("url", "http://127.0.0.1:8080", "address of the running rolefit (loopback only)")
	key := fs.String("key", os.Getenv("ROLEFIT_LOAD_KEY"), "an API key of the organisation to load (env ROLEFIT_LOAD_KEY)")
	start := fs.String("start", "", "path of a rolefit binary to start on a free loopback port with --demo, make a key with and stop at the end, instead of --url and --key")
	var startDBs []string
	fs.Func("start-db", "with --start: the database for it, a SQLite file, a postgres:// URL, sqlite (a new SQLite file in a temporary folder, the default) or postgres (a throw-away PostgreSQL cluster on loopback); given more than once, the same scenarios run on each in turn and a table compares them",
		func(v string) error {
			if strings.TrimSpace(v) == "" {
				return errors.New("name a database")
			}
			startDBs = append(startDBs, v)
			return nil
		})
	startOrg := fs.String("start-org", demoOrgName, "with --start: the organisation to make the API key in")
	conc := fs.Int("concurrency", 32, "parallel connections")
	dur := fs.Duration("duration", 10*time.Second, "how long each scenario runs (at most 2m)")
	reqs := fs.Int("requests", 200_000, "the most requests a scenario sends")
	people := fs.Int("people", 200, "candidates to create for the submission, page and placement-cold scenarios (apart from --sizes)")
	scen := fs.String("scenarios", defaultScenarios, "comma-separated: "+strings.Join(scenarioNames, ", "))
	rawSizes := fs.String("sizes", "", fmt.Sprintf("comma-separated numbers of people with a self-report, rising, each 1 to %d, at most %d: grow the organisation to each in turn and run the scenarios at each, e.g. 1000,10000,100000", maxSize, maxSizes))
	profileDir := fs.String("profile", "", "with --start: a folder to write each started server's CPU profile to, as DB.pprof")
	jsonOut := fs.Bool("json", false, "print the report as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	case *start != "" && (given["url"] || given["key"]):
		return errors.New("--start runs its own server and makes its own key: leave out --url and --key")
	case *start == "" && (given["start-db"] || given["start-org"] || given["profile"]):
		return errors.New("--start-db, --start-org and --profile need --start")
	case given["profile"] && *profileDir == "":
		return errors.New("--profile needs a folder")
	case given["start"] && *start == "":
		return errors.New("--start needs the path of a rolefit binary")
	}
	var u *url.URL
	if *start == "" {
		var err error
		u, err = url.Parse(*rawURL)
		if err != nil || u.Host == "" {
			return fmt.Errorf("--url %q is not an address", *rawURL)
		}
		if !loopback(u.Hostname()) {
			return fmt.Errorf("--url %s: only addresses on this machine (127.0.0.0/8, ::1, localhost) are load-tested", u.Host)
		}
	}
	switch {
	case *start == "" && *key == "":
		return errors.New("--key is required: create an API key under Settings → API keys or with rolefit apikey add, or use --start")
	case *conc < 1 || *conc > maxConcurrency:
		return fmt.Errorf("--concurrency must be 1 to %d", maxConcurrency)
	case *dur <= 0 || *dur > maxDuration:
		return fmt.Errorf("--duration must be above 0 and at most %v", maxDuration)
	case *reqs < 1 || *reqs > maxRequests:
		return fmt.Errorf("--requests must be 1 to %d", maxRequests)
	case *people < 1 || *people > 10_000:
		return errors.New("--people must be 1 to 10,000")
	}
	scenarios := strings.Split(*scen, ",")
	for i, s := range scenarios {
		scenarios[i] = strings.TrimSpace(s)
		if !slices.Contains(scenarioNames, scenarios[i]) {
			return fmt.Errorf("--scenarios: unknown scenario %q (%s)", scenarios[i], strings.Join(scenarioNames, ", "))
		}
	}
	sizes, err := parseSizes(*rawSizes)
	if err != nil {
		return err
	}
	cfg := config{base: u, key: *key, concurrency: *conc, duration: *dur, requests: *reqs, people: *people,
		scenarios: scenarios, jsonOut: *jsonOut, sizes: sizes, progress: progress}
	if *start == "" {
		dr, err := loadRun(ctx, cfg, "rolefit at "+u.Host)
		if err != nil {
			return err
		}
		if len(sizes) == 0 {
			return dr.print(out, cfg.jsonOut)
		}
		return printRuns(out, []databaseRun{dr}, cfg.jsonOut)
	}
	if len(startDBs) == 0 {
		startDBs = []string{"sqlite"}
	}
	profiles, err := profilePaths(*profileDir, startDBs)
	if err != nil {
		return err
	}
	var runs []databaseRun
	for i, db := range startDBs {
		dr, err := loadStarted(ctx, cfg, *start, db, *startOrg, profiles[i])
		if err != nil {
			return fmt.Errorf("%s: %w", databaseName(db), err)
		}
		runs = append(runs, dr)
		if ctx.Err() != nil {
			break // Ctrl-C: the figures so far
		}
	}
	if len(runs) == 1 && len(sizes) == 0 {
		return runs[0].print(out, cfg.jsonOut)
	}
	return printRuns(out, runs, cfg.jsonOut)
}

// loopback reports whether host names this machine.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// result is one scenario's figures.
type result struct {
	Scenario  string  `json:"scenario"`
	Requests  int     `json:"requests"`
	Errors    int     `json:"errors"`
	Seconds   float64 `json:"seconds"`
	PerSecond float64 `json:"per_second"`
	P50ms     float64 `json:"p50_ms"`
	P95ms     float64 `json:"p95_ms"`
	P99ms     float64 `json:"p99_ms"`
	OfHealthz float64 `json:"of_healthz,omitempty"`
	// ServerCPUms and ClientCPUms are CPU milliseconds (user and system)
	// a request of the server and of this load generator, nil when
	// unknown: the server's is known only when the harness started it.
	ServerCPUms *float64 `json:"server_cpu_ms_per_request,omitempty"`
	ClientCPUms *float64 `json:"client_cpu_ms_per_request,omitempty"`
	// DatabaseCPUms is the CPU milliseconds a request of the PostgreSQL
	// cluster the harness started (all its processes), and
	// CommitsPerFlush how many transactions each of its WAL flushes to
	// disk committed; nil otherwise.
	DatabaseCPUms   *float64 `json:"database_cpu_ms_per_request,omitempty"`
	CommitsPerFlush *float64 `json:"commits_per_wal_flush,omitempty"`
	FirstError      string   `json:"first_error,omitempty"`
}

// report is a whole run: the scenarios' figures and the conditions they
// were measured in.
type report struct {
	// Server is the address of the rolefit the harness started, if it did.
	Server string `json:"server,omitempty"`
	CPUs   int    `json:"cpus"`
	// LoadStart and LoadEnd are the machine's 1, 5 and 15 minute load
	// averages as the run began and ended ("" where unknown).
	LoadStart string   `json:"load_average_start,omitempty"`
	LoadEnd   string   `json:"load_average_end,omitempty"`
	Scenarios []result `json:"scenarios,omitempty"`
	// GroupCommit is the started server's log line on its SQLite group
	// commits, written as it stopped.
	GroupCommit string `json:"group_commit,omitempty"`
	// CPUProfile is the file the started server wrote its CPU profile
	// to (--profile), and ProfileCommand the command that reads it.
	CPUProfile     string `json:"cpu_profile,omitempty"`
	ProfileCommand string `json:"cpu_profile_command,omitempty"`
}

// target is what a scenario sends: a request to build for the i-th call,
// and the status that means success. clients, when above 0, is how many
// send at once instead of --concurrency; setup, when not nil, counts the
// CPU that build spent on requests of its own, which is not the
// scenario's; warm, when not nil, runs before the scenario is timed;
// finish lets the requests under way at the end of --duration run to
// their end and count, for a scenario whose one request may take longer.
type target struct {
	build   func(i int) (*http.Request, error)
	want    int
	clients int
	setup   *setupCPU
	warm    func() error
	finish  bool
}

// newWorkload makes the client and the workload of a run.
func newWorkload(cfg config) *workload {
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConns: cfg.concurrency * 2, MaxIdleConnsPerHost: cfg.concurrency * 2, IdleConnTimeout: time.Minute}}
	return &workload{cfg: cfg, client: client}
}

// loadTest runs the scenarios in turn. A cancelled ctx (Ctrl-C) ends the
// run early with the figures so far.
func (w *workload) loadTest(ctx context.Context) (report, error) {
	cfg := w.cfg
	rep := report{CPUs: runtime.NumCPU(), LoadStart: loadAverage()}
	var healthz float64
	for _, s := range cfg.scenarios {
		s = strings.TrimSpace(s)
		t, err := w.target(ctx, s)
		if err == nil && t.warm != nil {
			err = t.warm()
		}
		if err != nil {
			return rep, fmt.Errorf("prepare %s: %w", s, err)
		}
		cpu := startCPU(cfg)
		r := hammer(ctx, w.client, cfg, s, t)
		cpu.stop(cfg, &r, t.setup)
		if s == "healthz" {
			healthz = r.PerSecond
		} else if healthz > 0 {
			r.OfHealthz = r.PerSecond / healthz
		}
		rep.Scenarios = append(rep.Scenarios, r)
		if ctx.Err() != nil {
			break
		}
	}
	rep.LoadEnd = loadAverage()
	return rep, nil
}

// hammer sends t's requests from cfg.concurrency workers until the
// duration or the request count runs out.
func hammer(ctx context.Context, client *http.Client, cfg config, name string, t target) result {
	// A request under way at the end is cut off, unless the scenario
	// lets it finish; then only Ctrl-C (or the client's timeout) cuts it.
	reqCtx := ctx
	ctx, cancel := context.WithTimeout(ctx, cfg.duration)
	defer cancel()
	if !t.finish {
		reqCtx = ctx
	}
	var next atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	res := result{Scenario: name}
	start := time.Now()
	clients := cfg.concurrency
	if t.clients > 0 {
		clients = t.clients
	}
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			local := make([]time.Duration, 0, 1024)
			errs := 0
			first := ""
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= cfg.requests {
					break
				}
				req, err := t.build(i)
				if err == nil {
					t0 := time.Now()
					var resp *http.Response
					resp, err = client.Do(req.WithContext(reqCtx))
					if err == nil {
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if resp.StatusCode != t.want {
							err = fmt.Errorf("%s %s: status %d", req.Method, req.URL.Path, resp.StatusCode)
						}
					}
					if reqCtx.Err() != nil {
						break // cut off by the end of the run, not an error of the server
					}
					local = append(local, time.Since(t0))
				}
				if err != nil {
					errs++
					if first == "" {
						first = err.Error()
					}
				}
			}
			mu.Lock()
			lat = append(lat, local...)
			res.Errors += errs
			if res.FirstError == "" {
				res.FirstError = first
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	res.Seconds = time.Since(start).Seconds()
	res.Requests = len(lat)
	if res.Seconds > 0 {
		res.PerSecond = float64(len(lat)-res.Errors) / res.Seconds
	}
	slices.Sort(lat)
	res.P50ms, res.P95ms, res.P99ms = quantile(lat, 0.50), quantile(lat, 0.95), quantile(lat, 0.99)
	return res
}

// quantile is the q-quantile of sorted durations in milliseconds (nearest rank).
func quantile(sorted []time.Duration, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	i = max(0, min(i, len(sorted)-1))
	return float64(sorted[i].Microseconds()) / 1000
}
