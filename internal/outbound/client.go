package outbound

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Timeout bounds one request, from connecting to the last byte of the
// answer: a receiver that takes longer is counted as failed and tried
// again later, so a slow one cannot hold the queue.
const Timeout = 15 * time.Second

// maxAnswer is how much of an answer's body is read, for the delivery's
// record; the rest is discarded.
const maxAnswer = 64 << 10

// Client sends requests as the Guard allows.
type Client struct {
	guard Guard
	http  *http.Client
}

// NewClient returns a client that connects only where g allows, after
// resolving the host itself (so the address checked is the address
// connected to), follows no redirect, uses no proxy and gives up after
// Timeout.
func NewClient(g Guard) *Client {
	c := &Client{guard: g}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: g.control}
	tr := &http.Transport{
		// No proxy: one named by the environment would connect on
		// rolefit's behalf to an address this package never saw.
		Proxy: nil,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			host, port, err := net.SplitHostPort(addr)
			if err != nil {
				return nil, err
			}
			ips, err := g.addresses(ctx, host)
			if err != nil {
				return nil, err
			}
			var errs []error
			for _, ip := range ips {
				conn, err := dialer.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
				if err == nil {
					return conn, nil
				}
				errs = append(errs, err)
			}
			return nil, errors.Join(errs...)
		},
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: Timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	c.http = &http.Client{
		Transport: schemeGuard{g: g, next: tr},
		Timeout:   Timeout,
		// A redirect is an answer like any other that is not 2xx: a
		// receiver that moved must be given its new address by an admin,
		// and a redirect must not lead rolefit somewhere it would refuse
		// to go.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return c
}

// HTTP returns the client as an *http.Client, for libraries that make
// their own requests (the OpenID Connect client): it connects only where
// the guard allows, over HTTPS unless private addresses are allowed.
func (c *Client) HTTP() *http.Client { return c.http }

// schemeGuard refuses plain HTTP unless private addresses are allowed, for
// requests whose address came from elsewhere (a discovery document).
type schemeGuard struct {
	g    Guard
	next http.RoundTripper
}

func (s schemeGuard) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Scheme != "https" && !s.g.AllowPrivate {
		return nil, fmt.Errorf("%s is not an https:// address", r.URL.Redacted())
	}
	return s.next.RoundTrip(r)
}

// control checks the address a connection is about to be made to, the
// last moment before it is: DialContext above dials only checked
// addresses, and this keeps it so whatever else dials through the dialer.
func (g Guard) control(network, address string, _ syscall.RawConn) error {
	if g.AllowPrivate {
		return nil
	}
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("connect to %s: not an address", address)
	}
	if why := Blocked(ip); why != "" {
		return fmt.Errorf("%s %s; only public addresses are allowed", ip, why)
	}
	return nil
}

// Answer is what came back from a request.
type Answer struct {
	Status int
	// RetryAfter is the wait the receiver asked for with Retry-After, 0
	// when it asked for none.
	RetryAfter time.Duration
	// Body is the start of the answer's body, for the record.
	Body string
}

// Do sends one request and reads its answer. An error means no answer
// came: the address was refused, the connection failed, or the time ran
// out.
func (c *Client) Do(ctx context.Context, method, url string, header http.Header, body []byte) (Answer, error) {
	u, err := c.guard.CheckURL(ctx, url)
	if err != nil {
		return Answer{}, fmt.Errorf("address %s", err)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), bytes.NewReader(body))
	if err != nil {
		return Answer{}, err
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return Answer{}, errors.New(requestReason(err))
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	a := Answer{Status: resp.StatusCode, Body: string(b)}
	a.RetryAfter = RetryAfter(resp.Header.Get("Retry-After"), time.Now())
	return a, nil
}

// requestReason shortens a failed request's error to what went wrong,
// without Go's "Post \"url\":" prefix.
func requestReason(err error) string {
	var ue interface{ Unwrap() error }
	if errors.As(err, &ue) {
		if inner := ue.Unwrap(); inner != nil {
			err = inner
		}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Sprintf("no answer within %v", Timeout)
	}
	return strings.TrimPrefix(err.Error(), "dial tcp: ")
}

// RetryAfter reads a Retry-After header (RFC 9110, section 10.2.3): a
// number of seconds or an HTTP date, as a wait from now; 0 when there is
// none or it cannot be read.
func RetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil {
		if s <= 0 {
			return 0
		}
		if s > int64(7*24*time.Hour/time.Second) {
			s = int64(7 * 24 * time.Hour / time.Second)
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
