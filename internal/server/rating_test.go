package server

import (
	"net/http"
	"net/url"
	"rolefit"
	"strconv"
	"strings"
	"testing"
)

// A manager rates a staff member on the web: every statement is on the
// page, unanswered ones are pointed out with the other answers kept and
// nothing stored, and a complete rating is stored as the manager's view
// beside the profile.
func TestManagerRatingPage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	org := f.st.Scope(f.orgA.ID)
	staff, err := org.CreatePerson(ctx, rolefit.NewPerson{Name: "Sam", Kind: rolefit.Staff}, rolefit.ActorOf(f.adminA))
	if err != nil {
		t.Fatal(err)
	}
	cand, err := org.CreatePerson(ctx, rolefit.NewPerson{Name: "Cleo", Kind: rolefit.Candidate}, rolefit.ActorOf(f.adminA))
	if err != nil {
		t.Fatal(err)
	}
	q, _ := testCatalog(t).Latest("manager-rating")
	items := q.Items()
	b := f.browser().signIn(f.mgrA)

	_, page := b.get("/people/" + staff.ID)
	wantContains(t, "staff page", page, `href="/people/`+staff.ID+`/rating"`)
	_, page = b.get("/people/" + cand.ID)
	if strings.Contains(page, "/rating") {
		t.Error("a candidate's page offers a manager's rating")
	}
	resp, page := b.get("/people/" + cand.ID + "/rating")
	wantStatus(t, "candidate's rating form", resp, http.StatusConflict, page)

	resp, page = b.get("/people/" + staff.ID + "/rating")
	wantStatus(t, "rating form", resp, http.StatusOK, page)
	if got := strings.Count(page, `<fieldset class="statement`); got != len(items) {
		t.Errorf("rating form has %d statements, want %d", got, len(items))
	}
	for _, it := range items {
		wantContains(t, "rating form", page, `id="q-`+it.ID+`"`)
	}

	// All but the last two answered: those two are named, the rest kept.
	form := url.Values{}
	for _, it := range items[:len(items)-2] {
		form.Set(it.ID, "4")
	}
	resp, page = b.post("/people/"+staff.ID+"/rating", form)
	wantStatus(t, "incomplete rating", resp, http.StatusUnprocessableEntity, page)
	wantContains(t, "incomplete rating", page, "Please answer the 2 statements",
		`href="#q-`+items[len(items)-2].ID+`">Statement `+strconv.Itoa(len(items)-1)+`<`,
		`href="#q-`+items[len(items)-1].ID+`">Statement `+strconv.Itoa(len(items))+`<`,
		`id="`+items[0].ID+`-4" name="`+items[0].ID+`" value="4" checked`)
	if got := strings.Count(page, " checked>"); got != len(items)-2 {
		t.Errorf("incomplete rating kept %d answers, want %d", got, len(items)-2)
	}

	// An answer outside the scale is refused, naming its statement.
	form.Set(items[len(items)-2].ID, "4")
	form.Set(items[len(items)-1].ID, "9")
	resp, page = b.post("/people/"+staff.ID+"/rating", form)
	wantStatus(t, "answer out of range", resp, http.StatusBadRequest, page)
	wantContains(t, "answer out of range", page, `href="#q-`+items[len(items)-1].ID+`"`)
	if rs, err := org.PersonResponses(ctx, staff.ID); err != nil || len(rs) != 0 {
		t.Fatalf("after refused ratings: %d responses, %v; want none", len(rs), err)
	}

	form.Set(items[len(items)-1].ID, "2")
	resp, page = b.post("/people/"+staff.ID+"/rating", form)
	wantStatus(t, "complete rating", resp, http.StatusSeeOther, page)
	if loc := resp.Header.Get("Location"); loc != "/people/"+staff.ID {
		t.Errorf("after a rating: redirect to %q, want the person's page", loc)
	}
	rs, err := org.PersonResponses(ctx, staff.ID)
	if err != nil || len(rs) != 1 {
		t.Fatalf("after a rating: %d responses, %v; want 1", len(rs), err)
	}
	if r := rs[0]; r.View != rolefit.ViewManager || !strings.HasPrefix(r.RatedBy, f.mgrA.Name) || r.QuestionnaireID != q.ID || r.Answers[items[0].ID] != 4 {
		t.Errorf("stored rating: view %q, rated by %q, questionnaire %q; want manager, %q, %q", r.View, r.RatedBy, r.QuestionnaireID, f.mgrA.Name, q.ID)
	}
	if p, err := org.Person(ctx, staff.ID); err != nil {
		t.Fatalf("read: %v", err)
	} else if p.ProfileResponseID != nil {
		t.Error("a manager's rating became the person's profile")
	}
	_, page = b.get("/people/" + staff.ID)
	wantContains(t, "person page after a rating", page, "Manager&#39;s rating", "Rated by Max", "Rate Sam again")
}
