package store

import (
	"context"
	"path/filepath"
	"rolefit"
	"strings"
	"testing"

	"gorm.io/gorm"
)

// The duplicate e-mail check of adding people uses the partial unique
// index on (org_id, email), whatever SQLite knows of the table's
// statistics, so adding people stays flat as an organisation grows.
func TestDuplicateEmailCheckUsesTheIndex(t *testing.T) {
	st := migratedSQLite(t)
	var plan []struct{ Detail string }
	err := st.read.Raw(`EXPLAIN QUERY PLAN SELECT email FROM people WHERE org_id = ? AND email <> '' AND email IN (?, ?)`,
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
	st := migratedSQLite(t)
	org, a := acme(t, st)
	var people []rolefit.NewPerson
	for range 50 {
		people = append(people, rolefit.NewPerson{Name: "P", Kind: rolefit.Candidate})
	}
	if _, err := st.Scope(org.ID).ImportPeople(ctx, people, nil, rolefit.ActorOf(a)); err != nil {
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

// The people list's queries, with every filter and sort, reach people
// through an index of the organisation's people, each profile by its
// primary key, and the newest invitation through invitations_person, so
// a page costs the same in a large organisation as in a small one.
func TestPeopleListUsesTheIndexes(t *testing.T) {
	st := migratedSQLite(t)
	o := st.Scope("o")
	for _, tc := range []struct {
		name string
		q    PeopleQuery
		want []string
	}{
		{"as added", PeopleQuery{}, []string{"people_org_created"}},
		{"a later page", PeopleQuery{Cursor: encodeCursor(cursorKey{id: "x"})}, []string{"people_org_created"}},
		{"by hunter", PeopleQuery{SortScale: "hunter", Desc: true}, []string{"people_org", "response_scores"}},
		{"kind and search", PeopleQuery{Kind: rolefit.Staff, Search: "dana"}, []string{"people_org_created"}},
		{"not invited", PeopleQuery{Invitation: NotInvited}, []string{"people_org_created", "invitations_person"}},
		{"expired", PeopleQuery{Invitation: "expired"}, []string{"people_org_created", "invitations_person"}},
		{"class and flags", PeopleQuery{Class: "hunter", Flags: FlagsAny}, []string{"people_org_created"}},
		// An earlier applicant is decided by one probe of each index on
		// the person: their invitations and their self-reports.
		{"earlier applicants only", PeopleQuery{Earlier: EarlierOnly}, []string{"people_org_created", "invitations_person", "responses_person_view"}},
		{"earlier applicants too", PeopleQuery{Earlier: EarlierInclude}, []string{"people_org_created"}},
		{"everything", PeopleQuery{Kind: rolefit.Candidate, Invitation: "sent", Class: "farmer", Flags: "likely", SortScale: "farmer"},
			[]string{"people_org", "invitations_person", "response_scores"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sql := st.read.ToSQL(func(tx *gorm.DB) *gorm.DB {
				db, err := o.peopleQuery(tx, tc.q)
				if err != nil {
					t.Fatal(err)
				}
				return db.Find(&[]PersonProfile{})
			})
			var plan []struct{ Detail string }
			if err := st.read.Raw("EXPLAIN QUERY PLAN " + sql).Scan(&plan).Error; err != nil {
				t.Fatal(err)
			}
			var details []string
			for _, p := range plan {
				details = append(details, p.Detail)
			}
			got := strings.Join(details, "; ")
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("plan %q does not use %s", got, w)
				}
			}
			for _, d := range details {
				// The sorted list's page of at most 501 rows is scanned.
				if strings.HasPrefix(d, "SCAN") && !strings.Contains(d, "INDEX") && d != "SCAN page" {
					t.Errorf("plan %q scans a table without an index: %s", got, d)
				}
			}
		})
	}
}

// migratedSQLite opens a new SQLite file with every migration applied,
// closed when the test ends: the store package's own tests need its
// unexported parts, which storetest cannot hand them.
func migratedSQLite(t *testing.T) *Store {
	t.Helper()
	return migratedSQLiteAt(t, filepath.Join(t.TempDir(), "rolefit.db"), Options{})
}

// migratedSQLiteAt is migratedSQLite on the file at path with opt; a test
// may close the store itself to reopen the file.
func migratedSQLiteAt(t testing.TB, path string, opt Options) *Store {
	t.Helper()
	ctx := context.Background()
	st, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

// acme creates the organisation Acme with its admin Ada.
func acme(t *testing.T, st *Store) (*rolefit.Organisation, *rolefit.User) {
	t.Helper()
	org, a, err := st.CreateOrganisation(context.Background(), "Acme",
		rolefit.NewUser{Email: "ada@acme.example", Name: "Ada", Access: rolefit.Admin, Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	return org, a
}
