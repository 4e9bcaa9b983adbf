package store_test

import (
	"rolefit"
	"strings"
	"testing"
	"time"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

func TestSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		_, u, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		token, sess, err := st.CreateSession(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		if sess.ID == token || sess.ID != store.HashToken(token) {
			t.Errorf("session ID must be the token's hash, not the token")
		}
		s2, u2, err := st.SessionUser(ctx, token)
		if err != nil || u2.ID != u.ID || s2.CSRFToken != sess.CSRFToken {
			t.Fatalf("SessionUser = %v %v %v", s2, u2, err)
		}
		for _, bad := range []string{"", "forged", token + "x"} {
			if _, _, err := st.SessionUser(ctx, bad); errs.Code(err) != errs.CodeUnauthorized {
				t.Errorf("SessionUser(%q) = %v, want unauthorized", bad, err)
			}
		}
		// Activity keeps a session alive past the idle limit…
		for i := 0; i < 3; i++ {
			clock.Advance(store.SessionIdle - time.Minute)
			if _, _, err := st.SessionUser(ctx, token); err != nil {
				t.Fatalf("active session ended early at step %d: %v", i, err)
			}
		}
		// …but idleness ends it.
		clock.Advance(store.SessionIdle + time.Second)
		if _, _, err := st.SessionUser(ctx, token); errs.Code(err) != errs.CodeUnauthorized {
			t.Errorf("idle session = %v, want unauthorized", err)
		}
		// The absolute limit ends even an active session.
		token, _, _ = st.CreateSession(ctx, u)
		for elapsed := time.Duration(0); elapsed < store.SessionMax-store.SessionIdle; elapsed += store.SessionIdle / 2 {
			clock.Advance(store.SessionIdle / 2)
			if _, _, err := st.SessionUser(ctx, token); err != nil {
				t.Fatalf("session ended after %v: %v", elapsed, err)
			}
		}
		clock.Advance(store.SessionIdle)
		if _, _, err := st.SessionUser(ctx, token); errs.Code(err) != errs.CodeUnauthorized {
			t.Errorf("session past SessionMax = %v, want unauthorized", err)
		}
		token, _, _ = st.CreateSession(ctx, u)
		if err := st.DeleteSession(ctx, token); err != nil {
			t.Fatal(err)
		}
		if _, _, err := st.SessionUser(ctx, token); errs.Code(err) != errs.CodeUnauthorized {
			t.Errorf("deleted session = %v, want unauthorized", err)
		}
	})
}

func TestAPIKeys(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, u, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		if _, _, err := o.CreateAPIKey(ctx, " ", rolefit.ActorOf(u)); errs.FieldsOf(err)["name"] == "" {
			t.Errorf("blank key name = %v, want a field error", err)
		}
		k, secret, err := o.CreateAPIKey(ctx, "Spreadsheet", rolefit.ActorOf(u))
		if err != nil {
			t.Fatal(err)
		}
		// 256 random bits in base32 are 52 characters, after the prefix.
		if !strings.HasPrefix(secret, "rf_") || len(secret) < 3+52 || !strings.HasPrefix(secret, k.Prefix) {
			t.Errorf("secret %q (prefix %q) is not a full-strength rf_ key", secret, k.Prefix)
		}
		if hash := storetest.QueryString(t, st, "SELECT hash FROM api_keys WHERE id = '"+k.ID+"'"); hash == secret || strings.Contains(hash, secret[3:]) {
			t.Errorf("the key is stored in the clear")
		}
		got, err := st.APIKeyByToken(ctx, secret)
		if err != nil || got.ID != k.ID || got.OrgID != org.ID || got.LastUsedAt == nil {
			t.Fatalf("APIKeyByToken = %+v, %v", got, err)
		}
		for _, bad := range []string{"", "rf_nope", secret[:len(secret)-1], "Bearer " + secret} {
			if _, err := st.APIKeyByToken(ctx, bad); errs.Code(err) != errs.CodeUnauthorized {
				t.Errorf("APIKeyByToken(%q) = %v, want unauthorized", bad, err)
			}
		}
		if err := o.RevokeAPIKey(ctx, k.ID, rolefit.ActorOf(u)); err != nil {
			t.Fatal(err)
		}
		if _, err := st.APIKeyByToken(ctx, secret); errs.Code(err) != errs.CodeUnauthorized {
			t.Errorf("revoked key = %v, want unauthorized", err)
		}
	})
}

func TestSetupToken(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		old, err := st.NewSetupToken(ctx)
		if err != nil {
			t.Fatal(err)
		}
		token, _ := st.NewSetupToken(ctx)
		if err := st.CheckSetupToken(ctx, old); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("a replaced setup link still works: %v", err)
		}
		if err := st.CheckSetupToken(ctx, token); err != nil {
			t.Fatalf("fresh setup link: %v", err)
		}
		// Bad input writes nothing and keeps the link usable.
		if _, _, err := st.CompleteSetup(ctx, token, "", admin("ada@example.com")); errs.Code(err) != errs.CodeInvalid {
			t.Errorf("setup without organisation name = %v, want invalid", err)
		}
		if n, err := st.CountUsers(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if n != 0 {
			t.Fatalf("refused setup created %d users", n)
		}
		org, u, err := st.CompleteSetup(ctx, token, "Acme", admin("ada@example.com"))
		if err != nil || u.OrgID != org.ID {
			t.Fatalf("CompleteSetup = %v %v %v", org, u, err)
		}
		if _, _, err := st.CompleteSetup(ctx, token, "Again", admin("eve@example.com")); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("reusing the setup link = %v, want not found", err)
		}
		// Once users exist, a new link cannot create another organisation.
		token, _ = st.NewSetupToken(ctx)
		if _, _, err := st.CompleteSetup(ctx, token, "Again", admin("eve@example.com")); errs.Code(err) != errs.CodeConflict {
			t.Errorf("setup on a set-up install = %v, want conflict", err)
		}
		token, _ = st.NewSetupToken(ctx)
		clock.Advance(store.SetupTTL)
		if err := st.CheckSetupToken(ctx, token); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("expired setup link = %v, want not found", err)
		}
	})
}
