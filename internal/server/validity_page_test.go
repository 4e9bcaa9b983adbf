package server

import (
	"net/http"
	"strings"
	"testing"
)

// "Does it predict here?" shows each composite's verdict that respects n
// (the team world has one rated person: far too few to tell), says the
// interview is not yet recorded, lists every scale against every
// criterion, and is linked from the navigation and from Reliability.
func TestEvidencePage(t *testing.T) {
	tw := newTeamWorld(t)
	b := tw.f.browser().signIn(tw.f.mgrA)
	resp, body := b.get("/evidence")
	wantStatus(t, "evidence", resp, http.StatusOK, body)
	wantContains(t, "evidence", body, "Does it predict here?", "1 person: far too few to tell; with 30 the interval would be about ±0.36.",
		"Not yet recorded: nobody has interview ratings yet.", "Influence", "Relationship service", `href="/evidence"`)
	if strings.Contains(body, "made up") {
		t.Error("an organisation that is not the demo is told its data is made up")
	}
	if n := strings.Count(body, `<th scope="row"`); n != 12*4 {
		t.Errorf("%d rows, want every scale against every criterion", n)
	}
	_, rel := b.get("/settings/reliability")
	wantContains(t, "reliability", rel, `<a href="/evidence">Does it predict here?</a>`)
}

// In the demo the page says its data is made up, gives the seven sellers
// the honest "too few" verdict on the new-business rate, and draws the
// composites against both rates.
func TestDemoEvidencePage(t *testing.T) {
	_, b := demoFixture(t)
	resp, body := b.get("/evidence")
	wantStatus(t, "evidence", resp, http.StatusOK, body)
	wantContains(t, "demo evidence", body, "This is the demo: its people, answers and performance are made up.",
		"<strong>New-business revenue an hour:</strong> 7 people: far too few to tell; with 30 the interval would be about ±0.36.",
		"<strong>Service revenue an hour:</strong> 10 people: r = ", `id="scatter-hunter-new_business_rate-title"`, `id="scatter-farmer-service_rate-title"`)
	if n := strings.Count(body, `<svg class="chart scatter"`); n != 4 {
		t.Errorf("%d charts, want the two composites against the two rates", n)
	}
}
