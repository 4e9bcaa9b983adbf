package server

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"rolefit"
	"strings"
	"testing"
)

func TestAddPersonKeepsInputOnErrors(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	resp, body := b.get("/people")
	wantStatus(t, "empty people page", resp, http.StatusOK, body)
	wantContains(t, "empty people page", body, "Nobody here yet")
	resp, body = b.post("/people", url.Values{"name": {"Dana Diaz"}, "email": {"dana@"}, "kind": {"candidate"}, "job_title": {"Seller"}})
	wantStatus(t, "bad person", resp, http.StatusBadRequest, body)
	wantContains(t, "bad person", body, `id="e-email"`, `id="e-job_title"`, `value="Dana Diaz"`, `value="dana@"`, `value="Seller"`)
	if n, err := f.st.Scope(f.orgA.ID).CountPeople(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 0 {
		t.Fatalf("bad input stored %d people", n)
	}
	resp, body = b.post("/people", url.Values{"name": {"Dana Diaz"}, "email": {"dana@example.com"}, "kind": {"staff"}, "job_title": {"Account manager"}})
	wantStatus(t, "add person", resp, http.StatusSeeOther, body)
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, "/people/") || len(loc) < len("/people/")+20 {
		t.Fatalf("after adding, went to %q; want the person's page with an opaque ID", loc)
	}
	resp, body = b.get(loc)
	wantStatus(t, "person page", resp, http.StatusOK, body)
	wantContains(t, "person page", body, "Dana Diaz", "Account manager", "Added Dana Diaz", "Work style questionnaire")
	resp, body = b.get("/people")
	wantStatus(t, "people list", resp, http.StatusOK, body)
	wantContains(t, "people list", body, "Dana Diaz", "not invited")
	// The page view is in the audit log.
	log, _ := f.st.Scope(f.orgA.ID).AuditLog(ctx, 20)
	viewed := false
	for _, e := range log {
		if e.Action == "view" && e.SubjectType == "person" && e.ActorID == f.mgrA.ID {
			viewed = true
		}
	}
	if !viewed {
		t.Error("viewing a person is not in the audit log")
	}
}

func multipartCSV(t *testing.T, csrf, text string) (*http.Request, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("_csrf", csrf)
	fw, err := w.CreateFormFile("file", "people.csv")
	if err != nil {
		return nil, err
	}
	fw.Write([]byte(text))
	w.Close()
	req := httptest.NewRequest(http.MethodPost, "/people/import", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return req, nil
}

func TestImportPeopleCSV(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Old", Email: "old@example.com", Kind: rolefit.Staff}, rolefit.ActorOf(f.mgrA))
	bad := "name,email,kind,role\nAnn,ann@example.com,candidate,\n,bo@example.com,staff,\nCy,ann@example.com,staff,\nDi,OLD@example.com,staff,\nEd,,intern,\nFay,fay@example.com,candidate,Seller\n"
	resp, body := b.post("/people/import", url.Values{"csv": {bad}})
	wantStatus(t, "CSV with bad rows", resp, http.StatusBadRequest, body)
	wantContains(t, "CSV report", body,
		"row 3: name", "row 4: email", "is also on row 2", "row 5: email", "already belongs to someone",
		"row 6: kind", "row 7: job_title", "Nothing was added")
	wantContains(t, "CSV kept", body, "Fay,fay@example.com,candidate,Seller")
	if n, err := f.st.Scope(f.orgA.ID).CountPeople(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 1 {
		t.Fatalf("a refused import stored people: %d", n)
	}
	for _, tc := range []struct{ name, text, want string }{
		{"quotes", "name,kind\n\"Ann,kind\n", "could not be read as CSV"},
		{"no kind column", "name,email\nAnn,a@example.com\n", "has no kind column"},
		{"empty", "name,email,kind\n", "has no rows of people"},
		{"too many columns", "Ann,a@example.com,candidate,,extra\n", "row 1"},
		{"not UTF-8", "Ann,\xff@example.com,candidate\n", "UTF-8"},
	} {
		resp, body := b.post("/people/import", url.Values{"csv": {tc.text}})
		wantStatus(t, tc.name, resp, http.StatusBadRequest, body)
		wantContains(t, tc.name, body, tc.want)
	}
	// A good file, uploaded as a file, without a header, with a blank line.
	good := "Ann,ann@example.com,candidate\n\nBo,,staff,Account executive\n"
	req, err := multipartCSV(t, b.csrf, good)
	if err != nil {
		t.Fatal(err)
	}
	resp, body = b.do(req)
	wantStatus(t, "good CSV", resp, http.StatusSeeOther, body)
	_, body = b.get("/people")
	wantContains(t, "after import", body, "Added 2 people.", "Ann", "Bo", "Account executive")
	if n, err := f.st.Scope(f.orgA.ID).CountPeople(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 3 {
		t.Errorf("%d people after import, want 3", n)
	}
}

func TestPeopleListSearchAndPages(t *testing.T) {
	f := sqliteFixture(t, Config{})
	o := f.st.Scope(f.orgA.ID)
	var nps []rolefit.NewPerson
	for i := 0; i < 130; i++ {
		kind := rolefit.Candidate
		if i%3 == 0 {
			kind = rolefit.Staff
		}
		nps = append(nps, rolefit.NewPerson{Name: "Person " + string(rune('A'+i%26)) + strings.Repeat("x", i/26), Kind: kind})
	}
	if _, err := o.ImportPeople(ctx, nps, nil, rolefit.ActorOf(f.mgrA)); err != nil {
		t.Fatal(err)
	}
	b := f.browser().signIn(f.mgrA)
	resp, body := b.get("/people")
	wantStatus(t, "people page 1", resp, http.StatusOK, body)
	if got := strings.Count(body, `<td class="who">`); got != 100 {
		t.Errorf("first page shows %d people, want 100", got)
	}
	wantContains(t, "people page 1", body, "Next page", "130 in all")
	_, body = b.get("/people?kind=staff&search=xxx")
	if got := strings.Count(body, `<td class="who">`); got == 0 || strings.Contains(body, ">candidate<") {
		t.Errorf("staff filter shows %d rows or candidates", got)
	}
	resp, body = b.get("/people?kind=boss")
	wantStatus(t, "bad kind filter", resp, http.StatusBadRequest, body)
	resp, body = b.get("/people?cursor=nonsense")
	wantStatus(t, "bad cursor", resp, http.StatusBadRequest, body)
}

func TestErasePerson(t *testing.T) {
	f := sqliteFixture(t, Config{})
	o := f.st.Scope(f.orgA.ID)
	p, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	_, token, _ := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 1}, rolefit.ActorOf(f.mgrA))
	b := f.browser().signIn(f.mgrA)
	b.get("/people/" + p.ID)
	resp, body := b.post("/people/"+p.ID+"/erase", nil)
	wantStatus(t, "erase without confirming", resp, http.StatusBadRequest, body)
	if _, err := o.Person(ctx, p.ID); err != nil {
		t.Fatalf("an unconfirmed erase deleted the person: %v", err)
	}
	resp, body = b.post("/people/"+p.ID+"/erase", url.Values{"confirm": {"yes"}})
	wantStatus(t, "erase", resp, http.StatusSeeOther, body)
	if _, err := o.Person(ctx, p.ID); err == nil {
		t.Error("the person is still there")
	}
	if _, err := f.st.Respondent(ctx, token); err == nil {
		t.Error("the erased person's invitation link still works")
	}
	log, _ := o.AuditLog(ctx, 50)
	found := false
	for _, e := range log {
		if e.Action == "erase" && e.SubjectID == p.ID {
			found = true
			if strings.Contains(e.Detail, "Dana") {
				t.Errorf("the audit entry keeps the erased name: %q", e.Detail)
			}
		}
	}
	if !found {
		t.Error("erasure is not in the audit log")
	}
}
