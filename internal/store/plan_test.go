package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// The duplicate e-mail check of adding people uses the partial unique
// index on (org_id, email), whatever SQLite knows of the table's
// statistics, so adding people stays flat as an organisation grows.
func TestDuplicateEmailCheckUsesTheIndex(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "plan.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var plan []struct{ Detail string }
	err = st.read.Raw(`EXPLAIN QUERY PLAN SELECT email FROM people WHERE org_id = ? AND email <> '' AND email IN (?, ?)`,
		"o", "a@example.com", "b@example.com").Scan(&plan).Error
	if err != nil {
		t.Fatal(err)
	}
	var details []string
	for _, p := range plan {
		details = append(details, p.Detail)
	}
	if got := strings.Join(details, "; "); !strings.Contains(got, "people_org_email") {
		t.Errorf("plan %q does not use people_org_email", got)
	}
}
