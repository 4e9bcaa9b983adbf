package store

import (
	"strings"
	"testing"
)

// The lookups of responses by person and by invitation use an index
// after the person's own index was folded into responses_person_view and
// the invitation's index kept only rows that have one.
func TestResponseLookupsUseTheIndexes(t *testing.T) {
	st := migratedSQLite(t)
	for _, tc := range []struct{ sql, want string }{
		{`SELECT id FROM responses WHERE person_id = 'p' AND view = 'self' ORDER BY submitted_at DESC LIMIT 1`, "responses_person_view"},
		{`SELECT id FROM responses WHERE invitation_id = 'i'`, "responses_invitation"},
		// What deleting an invitation does to its response.
		{`UPDATE responses SET invitation_id = NULL WHERE invitation_id = 'i'`, "responses_invitation"},
		// What erasing a person does.
		{`DELETE FROM responses WHERE person_id = 'p'`, "responses_person_view"},
	} {
		var plan []struct{ Detail string }
		if err := st.read.Raw("EXPLAIN QUERY PLAN " + tc.sql).Scan(&plan).Error; err != nil {
			t.Fatal(err)
		}
		var details []string
		for _, p := range plan {
			details = append(details, p.Detail)
		}
		if got := strings.Join(details, "; "); !strings.Contains(got, tc.want) {
			t.Errorf("%s: plan %q does not use %s", tc.sql, got, tc.want)
		}
	}
	// Every index on responses, so that a new one is a decision.
	var names []string
	if err := st.read.Raw(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'responses' AND sql IS NOT NULL ORDER BY name`).
		Scan(&names).Error; err != nil {
		t.Fatal(err)
	}
	want := "responses_invitation responses_org_questionnaire responses_org_submitted responses_person_view responses_scoring_version"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("indexes on responses: got %s, want %s", got, want)
	}
}
