package app_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"rolefit"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// The benchmarks of this file measure what a manager and a respondent wait
// for in an organisation with many earlier responses. Run them with
//
//	go test -run '^$' -bench . -benchtime 20x ./internal/app/
//
// Figures are in docs/PERFORMANCE.md.

// seeded is an organisation of n people, each with one self-report, in a
// SQLite file kept for the whole benchmark run.
type seeded struct {
	path   string
	actor  app.Actor
	people []string
	spare  []map[string]int // answers for new submissions
}

var (
	seedMu  sync.Mutex
	seedDir string
	seeds   = map[int]*seeded{}
)

func TestMain(m *testing.M) {
	code := m.Run()
	if seedDir != "" {
		os.RemoveAll(seedDir)
	}
	os.Exit(code)
}

// seed returns the organisation of n people, making it on first use.
func seed(b *testing.B, n int) *seeded {
	b.Helper()
	seedMu.Lock()
	defer seedMu.Unlock()
	if s, ok := seeds[n]; ok {
		return s
	}
	if seedDir == "" {
		var err error
		if seedDir, err = os.MkdirTemp("", "rolefit-bench-"); err != nil {
			b.Fatal(err)
		}
	}
	s := &seeded{path: filepath.Join(seedDir, fmt.Sprintf("org-%d.db", n))}
	clock := storetest.NewClock(storetest.Start)
	st := openStore(b, s.path, clock)
	defer st.Close()
	w := newWorld(b, st, clock)
	s.actor = w.mgr
	var csv strings.Builder
	csv.WriteString("name,email,kind\n")
	for i := range n {
		fmt.Fprintf(&csv, "Person %d,p%d@example.com,candidate\n", i, i)
		if (i+1)%5000 == 0 || i == n-1 {
			if _, err := w.uc.ImportPeople(ctx, w.mgr, []byte(csv.String())); err != nil {
				b.Fatal(err)
			}
			csv.Reset()
			csv.WriteString("name,email,kind\n")
		}
	}
	cursor := ""
	for {
		page, err := w.uc.People(ctx, w.mgr, app.PeopleQuery{Limit: 500, Cursor: cursor})
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range page.Items {
			s.people = append(s.people, p.ID)
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	answers := make([]map[string]int, n)
	for i := range answers {
		answers[i] = simulated(b, "sales-service", rng)
	}
	for i := range 64 {
		s.spare = append(s.spare, simulated(b, "sales-service", rng))
		_ = i
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range 4 {
		wg.Go(func() {
			for i := range next {
				if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: s.people[i], Questionnaire: "sales-service", Answers: answers[i]}); err != nil {
					b.Error(err)
				}
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	seeds[n] = s
	return s
}

func openStore(b *testing.B, path string, clock *storetest.Clock) *store.Store {
	b.Helper()
	st, err := store.Open(ctx, path, storetest.Options(clock))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	return st
}

// start is a fresh start of rolefit on the seeded database: new use cases
// with nothing cached.
func (s *seeded) start(b *testing.B) (*app.App, *store.Store) {
	b.Helper()
	clock := storetest.NewClock(storetest.Start.Add(time.Hour))
	st := openStore(b, s.path, clock)
	uc, err := app.New(app.Config{Store: st, Catalog: testCatalog(b), BaseURL: "http://rolefit.test", Now: clock.Now})
	if err != nil {
		b.Fatal(err)
	}
	return uc, st
}

// restart is new use cases on the store st of the seeded database:
// another process, or this one before it kept anything.
func (s *seeded) restart(b *testing.B, st *store.Store) *app.App {
	b.Helper()
	uc, err := app.New(app.Config{Store: st, Catalog: testCatalog(b), BaseURL: "http://rolefit.test", Now: st.Now})
	if err != nil {
		b.Fatal(err)
	}
	return uc
}

// BenchmarkFirstSubmissionAfterStart is the first submission a restarted
// rolefit scores: it reads the organisation's norms and reliabilities.
func BenchmarkFirstSubmissionAfterStart(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("responses=%d", n), func(b *testing.B) {
			s := seed(b, n)
			i := 0
			for b.Loop() {
				b.StopTimer()
				uc, st := s.start(b)
				b.StartTimer()
				if _, err := uc.RecordResponse(ctx, s.actor, app.RecordInput{PersonID: s.people[i%n], Questionnaire: "sales-service", Answers: s.spare[i%len(s.spare)]}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				st.Close()
				b.StartTimer()
				i++
			}
		})
	}
}

// BenchmarkConcurrentSubmissionsAfterStart sends 8 submissions at once to
// a restarted rolefit and reports the slowest of them (max-ms).
func BenchmarkConcurrentSubmissionsAfterStart(b *testing.B) {
	const n = 10000
	s := seed(b, n)
	var worst []float64
	i := 0
	for b.Loop() {
		b.StopTimer()
		uc, st := s.start(b)
		b.StartTimer()
		var wg sync.WaitGroup
		times := make([]float64, 8)
		for k := range 8 {
			wg.Go(func() {
				t0 := time.Now()
				if _, err := uc.RecordResponse(ctx, s.actor, app.RecordInput{PersonID: s.people[(i*8+k)%n], Questionnaire: "sales-service", Answers: s.spare[k]}); err != nil {
					b.Error(err)
				}
				times[k] = float64(time.Since(t0).Microseconds()) / 1000
			})
		}
		wg.Wait()
		b.StopTimer()
		worst = append(worst, slices.Max(times))
		st.Close()
		b.StartTimer()
		i++
	}
	b.ReportMetric(slices.Max(worst), "max-ms")
}

// BenchmarkWarmSubmission is a submission once the references are cached.
func BenchmarkWarmSubmission(b *testing.B) {
	s := seed(b, 10000)
	uc, st := s.start(b)
	defer st.Close()
	i := 0
	for b.Loop() {
		if _, err := uc.RecordResponse(ctx, s.actor, app.RecordInput{PersonID: s.people[i%10000], Questionnaire: "sales-service", Answers: s.spare[i%len(s.spare)]}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkPeopleList is a page of 100 people with their profiles, in
// the order added and sorted by a composite.
func BenchmarkPeopleList(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, sort := range []string{"", "-hunter"} {
			b.Run(fmt.Sprintf("people=%d/sort=%s", n, sort), func(b *testing.B) {
				s := seed(b, n)
				uc, st := s.start(b)
				defer st.Close()
				for b.Loop() {
					page, err := uc.People(ctx, s.actor, app.PeopleQuery{Limit: 100, Sort: sort})
					if err != nil || len(page.Items) != 100 {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkPeopleListFiltered is a page of up to 100 people of an
// organisation of 10,000 with each of the list's filters, alone and
// together with a sort by a composite. Filters that keep few people make
// the store walk more of the organisation to fill a page.
func BenchmarkPeopleListFiltered(b *testing.B) {
	s := seed(b, 10000)
	uc, st := s.start(b)
	defer st.Close()
	for _, q := range []app.PeopleQuery{
		{Invitation: "none"},
		{Invitation: "submitted"},
		{Class: "hunter"},
		{Class: "none"},
		{Flags: "any"},
		{Flags: "likely"},
		{Kind: "candidate", Class: "farmer", Flags: "none", Sort: "-farmer"},
		{Search: "person 9", Invitation: "none", Sort: "-hunter"},
	} {
		name := fmt.Sprintf("kind=%s/search=%s/invitation=%s/class=%s/flags=%s/sort=%s", q.Kind, q.Search, q.Invitation, q.Class, q.Flags, q.Sort)
		b.Run(name, func(b *testing.B) {
			q.Limit = 100
			for b.Loop() {
				if _, err := uc.People(ctx, s.actor, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMemoryAfterRestart measures the peak resident memory of a
// rolefit process started on an organisation of 50,000 responses and sent
// 8 concurrent streams of submissions at once: the cold start under load
// that once grew a process to 14.5 GB. The organisation is made in this
// process; the restart runs in a child process (this test binary again),
// so its peak (VmHWM) is its own.
func BenchmarkMemoryAfterRestart(b *testing.B) {
	const n = 50000
	s := seed(b, n)
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMemoryChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "ROLEFIT_MEMORY_DB="+s.path, "ROLEFIT_MEMORY_ORG="+s.actor.OrgID)
		out, err := cmd.CombinedOutput()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		m := regexp.MustCompile(`peak-rss-kb (\d+) submissions (\d+)`).FindSubmatch(out)
		if m == nil {
			b.Fatalf("child said:\n%s", out)
		}
		kb, _ := strconv.Atoi(string(m[1]))
		b.ReportMetric(float64(kb)/1024, "peak-MB")
		b.ReportMetric(mustAtoi(string(m[2])), "submissions")
	}
}

func mustAtoi(s string) float64 { v, _ := strconv.Atoi(s); return float64(v) }

// TestMemoryChild is the restarted process of BenchmarkMemoryAfterRestart;
// it does nothing unless that benchmark started it.
func TestMemoryChild(t *testing.T) {
	path, org := os.Getenv("ROLEFIT_MEMORY_DB"), os.Getenv("ROLEFIT_MEMORY_ORG")
	if path == "" {
		t.Skip("run by BenchmarkMemoryAfterRestart only")
	}
	clock := storetest.NewClock(storetest.Start.Add(2 * time.Hour))
	st, err := store.Open(ctx, path, storetest.Options(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	uc, err := app.New(app.Config{Store: st, Catalog: testCatalog(t), BaseURL: "http://rolefit.test", Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	act := app.Actor{OrgID: org, Audit: rolefit.Actor{ID: "load", Name: "load"}}
	page, err := uc.People(ctx, act, app.PeopleQuery{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 3))
	answers := make([]map[string]int, 64)
	for i := range answers {
		answers[i] = simulated(t, "sales-service", rng)
	}
	var wg sync.WaitGroup
	var done atomic.Int64
	for k := range 8 {
		wg.Go(func() {
			for i := range 100 {
				p := page.Items[(k*100+i)%len(page.Items)]
				if _, err := uc.RecordResponse(ctx, act, app.RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: answers[(k+i)%64]}); err != nil {
					t.Error(err)
					return
				}
				done.Add(1)
			}
		})
	}
	wg.Wait()
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc: peak memory not measured")
	}
	m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(status)
	if m == nil {
		t.Fatal("no VmHWM in /proc/self/status")
	}
	fmt.Printf("peak-rss-kb %s submissions %d\n", m[1], done.Load())
}
