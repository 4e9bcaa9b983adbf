package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"rolefit"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// groupFixture is a SQLite store with an organisation whose audit table
// the tests write rows into: a primary key to violate, nothing else.
type groupFixture struct {
	st    *Store
	path  string
	orgID string
}

func newGroupFixture(t *testing.T) *groupFixture {
	t.Helper()
	path := filepath.Join(t.TempDir(), "group.db")
	st := migratedSQLiteAt(t, path, Options{})
	org, _ := acme(t, st)
	return &groupFixture{st: st, path: path, orgID: org.ID}
}

func (f *groupFixture) insert(tx *gorm.DB, id string) error {
	return tx.Create(&rolefit.AuditEntry{ID: id, OrgID: f.orgID, ActorID: "t", ActorName: "test", Action: "test",
		SubjectType: "test", SubjectID: id, CreatedAt: time.Now()}).Error
}

// rows returns which of ids are stored, read through a new connection.
func (f *groupFixture) stored(t *testing.T, st *Store, ids ...string) map[string]bool {
	t.Helper()
	var got []string
	if err := st.read.Model(&rolefit.AuditEntry{}).Where("id IN ?", ids).Pluck("id", &got).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, id := range got {
		out[id] = true
	}
	return out
}

// hold queues a write that keeps the committer busy until release is
// called, so the writes queued meanwhile form the next group.
func (f *groupFixture) hold(t *testing.T) (release func(), done <-chan error) {
	t.Helper()
	started, wait := make(chan struct{}), make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		errc <- f.st.groupTx(context.Background(), func(tx *gorm.DB) error {
			close(started)
			<-wait
			return f.insert(tx, "holder")
		})
	}()
	<-started
	return func() { close(wait) }, errc
}

// waitQueued waits until n writes are queued behind the held one.
func (f *groupFixture) waitQueued(t *testing.T, n int) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		f.st.group.mu.Lock()
		got := len(f.st.group.pending)
		f.st.group.mu.Unlock()
		if got == n {
			return
		}
	}
	t.Fatalf("writes queued: want %d", n)
}

// Writes queued while a commit is in flight commit together; an item that
// fails, after writing or on a unique violation, is rolled back alone and
// gets its own error, and every other item is stored once.
func TestGroupCommitKeepsEveryGoodItem(t *testing.T) {
	f := newGroupFixture(t)
	ctx := context.Background()
	if err := f.st.tx(ctx, func(tx *gorm.DB) error { return f.insert(tx, "taken") }); err != nil {
		t.Fatal(err)
	}
	const n = 300
	type outcome int
	const (
		good outcome = iota
		duplicate
		refused
		panics
	)
	kind := func(i int) outcome {
		switch {
		case i%7 == 3:
			return duplicate
		case i%11 == 5:
			return refused
		case i == 100:
			return panics
		}
		return good
	}
	release, held := f.hold(t)
	errsOf := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			id := fmt.Sprintf("item-%03d", i)
			errsOf[i] = f.st.groupTx(ctx, func(tx *gorm.DB) error {
				if err := f.insert(tx, id); err != nil {
					return err
				}
				switch kind(i) {
				case duplicate:
					return f.insert(tx, "taken")
				case refused:
					return errs.Invalid("item %d refused", i)
				case panics:
					panic("item 100")
				}
				return nil
			})
		})
	}
	f.waitQueued(t, n)
	release()
	wg.Wait()
	if err := <-held; err != nil {
		t.Fatalf("held write: %v", err)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("item-%03d", i)
	}
	stored := f.stored(t, f.st, ids...)
	for i, err := range errsOf {
		k := kind(i)
		switch {
		case k == good && err != nil:
			t.Errorf("item %d: got %v, want saved", i, err)
		case k == duplicate && !errors.Is(err, gorm.ErrDuplicatedKey):
			t.Errorf("item %d: got %v, want its unique violation", i, err)
		case k == refused && (errs.Code(err) != errs.CodeInvalid || err.Error() != fmt.Sprintf("item %d refused", i)):
			t.Errorf("item %d: got %v, want its own refusal", i, err)
		case k == panics && err == nil:
			t.Errorf("item %d: got nil, want the panic as an error", i)
		}
		if stored[ids[i]] != (k == good) {
			t.Errorf("item %d (kind %d): stored %v, want %v", i, k, stored[ids[i]], k == good)
		}
	}
	// The held write was a group of one; the 300 queued behind it were
	// two groups (maxGroup is 256).
	if g, it := f.st.group.groups.Load(), f.st.group.items.Load(); g != 3 || it != n+1 {
		t.Errorf("got %d groups of %d items, want 3 groups of %d", g, it, n+1)
	}
}

// A caller whose context ends while its write is queued gets the
// context's error and its write never runs; one whose context ends after
// its write was taken is told the truth about the write.
func TestGroupCommitCancelledCaller(t *testing.T) {
	f := newGroupFixture(t)
	release, held := f.hold(t)
	queued, cancelQueued := context.WithCancel(context.Background())
	errQueued := make(chan error, 1)
	go func() {
		errQueued <- f.st.groupTx(queued, func(tx *gorm.DB) error { return f.insert(tx, "abandoned") })
	}()
	f.waitQueued(t, 1)
	cancelQueued()
	if err := <-errQueued; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled while queued: got %v, want context.Canceled", err)
	}
	release()
	if err := <-held; err != nil {
		t.Fatal(err)
	}
	taken, cancelTaken := context.WithCancel(context.Background())
	err := f.st.groupTx(taken, func(tx *gorm.DB) error {
		cancelTaken() // the caller gives up while its write runs
		return f.insert(tx, "finished")
	})
	if err != nil {
		t.Errorf("cancelled after being taken: got %v, want saved", err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	if err := f.st.groupTx(cancelled, func(tx *gorm.DB) error { return f.insert(tx, "never") }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled before calling: got %v, want context.Canceled", err)
	}
	got := f.stored(t, f.st, "abandoned", "finished", "never")
	if got["abandoned"] || !got["finished"] || got["never"] {
		t.Errorf("stored %v, want only finished", got)
	}
}

// Close writes every queued item before the database closes, and each
// caller is told it was saved.
func TestGroupCommitCloseDrainsTheQueue(t *testing.T) {
	f := newGroupFixture(t)
	release, held := f.hold(t)
	const n = 20
	errc := make(chan error, n)
	ids := make([]string, n)
	for i := range n {
		ids[i] = fmt.Sprintf("drain-%02d", i)
		go func() {
			errc <- f.st.groupTx(context.Background(), func(tx *gorm.DB) error { return f.insert(tx, ids[i]) })
		}()
	}
	f.waitQueued(t, n)
	closed := make(chan error, 1)
	go func() { closed <- f.st.Close() }()
	release()
	if err := <-held; err != nil {
		t.Fatal(err)
	}
	for range n {
		if err := <-errc; err != nil {
			t.Errorf("queued write at close: got %v, want saved", err)
		}
	}
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	st, err := Open(context.Background(), f.path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := f.stored(t, st, ids...); len(got) != n {
		t.Errorf("got %d of %d queued writes after Close, want all", len(got), n)
	}
}
