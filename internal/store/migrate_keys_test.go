package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"gorm.io/gorm"

	"rolefit"
)

// Migration 17 revokes the API keys whose maker was removed before a key
// went with its maker, and only those: a key made by rolefit apikey add
// (no maker either) and a key of a user still there keep working.
func TestMigrationRevokesKeysOfRemovedUsers(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "old.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.migrateTo(ctx, 16); err != nil {
		t.Fatal(err)
	}
	// The organisation as version 16 stored it: today's code would write
	// columns that schema does not have yet.
	org := rolefit.Organisation{ID: newID(), Name: "Acme"}
	if err := st.write.Exec("INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)", org.ID, org.Name, time.Now().UTC()).Error; err != nil {
		t.Fatal(err)
	}
	var ada *rolefit.User
	if err := st.tx(ctx, func(tx *gorm.DB) error {
		var err error
		ada, err = st.insertUser(tx, org.ID, rolefit.NewUser{Email: "ada@acme.example", Name: "Ada", Access: rolefit.Admin, Password: "correct horse battery"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	o := st.Scope(org.ID)
	max, err := o.CreateUser(ctx, rolefit.NewUser{Email: "max@acme.example", Name: "Max", Access: rolefit.Manager,
		Password: "correct horse battery"}, rolefit.ActorOf(ada))
	if err != nil {
		t.Fatal(err)
	}
	keyOf := func(by rolefit.Actor, name string) string {
		t.Helper()
		k, _, err := o.CreateAPIKey(ctx, name, by)
		if err != nil {
			t.Fatal(err)
		}
		return k.ID
	}
	adas := keyOf(rolefit.ActorOf(ada), "Ada's")
	maxs := keyOf(rolefit.ActorOf(max), "Max's")
	console := keyOf(rolefit.Actor{ID: "console", Name: "rolefit apikey add"}, "the organisation's")
	// Max removed as an older rolefit removed a user: the key's maker is
	// cleared by the foreign key, and the key lives on.
	if err := st.write.Exec("DELETE FROM users WHERE id = ?", max.ID).Error; err != nil {
		t.Fatal(err)
	}
	if _, err := st.migrateTo(ctx, 17); err != nil {
		t.Fatal(err)
	}
	var keys []apiKeyRow
	if err := st.write.Order("name").Find(&keys).Error; err != nil {
		t.Fatal(err)
	}
	revoked := map[string]bool{}
	for _, k := range keys {
		revoked[k.ID] = k.RevokedAt != nil
	}
	for id, want := range map[string]bool{adas: false, maxs: true, console: false} {
		if revoked[id] != want {
			t.Errorf("key %s: revoked %v, want %v", id, revoked[id], want)
		}
	}
	var entries []rolefit.AuditEntry
	if err := st.write.Where("subject_id = ? AND action = 'revoke'", maxs).Find(&entries).Error; err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].ActorName != "rolefit upgrade" || entries[0].OrgID != org.ID {
		t.Errorf("audit entries of the revocation: %+v, want one by the upgrade", entries)
	}
	// Run again on a database already migrated, nothing changes.
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if applied, err := st.Migrate(ctx); err != nil || len(applied) != 0 {
		t.Errorf("migrating again: %v, %v", applied, err)
	}
}
