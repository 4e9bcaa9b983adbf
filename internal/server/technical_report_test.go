package server

import (
	"net/http"
	"strings"
	"testing"
)

// The technical report is an admin's: it lists what is not yet known on
// the organisation's own data (here four people, one of them rated), its
// reliability and norms state and local validity, and Settings links to it
// for admins only.
func TestTechnicalReport(t *testing.T) {
	tw := newTeamWorld(t)
	b := tw.f.browser().signIn(tw.f.adminA)
	resp, body := b.get("/settings/technical-report")
	wantStatus(t, "technical report", resp, http.StatusOK, body)
	wantContains(t, "technical report", body, "Technical report: ", "What is not yet known",
		"How reliably the questionnaire measures on your people: it needs 30 responses, there are 4.",
		"Whether the scores go with new-business revenue an hour: nobody has both a profile and one yet.",
		"Whether the scores go with manager&#39;s rating: 1 person has both, fewer than the 10 a finding needs.",
		"Whether the scores go with interview rating: nobody has both a profile and one yet.",
		"Local validity", `href="/evidence"`)
	_, settings := b.get("/settings")
	wantContains(t, "admin's settings", settings, `href="/settings/technical-report"`)
	_, settings = tw.f.browser().signIn(tw.f.mgrA).get("/settings")
	if strings.Contains(settings, `href="/settings/technical-report"`) {
		t.Error("a manager's settings link to the admins' technical report")
	}
}
