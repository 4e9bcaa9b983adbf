package store_test

import (
	"rolefit"
	"testing"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

func TestPasswordRulesWhereverAPasswordIsSet(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			pw   string
			want string // the field's message; "" for accepted
		}{
			{"          ", "must not be only spaces"},
			{" \t \t \t \t \t", "must not be only spaces"},
			{"aaaaaaaaaaaa", "must not be one character repeated; choose one that is harder to guess"},
			{"éééééééééé", "must not be one character repeated; choose one that is harder to guess"},
			{"password1234", "is one of the most common passwords, which attackers try first; choose another"},
			{"QwertyUiop", "is one of the most common passwords, which attackers try first; choose another"},
			{"123456789012", "is one of the most common passwords, which attackers try first; choose another"},
			{"short", "must be at least 10 characters"},
			{"aaaaaaaaab", ""},
			{"  padded phrase  ", ""},
			{"a quiet mountain lake", ""},
		} {
			nu := rolefit.NewUser{Email: "bo@example.com", Name: "Bo", Access: rolefit.Manager, Password: tc.pw}
			u, err := st.Scope(org.ID).CreateUser(ctx, nu, rolefit.ActorOf(a))
			if got := errs.FieldsOf(err)["password"]; got != tc.want {
				t.Errorf("add a user with password %q: password %q, want %q (err %v)", tc.pw, got, tc.want, err)
			}
			if tc.want != "" {
				// The same rule on a change of password, and for a new
				// organisation's first admin.
				err = st.Scope(org.ID).ChangePassword(ctx, a.ID, "correct horse battery", tc.pw, "")
				if got := errs.FieldsOf(err)["new_password"]; got != tc.want {
					t.Errorf("change to %q: new_password %q, want %q", tc.pw, got, tc.want)
				}
				first := admin("first@example.com")
				first.Password = tc.pw
				_, _, err = st.CreateOrganisation(ctx, "New "+tc.pw, first, false)
				if got := errs.FieldsOf(err)["password"]; got != tc.want {
					t.Errorf("new organisation with %q: password %q, want %q", tc.pw, got, tc.want)
				}
			}
			if u != nil {
				if err := st.Scope(org.ID).DeleteUser(ctx, u.ID, rolefit.ActorOf(a)); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}

func TestNamesRefuseControlAndDirectionCharacters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Bo\x00", "Bo\u202eevil", "Bo\x1b[2J", "Bo\u2066"} {
			nu := rolefit.NewUser{Email: "bo@example.com", Name: name, Access: rolefit.Manager, Password: "a quiet mountain lake"}
			if _, err := st.Scope(org.ID).CreateUser(ctx, nu, rolefit.ActorOf(a)); errs.FieldsOf(err)["name"] == "" {
				t.Errorf("user name %q: %v, want a name field error", name, err)
			}
			if _, _, err := st.CreateOrganisation(ctx, name, admin("x@example.com"), false); errs.FieldsOf(err)["organisation"] == "" {
				t.Errorf("organisation name %q: %v, want an organisation field error", name, err)
			}
		}
	})
}
