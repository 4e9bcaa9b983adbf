package server

import (
	"encoding/csv"
	"net/http"
	"regexp"
	"rolefit"
	"strconv"
	"strings"
	"testing"

	"rolefit/internal/demo"
)

// The demo's earlier applicants are history: the people list, the API's
// list and the exports leave them out unless asked (?earlier=include or
// only), the page says how many are left out, and nobody the list calls
// "not invited" is someone Home counts as invited or answered.
func TestDemoEarlierApplicantsLeftOut(t *testing.T) {
	f, b := demoFixture(t)
	u, err := f.st.Authenticate(ctx, demo.Manager.Email, demo.Manager.Password)
	if err != nil {
		t.Fatal(err)
	}
	org := f.st.Scope(u.OrgID)
	all, err := org.CountPeople(ctx)
	if err != nil {
		t.Fatal(err)
	}
	story := int(all) - demo.HistorySize
	if story < 10 {
		t.Fatalf("the demo holds %d people, %d of them earlier applicants", all, demo.HistorySize)
	}
	_, key, err := org.CreateAPIKey(ctx, "test", rolefit.ActorOf(u))
	if err != nil {
		t.Fatal(err)
	}

	rows := func(body string) (n, earlier int) {
		for _, m := range regexp.MustCompile(`<td class="who"><a href="/people/[A-Z0-9]+">([^<]*)</a>`).FindAllStringSubmatch(body, -1) {
			n++
			if strings.HasPrefix(m[1], "Earlier applicant") {
				earlier++
			}
		}
		return n, earlier
	}
	for _, tc := range []struct {
		query          string
		want, earlier  int
		lead, notLead  string
		exportFileRows int
	}{
		{"", story, 0, strconv.Itoa(story) + " in all", "earlier applicants included", story},
		{"earlier=include", int(all), demo.HistorySize, strconv.Itoa(int(all)) + " in all, earlier applicants included", "Not listed:", int(all)},
		{"earlier=only", demo.HistorySize, demo.HistorySize, strconv.Itoa(demo.HistorySize) + " earlier applicants", "Not listed:", demo.HistorySize},
	} {
		resp, body := b.get("/people?limit=500&" + tc.query)
		wantStatus(t, "people "+tc.query, resp, http.StatusOK, body)
		if n, earlier := rows(body); n != tc.want || earlier != tc.earlier {
			t.Errorf("people %q: %d rows, %d earlier applicants; want %d and %d", tc.query, n, earlier, tc.want, tc.earlier)
		}
		wantContains(t, "people "+tc.query, body, tc.lead)
		if strings.Contains(body, tc.notLead) {
			t.Errorf("people %q says %q", tc.query, tc.notLead)
		}
		resp, body = f.apiRequest("GET", "/api/v1/people?limit=500&"+tc.query, key, "")
		wantStatus(t, "API people "+tc.query, resp, http.StatusOK, body)
		items := decode[listResponse[apiPerson]](t, body).Items
		earlier := 0
		for _, p := range items {
			if strings.HasPrefix(p.Name, "Earlier applicant") {
				earlier++
			}
		}
		if len(items) != tc.want || earlier != tc.earlier {
			t.Errorf("API people %q: %d people, %d earlier applicants; want %d and %d", tc.query, len(items), earlier, tc.want, tc.earlier)
		}
		for _, path := range []string{"/people/export?format=csv&" + tc.query, "/api/v1/people/export?" + tc.query} {
			var resp *http.Response
			if strings.HasPrefix(path, "/api/") {
				resp, body = f.apiRequest("GET", path, key, "")
			} else {
				resp, body = b.get(path)
			}
			wantStatus(t, path, resp, http.StatusOK, body)
			recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			if len(recs)-1 != tc.exportFileRows {
				t.Errorf("%s: %d people, want %d", path, len(recs)-1, tc.exportFileRows)
			}
		}
	}
	_, body := b.get("/people")
	wantContains(t, "people", body, "Not listed: 330 earlier applicants", `href="/people?earlier=only"`)
	resp, body := f.apiRequest("GET", "/api/v1/people?earlier=some", key, "")
	wantStatus(t, "API people, unknown earlier value", resp, http.StatusBadRequest, body)
	if decode[apiErr](t, body).Error.Fields["earlier"] == "" {
		t.Errorf("the error %s does not name earlier", body)
	}
	resp, body = f.apiRequest("GET", "/api/v1/people/export?earlier=some", key, "")
	wantStatus(t, "export, unknown earlier value", resp, http.StatusBadRequest, body)

	// Home's "not invited yet" and the list's "not invited" are the same
	// people: on the demo, nobody (every story person has answered or
	// been invited).
	_, home := b.get("/")
	notInvited := 0
	if m := regexp.MustCompile(`<strong class="big-count">(\d+)</strong> (?:person has|people have) no invitation`).FindStringSubmatch(home); m != nil {
		notInvited = atoi(m[1])
	} else if !strings.Contains(home, "Everyone has been invited") {
		t.Fatal("Home says nothing about people not invited")
	}
	_, body = b.get("/people?limit=500")
	if n := strings.Count(body, `<span class="muted">not invited</span>`); n != notInvited {
		t.Errorf("the people list marks %d people not invited, Home %d", n, notInvited)
	}
	_, body = b.get("/people?limit=500&invitation=none")
	if n, _ := rows(body); n != notInvited {
		t.Errorf("the list's not-invited filter keeps %d people, Home counts %d", n, notInvited)
	}
}
