package main

import (
	"bytes"
	"context"
	"log/slog"
	"rolefit"
	"strings"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/store/storetest"
)

// TestRetentionJob runs serve's retention step with a clock the test
// moves: nothing is purged inside the period, the idle candidate is once
// the clock passes it, and the log says so.
func TestRetentionJob(t *testing.T) {
	ctx := context.Background()
	clock := storetest.NewClock(storetest.Start)
	st := storetest.SQLite(t, clock)
	cat, err := loadCatalog("")
	if err != nil {
		t.Fatal(err)
	}
	uc, err := app.New(app.Config{Store: st, Catalog: cat, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	org, u, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "ada@acme.example", Name: "Ada", Access: rolefit.Admin,
		Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	act := app.UserActor(u)
	p, err := uc.AddPerson(ctx, act, rolefit.NewPerson{Name: "Ann", Kind: rolefit.Candidate})
	if err != nil {
		t.Fatal(err)
	}
	if err := uc.SetRetention(ctx, act, 2); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	log := slog.New(slog.NewTextHandler(&out, nil))
	for _, step := range []struct {
		advance time.Duration
		kept    bool
	}{{47 * time.Hour, true}, {time.Hour, true}, {time.Second, false}} {
		clock.Advance(step.advance)
		out.Reset()
		purgeRetention(ctx, uc, log)
		_, err := st.Scope(org.ID).Person(ctx, p.ID)
		if kept := err == nil; kept != step.kept || (err != nil && errs.Code(err) != errs.CodeNotFound) {
			t.Errorf("after %v: Ann kept %v (%v), want %v", clock.Now().Sub(storetest.Start), kept, err, step.kept)
		}
		if logged := strings.Contains(out.String(), "count=1"); logged == step.kept {
			t.Errorf("after %v: log %q", clock.Now().Sub(storetest.Start), out.String())
		}
	}
}
