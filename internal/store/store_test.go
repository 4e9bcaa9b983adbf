package store_test

import (
	"context"
	"path/filepath"
	"rolefit"
	"strings"
	"testing"
	"time"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

var ctx = context.Background()

func admin(email string) rolefit.NewUser {
	return rolefit.NewUser{Email: email, Name: "Ada Admin", Access: rolefit.Admin, Password: "correct horse battery"}
}

func TestMigrateIsRecordedAndIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		v, err := st.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := store.KnownSchemaVersion(); v != want || want < 1 {
			t.Fatalf("schema version = %d, want %d (>= 1)", v, want)
		}
		applied, err := st.Migrate(ctx)
		if err != nil {
			t.Fatalf("second migrate: %v", err)
		}
		if len(applied) != 0 {
			t.Errorf("second migrate applied %v, want nothing", applied)
		}
		if err := st.CheckSchema(ctx); err != nil {
			t.Errorf("CheckSchema after migrate: %v", err)
		}
	})
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newer.db")
	st, err := store.Open(ctx, path, storetest.Options(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := st.ExecForTest(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from_the_future', CURRENT_TIMESTAMP)"); err != nil {
		t.Fatal(err)
	}
	err = st.CheckSchema(ctx)
	if err == nil || !strings.Contains(err.Error(), "newer rolefit") {
		t.Errorf("CheckSchema on a newer schema = %v, want an error asking for a newer rolefit", err)
	}
	if _, err := st.Migrate(ctx); err == nil || !strings.Contains(err.Error(), "999") {
		t.Errorf("Migrate on a newer schema = %v, want a refusal naming version 999", err)
	}
}

func TestCheckSchemaOnEmptyDatabase(t *testing.T) {
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "empty.db"), storetest.Options(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.CheckSchema(ctx); err == nil || !strings.Contains(err.Error(), "rolefit migrate") {
		t.Errorf("CheckSchema on an empty database = %v, want advice to migrate", err)
	}
}

func TestOpenBadDatabaseNames(t *testing.T) {
	for _, tc := range []struct{ dsn, want string }{
		{"", "no file path or URL"},
		{"postgres://", "needs a host"},
		{"postgres://user:secret@[::1", "not a valid postgres:// URL"},
		{"mysql://localhost/rolefit", "only postgres:// URLs or SQLite"},
		{filepath.Join(t.TempDir(), "missing-folder", "x.db"), "does not exist"},
	} {
		st, err := store.Open(ctx, tc.dsn, storetest.Options(nil))
		if err == nil {
			st.Close()
			t.Errorf("Open(%q) succeeded, want error containing %q", tc.dsn, tc.want)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Open(%q) = %v, want it to contain %q", tc.dsn, err, tc.want)
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%q) error leaks the password: %v", tc.dsn, err)
		}
	}
}

func TestCreateOrganisationAndAuthenticate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, u, err := st.CreateOrganisation(ctx, "  Acme Ltd ", admin(" Ada@Example.COM "), false)
		if err != nil {
			t.Fatal(err)
		}
		if org.Name != "Acme Ltd" || u.Email != "ada@example.com" || u.OrgID != org.ID || u.Access != rolefit.Admin {
			t.Fatalf("got org %+v user %+v", org, u)
		}
		if hash := storetest.QueryString(t, st, "SELECT password_hash FROM users WHERE id = '"+u.ID+"'"); strings.Contains(hash, "correct horse") || !strings.HasPrefix(hash, "$argon2id$") {
			t.Errorf("password hash = %q, want an argon2id hash", hash)
		}
		got, err := st.Authenticate(ctx, "ADA@example.com", "correct horse battery")
		if err != nil || got.ID != u.ID {
			t.Fatalf("Authenticate right password = %v, %v", got, err)
		}
		for _, tc := range []struct{ email, pw string }{
			{"ada@example.com", "wrong password!"},
			{"nobody@example.com", "correct horse battery"},
			{"", ""},
		} {
			_, err := st.Authenticate(ctx, tc.email, tc.pw)
			if errs.Code(err) != errs.CodeUnauthorized {
				t.Errorf("Authenticate(%q, %q) = %v, want unauthorized", tc.email, tc.pw, err)
			}
		}
	})
}

func TestCreateUserValidationWritesNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		if err != nil {
			t.Fatal(err)
		}
		o := st.Scope(org.ID)
		for _, tc := range []struct {
			name   string
			nu     rolefit.NewUser
			code   string
			fields []string
		}{
			{"all wrong", rolefit.NewUser{Email: "not-an-address", Access: "owner", Password: "short"}, errs.CodeInvalid, []string{"email", "name", "access", "password"}},
			{"no domain dot", rolefit.NewUser{Email: "bo@localhost", Name: "Bo", Access: rolefit.Manager, Password: "long enough pw"}, errs.CodeInvalid, []string{"email"}},
			{"duplicate e-mail", rolefit.NewUser{Email: "ADA@example.com", Name: "Other", Access: rolefit.Manager, Password: "long enough pw"}, errs.CodeConflict, []string{"email"}},
		} {
			_, err := o.CreateUser(ctx, tc.nu, rolefit.ActorOf(a))
			if errs.Code(err) != tc.code {
				t.Errorf("%s: code = %q (%v), want %q", tc.name, errs.Code(err), err, tc.code)
			}
			f := errs.FieldsOf(err)
			for _, k := range tc.fields {
				if f[k] == "" {
					t.Errorf("%s: no message for field %q in %v", tc.name, k, f)
				}
			}
		}
		us, err := o.Users(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(us) != 1 {
			t.Errorf("after bad input there are %d users, want 1", len(us))
		}
		// A bad organisation name creates neither organisation nor user.
		if _, _, err := st.CreateOrganisation(ctx, "  ", admin("new@example.com"), false); errs.FieldsOf(err)["organisation"] == "" {
			t.Errorf("blank organisation name: %v, want a field error", err)
		}
		orgs, _ := st.Organisations(ctx)
		if n, err := st.CountUsers(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(orgs) != 1 || n != 1 {
			t.Errorf("after a refused organisation: %d organisations, %d users; want 1 and 1", len(orgs), n)
		}
		// An admin refused after the organisation's row was written rolls
		// the new organisation back too.
		weak := admin("bo@example.com")
		weak.Password = "password123"
		if _, _, err := st.CreateOrganisation(ctx, "Beta", weak, false); errs.FieldsOf(err)["password"] == "" {
			t.Errorf("organisation with a common password: %v, want a password field error", err)
		}
		if orgs, err := st.Organisations(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(orgs) != 1 {
			t.Errorf("a failed organisation was half-written: %d organisations", len(orgs))
		}
	})
}

func TestLastAdminIsKept(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		if err := o.SetUserAccess(ctx, a.ID, rolefit.Manager, by); errs.Code(err) != errs.CodeConflict {
			t.Errorf("demoting the only admin = %v, want conflict", err)
		}
		if err := o.DeleteUser(ctx, a.ID, by); errs.Code(err) != errs.CodeConflict {
			t.Errorf("deleting the only admin = %v, want conflict", err)
		}
		b, err := o.CreateUser(ctx, rolefit.NewUser{Email: "bo@example.com", Name: "Bo", Access: rolefit.Admin, Password: "long enough pw"}, by)
		if err != nil {
			t.Fatal(err)
		}
		if err := o.SetUserAccess(ctx, a.ID, rolefit.Manager, by); err != nil {
			t.Errorf("demoting one of two admins: %v", err)
		}
		if err := o.DeleteUser(ctx, b.ID, by); errs.Code(err) != errs.CodeConflict {
			t.Errorf("deleting the remaining admin = %v, want conflict", err)
		}
		got, _ := o.User(ctx, a.ID)
		if got.Access != rolefit.Manager {
			t.Errorf("role = %s, want manager", got.Access)
		}
	})
}

func TestOrganisationIsolation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		orgA, a, _ := st.CreateOrganisation(ctx, "A", admin("a@example.com"), false)
		orgB, b, _ := st.CreateOrganisation(ctx, "B", admin("b@example.com"), false)
		keyA, _, err := st.Scope(orgA.ID).CreateAPIKey(ctx, "ats", rolefit.ActorOf(a))
		if err != nil {
			t.Fatal(err)
		}
		ob := st.Scope(orgB.ID)
		if _, err := ob.User(ctx, a.ID); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("B reads A's user: %v, want not found", err)
		}
		if err := ob.SetUserAccess(ctx, a.ID, rolefit.Manager, rolefit.ActorOf(b)); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("B changes A's user: %v, want not found", err)
		}
		if err := ob.DeleteUser(ctx, a.ID, rolefit.ActorOf(b)); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("B deletes A's user: %v, want not found", err)
		}
		if err := ob.RevokeAPIKey(ctx, keyA.ID, rolefit.ActorOf(b)); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("B revokes A's key: %v, want not found", err)
		}
		us, _ := ob.Users(ctx)
		ks, _ := ob.APIKeys(ctx)
		log, _ := ob.AuditLog(ctx, 100)
		if len(us) != 1 || us[0].ID != b.ID || len(ks) != 0 {
			t.Errorf("B lists users %v and keys %v, want only its own", us, ks)
		}
		for _, e := range log {
			if e.SubjectID == a.ID || e.SubjectID == keyA.ID || e.SubjectID == orgA.ID {
				t.Errorf("B's audit log shows A's entry %+v", e)
			}
		}
		if got, err := st.Scope(orgA.ID).APIKeys(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(got) != 1 || got[0].RevokedAt != nil {
			t.Errorf("A's key after B's attempts: %+v", got)
		}
	})
}

// Times come back in UTC on both databases, whatever the machine's zone,
// so the API's timestamps read the same everywhere.
func TestTimesAreUTC(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, _, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.Scope(org.ID).Get(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.CreatedAt.Location() != time.UTC || !got.CreatedAt.Equal(org.CreatedAt) {
			t.Errorf("created_at read back as %v (%v), stored %v", got.CreatedAt, got.CreatedAt.Location(), org.CreatedAt)
		}
	})
}
