package server

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"regexp"
	"rolefit"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	usecases "rolefit/internal/app"
	"rolefit/internal/assess"
)

// teamWorld is organisation A with four assessed people (one of them also
// rated by a manager) and one not yet assessed, and organisation B with
// one assessed person.
type teamWorld struct {
	f        *fixture
	uc       *usecases.App
	assessed []*rolefit.Person
	rated    *rolefit.Person
	zed      *rolefit.Person
}

const evilName = `Eve <b>"Bold"</b> & Co`

func newTeamWorld(t *testing.T) *teamWorld {
	t.Helper()
	f := sqliteFixture(t, Config{})
	tw := &teamWorld{f: f, uc: useCases(t, f.st, f.clock, nil, "")}
	a, b := usecases.UserActor(f.adminA), usecases.UserActor(f.adminB)
	q, _ := testCatalog(t).Latest("sales-service")
	rng := rand.New(rand.NewPCG(3, 4))
	answer := func(act usecases.Actor, p *rolefit.Person, qid string) {
		t.Helper()
		f.clock.Advance(time.Second)
		qq, _ := testCatalog(t).Latest(qid)
		ans := assess.Simulate(qq, rng, assess.Simulation{Traits: assess.RandomTraits(qq, rng)}).Answers
		if _, err := tw.uc.RecordResponse(ctx, act, usecases.RecordInput{PersonID: p.ID, Questionnaire: qid, Answers: ans}); err != nil {
			t.Fatal(err)
		}
	}
	add := func(act usecases.Actor, name string, kind rolefit.PersonKind, title string) *rolefit.Person {
		t.Helper()
		f.clock.Advance(time.Second)
		p, err := tw.uc.AddPerson(ctx, act, rolefit.NewPerson{Name: name, Kind: kind, JobTitle: title})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, np := range []rolefit.NewPerson{
		{Name: "Ann Able", Kind: rolefit.Candidate},
		{Name: "Bo Baker", Kind: rolefit.Staff, JobTitle: "Seller"},
		{Name: evilName, Kind: rolefit.Candidate},
		{Name: "Cy Cole", Kind: rolefit.Staff, JobTitle: "Account manager"},
	} {
		p := add(a, np.Name, np.Kind, np.JobTitle)
		answer(a, p, q.ID)
		tw.assessed = append(tw.assessed, p)
	}
	tw.rated = tw.assessed[3]
	answer(a, tw.rated, "manager-rating")
	add(a, "Di Dunn (not assessed)", rolefit.Staff, "Seller")
	tw.zed = add(b, "Zed Zulu", rolefit.Candidate, "")
	answer(b, tw.zed, q.ID)
	return tw
}

// apiTeam reads every page of GET /api/v1/team with the given query.
func (tw *teamWorld) apiTeam(t *testing.T, key, query string) []apiTeamPoint {
	t.Helper()
	var all []apiTeamPoint
	cursor := ""
	for range 50 {
		u := "/api/v1/team?" + query
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		resp, body := tw.f.apiRequest("GET", u, key, "")
		wantStatus(t, u, resp, http.StatusOK, body)
		page := decode[listResponse[apiTeamPoint]](t, body)
		all = append(all, page.Items...)
		if cursor = page.NextCursor; cursor == "" {
			return all
		}
	}
	t.Fatal("the pages do not end")
	return nil
}

// The team API gives each self-report's composites as assess scored them,
// never a manager's rating, and only the caller's organisation.
func TestAPITeam(t *testing.T) {
	tw := newTeamWorld(t)
	key := tw.f.apiKeyA(t)
	a := usecases.UserActor(tw.f.adminA)
	items := tw.apiTeam(t, key, "limit=1")
	if len(items) != len(tw.assessed) {
		t.Fatalf("%d items, want %d", len(items), len(tw.assessed))
	}
	for i, it := range items {
		p := tw.assessed[i]
		d, err := tw.uc.Person(ctx, a, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		res := d.Profile.Scored
		want := apiTeamPoint{PersonID: p.ID, Name: p.Name, Kind: string(p.Kind), JobTitle: p.JobTitle,
			Hunter: compositeOf(res, "hunter"), Farmer: compositeOf(res, "farmer"), Class: string(res.Profile.Class),
			Borderline: res.Profile.Borderline, Flags: len(res.Quality.Flags)}
		if fmt.Sprint(pointText(it)) != fmt.Sprint(pointText(want)) {
			t.Errorf("item %d:\n got %v\nwant %v", i, pointText(it), pointText(want))
		}
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"kind=staff", []string{"Bo Baker", "Cy Cole"}},
		{"kind=candidate", []string{"Ann Able", evilName}},
		{"job_title=account+manager", []string{"Cy Cole"}},
		{"kind=candidate&job_title=Seller", nil},
	} {
		var got []string
		for _, it := range tw.apiTeam(t, key, tc.query) {
			got = append(got, it.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.query, got, tc.want)
		}
	}
	// B's key reads B's team only.
	_, keyB, _ := tw.f.st.Scope(tw.f.orgB.ID).CreateAPIKey(ctx, "b", rolefit.ActorOf(tw.f.adminB))
	if got := tw.apiTeam(t, keyB, ""); len(got) != 1 || got[0].PersonID != tw.zed.ID {
		t.Errorf("B's team: %+v, want only Zed", got)
	}
	for _, tc := range []struct{ query, field string }{
		{"kind=boss", "kind"},
		{"limit=0", "limit"},
		{"limit=501", "limit"},
		{"limit=ten", "limit"},
		{"cursor=not-a-cursor!", "cursor"},
	} {
		resp, body := tw.f.apiRequest("GET", "/api/v1/team?"+tc.query, key, "")
		wantStatus(t, tc.query, resp, http.StatusBadRequest, body)
		if e := decode[apiErr](t, body); e.Error.Fields[tc.field] == "" {
			t.Errorf("%s: error %s does not name %s", tc.query, body, tc.field)
		}
	}
}

func compositeOf(r assess.Result, id string) *float64 {
	for _, c := range r.Composites {
		if c.ID == id {
			return c.Score
		}
	}
	return nil
}

// deref prints a point with its scores' values rather than addresses.
func pointText(p apiTeamPoint) string {
	f := func(v *float64) string {
		if v == nil {
			return "null"
		}
		return strconv.FormatFloat(*v, 'g', -1, 64)
	}
	return fmt.Sprintf("%s %q %s %q hunter=%s farmer=%s %s borderline=%v flags=%d", p.PersonID, p.Name, p.Kind, p.JobTitle, f(p.Hunter), f(p.Farmer), p.Class, p.Borderline, p.Flags)
}

func TestAPIProfile(t *testing.T) {
	tw := newTeamWorld(t)
	key := tw.f.apiKeyA(t)
	resp, body := tw.f.apiRequest("GET", "/api/v1/people/"+tw.rated.ID+"/profile", key, "")
	wantStatus(t, "profile", resp, http.StatusOK, body)
	wantContains(t, "profile", body, `"performance":null`)
	got := decode[apiProfile](t, body)
	d, _ := tw.uc.Person(ctx, usecases.UserActor(tw.f.adminA), tw.rated.ID)
	res := d.Profile.Scored
	if got.Person.ID != tw.rated.ID || got.SelfReport == nil || got.ManagerRating == nil {
		t.Fatalf("profile %s", body)
	}
	s := got.SelfReport
	if s.Questionnaire != "sales-service" || s.Class != string(res.Profile.Class) || s.Borderline != res.Profile.Borderline ||
		s.SubmittedAt != d.Profile.SubmittedAt.UTC().Format(time.RFC3339) || len(s.Flags) != len(res.Quality.Flags) || s.Severity != string(res.Quality.Severity) {
		t.Errorf("self-report %+v", s)
	}
	want := map[string]*float64{}
	for _, c := range append(append([]assess.ScaleScore{}, res.Composites...), res.Scales...) {
		want[c.ID] = c.Score
	}
	if len(s.Scales) != len(want) || s.Scales[0].Kind != "composite" || s.Scales[len(s.Scales)-1].Kind != "facet" {
		t.Errorf("%d scales (first %s, last %s), want %d composites then facets", len(s.Scales), s.Scales[0].Kind, s.Scales[len(s.Scales)-1].Kind, len(want))
	}
	for _, sc := range s.Scales {
		if w := want[sc.ID]; (w == nil) != (sc.Score == nil) || (w != nil && *w != *sc.Score) {
			t.Errorf("%s: %v, want %v", sc.ID, sc.Score, w)
		}
	}
	if got.ManagerRating.Questionnaire != "manager-rating" || got.ManagerRating.RatedBy == "" {
		t.Errorf("manager rating %+v", got.ManagerRating)
	}
	// Someone who has not answered: both null.
	resp, body = tw.f.apiRequest("GET", "/api/v1/people/"+tw.assessed[0].ID+"/profile", key, "")
	wantStatus(t, "profile without rating", resp, http.StatusOK, body)
	wantContains(t, "profile without rating", body, `"manager_rating":null`)
	// Another organisation's person is not found.
	resp, body = tw.f.apiRequest("GET", "/api/v1/people/"+tw.zed.ID+"/profile", key, "")
	wantStatus(t, "B's person", resp, http.StatusNotFound, body)
}

var pointLink = regexp.MustCompile(`<a class="point point-(candidate|staff)" href="/people/([^"]+)" aria-label="([^"]*)"`)

// The team page shows each assessed person once as a point and once in the
// table, with the same figures as assess; filters narrow both.
func TestTeamPage(t *testing.T) {
	tw := newTeamWorld(t)
	b := tw.f.browser().signIn(tw.f.mgrA)
	resp, body := b.get("/team")
	wantStatus(t, "team page", resp, http.StatusOK, body)
	if strings.Contains(body, "not built yet") || strings.Contains(body, "NaN") || strings.Contains(body, `<b>"Bold"`) {
		t.Error("the page is a placeholder, has NaN or an unescaped name")
	}
	wantContains(t, "team page", body, "<svg", "Ambidextrous", "Developing", "The default cut", "3.5", "4 people on the map.")
	links := pointLink.FindAllStringSubmatch(body, -1)
	a := usecases.UserActor(tw.f.adminA)
	var onMap []string
	for _, l := range links {
		onMap = append(onMap, l[2])
	}
	var want []string
	for _, p := range tw.assessed {
		want = append(want, p.ID)
		d, _ := tw.uc.Person(ctx, a, p.ID)
		res := d.Profile.Scored
		h, f := *compositeOf(res, "hunter"), *compositeOf(res, "farmer")
		label := fmt.Sprintf("%s, %s: hunter %.2f, farmer %.2f, %s", p.Name, p.Kind, h, f, res.Profile.Class)
		if res.Profile.Borderline {
			label += ", borderline"
		}
		for _, l := range links {
			if l[2] == p.ID && l[1] != string(p.Kind) {
				t.Errorf("%s drawn as %s", p.Name, l[1])
			}
			if l[2] == p.ID && l[3] != templateEscape(label) {
				t.Errorf("%s: point labelled %q, want %q", p.Name, l[3], templateEscape(label))
			}
		}
		// The table row: the name, then the two figures.
		row := fmt.Sprintf(`<td class="num" data-label="Hunter">%.2f</td>
    <td class="num" data-label="Farmer">%.2f</td>`, h, f)
		wantContains(t, "table row of "+p.Name, body, `<a href="/people/`+p.ID+`">`+templateEscape(p.Name)+`</a>`, row)
	}
	if !slices.Equal(onMap, want) {
		t.Errorf("points %v, want %v (each self-report once, no rating, no one from B)", onMap, want)
	}
	if strings.Contains(body, tw.zed.ID) || strings.Contains(body, "Zed") {
		t.Error("B's person is on A's team page")
	}

	resp, body = b.get("/team?kind=staff&job_title=Seller")
	wantStatus(t, "filtered", resp, http.StatusOK, body)
	if got := pointLink.FindAllStringSubmatch(body, -1); len(got) != 1 || got[0][2] != tw.assessed[1].ID {
		t.Errorf("staff sellers on the map: %v, want Bo Baker only", got)
	}
	wantContains(t, "filtered", body, `<option value="Seller" selected>`)

	// A title typed in another case filters alike and shows as chosen.
	resp, body = b.get("/team?job_title=+seller")
	wantStatus(t, "lower-case title", resp, http.StatusOK, body)
	if got := pointLink.FindAllStringSubmatch(body, -1); len(got) != 1 || got[0][2] != tw.assessed[1].ID {
		t.Errorf("sellers on the map: %v, want Bo Baker only", got)
	}
	wantContains(t, "lower-case title", body, `<option value="Seller" selected>`)

	wantContains(t, "one seller", body, "1 person on the map.")

	// B's manager sees B's one person; an organisation with nobody
	// assessed is told how people get onto the map.
	resp, body = tw.f.browser().signIn(tw.f.adminB).get("/team")
	wantStatus(t, "B's team page", resp, http.StatusOK, body)
	if got := pointLink.FindAllStringSubmatch(body, -1); len(got) != 1 || got[0][2] != tw.zed.ID {
		t.Errorf("B's map: %v, want Zed only", got)
	}
	resp, body = b.get("/team?kind=staff&job_title=Nobody")
	wantStatus(t, "no match", resp, http.StatusOK, body)
	wantContains(t, "no match", body, "Nobody with a profile matches these filters.")

	resp, body = b.get("/team?kind=boss")
	wantStatus(t, "bad kind", resp, http.StatusBadRequest, body)
	wantContains(t, "bad kind", body, "kind: must be candidate or staff")
}

func templateEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
