package server

import (
	"fmt"
	"html"
	"regexp"
	"rolefit"
	"slices"
	"testing"
)

// The invitation form offers the newest version of each questionnaire
// meant for the person, under its one name; older versions stay
// installed for the responses given to them.
func TestInviteOffersNewestVersions(t *testing.T) {
	f := sqliteFixture(t, Config{})
	cat := testCatalog(t)
	if len(cat.All()) <= len(cat.Newest()) {
		t.Fatal("the shipped questionnaires have no older version to leave out")
	}
	b := f.browser().signIn(f.mgrA)
	for _, kind := range []rolefit.PersonKind{rolefit.Candidate, rolefit.Staff} {
		p, err := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Pat " + string(kind), Kind: kind}, rolefit.ActorOf(f.mgrA))
		if err != nil {
			t.Fatal(err)
		}
		_, body := b.get("/people/" + p.ID)
		sel := regexp.MustCompile(`(?s)<select id="f-questionnaire" name="questionnaire">(.*?)</select>`).FindStringSubmatch(body)
		if sel == nil {
			t.Fatalf("%s: no questionnaire to choose", kind)
		}
		var got, want []string
		for _, m := range regexp.MustCompile(`<option value="([^"]+)"[^>]*>([^<]*)</option>`).FindAllStringSubmatch(sel[1], -1) {
			got = append(got, m[1]+" "+html.UnescapeString(m[2]))
		}
		for _, q := range cat.Newest() {
			if q.IsFor(string(kind)) {
				want = append(want, fmt.Sprintf("%s:%d %s (about %d min)", q.ID, q.Version, q.Title, q.Minutes))
			}
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s: the form offers %q, want %q", kind, got, want)
		}
	}
}
