package store

import (
	"context"
	"path/filepath"
	"rolefit"
	"testing"
	"time"
)

// A question page's view does not write: its time waits in memory until
// the next flush, and Close writes it, so a clean shutdown loses none.
func TestPageShownIsQueuedAndWrittenAtClose(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shown.db")
	clock := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	st := migratedSQLiteAt(t, path, Options{Now: func() time.Time { return clock }})
	org, a := acme(t, st)
	o := st.Scope(org.ID)
	p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Kind: rolefit.Candidate}, rolefit.ActorOf(a))
	if err != nil {
		t.Fatal(err)
	}
	_, token, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: "q", QuestionnaireVersion: 1, QuestionnaireHash: "h"}, rolefit.ActorOf(a))
	if err != nil {
		t.Fatal(err)
	}
	r, err := st.Respondent(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Consent(ctx, "ok", ""); err != nil {
		t.Fatal(err)
	}
	rows := func(s *Store) []pageTime {
		var pts []pageTime
		if err := s.read.Where("invitation_id = ?", r.Inv.ID).Order("page").Find(&pts).Error; err != nil {
			t.Fatal(err)
		}
		return pts
	}
	st.shown.flushing.Lock() // hold the writer back: no tick may flush before the check
	for page := range 3 {
		if err := r.PageShown(ctx, page); err != nil {
			t.Fatal(err)
		}
	}
	if got := rows(st); len(got) != 0 {
		t.Errorf("got %d page-time rows after the views, want none until a flush", len(got))
	}
	st.shown.flushing.Unlock()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st2, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	got := rows(st2)
	if len(got) != 3 {
		t.Fatalf("got %d page-time rows after Close, want 3", len(got))
	}
	for i, pt := range got {
		if pt.Page != i || pt.ShownAt == nil || !pt.ShownAt.Equal(clock) {
			t.Errorf("row %d: got page %d shown at %v, want page %d at %v", i, pt.Page, pt.ShownAt, i, clock)
		}
	}
}
