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

// Optimize runs on a database with data, and afterwards SQLite has
// statistics for the people table.
func TestOptimizeGathersStatistics(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "opt.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	org, a, err := st.CreateOrganisation(ctx, "Acme", NewUser{Email: "ada@acme.example", Name: "Ada", Role: RoleAdmin, Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	var people []NewPerson
	for range 50 {
		people = append(people, NewPerson{Name: "P", Kind: Candidate})
	}
	if _, err := st.Org(org.ID).ImportPeople(ctx, people, nil, ActorOf(a)); err != nil {
		t.Fatal(err)
	}
	if err := st.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := st.read.Raw("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'people'").Scan(&n).Error; err != nil || n == 0 {
		t.Errorf("no statistics for people after Optimize: %d rows, %v", n, err)
	}
}
