package server

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"rolefit/internal/store"
)

// After an import the people page lists the people it added, each linked
// to their page, once: a reload shows the list without them. A large
// import names the first maxAddedShown and counts the rest.
func TestImportListsAddedPeople(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	b.get("/people")
	resp, body := b.post("/people/import", url.Values{"csv": {"name,email,kind,job_title\nAnn Able,ann@example.com,candidate,\nBo Baker,,staff,Account manager\nCy Cole,,candidate,\n"}})
	wantStatus(t, "import", resp, http.StatusSeeOther, body)
	_, body = b.get("/people")
	added := regexp.MustCompile(`(?s)<section class="card added"[^>]*>.*?</section>`).FindString(body)
	people, _, err := f.st.Scope(f.orgA.ID).People(ctx, store.PeopleQuery{})
	if err != nil || len(people) != 3 {
		t.Fatalf("%d people after the import; %v", len(people), err)
	}
	for _, p := range people {
		if link := fmt.Sprintf(`<a href="/people/%s">%s</a>`, p.ID, p.Name); !strings.Contains(added, link) {
			t.Errorf("the page after the import does not list %s with a link:\n%s", p.Name, added)
		}
	}
	wantContains(t, "after the import", body, "Added 3 people.")
	if _, body = b.get("/people"); strings.Contains(body, `class="card added"`) {
		t.Error("the added people are listed again on the next visit")
	}

	var csv strings.Builder
	for i := range maxAddedShown + 2 {
		fmt.Fprintf(&csv, "Person %03d,,candidate,\n", i)
	}
	resp, body = b.post("/people/import", url.Values{"csv": {csv.String()}})
	wantStatus(t, "large import", resp, http.StatusSeeOther, body)
	_, body = b.get("/people")
	added = regexp.MustCompile(`(?s)<section class="card added"[^>]*>.*?</section>`).FindString(body)
	if n := strings.Count(added, `<a href="/people/`); n != maxAddedShown || !strings.Contains(added, "Person 000") || !strings.Contains(added, "and 2 more") {
		t.Errorf("a large import lists %d people (want %d, from Person 000) and says %q", n, maxAddedShown, added[max(0, len(added)-200):])
	}
}
