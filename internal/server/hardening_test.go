package server

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"rolefit"
	"strings"
	"testing"
	"time"
)

// In app.Test every request comes from 0.0.0.0, which the tests below
// trust as a proxy or not.
const testPeer = "0.0.0.0"

// withHeaders sends a request with extra headers through the browser.
func (b *browser) withHeaders(method, path string, form url.Values, hdr map[string]string) (*http.Response, string) {
	b.f.t.Helper()
	var req *http.Request
	if method == http.MethodPost {
		if form == nil {
			form = url.Values{}
		}
		if _, ok := form["_csrf"]; !ok {
			form.Set("_csrf", b.csrf)
		}
		req = httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, path, nil)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return b.do(req)
}

func TestForwardedFor(t *testing.T) {
	ps, err := parseProxies([]string{"10.0.0.0/8", "192.0.2.1", "fd00::/8"})
	if err != nil {
		t.Fatal(err)
	}
	peer := netip.MustParseAddr("10.0.0.1")
	for _, tc := range []struct{ header, want string }{
		{"203.0.113.5", "203.0.113.5"},
		{"1.1.1.1, 203.0.113.5", "203.0.113.5"},                 // the client wrote 1.1.1.1 itself
		{"1.1.1.1,203.0.113.5,10.0.0.2", "203.0.113.5"},         // two trusted hops
		{"203.0.113.5, 192.0.2.1, 10.0.0.2", "203.0.113.5"},     // a single trusted address
		{"10.0.0.3, 10.0.0.2", "10.0.0.3"},                      // all trusted: the left-most
		{"not-an-ip, 10.0.0.2", "10.0.0.2"},                     // garbage ends the walk
		{"203.0.113.5, not-an-ip", "10.0.0.1"},                  // the nearest hop wrote garbage: the peer
		{"", "10.0.0.1"},                                        // nothing forwarded
		{"[2001:db8::1]:443, fd00::2", "2001:db8::1"},           // with a port, and IPv6 proxies
		{"::ffff:203.0.113.5", "203.0.113.5"},                   // IPv4 written as IPv6
		{"203.0.113.5, ::ffff:10.0.0.2", "203.0.113.5"},         // a mapped proxy address is still trusted
		{" 198.51.100.1 ,  203.0.113.5 ", "203.0.113.5"},        // spaces
		{"2001:db8::7, 203.0.113.5, 10.9.9.9", "203.0.113.5"},   // mixed families
		{"203.0.113.5, 198.51.100.9, 10.0.0.2", "198.51.100.9"}, // an untrusted hop is the client
	} {
		if got := ps.forwardedFor(peer, tc.header).String(); got != tc.want {
			t.Errorf("X-Forwarded-For %q: got %s, want %s", tc.header, got, tc.want)
		}
	}
	if _, err := parseProxies([]string{"10.0.0.0/33"}); err == nil {
		t.Error("parseProxies accepted 10.0.0.0/33")
	}
	if _, err := parseProxies([]string{"proxy.example"}); err == nil {
		t.Error("parseProxies accepted a host name")
	}
}

// A client behind a trusted proxy that writes its own X-Forwarded-For
// entries is still one client to the sign-in limit.
func TestSignInLimitBehindProxyIgnoresWhatTheClientWrites(t *testing.T) {
	f := sqliteFixture(t, Config{TrustedProxies: []string{testPeer}, LoginLimit: 3, LoginWindow: 5 * time.Minute})
	b := f.browser()
	b.get("/login")
	xff := func(fake string) map[string]string {
		return map[string]string{"X-Forwarded-For": fake + ", 198.51.100.7"}
	}
	for i := range 3 {
		resp, body := b.withHeaders("POST", "/login", url.Values{"email": {"ada@acme.example"}, "password": {"wrong guess"}}, xff("203.0.113."+string(rune('1'+i))))
		wantStatus(t, "failed attempt", resp, http.StatusUnauthorized, body)
	}
	resp, body := b.withHeaders("POST", "/login", url.Values{"email": {"ada@acme.example"}, "password": {"wrong guess"}}, xff("203.0.113.99"))
	wantStatus(t, "fourth attempt with yet another made-up address", resp, http.StatusTooManyRequests, body)
	// Fiber's limiter counts its own window in real time: what is left of
	// five minutes, not a fixed minute.
	if ra := resp.Header.Get("Retry-After"); ra == "" || ra == "60" || len(ra) != 3 {
		t.Errorf("Retry-After %q, want the seconds left of the 5-minute window", ra)
	}
	// Another client behind the same proxy is not limited.
	resp, body = b.withHeaders("POST", "/login", url.Values{"email": {"ada@acme.example"}, "password": {"wrong guess"}},
		map[string]string{"X-Forwarded-For": "198.51.100.8"})
	wantStatus(t, "another client", resp, http.StatusUnauthorized, body)
}

func TestAccessLogNamesTheClientBehindProxy(t *testing.T) {
	var logs bytes.Buffer
	clock := newClock()
	st := openSQLite(t, clock)
	app, err := New(Config{Now: clock.Now, TrustedProxies: []string{testPeer}}, useCases(t, st, clock, nil, ""),
		slog.New(slog.NewJSONHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/login", nil)
	req.Header.Set("X-Forwarded-For", "6.6.6.6, 198.51.100.7")
	if _, err := app.Test(req, -1); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), `"ip":"198.51.100.7"`) {
		t.Errorf("access log does not name the client 198.51.100.7:\n%s", logs.String())
	}
}

// X-Forwarded-Proto makes cookies Secure and turns HSTS on only when it
// comes from a trusted proxy.
func TestForwardedProtoIsBelievedOnlyFromTrustedProxies(t *testing.T) {
	for _, tc := range []struct {
		name    string
		proxies []string
		proto   string
		https   bool
	}{
		{"no proxies configured", nil, "https", false},
		{"peer is not a trusted proxy", []string{"10.0.0.1"}, "https", false},
		{"trusted proxy says https", []string{testPeer}, "https", true},
		{"trusted proxy says HTTPS", []string{testPeer}, "HTTPS", true},
		{"trusted proxy says http", []string{testPeer}, "http", false},
		{"nearest of two proxies says http", []string{testPeer}, "https, http", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := sqliteFixture(t, Config{TrustedProxies: tc.proxies})
			req := httptest.NewRequest("GET", "/login", nil)
			req.Header.Set("X-Forwarded-Proto", tc.proto)
			resp, err := f.app.Test(req, -1)
			if err != nil {
				t.Fatal(err)
			}
			if got := resp.Header.Get("Strict-Transport-Security") != ""; got != tc.https {
				t.Errorf("HSTS sent: %v, want %v", got, tc.https)
			}
			cookies := resp.Cookies()
			if len(cookies) == 0 {
				t.Fatal("the sign-in page set no cookie")
			}
			for _, c := range cookies {
				if c.Secure != tc.https {
					t.Errorf("cookie %s Secure: %v, want %v", c.Name, c.Secure, tc.https)
				}
			}
		})
	}
}

// Every answer that is not a static asset may hold personal data and must
// not be stored by a browser or proxy.
func TestNoStoreOnEverythingButStaticAssets(t *testing.T) {
	f := sqliteFixture(t, Config{})
	_, key, err := f.st.Scope(f.orgA.ID).CreateAPIKey(ctx, "k", rolefit.ActorOf(f.adminA))
	if err != nil {
		t.Fatal(err)
	}
	_, _, link := f.invited(t)
	b := f.browser().signIn(f.mgrA)
	check := func(what string, resp *http.Response, want string) {
		t.Helper()
		if got := resp.Header.Get("Cache-Control"); got != want {
			t.Errorf("%s: Cache-Control %q, want %q", what, got, want)
		}
	}
	for _, path := range []string{"/", "/people", "/settings", link, "/healthz"} {
		resp, _ := b.get(path)
		check(path, resp, "no-store")
	}
	resp, _ := f.browser().get("/login")
	check("/login", resp, "no-store")
	resp, _ = f.apiRequest("GET", "/api/v1/me", key, "")
	check("/api/v1/me", resp, "no-store")
	resp, _ = f.apiRequest("GET", "/api/v1/people", key, "")
	check("/api/v1/people", resp, "no-store")
	resp, _ = b.get("/static/style.css")
	if got := resp.Header.Get("Cache-Control"); got == "no-store" || !strings.Contains(got, "max-age") {
		t.Errorf("static asset: Cache-Control %q, want it cacheable", got)
	}
}

// Two X-Forwarded-For lines are one list, the second line's entries the
// nearer ones.
func TestForwardedForOverSeveralLines(t *testing.T) {
	var logs bytes.Buffer
	clock := newClock()
	st := openSQLite(t, clock)
	app, err := New(Config{Now: clock.Now, TrustedProxies: []string{testPeer, "10.0.0.0/8"}}, useCases(t, st, clock, nil, ""),
		slog.New(slog.NewJSONHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/login", nil)
	req.Header.Add("X-Forwarded-For", "6.6.6.6")
	req.Header.Add("X-Forwarded-For", "198.51.100.7, 10.0.0.9")
	if _, err := app.Test(req, -1); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), `"ip":"198.51.100.7"`) {
		t.Errorf("access log does not name the client 198.51.100.7:\n%s", logs.String())
	}
}
