package server

import (
	"html"
	"math"
	"net/http"
	"regexp"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/demo"
)

var (
	splitCostRE     = regexp.MustCompile(`class="split-cost">([^<]+)<`)
	exposureSplitRE = regexp.MustCompile(`(?s)<th scope="row">Dana Diaz <span[^>]*>.*?class="num exposure-split"[^>]*><a [^>]*>([^<]+)</a>`)
	hrefRE          = regexp.MustCompile(`<a href="([^"]+)">Month by month on Costs</a>`)
)

// demoAPIKey is an API key of the demo organisation, made by its manager.
func demoAPIKey(t *testing.T, f *fixture) (string, app.Actor) {
	t.Helper()
	u, err := f.st.Authenticate(ctx, demo.Manager.Email, demo.Manager.Password)
	if err != nil {
		t.Fatal(err)
	}
	_, key, err := f.st.Scope(u.OrgID).CreateAPIKey(ctx, "story", rolefit.ActorOf(u))
	if err != nil {
		t.Fatal(err)
	}
	return key, app.UserActor(u)
}

// The cost of the star seller's split is worked out once and shown the
// same, to the cent, on Home, her page, Costs (its split and the exposure
// table), Move, and the API's split, move and exposure; a manager reaches
// it, its month-by-month consequence and the recommended hire from Home
// by following links.
func TestOneFigureForTheStarsSplit(t *testing.T) {
	f, b := demoFixture(t)
	key, act := demoAPIKey(t, f)
	uc := useCases(t, f.st, f.clock, nil, "")
	ex, err := uc.Exposure(ctx, act)
	if err != nil || len(ex.Sellers) == 0 {
		t.Fatalf("exposure: %v", err)
	}
	star := ex.Sellers[0]
	sv, err := uc.PersonSplit(ctx, act, star.ID)
	if err != nil || sv == nil {
		t.Fatalf("%s's split: %v", star.Name, err)
	}
	if star.Name != "Dana Diaz" || sv.CostAMonth <= 0 {
		t.Fatalf("the star is %s with a split of %.2f a month, want Dana Diaz with a cost", star.Name, sv.CostAMonth)
	}
	want := moneyIn("USD").Cents(sv.CostAMonth)
	cents := math.Round(100 * sv.CostAMonth)
	t.Logf("%s's split costs %s a month", star.Name, want)

	// Home, following its links to Costs and Placement.
	resp, home := b.get("/")
	wantStatus(t, "home", resp, http.StatusOK, home)
	pages := map[string]string{"home": home}
	link := hrefRE.FindStringSubmatch(home)
	if link == nil {
		t.Fatal("Home has no link to the split's month by month on Costs")
	}
	resp, costs := b.get(html.UnescapeString(link[1]))
	wantStatus(t, "costs from home", resp, http.StatusOK, costs)
	pages["costs"] = costs
	wantContains(t, "costs from home", costs, "Dana Diaz: hiring service pulls ahead", "<dd><strong>in month ")
	for name, path := range map[string]string{"her page": "/people/" + star.ID, "move": "/costs/move?person=" + star.ID, "costs, default": "/costs"} {
		resp, body := b.get(path)
		wantStatus(t, name, resp, http.StatusOK, body)
		pages[name] = body
	}
	for name, body := range pages {
		got := splitCostRE.FindAllStringSubmatch(body, -1)
		if len(got) != 1 || html.UnescapeString(got[0][1]) != want {
			t.Errorf("%s shows the split as %v, want %s once", name, got, want)
		}
	}
	wantContains(t, "her page", pages["her page"], `href="/team?person=`+star.ID+`"`)
	if got := exposureSplitRE.FindStringSubmatch(costs); got == nil || html.UnescapeString(got[1]) != want {
		t.Errorf("the exposure table shows %s's split as %v, want %s", star.Name, got, want)
	}

	// The API.
	apiCents := func(path, field string, pick func(map[string]any) any) {
		t.Helper()
		resp, body := f.apiRequest("GET", path, key, "")
		wantStatus(t, path, resp, http.StatusOK, body)
		v, ok := pick(decode[map[string]any](t, body)).(map[string]any)
		if !ok {
			t.Errorf("%s: no object holding %s in %s", path, field, body)
			return
		}
		if got, ok := v[field].(float64); !ok || math.Round(100*got) != cents {
			t.Errorf("%s: %s = %v, want %.2f", path, field, v[field], cents/100)
		}
	}
	self := func(m map[string]any) any { return m }
	apiCents("/api/v1/people/"+star.ID+"/split", "cost_a_month", self)
	apiCents("/api/v1/people/"+star.ID+"/move", "cost_a_month", self)
	apiCents("/api/v1/exposure", "split_cost_a_month", func(m map[string]any) any {
		items, _ := m["sellers"].([]any)
		for _, it := range items {
			if o, ok := it.(map[string]any); ok && o["person_id"] == star.ID {
				return o
			}
		}
		return nil
	})

	// Placement, from Home's changes: the recommended hire is there.
	resp, placementPage := b.get("/placement")
	wantStatus(t, "placement", resp, http.StatusOK, placementPage)
	if !strings.Contains(home, `href="/placement"`) {
		t.Error("Home does not lead to Placement")
	}
	tp, err := uc.Placement(ctx, act, nil)
	if err != nil || tp.Plan == nil {
		t.Fatalf("placement: %v", err)
	}
	hires := 0
	for _, pl := range tp.Plan.People {
		if pl.Kind == "candidate" && pl.RoleID != "" {
			hires++
			if !strings.Contains(home, ">"+pl.Name+"</a> for "+tp.RoleName(pl.RoleID)) {
				t.Errorf("Home does not recommend hiring %s for %s", pl.Name, tp.RoleName(pl.RoleID))
			}
		}
	}
	if hires == 0 {
		t.Error("the demo's placement hires nobody")
	}
}

// The demo's roles take their baselines from the team's records, and
// the roles API and page say so; a candidate's recommended role is the
// one the Placement page gives them.
func TestDemoOneRuler(t *testing.T) {
	f, b := demoFixture(t)
	key, act := demoAPIKey(t, f)
	resp, body := f.apiRequest("GET", "/api/v1/roles", key, "")
	wantStatus(t, "roles", resp, http.StatusOK, body)
	roles := decode[listResponse[apiRole]](t, body).Items
	if len(roles) != 3 {
		t.Fatalf("%d demo roles, want 3", len(roles))
	}
	for _, r := range roles {
		if r.RateSource != "records" || r.ObservedRate == nil || *r.ObservedRate <= 0 || r.CostSource != "plan" || r.CostAMonth != r.MonthlyCost {
			t.Errorf("%s: rate from %s (%v), cost %.2f from %s against %.2f entered; want both from the records and the plan, agreeing",
				r.Name, r.RateSource, r.ObservedRate, r.CostAMonth, r.CostSource, r.MonthlyCost)
		}
	}
	_, page := b.get("/settings/roles")
	wantContains(t, "roles page", page, "from records: the median of 3 staff", "its compensation plan&#39;s loaded cost")

	uc := useCases(t, f.st, f.clock, nil, "")
	tp, err := uc.Placement(ctx, act, nil)
	if err != nil || tp.Plan == nil {
		t.Fatalf("placement: %v", err)
	}
	candidates := 0
	for _, pl := range tp.Plan.People {
		if pl.Kind != "candidate" {
			continue
		}
		candidates++
		resp, body := f.apiRequest("GET", "/api/v1/people/"+pl.PersonID+"/fit", key, "")
		wantStatus(t, "fit of "+pl.Name, resp, http.StatusOK, body)
		if got := decode[apiFit](t, body); got.RecommendedRoleID != pl.RoleID {
			t.Errorf("%s: the fit recommends %q, Placement %q", pl.Name, got.RecommendedRoleID, pl.RoleID)
		}
	}
	if candidates == 0 {
		t.Error("no demo candidate is placed or considered")
	}
}

// The demo's careless candidates get no money figure, on their page, in
// the fit API or in Placement, until a manager has looked at their
// answers; then they get one, and Placement considers them.
func TestCarelessAnswersWaitForALook(t *testing.T) {
	f, b := demoFixture(t)
	key, act := demoAPIKey(t, f)
	resp, body := f.apiRequest("GET", "/api/v1/placement", key, "")
	wantStatus(t, "placement", resp, http.StatusOK, body)
	awaiting := decode[apiPlacement](t, body).AwaitingLook
	names := map[string]string{}
	for _, p := range awaiting {
		names[p.Name] = p.PersonID
	}
	ines := names["Ines Duarte"]
	if ines == "" {
		t.Fatalf("awaiting a look: %+v, want Ines Duarte, the demo's straight-liner, among them", awaiting)
	}
	fitSection := regexp.MustCompile(`(?s)<section class="card fit".*?</section>`)
	check := func(when string, wantAwaits bool) {
		t.Helper()
		resp, body := f.apiRequest("GET", "/api/v1/people/"+ines+"/fit", key, "")
		wantStatus(t, "fit "+when, resp, http.StatusOK, body)
		fit := decode[apiFit](t, body)
		valued := 0
		for _, r := range fit.Roles {
			if r.Valuation != nil {
				valued++
			}
		}
		if fit.AwaitsLook != wantAwaits || (valued == 0) != wantAwaits || len(fit.Roles) == 0 {
			t.Errorf("fit %s: awaits a look %v with %d of %d roles valued, want awaiting %v", when, fit.AwaitsLook, valued, len(fit.Roles), wantAwaits)
		}
		_, page := b.get("/people/" + ines)
		sec := fitSection.FindString(page)
		if sec == "" {
			t.Fatalf("%s: Ines's page has no fit section", when)
		}
		if hasMoney := strings.Contains(sec, "$"); hasMoney == wantAwaits {
			t.Errorf("%s: the fit section shows money: %v, want %v", when, hasMoney, !wantAwaits)
		}
		if asks := strings.Contains(sec, "I have looked at the answers"); asks != wantAwaits {
			t.Errorf("%s: the fit section asks for a look: %v, want %v", when, asks, wantAwaits)
		}
		_, page = b.get("/placement")
		if named := strings.Contains(page, `#fit">Ines Duarte</a>`); named != wantAwaits {
			t.Errorf("%s: Placement names Ines as awaiting a look: %v, want %v", when, named, wantAwaits)
		}
	}
	check("before the look", true)
	resp, body = b.post("/people/"+ines+"/looked-at", nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("looked at: %d %s", resp.StatusCode, body)
	}
	check("after the look", false)
	uc := useCases(t, f.st, f.clock, nil, "")
	tp, err := uc.Placement(ctx, act, nil)
	if err != nil || tp.Plan == nil {
		t.Fatalf("placement: %v", err)
	}
	considered := false
	for _, pl := range tp.Plan.People {
		considered = considered || pl.PersonID == ines
	}
	if !considered {
		t.Error("after the look, Placement still leaves Ines out")
	}
}
