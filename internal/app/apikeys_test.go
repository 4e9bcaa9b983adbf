package app_test

import (
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// A verified key is remembered for a few seconds; revoked through the same
// process it stops at once, revoked through another process sharing the
// database within KeyCacheTTL.
func TestRevokedKeysStopWorking(t *testing.T) {
	w := sqliteWorld(t)
	admin, err := w.st.Scope(w.mgr.OrgID).CreateUser(ctx, rolefit.NewUser{Email: "ada@acme.example", Name: "Ada", Access: rolefit.Admin,
		Password: "correct horse battery"}, w.mgr.Audit)
	if err != nil {
		t.Fatal(err)
	}
	act := app.UserActor(admin)
	other, err := app.New(app.Config{Store: w.st, Catalog: testCatalog(t), Now: w.clock.Now}) // a second process
	if err != nil {
		t.Fatal(err)
	}

	k1, secret1, err := w.uc.CreateAPIKey(ctx, act, "sheet")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := w.uc.APIKey(ctx, secret1); err != nil || got.ID != k1.ID {
		t.Fatalf("new key: %v %v", got, err)
	}
	if err := other.RevokeAPIKey(ctx, act, k1.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.uc.APIKey(ctx, secret1); err != nil {
		t.Errorf("within %v of a revocation elsewhere the cached key was refused: %v", app.KeyCacheTTL, err)
	}
	w.clock.Advance(app.KeyCacheTTL + time.Second)
	if _, err := w.uc.APIKey(ctx, secret1); errs.Code(err) != errs.CodeUnauthorized {
		t.Errorf("after %v a key revoked elsewhere still works: %v", app.KeyCacheTTL, err)
	}

	k2, secret2, _ := w.uc.CreateAPIKey(ctx, act, "ats")
	if _, err := w.uc.APIKey(ctx, secret2); err != nil {
		t.Fatal(err)
	}
	if err := w.uc.RevokeAPIKey(ctx, act, k2.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.uc.APIKey(ctx, secret2); errs.Code(err) != errs.CodeUnauthorized {
		t.Errorf("a key revoked here still works: %v", err)
	}
	if _, err := w.uc.APIKey(ctx, "rf_"+secret2); errs.Code(err) != errs.CodeUnauthorized {
		t.Errorf("an unknown key: %v", err)
	}
}
