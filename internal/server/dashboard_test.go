package server

import (
	"net/http"
	"rolefit"
	"strings"
	"testing"
	"time"

	usecases "rolefit/internal/app"
	"rolefit/internal/assess"
)

// sameAnswers answers every item of questionnaire id with v (choice items
// with their first option): the straight line the quality checks flag.
func sameAnswers(t *testing.T, id string, v int) map[string]int {
	t.Helper()
	q, _ := testCatalog(t).Latest(id)
	out := map[string]int{}
	for _, it := range q.Items() {
		if it.Kind == assess.KindChoice {
			out[it.ID] = 1
		} else {
			out[it.ID] = v
		}
	}
	return out
}

func TestDashboard(t *testing.T) {
	f := sqliteFixture(t, Config{})
	uc := useCases(t, f.st, f.clock, nil, "")
	a := usecases.UserActor(f.adminA)

	// A new organisation: a friendly empty state and the navigation.
	_, body := f.browser().signIn(f.adminA).get("/")
	wantContains(t, "empty dashboard", body, "Nothing is waiting for you yet", `href="/people#add"`, `href="/team"`)
	if strings.Contains(body, "Invitations waiting") {
		t.Error("an empty organisation's dashboard lists invitations")
	}

	add := func(name string) *rolefit.Person {
		t.Helper()
		f.clock.Advance(time.Second)
		p, err := uc.AddPerson(ctx, a, rolefit.NewPerson{Name: name, Kind: rolefit.Candidate})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	invite := func(p *rolefit.Person, days int) {
		t.Helper()
		if _, err := uc.Invite(ctx, a, usecases.InviteInput{PersonID: p.ID, Questionnaire: "sales-service", Days: days}); err != nil {
			t.Fatal(err)
		}
	}
	answer := func(p *rolefit.Person, v int) {
		t.Helper()
		f.clock.Advance(time.Second)
		if _, err := uc.RecordResponse(ctx, a, usecases.RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: sameAnswers(t, "sales-service", v)}); err != nil {
			t.Fatal(err)
		}
	}
	ann := add("Ann Uninvited")
	ben := add("Ben Waiting")
	invite(ben, 14)
	cat := add("Cat Expiring")
	invite(cat, 2)
	old := add("Old Expired")
	invite(old, 1)
	dan := add("Dan Careless")
	answer(dan, 3)
	f.clock.Advance(25 * time.Hour) // Old's invitation has expired, Cat's has a day left

	// The manager's first visit: nothing to compare with, so the last 7
	// days count.
	m := f.browser().signIn(f.mgrA)
	resp, body := m.get("/")
	wantStatus(t, "first visit", resp, http.StatusOK, body)
	wantContains(t, "first visit", body,
		"Answers in the last 7 days", "<strong class=\"big-count\">1</strong> response submitted",
		"<strong class=\"big-count\">2</strong> invitations are waiting", "1 expires within 3 days",
		`href="/people/`+cat.ID+`">Cat Expiring</a>`,
		`href="/people/`+ann.ID+`">Ann Uninvited</a>`, "<strong class=\"big-count\">1</strong> person has no invitation",
		`href="/people/`+dan.ID+`">Dan Careless</a>`)
	if strings.Contains(body, ben.Name) || strings.Contains(body, old.Name) {
		t.Error("the dashboard lists an invitation that is neither expiring soon nor open")
	}
	d, err := uc.Person(ctx, a, dan.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Profile.Scored.Quality.Severity == "" {
		t.Fatal("straight-line answers raised no flag: the test needs one")
	}
	wantContains(t, "flags", body, "<strong class=\"big-count\">1</strong> profile has response-quality flags")
	if (d.Profile.Scored.Quality.Severity == assess.SeverityLikely) != strings.Contains(body, "1 likely careless</strong>") {
		t.Errorf("severity %s, but the page says otherwise", d.Profile.Scored.Quality.Severity)
	}

	// Later: Eve answers, and the manager comes back in a new session.
	f.clock.Advance(time.Hour)
	eve := add("Eve Recent")
	answer(eve, 4)
	f.clock.Advance(time.Hour)
	_, body = f.browser().signIn(f.mgrA).get("/")
	wantContains(t, "second visit", body, "New since your last visit",
		"<strong class=\"big-count\">1</strong> response submitted since", `href="/people/`+eve.ID+`">Eve Recent</a>`,
		"<strong class=\"big-count\">2</strong> profiles have response-quality flags")
	if i := strings.Index(body, "need-new"); i < 0 || strings.Contains(body[i:strings.Index(body, "need-waiting")], dan.Name) {
		t.Error("a response from before the last visit is listed as new")
	}

	// Another organisation sees none of it.
	_, body = f.browser().signIn(f.adminB).get("/")
	wantContains(t, "B's dashboard", body, "Nothing is waiting for you yet")
	for _, p := range []*rolefit.Person{ann, cat, dan, eve} {
		if strings.Contains(body, p.Name) {
			t.Errorf("B's dashboard names A's %s", p.Name)
		}
	}
}
