package store

import (
	"context"
	"path/filepath"
	"rolefit"
	"testing"
)

// Views are queued and written together: FlushAudit and AuditLog write
// what is queued, and Close writes it before the database closes, so a
// clean shutdown loses no entry.
func TestQueuedAuditEntriesAreWritten(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "audit.db")
	st := migratedSQLiteAt(t, path, Options{})
	org, a := acme(t, st)
	o := st.Scope(org.ID)
	count := func(s *Store) int64 {
		var n int64
		s.read.Model(&rolefit.AuditEntry{}).Where("action = ?", "view").Count(&n)
		return n
	}
	if err := o.AuditRead(ctx, rolefit.ActorOf(a), "view", "person", "p1", ""); err != nil {
		t.Fatal(err)
	}
	if log, err := o.AuditLog(ctx, 10); err != nil || len(log) == 0 || log[0].Action != "view" {
		t.Fatalf("audit log after a queued view: %v %v", log, err)
	}
	for i := range 3 {
		if err := o.AuditRead(ctx, rolefit.ActorOf(a), "view", "person", "p"+string(rune('2'+i)), ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	// After Close, a view is written at once rather than queued.
	st2, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if n := count(st2); n != 4 {
		t.Errorf("%d view entries after a clean shutdown, want 4", n)
	}
	st2.stopAuditQueue()
	if err := st2.Scope(org.ID).AuditRead(ctx, rolefit.ActorOf(a), "view", "person", "p9", ""); err != nil {
		t.Fatal(err)
	}
	if n := count(st2); n != 5 {
		t.Errorf("a view after the queue stopped was not written at once: %d entries", n)
	}
}
