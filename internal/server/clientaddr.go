package server

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// Locals keys of what clientAddress works out once per request.
const (
	localClientIP = "client_ip"
	localHTTPS    = "https"
)

// proxySet is the reverse proxies the operator named with
// --trusted-proxies. Their forwarded headers are believed; anybody else's
// are ignored, since any client can write X-Forwarded-For or
// X-Forwarded-Proto itself.
type proxySet struct {
	prefixes []netip.Prefix
}

// parseProxies reads IPs and CIDR ranges ("10.0.0.1", "10.0.0.0/8",
// "fd00::/8"). A typo is an error rather than a silently ignored entry:
// an operator who meant to trust a proxy would otherwise see every client
// share the proxy's address.
func parseProxies(list []string) (proxySet, error) {
	var ps proxySet
	for _, s := range list {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if p, err := netip.ParsePrefix(s); err == nil {
			ps.prefixes = append(ps.prefixes, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(s)
		if err != nil {
			return proxySet{}, fmt.Errorf("trusted proxy %q is neither an IP address nor a CIDR range", s)
		}
		a = a.Unmap()
		ps.prefixes = append(ps.prefixes, netip.PrefixFrom(a, a.BitLen()))
	}
	return ps, nil
}

// trusts reports whether a is one of the trusted proxies.
func (ps proxySet) trusts(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range ps.prefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// forwardedFor walks the X-Forwarded-For chain from the right, where each
// trusted proxy appended the address it was reached from, and returns the
// first address that is not a trusted proxy: the client as the nearest
// proxy we trust saw it. Entries further left were written by the client
// and prove nothing. When every entry is trusted the left-most is the
// answer; an entry that is not an address ends the walk at the last
// trusted one. peer is the direct peer, which is trusted.
func (ps proxySet) forwardedFor(peer netip.Addr, header string) netip.Addr {
	entries := strings.Split(header, ",")
	client := peer
	for i := len(entries) - 1; i >= 0; i-- {
		a, ok := parseForwardedAddr(entries[i])
		if !ok {
			break
		}
		client = a
		if !ps.trusts(a) {
			break
		}
	}
	return client
}

// parseForwardedAddr reads one X-Forwarded-For entry: an address, or an
// address with a port as some proxies write it ("[2001:db8::1]:443").
func parseForwardedAddr(s string) (netip.Addr, bool) {
	s = strings.TrimSpace(s)
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap(), true
	}
	if ap, err := netip.ParseAddrPort(s); err == nil {
		return ap.Addr().Unmap(), true
	}
	return netip.Addr{}, false
}

// clientAddress works out, once per request, the client's address and
// whether the request came over HTTPS, for clientIP and isHTTPS. Without
// trusted proxies the X-Forwarded-* headers mean nothing; with them, they
// are believed only when the direct peer is one of the proxies.
func clientAddress(ps proxySet) fiber.Handler {
	return func(c *fiber.Ctx) error {
		peer, _ := netip.AddrFromSlice(c.Context().RemoteIP())
		peer = peer.Unmap()
		client, https := peer, c.Context().IsTLS()
		if len(ps.prefixes) > 0 && ps.trusts(peer) {
			// Several X-Forwarded-For lines read as one list, in order.
			var xff []string
			for _, v := range c.Request().Header.PeekAll(fiber.HeaderXForwardedFor) {
				xff = append(xff, string(v))
			}
			if len(xff) > 0 {
				client = ps.forwardedFor(peer, strings.Join(xff, ","))
			}
			if !https {
				https = forwardedHTTPS(c.Get(fiber.HeaderXForwardedProto))
			}
		}
		c.Locals(localClientIP, client.String())
		c.Locals(localHTTPS, https)
		return c.Next()
	}
}

// forwardedHTTPS reads X-Forwarded-Proto from a trusted proxy. When a chain
// of proxies left a list, the right-most entry is the one the nearest
// proxy wrote, as with X-Forwarded-For.
func forwardedHTTPS(v string) bool {
	if i := strings.LastIndexByte(v, ','); i >= 0 {
		v = v[i+1:]
	}
	return strings.EqualFold(strings.TrimSpace(v), "https")
}

// clientIP is the address of the client of a request, the one every rate
// limit, guard and log line uses. Fiber's c.IP() with a proxy header
// returns the header's left-most entry, which the client writes itself.
func clientIP(c *fiber.Ctx) string {
	if ip, ok := c.Locals(localClientIP).(string); ok {
		return ip
	}
	peer, _ := netip.AddrFromSlice(c.Context().RemoteIP())
	return peer.Unmap().String()
}

// isHTTPS reports whether the client reached rolefit over HTTPS, directly
// or through a trusted proxy that says so. Secure cookies and HSTS follow
// it; Fiber's c.Secure() would believe any client's X-Forwarded-Proto.
func isHTTPS(c *fiber.Ctx) bool {
	if https, ok := c.Locals(localHTTPS).(bool); ok {
		return https
	}
	return c.Context().IsTLS()
}
