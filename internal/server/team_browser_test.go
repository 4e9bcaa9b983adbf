package server

import (
	"fmt"
	"math/rand/v2"
	"rolefit"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	usecases "rolefit/internal/app"
	"rolefit/internal/assess"
)

// growTeam adds n more assessed people to organisation A, a third of them
// staff, and then has the first ten answer again once the organisation's
// reliabilities are known, so their profiles have bands and some are
// borderline.
func (tw *teamWorld) growTeam(t *testing.T, n int) {
	t.Helper()
	a := usecases.UserActor(tw.f.adminA)
	q, _ := testCatalog(t).Latest("sales-service")
	rng := rand.New(rand.NewPCG(5, 6))
	titles := []string{"Account manager", "Seller", "Sales lead"}
	answer := func(p *rolefit.Person) {
		t.Helper()
		ans := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers
		if _, err := tw.uc.RecordResponse(ctx, a, usecases.RecordInput{PersonID: p.ID, Questionnaire: q.ID, Answers: ans}); err != nil {
			t.Fatal(err)
		}
	}
	var added []*rolefit.Person
	for i := range n {
		np := rolefit.NewPerson{Name: fmt.Sprintf("Member %02d", i+1), Kind: rolefit.Candidate}
		if i%3 == 0 {
			np.Kind, np.JobTitle = rolefit.Staff, titles[(i/3)%len(titles)]
		}
		tw.f.clock.Advance(time.Second)
		p, err := tw.uc.AddPerson(ctx, a, np)
		if err != nil {
			t.Fatal(err)
		}
		answer(p)
		added = append(added, p)
	}
	tw.f.clock.Advance(2 * time.Minute)
	for _, p := range added[:min(10, len(added))] {
		tw.f.clock.Advance(time.Second)
		answer(p)
	}
}

// TestTeamPageInBrowser opens the team map on a laptop and on a phone: the
// map is drawn at a readable size (never narrower than its own width, so
// its text is 12 px and its tap targets 44), the page fits the phone, the
// map scrolling sideways within it where it is wider, a point leads to
// the person's profile, and axe-core finds nothing serious.
func TestTeamPageInBrowser(t *testing.T) {
	axe := axeScript(t)
	tw := newTeamWorld(t)
	tw.growTeam(t, 32)
	base := listenForBrowser(t, tw.f)
	chromium := startChromium(t)

	m := openTab(t, chromium, "manager's laptop", tabOptions{})
	m.do("use a 1280 by 800 screen", chromedp.EmulateViewport(1280, 800))
	signInManager(m, base, tw.f.mgrA)
	m.goTo(base + "/team")
	if n, want := m.count("svg.team-map a.point"), 4+32; n != want {
		t.Errorf("%d points on the map, want %d", n, want)
	}
	if w := evalIn[float64](m, `document.querySelector('svg.team-map').getBoundingClientRect().width`); w < 400 {
		t.Errorf("the map is %.0f px wide on a laptop", w)
	}
	checkMapInBrowser(t, "laptop", readMapInBrowser(m))
	if m.count("svg.team-map .ring") == 0 {
		t.Error("no borderline point is marked")
	}
	m.checkAccessibility(axe, "team page on a laptop")
	m.screenshot("team-laptop")

	m.goTo(base + "/team?kind=staff")
	m.checkAccessibility(axe, "team page, staff only")
	m.screenshot("team-laptop-staff")

	p := openTab(t, chromium, "manager's phone", tabOptions{phone: true})
	signInManager(p, base, tw.f.mgrA)
	p.goTo(base + "/team")
	if w := evalIn[float64](p, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the page is %.0f px wide on a 390 px phone", w)
	}
	checkMapInBrowser(t, "phone", readMapInBrowser(p))
	p.checkAccessibility(axe, "team page on a phone")
	p.screenshot("team-phone")
	// A point leads to the person's profile.
	p.goTo(base + "/team?kind=staff&job_title=Seller")
	p.press(`svg.team-map g.hits a[href="/people/` + tw.assessed[1].ID + `"] rect`)
	p.wantPath("a point opens the person", "/people/"+tw.assessed[1].ID)
}
