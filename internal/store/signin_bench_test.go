package store_test

import (
	"path/filepath"
	"testing"

	"rolefit/internal/store"
)

// BenchmarkSignIn measures sign-in at the production argon2id cost, for an
// unknown address, a wrong and a right password of one account, and an
// address with accounts in two organisations: the failed ones should take
// the same time (signInChecks hashes each).
func BenchmarkSignIn(b *testing.B) {
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "rolefit.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	if _, _, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false); err != nil {
		b.Fatal(err)
	}
	for _, org := range []string{"Beta", "Gamma"} {
		if _, _, err := st.CreateOrganisation(ctx, org, admin("two@example.com"), false); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct{ name, email, pw string }{
		{"unknown address", "nobody@example.com", "correct horse battery"},
		{"wrong password", "ada@example.com", "not the password"},
		{"right password", "ada@example.com", "correct horse battery"},
		{"two accounts wrong password", "two@example.com", "not the password"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				_, _ = st.SignIn(ctx, bc.email, bc.pw)
			}
		})
	}
}
