package outbound

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeDNS answers lookups from a table that a test changes as it goes,
// as a name's DNS records can change between the moment an address is
// saved and the moment a request is sent to it.
type fakeDNS struct {
	mu  sync.Mutex
	ips map[string][]string
}

func (d *fakeDNS) set(host string, ips ...string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.ips == nil {
		d.ips = map[string][]string{}
	}
	d.ips[host] = ips
}

func (d *fakeDNS) LookupIPAddr(_ context.Context, host string) ([]net.IPAddr, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	ips, ok := d.ips[host]
	if !ok {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	var out []net.IPAddr
	for _, s := range ips {
		out = append(out, net.IPAddr{IP: net.ParseIP(s)})
	}
	return out, nil
}

func TestBlocked(t *testing.T) {
	for _, c := range []struct {
		ip      string
		blocked bool
	}{
		{"93.184.215.14", false}, {"8.8.8.8", false}, {"2606:4700:4700::1111", false},
		{"127.0.0.1", true}, {"127.255.0.9", true}, {"::1", true},
		{"10.1.2.3", true}, {"172.16.0.1", true}, {"172.31.255.255", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, // cloud metadata
		{"fd00:ec2::254", true},   // AWS's metadata over IPv6
		{"fe80::1", true}, {"fc00::1", true},
		{"0.0.0.0", true}, {"::", true}, {"100.64.0.1", true}, {"224.0.0.1", true}, {"255.255.255.255", true},
		{"::ffff:127.0.0.1", true}, {"::ffff:10.0.0.1", true}, {"64:ff9b::a00:1", true}, {"2002:7f00:1::", true},
		{"192.0.2.10", true}, {"198.18.0.1", true},
		{"172.32.0.1", false}, {"11.0.0.1", false},
	} {
		got := Blocked(netip.MustParseAddr(c.ip)) != ""
		if got != c.blocked {
			t.Errorf("%s: blocked %v, want %v (%s)", c.ip, got, c.blocked, Blocked(netip.MustParseAddr(c.ip)))
		}
	}
}

func TestCheckURL(t *testing.T) {
	dns := &fakeDNS{}
	dns.set("hooks.example.com", "93.184.215.14")
	dns.set("inside.example.com", "10.0.0.7")
	dns.set("both.example.com", "93.184.215.14", "127.0.0.1")
	dns.set("metadata.example.com", "169.254.169.254")
	g := Guard{Resolver: dns}
	for _, c := range []struct {
		url  string
		want string // "" for accepted
	}{
		{"https://hooks.example.com/rolefit", ""},
		{"https://hooks.example.com:8443/rolefit?x=1", ""},
		{"https://93.184.215.14/hook", ""},
		{"http://hooks.example.com/rolefit", "must start with https://"},
		{"ftp://hooks.example.com/", "must start with https://"},
		{"hooks.example.com/rolefit", "not an absolute address"},
		{"https://user:pw@hooks.example.com/", "user name or password"},
		{"https://inside.example.com/", "resolves to 10.0.0.7, which is a private address"},
		{"https://both.example.com/", "resolves to 127.0.0.1, which is a loopback address"},
		{"https://metadata.example.com/", "169.254.169.254, which is a link-local address"},
		{"https://127.0.0.1/", "127.0.0.1 is a loopback address"},
		{"https://[::1]:8080/", "::1 is a loopback address"},
		{"https://169.254.169.254/latest/meta-data/", "link-local"},
		{"https://nowhere.example.com/", "could not be found: no such host"},
	} {
		_, err := g.CheckURL(context.Background(), c.url)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: refused: %v", c.url, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v, want an error with %q", c.url, err, c.want)
		}
	}
	// With private addresses allowed, plain HTTP and any address pass.
	open := Guard{AllowPrivate: true, Resolver: dns}
	for _, u := range []string{"http://127.0.0.1:9/", "http://inside.example.com/", "https://[::1]/"} {
		if _, err := open.CheckURL(context.Background(), u); err != nil {
			t.Errorf("%s with private addresses allowed: %v", u, err)
		}
	}
}

// TestDNSAnswersThatChangeAreCheckedOnEveryConnection: a name that
// resolved to a public address when it was saved, and to a private one
// when the request is sent (DNS rebinding), is refused before anything
// connects; the check is made on the address actually dialled.
func TestDNSAnswersThatChangeAreCheckedOnEveryConnection(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	dns := &fakeDNS{}
	dns.set("hooks.example.com", "93.184.215.14")
	g := Guard{Resolver: dns}
	target := "https://hooks.example.com:" + port + "/rolefit"
	if _, err := g.CheckURL(context.Background(), target); err != nil {
		t.Fatalf("saved with a public address: %v", err)
	}
	dns.set("hooks.example.com", "127.0.0.1") // the record changes
	c := NewClient(g)
	_, err := c.Do(context.Background(), http.MethodPost, target, nil, []byte("{}"))
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1, which is a loopback address") {
		t.Errorf("after the record changed: got %v, want the loopback address refused", err)
	}
	// A name that answers public first and private next, within one
	// request: the dialer resolves again and refuses.
	dns.set("hooks.example.com", "93.184.215.14")
	flip := &flipDNS{first: "93.184.215.14", then: "127.0.0.1"}
	c = NewClient(Guard{Resolver: flip})
	_, err = c.Do(context.Background(), http.MethodPost, target, nil, []byte("{}"))
	if err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("a record that changes between the check and the connection: got %v", err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the receiver on the private address got %d requests, want none", n)
	}
	// The control hook refuses a private address however it is dialled.
	if err := (Guard{}).control("tcp", "127.0.0.1:443", nil); err == nil {
		t.Error("the dialer's control let a loopback address through")
	}
	if err := (Guard{}).control("tcp", "93.184.215.14:443", nil); err != nil {
		t.Errorf("the dialer's control refused a public address: %v", err)
	}
}

// flipDNS answers first to its first lookup and then to every later one.
type flipDNS struct {
	mu          sync.Mutex
	n           int
	first, then string
}

func (d *flipDNS) LookupIPAddr(context.Context, string) ([]net.IPAddr, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.n++
	ip := d.then
	if d.n == 1 {
		ip = d.first
	}
	return []net.IPAddr{{IP: net.ParseIP(ip)}}, nil
}

func TestClientFollowsNoRedirectAndUsesNoProxy(t *testing.T) {
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { elsewhere.Add(1) }))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL, http.StatusFound)
	}))
	defer srv.Close()
	t.Setenv("HTTPS_PROXY", "http://127.0.0.1:1")
	t.Setenv("HTTP_PROXY", "http://127.0.0.1:1")
	c := NewClient(Guard{AllowPrivate: true})
	a, err := c.Do(context.Background(), http.MethodPost, srv.URL, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != http.StatusFound || elsewhere.Load() != 0 {
		t.Errorf("status %d, the redirect's target got %d requests; want 302 and none", a.Status, elsewhere.Load())
	}
}

func TestClientTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	defer srv.Close()
	defer close(release)
	c := NewClient(Guard{AllowPrivate: true})
	if c.http.Timeout != Timeout || Timeout != 15*time.Second {
		t.Fatalf("timeout %v, want 15s", c.http.Timeout)
	}
	c.http.Timeout = 100 * time.Millisecond // the same mechanism, quicker
	start := time.Now()
	_, err := c.Do(context.Background(), http.MethodPost, srv.URL, nil, nil)
	if err == nil || time.Since(start) > 5*time.Second {
		t.Errorf("got %v after %v, want a timeout", err, time.Since(start))
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		v    string
		want time.Duration
	}{
		{"", 0}, {"120", 2 * time.Minute}, {" 7 ", 7 * time.Second}, {"0", 0}, {"-5", 0}, {"soon", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"99999999999", 7 * 24 * time.Hour},
	} {
		if got := RetryAfter(c.v, now); got != c.want {
			t.Errorf("Retry-After %q: got %v, want %v", c.v, got, c.want)
		}
	}
}

func TestDoRefusesWhatCheckURLRefuses(t *testing.T) {
	c := NewClient(Guard{})
	for _, u := range []string{"http://93.184.215.14/", "https://10.0.0.1/", (&url.URL{Scheme: "https", Host: "[fe80::1]"}).String()} {
		if _, err := c.Do(context.Background(), http.MethodPost, u, nil, nil); err == nil {
			t.Errorf("%s was sent to", u)
		}
	}
}
