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

// A device token names its user until DeviceMax has passed, the user is
// removed or changes their password; a token changed in any part names
// no one.
func TestDeviceTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		_, ada, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "ada@acme.example", Name: "Ada", Access: rolefit.Admin, Password: "correct horse battery"}, false)
		if err != nil {
			t.Fatal(err)
		}
		bo, err := st.Scope(ada.OrgID).CreateUser(ctx, rolefit.NewUser{Email: "bo@acme.example", Name: "Bo", Access: rolefit.Admin, Password: "correct horse battery"}, rolefit.ActorOf(ada))
		if err != nil {
			t.Fatal(err)
		}
		names := func(what, token string, want *rolefit.User) {
			t.Helper()
			u, err := st.DeviceUser(ctx, token)
			switch {
			case want == nil && errs.Code(err) != errs.CodeUnauthorized:
				t.Errorf("%s: got %v, %v; want unauthorized", what, u, err)
			case want != nil && (err != nil || u.ID != want.ID):
				t.Errorf("%s: got %v, %v; want %s", what, u, err, want.Name)
			}
		}
		token := deviceToken(t, st, ada)
		names("a new token", token, ada)
		if other := deviceToken(t, st, ada); other == token {
			t.Error("two tokens for one user are the same")
		}
		parts := strings.Split(token, ".")
		for i := range parts {
			changed := append([]string(nil), parts...)
			changed[i] = strings.Replace(changed[i], changed[i][:1], "9", 1) + "A"
			names("part "+string(rune('1'+i))+" changed", strings.Join(changed, "."), nil)
		}
		names("Bo's ID on Ada's token", strings.Replace(token, ada.ID, bo.ID, 1), nil)
		for _, junk := range []string{"", "...", "a.b.c.d", strings.Repeat("x", 300)} {
			names("junk "+junk[:min(len(junk), 8)], junk, nil)
		}

		clock.Advance(store.DeviceMax - time.Second)
		names("a second before it expires", token, ada)
		clock.Advance(time.Second)
		names("when it expires", token, nil)

		fresh := deviceToken(t, st, ada)
		if err := st.Scope(ada.OrgID).ChangePassword(ctx, ada.ID, "correct horse battery", "a brand new passphrase", ""); err != nil {
			t.Fatal(err)
		}
		names("after a new password", fresh, nil)
		boToken := deviceToken(t, st, bo)
		if err := st.Scope(ada.OrgID).DeleteUser(ctx, bo.ID, rolefit.ActorOf(ada)); err != nil {
			t.Fatal(err)
		}
		names("of a removed user", boToken, nil)
	})
}

// deviceToken makes a device token for u, failing the test if it cannot.
func deviceToken(t *testing.T, st *store.Store, u *rolefit.User) string {
	t.Helper()
	token, err := st.NewDeviceToken(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	return token
}
