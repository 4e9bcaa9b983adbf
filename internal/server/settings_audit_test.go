package server

import (
	"html"
	"net/http"
	"regexp"
	"rolefit"
	"strings"
	"testing"
	"time"
)

// auditRow matches one row of the audit log page: its "about" cell.
var auditRow = regexp.MustCompile(`<tr>\s*<td class="who"><time`)

func TestAuditLogPage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	oA := f.st.Scope(f.orgA.ID)
	dana, err := oA.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Kind: rolefit.Candidate}, rolefit.ActorOf(f.adminA))
	if err != nil {
		t.Fatal(err)
	}
	eli, err := oA.CreatePerson(ctx, rolefit.NewPerson{Name: "Eli", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	mgr, adm := f.browser().signIn(f.mgrA), f.browser().signIn(f.adminA)
	// The manager views Dana three times and Eli once; then Eli is erased.
	for range 3 {
		f.clock.Advance(time.Minute)
		resp, body := mgr.get("/people/" + dana.ID)
		wantStatus(t, "view Dana", resp, http.StatusOK, body)
	}
	f.clock.Advance(time.Minute)
	mgr.get("/people/" + eli.ID)
	if err := oA.ErasePerson(ctx, eli.ID, rolefit.ActorOf(f.adminA)); err != nil {
		t.Fatal(err)
	}

	// Managers cannot see the log; another organisation's admin sees
	// none of A's entries.
	resp, body := mgr.get("/settings/audit")
	wantStatus(t, "manager opens the audit log", resp, http.StatusForbidden, body)
	resp, body = f.browser().signIn(f.adminB).get("/settings/audit?person=" + dana.ID)
	wantStatus(t, "B's admin opens the audit log", resp, http.StatusOK, body)
	if n := len(auditRow.FindAllString(body, -1)); n != 0 || strings.Contains(body, "Dana") {
		t.Errorf("B's admin sees %d rows of A's log", n)
	}

	resp, body = adm.get("/settings/audit?person=" + dana.ID)
	wantStatus(t, "entries about Dana", resp, http.StatusOK, body)
	// Dana: created, viewed three times.
	if n := len(auditRow.FindAllString(body, -1)); n != 4 {
		t.Errorf("got %d rows about Dana, want 4", n)
	}
	wantContains(t, "entries about Dana", body, "Entries about", ">Dana</a>", "Max &lt;max@acme.example&gt;")

	resp, body = adm.get("/settings/audit?person=" + eli.ID)
	wantStatus(t, "entries about erased Eli", resp, http.StatusOK, body)
	if n := len(auditRow.FindAllString(body, -1)); n != 3 { // created, viewed, erased
		t.Errorf("got %d rows about Eli, want 3", n)
	}
	wantContains(t, "entries about erased Eli", body, "the erased person <code>"+eli.ID+"</code>", "person, invitations, answers and scores deleted")

	resp, body = adm.get("/settings/audit?user=" + f.mgrA.ID + "&person=" + dana.ID)
	wantStatus(t, "Max's entries about Dana", resp, http.StatusOK, body)
	if n := len(auditRow.FindAllString(body, -1)); n != 3 {
		t.Errorf("got %d of Max's rows about Dana, want 3", n)
	}

	// Pages of two, newest first, following the page's own link.
	next := "/settings/audit?person=" + dana.ID + "&limit=2"
	var times []string
	for pages := 0; next != "" && pages < 10; pages++ {
		resp, body = adm.get(next)
		wantStatus(t, "a page of the log", resp, http.StatusOK, body)
		for _, m := range regexp.MustCompile(`<time datetime="([^"]+)"`).FindAllStringSubmatch(body, -1) {
			times = append(times, m[1])
		}
		next = ""
		if m := regexp.MustCompile(`<a class="button" href="([^"]+)">Older entries`).FindStringSubmatch(body); m != nil {
			next = html.UnescapeString(m[1])
		}
	}
	if len(times) != 4 {
		t.Fatalf("paging gave %d entries about Dana, want 4: %v", len(times), times)
	}
	for i := 1; i < len(times); i++ {
		if times[i] > times[i-1] {
			t.Errorf("entry %d (%s) is newer than the one before (%s)", i, times[i], times[i-1])
		}
	}

	resp, body = adm.get("/settings/audit?cursor=nonsense")
	wantStatus(t, "bad cursor", resp, http.StatusBadRequest, body)
	wantContains(t, "bad cursor", body, "cursor")
	resp, body = adm.get("/settings/audit?limit=0")
	wantStatus(t, "bad limit", resp, http.StatusBadRequest, body)
	wantContains(t, "bad limit", body, "limit")
}
