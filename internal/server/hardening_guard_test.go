package server

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"rolefit/internal/store"
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
	_, good, err := f.st.Org(f.orgA.ID).CreateAPIKey(ctx, "k", store.ActorOf(f.adminA))
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
