package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Bounds of --sizes.
const (
	maxSize  = 100_000
	maxSizes = 4
)

// growPersonName starts the name of every person grown for --sizes; it
// is not loadPersonName, so the submission scenario never takes them.
const growPersonName = "Scaling person"

// progressEvery is how often a line on growing is written.
const progressEvery = 5 * time.Second

// growChunk is how many people are added before their responses are
// recorded: adding people and recording responses in turns of this many,
// rather than one of each in every client, let SQLite's group commits
// gather more responses each (3,000 people with a response in 6.9 s
// against 8.1 s, on 2 busy cores).
const growChunk = 1000

// maxCopied bounds the answers read to copy when growing: enough distinct
// sets that the organisation's answer references (the distance check
// needs at least max(200, 3·items) responses, docs/QUALITY.md) are not
// built from a few patterns repeated.
const maxCopied = 400

// parseSizes reads --sizes: numbers of people, rising, each 1 to
// maxSize, at most maxSizes of them; "" is none.
func parseSizes(raw string) ([]int, error) {
	if strings.TrimSpace(raw) == "" {
		return nil, nil
	}
	var sizes []int
	for _, f := range strings.Split(raw, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > maxSize {
			return nil, fmt.Errorf("--sizes: %q is not a whole number from 1 to %d", strings.TrimSpace(f), maxSize)
		}
		if len(sizes) > 0 && n <= sizes[len(sizes)-1] {
			return nil, fmt.Errorf("--sizes: %d after %d; the sizes grow one database, so each must be larger than the one before", n, sizes[len(sizes)-1])
		}
		sizes = append(sizes, n)
	}
	if len(sizes) > maxSizes {
		return nil, fmt.Errorf("--sizes: %d sizes, at most %d", len(sizes), maxSizes)
	}
	return sizes, nil
}

// growth is what growing to one size did.
type growth struct {
	// Had is how many people had a self-report before, Added how many
	// people were added, each with one.
	Had, Added int
	Seconds    float64
}

// countProfiled counts the organisation's people with a self-report: the
// people of the team map (GET /api/v1/team), a page of 500 at a time.
func (w *workload) countProfiled(ctx context.Context) (int, error) {
	n, cursor := 0, ""
	for {
		var page struct {
			Items      []struct{} `json:"items"`
			NextCursor string     `json:"next_cursor"`
		}
		q := url.Values{"limit": {"500"}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		if err := w.call(ctx, http.MethodGet, "/api/v1/team?"+q.Encode(), "", http.StatusOK, &page); err != nil {
			return 0, err
		}
		n += len(page.Items)
		if page.NextCursor == "" {
			return n, nil
		}
		cursor = page.NextCursor
	}
}

// grow adds candidates, each with a self-report sent through the API
// (POST /api/v1/people for growChunk people, then POST /api/v1/responses
// for each of them, and again), until the organisation has size people
// with one, from --concurrency clients at once, writing a line to
// cfg.progress every few seconds and one at the end. label names the
// database in those lines.
func (w *workload) grow(ctx context.Context, label string, size int) (growth, error) {
	var g growth
	var err error
	if g.Had, err = w.countProfiled(ctx); err != nil {
		return g, fmt.Errorf("count the people with a self-report: %w", err)
	}
	need := size - g.Had
	if need <= 0 {
		w.progressf("%s: %d people with a self-report already, at least %d asked", label, g.Had, size)
		return g, nil
	}
	if err := w.prepareCopied(ctx, label); err != nil {
		return g, err
	}
	start := time.Now()
	var done atomic.Int64
	stopProgress := make(chan struct{})
	var progressWG sync.WaitGroup
	progressWG.Go(func() {
		tick := time.NewTicker(progressEvery)
		defer tick.Stop()
		for {
			select {
			case <-stopProgress:
				return
			case <-tick.C:
				n, secs := done.Load(), time.Since(start).Seconds()
				w.progressf("%s: growing to %d people with a self-report: %d of %d added, %.0f a second", label, size, n, need, float64(n)/secs)
			}
		}
	})
	for added := 0; added < need && err == nil; added += growChunk {
		ids := make([]string, min(growChunk, need-added))
		err = w.parallel(ctx, len(ids), func(i int) error {
			var p struct {
				ID string `json:"id"`
			}
			body := fmt.Sprintf(`{"name":"%s %d","kind":"candidate"}`, growPersonName, g.Had+added+i+1)
			err := w.call(ctx, http.MethodPost, "/api/v1/people", body, http.StatusCreated, &p)
			ids[i] = p.ID
			return err
		})
		if err == nil {
			err = w.parallel(ctx, len(ids), func(i int) error {
				body := `{"person_id":"` + ids[i] + `","questionnaire":"` + submitQuestionnaire + `","answers":` + w.copied[(added+i)%len(w.copied)] + `}`
				if err := w.call(ctx, http.MethodPost, "/api/v1/responses", body, http.StatusCreated, nil); err != nil {
					return err
				}
				done.Add(1)
				return nil
			})
		}
	}
	close(stopProgress)
	progressWG.Wait()
	g.Added, g.Seconds = int(done.Load()), time.Since(start).Seconds()
	if err != nil {
		return g, fmt.Errorf("growing to %d people after %d added: %w", size, g.Added, err)
	}
	w.progressf("%s: grew to %d people with a self-report: %d added in %.1f s, %.0f a second", label, size, g.Added, g.Seconds, float64(g.Added)/g.Seconds)
	return g, nil
}

// parallel calls f for 0 to n-1 from --concurrency clients at once; the
// first error stops the others and is returned.
func (w *workload) parallel(ctx context.Context, n int, f func(i int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range w.cfg.concurrency {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := f(i); err != nil {
					cancel(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil {
		if errors.Is(err, context.Canceled) {
			return errors.New("stopped")
		}
		return err
	}
	return nil
}

// progressf writes one line of progress, if anyone reads it.
func (w *workload) progressf(format string, args ...any) {
	if w.cfg.progress != nil {
		fmt.Fprintf(w.cfg.progress, "rolefit-load: "+format+"\n", args...)
	}
}
