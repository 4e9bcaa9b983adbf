package app

import (
	"container/list"
	"context"
	"slices"
	"sync"
	"sync/atomic"

	"rolefit/internal/errs"
	"rolefit/internal/placement"
	"rolefit/internal/store"
)

// What the plan cache may hold. Cells count people × (roles + 1) of the
// inputs and of every plan kept, which is what their size grows with: the
// inputs and the plan of 10,000 people over 20 roles (420,000 cells) took
// 27.8 MB of heap, about 66 bytes a cell (docs/PERFORMANCE.md).
const (
	// planCacheOrgs is the most organisations whose plans are kept.
	planCacheOrgs = 32
	// planCacheCells bounds what is kept in all, about 55 MB: DESIGN's
	// organisation of 10,000 people over 20 roles with its inputs, its
	// placement, today's team and a pinned plan, or many smaller ones.
	// DESIGN wants such an organisation served in 150 MB resident; an
	// organisation in use is never forgotten for being larger.
	planCacheCells = 4 * 10000 * 21
	// pinnedPlansKept is how many pinned plans an organisation keeps: a
	// manager trying pins pages through one plan and asks what-ifs of it.
	pinnedPlansKept = 2
)

// planCache keeps each organisation's solved placements until what they
// were made from changes: the inputs read from the database, the plan of
// everyone considered, the plan of today's team (the staff) that a
// person's fit page joins them to, and the latest pinned plans. Whether
// the inputs changed is decided by the organisation's
// store.PlacementStamp, read by every request before anything else, so
// processes sharing a database each see the others' writes at once. Plans
// are keyed by organisation and never shown to another; the least
// recently used organisations are forgotten beyond planCacheOrgs or
// planCacheCells.
type planCache struct {
	mu      sync.Mutex
	entries map[string]*list.Element // of *planEntry, by organisation ID
	lru     list.List                // most recently used first
	cells   int
	// solves counts the placements solved and joins the people joined to
	// a kept one, for tests of the reuse.
	solves, joins atomic.Int64
	// beforeSolve, when set (by tests), runs before each solve.
	beforeSolve func()
	// maxPeople, when set (by tests), replaces placement.MaxPeople.
	maxPeople func(roles int) int
}

// planEntry is what is kept of one organisation at one stamp.
type planEntry struct {
	org   string
	stamp store.PlacementStamp
	cells int // counted in planCache.cells

	inputs    once[*teamInputs]
	whole     once[*placement.Plan]
	today     once[*placement.Routed] // the staff, routed: a candidate joins them
	todayPlan once[*placement.Plan]   // the staff's own plan

	mu     sync.Mutex
	pinned []*pinnedPlan // newest first
}

type pinnedPlan struct {
	key   string
	plan  once[*placement.Plan]
	cells int // counted in planCache.cells once solved
}

// entry returns the organisation's entry for what the caller read at
// stamp: the kept one when it was made at that stamp or a later one
// (whose inputs are at least as new as the caller's), else a new one in
// its place.
func (c *planCache) entry(org string, stamp store.PlacementStamp) *planEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]*list.Element{}
	}
	if el, ok := c.entries[org]; ok {
		e := el.Value.(*planEntry)
		if e.stamp == stamp || e.stamp.After(stamp) {
			c.lru.MoveToFront(el)
			return e
		}
		c.drop(el)
	}
	e := &planEntry{org: org, stamp: stamp}
	c.entries[org] = c.lru.PushFront(e)
	c.evict(e)
	return e
}

// grew counts cells more kept by e, and forgets the least recently used
// other organisations while the cache holds too much.
func (c *planCache) grew(e *planEntry, cells int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[e.org]; !ok || el.Value != e {
		return // replaced or forgotten meanwhile: nobody finds it again
	}
	e.cells += cells
	c.cells += cells
	c.evict(e)
}

// evict drops the least recently used entries other than keep while the
// cache is over either bound.
func (c *planCache) evict(keep *planEntry) {
	for c.lru.Len() > planCacheOrgs || c.cells > planCacheCells {
		el := c.lru.Back()
		if el == nil || el.Value == keep {
			return
		}
		c.drop(el)
	}
}

func (c *planCache) drop(el *list.Element) {
	e := el.Value.(*planEntry)
	c.lru.Remove(el)
	delete(c.entries, e.org)
	c.cells -= e.cells
}

// forget drops what is kept of an organisation, after an erasure: a plan
// holds the names and scores of the people it placed.
func (c *planCache) forget(org string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[org]; ok {
		c.drop(el)
	}
}

// pinnedFor returns the entry's slot for a set of pins, keeping the
// newest pinnedPlansKept; the cells of a slot let go are no longer
// counted.
func (c *planCache) pinnedFor(e *planEntry, key string) *pinnedPlan {
	e.mu.Lock()
	for i, p := range e.pinned {
		if p.key == key {
			copy(e.pinned[1:i+1], e.pinned[:i])
			e.pinned[0] = p
			e.mu.Unlock()
			return p
		}
	}
	p := &pinnedPlan{key: key}
	e.pinned = append([]*pinnedPlan{p}, e.pinned...)
	var gone []*pinnedPlan
	if len(e.pinned) > pinnedPlansKept {
		gone = e.pinned[pinnedPlansKept:]
		e.pinned = e.pinned[:pinnedPlansKept:pinnedPlansKept]
	}
	freed := 0
	for _, g := range gone {
		freed += g.cells
		g.cells = 0
	}
	e.mu.Unlock()
	if freed > 0 {
		c.grew(e, -freed)
	}
	return p
}

// pinnedSolved counts a pinned plan's cells while its slot is kept.
func (c *planCache) pinnedSolved(e *planEntry, p *pinnedPlan, cells int) {
	e.mu.Lock()
	kept := slices.Contains(e.pinned, p)
	if kept {
		p.cells = cells
	}
	e.mu.Unlock()
	if kept {
		c.grew(e, cells)
	}
}

// once is a value computed once for all callers, however many ask at the
// same time: the first computes under its own context while the others
// wait for it or for their own context to end. A result is kept when it
// is a value or an error that the same inputs would give again (invalid,
// conflict, not found); after any other error (a deadline, the database)
// the next caller computes again.
type once[T any] struct {
	mu   sync.Mutex
	done bool
	val  T
	err  error
	busy chan struct{} // closed when the running computation ends
}

func (o *once[T]) get(ctx context.Context, compute func(context.Context) (T, error)) (T, error) {
	for {
		o.mu.Lock()
		if o.done {
			o.mu.Unlock()
			return o.val, o.err
		}
		if o.busy == nil {
			o.busy = make(chan struct{})
			o.mu.Unlock()
			return o.run(ctx, compute)
		}
		busy := o.busy
		o.mu.Unlock()
		select {
		case <-busy: // done, or failed for its caller's reasons: look again
		case <-ctx.Done():
			var zero T
			return zero, placementTimedOut()
		}
	}
}

// run computes the value as the one caller doing so, and lets the waiting
// ones look again when it ends, however it ends.
func (o *once[T]) run(ctx context.Context, compute func(context.Context) (T, error)) (v T, err error) {
	defer func() {
		o.mu.Lock()
		if err == nil || lasting(err) {
			o.val, o.err, o.done = v, err, true
		}
		busy := o.busy
		o.busy = nil
		o.mu.Unlock()
		close(busy)
	}()
	return compute(ctx)
}

// lasting reports whether an error is the inputs' own, which computing
// again from them would give again.
func lasting(err error) bool {
	switch errs.Code(err) {
	case errs.CodeInvalid, errs.CodeConflict, errs.CodeNotFound:
		return true
	}
	return false
}

// placementTimedOut is the error of a request whose time ran out while it
// waited for a placement another request was solving.
func placementTimedOut() error {
	return errs.Timeout("The placement took longer than a request may take. Try again in a moment.")
}
