package server

import (
	"net/http"
	"rolefit"
	"slices"
	"strings"
	"testing"

	usecases "rolefit/internal/app"
)

// The people list's invitation, class and flag filters keep, on the page
// and in the API, exactly the people whose newest invitation and profile
// (as the person's page reads it) match; a filter value the list does not
// offer is refused with the field named.
func TestPeopleListFilters(t *testing.T) {
	tw := newTeamWorld(t)
	f := tw.f
	key := f.apiKeyA(t)
	a := usecases.UserActor(f.adminA)
	// Someone just added: never invited, no answers.
	if _, err := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Gil Gray (new)", Kind: rolefit.Candidate}, rolefit.ActorOf(f.adminA)); err != nil {
		t.Fatal(err)
	}
	all, err := tw.uc.People(ctx, a, usecases.PeopleQuery{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	// One assessed person is also invited again, and one not assessed
	// person is invited: their newest invitations are open.
	invited := []string{tw.assessed[0].ID}
	for _, r := range all.Items {
		if r.ProfileResponseID == nil {
			invited = append(invited, r.ID)
			break
		}
	}
	for _, id := range invited {
		if _, _, err := f.st.Scope(f.orgA.ID).CreateInvitation(ctx, rolefit.NewInvitation{PersonID: id, QuestionnaireID: "sales-service", QuestionnaireVersion: 1}, rolefit.ActorOf(f.adminA)); err != nil {
			t.Fatal(err)
		}
	}
	// What each filter should keep, from each person's own page.
	want := map[string][]string{}
	for _, r := range all.Items {
		prof, err := tw.uc.Profile(ctx, a, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		sr := prof.SelfReport
		switch {
		case slices.Contains(invited, r.ID):
			want["invitation=sent"] = append(want["invitation=sent"], r.Name)
		case sr == nil:
			// Not invited and no answers of their own: as Home counts.
			want["invitation=none"] = append(want["invitation=none"], r.Name)
		}
		if sr == nil {
			want["class=none"] = append(want["class=none"], r.Name)
			continue
		}
		want["class="+sr.Class] = append(want["class="+sr.Class], r.Name)
		if len(sr.Flags) > 0 {
			want["flags=any"] = append(want["flags=any"], r.Name)
			want["flags="+sr.Severity] = append(want["flags="+sr.Severity], r.Name)
		} else {
			want["flags=none"] = append(want["flags=none"], r.Name)
		}
	}
	if len(want["class=none"]) == 0 || len(want["invitation=none"]) == 0 || len(want) < 5 {
		t.Fatalf("the fixture does not exercise the filters: %v", want)
	}
	b := f.browser().signIn(f.mgrA)
	for _, query := range []string{"invitation=none", "invitation=sent", "invitation=expired", "class=hunter", "class=farmer",
		"class=ambidextrous", "class=developing", "class=none", "flags=any", "flags=likely", "flags=look", "flags=none"} {
		resp, body := f.apiRequest("GET", "/api/v1/people?limit=500&"+query, key, "")
		wantStatus(t, query, resp, http.StatusOK, body)
		var got []string
		for _, p := range decode[listResponse[apiPerson]](t, body).Items {
			got = append(got, p.Name)
		}
		if !slices.Equal(got, want[query]) {
			t.Errorf("API %s: got %v, want %v", query, got, want[query])
		}
		resp, body = b.get("/people?" + query)
		wantStatus(t, "page "+query, resp, http.StatusOK, body)
		if n := strings.Count(body, `<td class="who">`); n != len(want[query]) {
			t.Errorf("page %s: got %d rows, want %d", query, n, len(want[query]))
		}
	}
	for _, tc := range []struct{ query, field string }{
		{"invitation=lost", "invitation"}, {"class=seller", "class"}, {"flags=some", "flags"}, {"kind=boss&flags=x", "kind"},
	} {
		resp, body := f.apiRequest("GET", "/api/v1/people?"+tc.query, key, "")
		wantStatus(t, tc.query, resp, http.StatusBadRequest, body)
		if e := decode[apiErr](t, body); e.Error.Fields[tc.field] == "" {
			t.Errorf("%s: error %s does not name %s", tc.query, body, tc.field)
		}
		resp, body = b.get("/people?" + tc.query)
		wantStatus(t, "page "+tc.query, resp, http.StatusBadRequest, body)
	}
	// The next page keeps the filters.
	_, body := b.get("/people?limit=1&class=hunter")
	if !strings.Contains(body, "class=hunter") || !strings.Contains(body, "Next page") {
		t.Errorf("a filtered first page of one lacks a next page that keeps the filter")
	}
}
