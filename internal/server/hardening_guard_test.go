package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"rolefit"
	"testing"
	"time"
)

// One respondent who keeps opening a page that does not exist, or a
// mistyped link, must not lock colleagues behind the same address out of
// their valid links; only unknown secrets count, and a known one is
// always served.
func TestTokenGuardCountsOnlyUnknownSecrets(t *testing.T) {
	f := sqliteFixture(t, Config{TokenGuess: 3})
	_, _, link := f.invited(t)
	_, _, other := f.invited(t)
	r := f.browser()
	for _, l := range []string{link, other} {
		r.get(l)
		if resp, body := r.post(l+"/consent", url.Values{"consent": {"yes"}}); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("consent: status %d\n%s", resp.StatusCode, body)
		}
	}
	// A valid link asking for a page that does not exist, many times.
	for range 10 {
		resp, body := r.get(link + "/page/100")
		wantStatus(t, "page 100 of a valid link", resp, http.StatusNotFound, body)
	}
	for i, path := range []string{"/i/guess-1", "/i/guess-2", "/i/guess-3"} {
		resp, body := r.get(path)
		wantStatus(t, "unknown link "+path, resp, http.StatusNotFound, body)
		if i == 0 {
			f.clock.Advance(2 * time.Minute)
		}
	}
	resp, body := r.get("/i/guess-4")
	wantStatus(t, "unknown link over the budget", resp, http.StatusTooManyRequests, body)
	// The window opened with the first unknown link, 2 minutes ago.
	if got := resp.Header.Get("Retry-After"); got != "180" {
		t.Errorf("Retry-After %q, want 180 (seconds left of the 5-minute window)", got)
	}
	for _, tc := range []struct {
		path string
		want int
	}{{link, http.StatusSeeOther}, {link + "/page/1", http.StatusOK}, {other + "/page/2", http.StatusOK}, {other + "/page/100", http.StatusNotFound}} {
		resp, body := r.get(tc.path)
		wantStatus(t, "valid link from an address over its budget: "+tc.path, resp, tc.want, body)
	}
	f.clock.Advance(3 * time.Minute)
	resp, body = r.get("/i/guess-5")
	wantStatus(t, "unknown link after the window", resp, http.StatusNotFound, body)
}

func TestKeyGuardCountsOnlyUnknownKeys(t *testing.T) {
	f := sqliteFixture(t, Config{TokenGuess: 2})
	_, good, err := f.st.Scope(f.orgA.ID).CreateAPIKey(ctx, "k", rolefit.ActorOf(f.adminA))
	if err != nil {
		t.Fatal(err)
	}
	// A valid key with bad requests, and requests without any key, are
	// not guesses.
	for range 5 {
		resp, body := f.apiRequest("GET", "/api/v1/people/nope", good, "")
		wantStatus(t, "unknown person with a valid key", resp, http.StatusNotFound, body)
		resp, body = f.apiRequest("GET", "/api/v1/me", "", "")
		wantStatus(t, "no key", resp, http.StatusUnauthorized, body)
	}
	for range 2 {
		resp, body := f.apiRequest("GET", "/api/v1/me", "rf_wrong", "")
		wantStatus(t, "wrong key", resp, http.StatusUnauthorized, body)
	}
	f.clock.Advance(time.Minute + 500*time.Millisecond)
	resp, body := f.apiRequest("GET", "/api/v1/me", "rf_wrong", "")
	wantStatus(t, "wrong key over the budget", resp, http.StatusTooManyRequests, body)
	if got := resp.Header.Get("Retry-After"); got != "240" {
		t.Errorf("Retry-After %q, want 240 (239.5 s left, rounded up)", got)
	}
	resp, body = f.apiRequest("GET", "/api/v1/me", good, "")
	wantStatus(t, "valid key from an address over its budget", resp, http.StatusOK, body)
}

// The guard's budget is per client address, and people behind one office
// address share it. So the budget spent by someone else's guessing never
// refuses a correct secret: a respondent's link and an integration's key
// go on working, reading and writing, from that address; only unknown
// secrets are refused there, and another address has its own budget.
func TestCorrectSecretsWorkFromAnAddressOverItsBudget(t *testing.T) {
	f := sqliteFixture(t, Config{TrustedProxies: []string{testPeer}, TokenGuess: 3})
	q := salesService(t)
	_, inv, link := f.invited(t)
	key := f.apiKeyA(t)
	office := map[string]string{"X-Forwarded-For": "203.0.113.7"}
	guesser, respondent := f.browser(), f.browser()
	api := func(path, k string, hdr map[string]string) (*http.Response, string) {
		t.Helper()
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Authorization", "Bearer "+k)
		for h, v := range hdr {
			req.Header.Set(h, v)
		}
		resp, err := f.app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(b)
	}
	// Someone in the office spends both budgets.
	for i := range 3 {
		resp, body := guesser.withHeaders("GET", fmt.Sprintf("/i/guess-%d", i), nil, office)
		wantStatus(t, "an unknown link", resp, http.StatusNotFound, body)
		resp, body = api("/api/v1/me", fmt.Sprintf("rf_guess%d", i), office)
		wantStatus(t, "an unknown key", resp, http.StatusUnauthorized, body)
	}
	resp, body := guesser.withHeaders("GET", "/i/guess-4", nil, office)
	wantStatus(t, "an unknown link over the budget", resp, http.StatusTooManyRequests, body)
	resp, body = api("/api/v1/me", "rf_guess4", office)
	wantStatus(t, "an unknown key over the budget", resp, http.StatusTooManyRequests, body)

	// A respondent in the same office answers and submits the whole
	// questionnaire.
	resp, body = respondent.withHeaders("GET", link, nil, office)
	wantStatus(t, "the welcome page", resp, http.StatusOK, body)
	resp, body = respondent.withHeaders("POST", link+"/consent", url.Values{"consent": {"yes"}}, office)
	wantStatus(t, "consent", resp, http.StatusSeeOther, body)
	for p := range q.Pages {
		form := pageAnswers(q, p)
		form.Set("action", "next")
		resp, body = respondent.withHeaders("POST", fmt.Sprintf("%s/page/%d", link, p+1), form, office)
		wantStatus(t, fmt.Sprintf("page %d", p+1), resp, http.StatusSeeOther, body)
	}
	resp, body = respondent.withHeaders("POST", link+"/submit", nil, office)
	wantStatus(t, "submit", resp, http.StatusSeeOther, body)
	if got, _ := f.st.Scope(f.orgA.ID).Invitation(ctx, inv.ID); got.Status != rolefit.InvitationSubmitted {
		t.Errorf("the invitation is %s after submitting from the office, want submitted", got.Status)
	}
	// The integration's key works there too; elsewhere, guesses are free.
	resp, body = api("/api/v1/people", key, office)
	wantStatus(t, "a correct key from the office", resp, http.StatusOK, body)
	resp, body = api("/api/v1/me", "rf_guess5", map[string]string{"X-Forwarded-For": "198.51.100.9"})
	wantStatus(t, "an unknown key from another address", resp, http.StatusUnauthorized, body)
}
