package store

import (
	"context"
	"errors"
	"fmt"
	"rolefit"
	"sync"
	"time"

	"gorm.io/gorm"
)

// A question page's GET starts the clock on the page, for the speed check
// only (assess: seconds per answered item). Writing that time in the GET
// would make every page view wait for the database's one writer and its
// fsync, behind the submissions. Instead the times are kept in memory and
// written together, at most pageShownDelay later, through the group
// committer; the page's save, which counts the time, takes its page's time
// straight from memory when it is still there. Close writes what is
// queued. A crash of the process loses the times of the views of its last
// pageShownDelay: if such a page is then saved, its visit adds no seconds
// (docs/ARCHITECTURE.md says what that does to the speed check).
const (
	pageShownDelay    = 250 * time.Millisecond
	maxPageShownQueue = 100_000 // beyond it a time is written in its own transaction
)

type pageKey struct {
	inv  string
	page int
}

type pageShownQueue struct {
	// flushing is held while a batch is taken and written, so that a
	// page's save never misses a time that is half-way to the database.
	flushing sync.Mutex
	mu       sync.Mutex
	pending  map[pageKey]time.Time
	stop     chan struct{}
	done     chan struct{}
	stopped  bool
}

func (s *Store) startPageShownQueue() {
	s.shown = &pageShownQueue{pending: map[pageKey]time.Time{}, stop: make(chan struct{}), done: make(chan struct{})}
	go s.flushLoop("page-shown times", pageShownDelay, nil, s.shown.stop, s.shown.done, s.FlushPageShown)
}

// stopPageShownQueue writes what is queued and stops the writer.
func (s *Store) stopPageShownQueue() {
	if q := s.shown; q != nil {
		stopFlushLoop(&q.mu, &q.stopped, q.stop, q.done)
	}
}

// laterVisit reports whether a page shown at now starts a new visit after
// one that started at start (nil: no visit under way): a page shown again
// while its visit is under way keeps the visit's start, unless the visit
// was abandoned (longer ago than pageVisitLimit).
func laterVisit(start *time.Time, now time.Time) bool {
	return start == nil || now.Sub(*start) > pageVisitLimit
}

// PageShown starts the clock on a page. A page shown again while a visit
// is under way keeps the visit's start, unless that visit was abandoned.
// The time is queued, not written (see pageShownDelay).
func (r *Respondent) PageShown(ctx context.Context, page int) error {
	q, now := r.s.shown, r.s.now()
	k := pageKey{r.Inv.ID, page}
	q.mu.Lock()
	if q.stopped || len(q.pending) >= maxPageShownQueue {
		q.mu.Unlock()
		return r.s.tx(ctx, func(tx *gorm.DB) error { return applyPageShown(tx, k, now) })
	}
	if start, ok := q.pending[k]; !ok || laterVisit(&start, now) {
		q.pending[k] = now
	}
	q.mu.Unlock()
	return nil
}

// takePageShown removes and returns the queued time of a page, waiting
// for a batch being written so that its time is either taken here or
// already in the database.
func (s *Store) takePageShown(inv string, page int) (time.Time, bool) {
	q := s.shown
	q.flushing.Lock()
	defer q.flushing.Unlock()
	q.mu.Lock()
	defer q.mu.Unlock()
	k := pageKey{inv, page}
	at, ok := q.pending[k]
	delete(q.pending, k)
	return at, ok
}

// requeuePageShown puts back a time taken for a save that failed, unless
// the page was shown again meanwhile.
func (s *Store) requeuePageShown(inv string, page int, at time.Time) {
	q := s.shown
	q.mu.Lock()
	defer q.mu.Unlock()
	k := pageKey{inv, page}
	if _, ok := q.pending[k]; !ok && !q.stopped {
		q.pending[k] = at
	}
}

// FlushPageShown writes the queued page-shown times now, in one
// transaction, leaving out invitations no longer taking answers (their
// page times are no longer needed). On failure they are dropped with the
// error: they only serve the speed check, and retrying a batch that fails
// would fail the same way.
func (s *Store) FlushPageShown(ctx context.Context) error {
	q := s.shown
	q.flushing.Lock()
	defer q.flushing.Unlock()
	q.mu.Lock()
	if len(q.pending) == 0 {
		q.mu.Unlock()
		return nil
	}
	batch := q.pending
	q.pending = map[pageKey]time.Time{}
	q.mu.Unlock()
	invs := make([]string, 0, len(batch))
	seen := map[string]bool{}
	for k := range batch {
		if !seen[k.inv] {
			seen[k.inv] = true
			invs = append(invs, k.inv)
		}
	}
	err := s.groupTx(ctx, func(tx *gorm.DB) error {
		var open []string
		for i := 0; i < len(invs); i += 500 { // bounded IN lists
			var ids []string
			if err := tx.Model(&rolefit.Invitation{}).Where("id IN ? AND status IN ?", invs[i:min(i+500, len(invs))],
				[]rolefit.InvitationStatus{rolefit.InvitationSent, rolefit.InvitationStarted}).Pluck("id", &ids).Error; err != nil {
				return err
			}
			open = append(open, ids...)
		}
		isOpen := make(map[string]bool, len(open))
		for _, id := range open {
			isOpen[id] = true
		}
		for k, at := range batch {
			if !isOpen[k.inv] {
				continue
			}
			if err := applyPageShown(tx, k, at); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("write %d page-shown times: %w", len(batch), err)
	}
	return nil
}

// applyPageShown records inside tx that page k was shown at the given time.
func applyPageShown(tx *gorm.DB, k pageKey, at time.Time) error {
	var pt pageTime
	err := tx.Where("invitation_id = ? AND page = ?", k.inv, k.page).Take(&pt).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return tx.Create(&pageTime{InvitationID: k.inv, Page: k.page, ShownAt: &at}).Error
	case err != nil:
		return err
	case !laterVisit(pt.ShownAt, at):
		return nil
	}
	return tx.Model(&pageTime{}).Where("invitation_id = ? AND page = ?", k.inv, k.page).Update("shown_at", at).Error
}
