package store_test

import (
	"rolefit"
	"slices"
	"testing"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

func TestEmailIsUniquePerOrganisation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		acme, ada, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		if err != nil {
			t.Fatal(err)
		}
		beta, bea, err := st.CreateOrganisation(ctx, "Beta", admin("bea@example.com"), false)
		if err != nil {
			t.Fatal(err)
		}
		// Beta's admin adds an address that has an account at Acme: it
		// just works, and tells nothing about Acme.
		pw := "another long passphrase"
		nu := rolefit.NewUser{Email: "ADA@example.com", Name: "Ada at Beta", Access: rolefit.Manager, Password: pw}
		u, err := st.Scope(beta.ID).CreateUser(ctx, nu, rolefit.ActorOf(bea))
		if err != nil {
			t.Fatalf("add an address that has an account in another organisation: %v", err)
		}
		if u.Email != "ada@example.com" || u.OrgID != beta.ID {
			t.Errorf("created %s in %s, want ada@example.com in %s", u.Email, u.OrgID, beta.ID)
		}
		// Within one organisation the address is still taken, whatever
		// its case.
		nu.Email = "Ada@Example.com"
		if _, err := st.Scope(acme.ID).CreateUser(ctx, nu, rolefit.ActorOf(ada)); errs.Code(err) != errs.CodeConflict {
			t.Errorf("the same address twice in one organisation: %v, want conflict", err)
		}
		// Each account signs in with its own password.
		for _, tc := range []struct {
			pw   string
			want []string // organisations signed in to
		}{
			{"correct horse battery", []string{acme.ID}},
			{pw, []string{beta.ID}},
			{"neither of the two", nil},
		} {
			us, err := st.SignIn(ctx, " ADA@example.com ", tc.pw)
			var got []string
			for _, u := range us {
				got = append(got, u.OrgID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("SignIn with %q: organisations %v, want %v", tc.pw, got, tc.want)
			}
			if tc.want == nil && errs.Code(err) != errs.CodeUnauthorized {
				t.Errorf("SignIn with %q: %v, want unauthorized", tc.pw, err)
			}
		}
		// The same password in both: both accounts match, and
		// Authenticate cannot choose.
		if err := st.Scope(beta.ID).ChangePassword(ctx, u.ID, pw, "correct horse battery", ""); err != nil {
			t.Fatal(err)
		}
		us, err := st.SignIn(ctx, "ada@example.com", "correct horse battery")
		var got []string
		for _, u := range us {
			got = append(got, u.OrgID)
		}
		slices.Sort(got)
		want := []string{acme.ID, beta.ID}
		slices.Sort(want)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("SignIn with the shared password: organisations %v (%v), want %v", got, err, want)
		}
		if _, err := st.Authenticate(ctx, "ada@example.com", "correct horse battery"); errs.Code(err) != errs.CodeConflict {
			t.Errorf("Authenticate with two matching accounts: %v, want conflict", err)
		}
		if _, err := st.SignIn(ctx, "nobody@example.com", "correct horse battery"); errs.Code(err) != errs.CodeUnauthorized {
			t.Errorf("SignIn of an unknown address: %v, want unauthorized", err)
		}
	})
}
