package server

import (
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"testing"

	"rolefit/internal/demo"
	"rolefit/internal/store/storetest"
)

// demoFixture is the app on a database holding the demo organisation,
// and a browser signed in as its manager.
func demoFixture(t *testing.T) (*fixture, *browser) {
	t.Helper()
	clock := storetest.NewClock(testStart)
	st := storetest.SQLite(t, clock)
	if _, _, err := demo.Seed(ctx, st, testCatalog(t)); err != nil {
		t.Fatal(err)
	}
	a, err := New(Config{Now: clock.Now}, useCases(t, st, clock, nil, ""), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, app: a, st: st, clock: clock}
	b := f.browser()
	b.get("/login")
	resp, body := b.post("/login", url.Values{"email": {demo.Manager.Email}, "password": {demo.Manager.Password}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("demo manager cannot sign in: %d\n%s", resp.StatusCode, body)
	}
	b.get("/")
	return f, b
}

// TestDemoCostsPages checks what the "done" asks of the demo: a
// manager opens Costs and sees the founding case in the demo team's own
// figures, the month dedicated service pulls ahead and the star seller's
// exposure; Placement recommends hiring a candidate for customer success
// with its payback.
func TestDemoCostsPages(t *testing.T) {
	_, b := demoFixture(t)
	resp, body := b.get("/costs")
	wantStatus(t, "costs", resp, http.StatusOK, body)
	wantContains(t, "costs", body, "Default from Dana Diaz&#39;s records, their last 12 recorded months", "Dana Diaz: hiring service pulls ahead", "Dana Diaz spends <strong>", "Customer success compensation plan&#39;s loaded monthly cost",
		`<dd><strong>in month `, "Key-person exposure", "Dana Diaz <span class=\"small muted says\">(12 months recorded)</span>")
	if m := regexp.MustCompile(`Dana Diaz <span class="small muted says">\(12 months recorded\)</span></th>\s*<td[^>]*>[^<]*</td>\s*<td[^>]*><span class="share-bar"><meter[^>]*></meter> <strong>(\d+)%</strong>`).
		FindStringSubmatch(body); m == nil || atoi(m[1]) < 50 || atoi(m[1]) > 69 {
		t.Errorf("Dana's share on the Costs page: %v, want about 60%%", m)
	}
	resp, body = b.get("/placement")
	wantStatus(t, "placement", resp, http.StatusOK, body)
	wantContains(t, "placement", body, "from its compensation plan, loaded", "(total cost of a hire)")
	// A candidate in the customer success group, with a payback.
	group := regexp.MustCompile(`(?s)<h3>Customer success</h3>(.*?)</section>`).FindStringSubmatch(body)
	if group == nil || !regexp.MustCompile(`(?s)<span class="tag">candidate</span>.*?pays back in [0-9.]+ months`).MatchString(group[1]) {
		t.Error("the placement does not recommend hiring a candidate for customer success with its payback")
	}
	resp, body = b.get("/costs/plans")
	wantStatus(t, "plans", resp, http.StatusOK, body)
	wantContains(t, "plans", body, "$13,500", "$8,875", "$6,750")
	resp, body = b.get("/costs/hiring")
	wantStatus(t, "hiring", resp, http.StatusOK, body)
	wantContains(t, "hiring", body, "two hires for the growing book", "<strong>$3,000</strong>")
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
