package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// The migration that adds the interview view keeps every response's view
// and its index, and roles get "entered" as where their target came from.
func TestMigrationKeepsViewsForInterviews(t *testing.T) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(t.TempDir(), "old.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	before := 0 // the version before the migration that widens the view
	for _, m := range ms {
		if m.name == "interviews_job_targets" {
			before = m.version - 1
		}
	}
	if before == 0 {
		t.Fatal("no interviews_job_targets migration")
	}
	if _, err := st.migrateTo(ctx, before); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	exec := func(sql string, args ...any) {
		t.Helper()
		if err := st.write.Exec(sql, args...).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	exec("INSERT INTO organisations (id, name, created_at) VALUES ('o1', 'Old Co', ?)", at)
	exec("INSERT INTO people (id, org_id, name, kind, created_at, updated_at) VALUES ('p1', 'o1', 'Sam', 'staff', ?, ?)", at, at)
	for id, view := range map[string]string{"r1": "self", "r2": "manager"} {
		exec(`INSERT INTO responses (id, org_id, person_id, source, questionnaire_id, questionnaire_version, questionnaire_hash,
			answers, page_seconds, result, flag_count, submitted_at, view) VALUES (?, 'o1', 'p1', 'api', 'q', 1, 'h', '{}', '[]', '{}', 0, ?, ?)`,
			id, at, view)
	}
	exec(`INSERT INTO roles (id, org_id, name, activity, seats_min, seats_max, hours_per_month, baseline_rate, monthly_cost, created_at, updated_at)
		VALUES ('ro1', 'o1', 'Seller', 'new_business', 0, 1, 160, 0, 0, ?, ?)`, at, at)
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"r1": "self", "r2": "manager"} {
		var view string
		st.read.Raw("SELECT view FROM responses WHERE id = ?", id).Scan(&view)
		if view != want {
			t.Errorf("response %s: view %q after migrating, want %q", id, view, want)
		}
	}
	var source string
	st.read.Raw("SELECT target_source FROM roles WHERE id = 'ro1'").Scan(&source)
	if source != "entered" {
		t.Errorf("target source %q, want entered", source)
	}
	exec("UPDATE responses SET view = 'interview' WHERE id = 'r2'")
	if err := st.write.Exec("UPDATE responses SET view = 'gossip' WHERE id = 'r2'").Error; err == nil {
		t.Error("a view outside self, manager, interview was stored")
	}
}
