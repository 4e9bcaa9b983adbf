package store

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"
)

// Group commit. SQLite has one writer, and with synchronous=FULL every
// commit waits for its fsync: one transaction per submission makes the
// fsync, not the work, the limit on how many submissions a second rolefit
// takes. Small writes that go through groupTx are instead queued; one
// goroutine takes everything queued, runs each item inside one transaction
// under its own SAVEPOINT, commits once and then tells every caller its
// own result. Writes that arrive while a commit is in flight form the next
// group, so a group is as large as the load makes it and a lone write
// waits for nobody.
//
// An item that fails is rolled back to its savepoint, and its error goes
// to its caller only; the others commit. A caller is told "saved" only
// once the group's commit has returned, i.e. is on disk. If the group's
// transaction itself fails (the commit, or a savepoint statement), each
// item of it is run again in a transaction of its own, so one item can
// never fail the others.
//
// On PostgreSQL, which has many writers and commits in parallel, groupTx
// is an ordinary transaction.

// maxGroup bounds the items of one group transaction, so a burst does not
// make its first caller wait for a very long transaction.
const maxGroup = 256

// Item states: queued until the committer takes it; a caller whose
// context ends while it is still queued abandons it, and it never runs.
const (
	itemQueued int32 = iota
	itemTaken
	itemAbandoned
)

type groupItem struct {
	fn    func(tx *gorm.DB) error
	state atomic.Int32
	done  chan error // buffered: the committer never waits for a caller
}

type groupCommitter struct {
	s       *Store
	mu      sync.Mutex
	pending []*groupItem
	stopped bool
	kick    chan struct{}
	stop    chan struct{}
	done    chan struct{}

	// groups and items count what was committed: for tests, and the
	// log line at Close that tells how large the groups were. busy is
	// the time the committer spent writing and committing them: its work
	// is serial, so busy ÷ items is what one write costs the one
	// goroutine that caps SQLite's writes a second (docs/PERFORMANCE.md).
	// writing is the part of busy spent in the writes' own statements;
	// the rest is beginning and committing (with its fsync).
	groups, items, busy, writing atomic.Int64
}

// startGroupCommit starts the committer on SQLite.
func (s *Store) startGroupCommit() {
	if s.dialect != SQLite {
		return
	}
	g := &groupCommitter{s: s, kick: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	s.group = g
	go g.loop()
}

// stopGroupCommit writes every queued item and stops the committer. Items
// arriving later run in transactions of their own.
func (s *Store) stopGroupCommit() {
	g := s.group
	if g == nil {
		return
	}
	g.mu.Lock()
	if g.stopped {
		g.mu.Unlock()
		return
	}
	g.stopped = true
	g.mu.Unlock()
	close(g.stop)
	<-g.done
	if n := g.groups.Load(); n > 0 {
		items := float64(g.items.Load())
		s.log.Info("group commit", "groups", n, "writes", g.items.Load(),
			"writes_per_group", fmt.Sprintf("%.1f", items/float64(n)),
			"busy_ms_per_write", fmt.Sprintf("%.3f", float64(g.busy.Load())/1e6/items),
			"writing_ms_per_write", fmt.Sprintf("%.3f", float64(g.writing.Load())/1e6/items))
	}
}

// groupTx runs fn in a write transaction shared with other writes (see
// above) and returns once that transaction has committed or fn's own
// error. fn may run more than once if its group has to be re-run, so it
// must compute what it writes from the database and its arguments only,
// and keep results in variables it sets on every run. It runs with the
// committer's context, not ctx: ctx ends the wait only while fn is still
// queued (an interrupted statement would roll back the whole group).
func (s *Store) groupTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	g := s.group
	if g == nil {
		return s.tx(ctx, fn)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	it := &groupItem{fn: fn, done: make(chan error, 1)}
	g.mu.Lock()
	if g.stopped {
		g.mu.Unlock()
		return s.tx(ctx, fn)
	}
	g.pending = append(g.pending, it)
	g.mu.Unlock()
	select {
	case g.kick <- struct{}{}:
	default:
	}
	select {
	case err := <-it.done:
		return err
	case <-ctx.Done():
		if it.state.CompareAndSwap(itemQueued, itemAbandoned) {
			return ctx.Err()
		}
		// Already taken: the answer must be the truth about the write.
		return <-it.done
	}
}

func (g *groupCommitter) loop() {
	defer close(g.done)
	for {
		select {
		case <-g.kick:
		case <-g.stop:
			for g.commitNext() {
			}
			return
		}
		for g.commitNext() {
		}
	}
}

// commitNext commits the next group and reports whether there was one.
func (g *groupCommitter) commitNext() bool {
	g.mu.Lock()
	n := min(len(g.pending), maxGroup)
	batch := g.pending[:n:n]
	g.pending = g.pending[n:]
	if len(g.pending) == 0 {
		g.pending = nil
	}
	g.mu.Unlock()
	if n == 0 {
		return false
	}
	items := batch[:0:0]
	for _, it := range batch {
		if it.state.CompareAndSwap(itemQueued, itemTaken) {
			items = append(items, it)
		}
	}
	if len(items) > 0 {
		start := time.Now()
		g.commit(items)
		g.busy.Add(int64(time.Since(start)))
	}
	return true
}

// commit writes items in one transaction and answers each caller.
func (g *groupCommitter) commit(items []*groupItem) {
	ctx := context.Background()
	if len(items) == 1 {
		// Alone: no savepoint needed, fn's error rolls the transaction back.
		items[0].done <- g.s.tx(ctx, func(tx *gorm.DB) error { return g.run(items[0], tx) })
		g.count(1)
		return
	}
	results := make([]error, len(items))
	err := g.s.tx(ctx, func(tx *gorm.DB) error {
		for i, it := range items {
			if _, err := execRaw(tx, "SAVEPOINT group_item"); err != nil {
				return fmt.Errorf("savepoint: %w", err)
			}
			results[i] = g.run(it, tx)
			if results[i] != nil {
				if _, err := execRaw(tx, "ROLLBACK TO SAVEPOINT group_item"); err != nil {
					return fmt.Errorf("roll back to savepoint: %w", err)
				}
			}
			if _, err := execRaw(tx, "RELEASE SAVEPOINT group_item"); err != nil {
				return fmt.Errorf("release savepoint: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		// The group as a whole failed, so nothing of it is stored: give
		// each item a transaction of its own and its own answer.
		g.s.log.Warn("group commit failed; writing its items one by one", "items", len(items), "err", err)
		for _, it := range items {
			it.done <- g.s.tx(ctx, it.run)
			g.count(1)
		}
		return
	}
	for i, it := range items {
		it.done <- results[i]
	}
	g.count(len(items))
}

func (g *groupCommitter) count(items int) {
	g.groups.Add(1)
	g.items.Add(int64(items))
}

// run runs an item inside the group's transaction and counts its time.
func (g *groupCommitter) run(it *groupItem, tx *gorm.DB) error {
	start := time.Now()
	err := it.run(tx)
	g.writing.Add(int64(time.Since(start)))
	return err
}

// run calls the item's function, turning a panic into its own error so
// that one bad write cannot take the committer, and everyone waiting on
// it, down.
func (it *groupItem) run(tx *gorm.DB) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("write failed: panic: %v", p)
		}
	}()
	return it.fn(tx)
}
