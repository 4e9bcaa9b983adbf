// Package outbound is how rolefit sends HTTP requests to other systems
// (webhooks, Greenhouse's completion call): only over HTTPS, only to
// public addresses, checked after DNS on every connection, without
// following redirects or any proxy the environment names, and within a
// timeout. An address that an admin or an integration typed must not
// become a way into the network rolefit runs in (server-side request
// forgery: OWASP's SSRF Prevention Cheat Sheet).
package outbound

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
)

// Resolver looks up a host's addresses; *net.Resolver is the real one,
// tests hand their own to change DNS's answers.
type Resolver interface {
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
}

// Guard decides which addresses rolefit may send requests to.
type Guard struct {
	// AllowPrivate lets requests go to private, loopback and link-local
	// addresses and over plain HTTP, for tests and for deployments whose
	// receivers are on a private network (--allow-private-webhooks).
	AllowPrivate bool
	// Resolver looks hosts up; nil is the system's.
	Resolver Resolver
}

func (g Guard) resolver() Resolver {
	if g.Resolver == nil {
		return net.DefaultResolver
	}
	return g.Resolver
}

// blockedRanges are the addresses no request may reach unless private
// ones are allowed: beside loopback, private, link-local (where cloud
// metadata services answer, 169.254.169.254 and fd00:ec2::254),
// multicast and unspecified addresses, which netip classifies, these are
// the special-purpose ranges of the IANA registries (RFC 6890 and its
// updates) that are not the public internet.
var blockedRanges = func() []netip.Prefix {
	var ps []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",          // "this network"
		"100.64.0.0/10",      // shared address space, carrier-grade NAT (RFC 6598)
		"192.0.0.0/24",       // IETF protocol assignments
		"192.0.2.0/24",       // documentation (TEST-NET-1)
		"198.18.0.0/15",      // benchmarking
		"198.51.100.0/24",    // documentation (TEST-NET-2)
		"203.0.113.0/24",     // documentation (TEST-NET-3)
		"240.0.0.0/4",        // reserved, and the broadcast address
		"64:ff9b:1::/48",     // local-use IPv4/IPv6 translation
		"100::/64",           // discard-only
		"2001::/23",          // IETF protocol assignments
		"2001:db8::/32",      // documentation
		"2002::/16",          // 6to4, which can embed any IPv4 address
		"fc00::/7",           // unique local addresses
		"64:ff9b::/96",       // NAT64, which embeds an IPv4 address
		"::ffff:0:0/96",      // IPv4-mapped (unmapped before the check; kept as a backstop)
		"fec0::/10",          // deprecated site-local
		"ff00::/8",           // multicast
		"169.254.0.0/16",     // link-local, cloud metadata
		"fe80::/10",          // link-local
		"127.0.0.0/8",        // loopback
		"::1/128",            // loopback
		"10.0.0.0/8",         // private
		"172.16.0.0/12",      // private
		"192.168.0.0/16",     // private
		"224.0.0.0/4",        // multicast
		"255.255.255.255/32", // broadcast
	} {
		ps = append(ps, netip.MustParsePrefix(s))
	}
	return ps
}()

// Blocked says why a request may not go to ip, or "" when it may (a
// public address).
func Blocked(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case !ip.IsValid():
		return "is not an address"
	case ip.IsLoopback():
		return "is a loopback address"
	case ip.IsPrivate():
		return "is a private address"
	case ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast():
		return "is a link-local address (where cloud metadata services answer)"
	case ip.IsUnspecified():
		return "is the unspecified address"
	case ip.IsMulticast() || ip.IsInterfaceLocalMulticast():
		return "is a multicast address"
	}
	for _, p := range blockedRanges {
		if p.Contains(ip) {
			return "is in a range reserved for special use (" + p.String() + ")"
		}
	}
	return ""
}

// CheckURL checks an address rolefit is asked to send to and returns it
// parsed: an absolute HTTPS URL (or HTTP when private addresses are
// allowed) without credentials, whose host resolves, and only to public
// addresses. The same check is made again on every connection (Dialer),
// because what a name resolves to can change after it was saved.
func (g Guard) CheckURL(ctx context.Context, raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	switch {
	case err != nil || u.Host == "" || u.Opaque != "":
		return nil, fmt.Errorf("is not an absolute address like https://example.com/hooks/rolefit")
	case u.Scheme != "https" && !(g.AllowPrivate && u.Scheme == "http"):
		if g.AllowPrivate {
			return nil, fmt.Errorf("must start with https:// or http://")
		}
		return nil, fmt.Errorf("must start with https://: events carry data about people, and plain HTTP would show them to anyone on the way")
	case u.User != nil:
		return nil, fmt.Errorf("must not carry a user name or password")
	case u.Fragment != "":
		return nil, fmt.Errorf("must not have a #fragment")
	}
	if _, err := g.addresses(ctx, u.Hostname()); err != nil {
		return nil, err
	}
	return u, nil
}

// addresses resolves host (or reads it, when it is an address) and
// returns the addresses a request may go to, or an error that names the
// first address it may not: a name that resolves to both a public and a
// private address is refused, since the private one could be the one
// connected to.
func (g Guard) addresses(ctx context.Context, host string) ([]netip.Addr, error) {
	if host == "" {
		return nil, fmt.Errorf("has no host")
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		ips = []netip.Addr{ip.WithZone("")}
	} else {
		ans, err := g.resolver().LookupIPAddr(ctx, host)
		if err != nil {
			return nil, fmt.Errorf("host %s could not be found: %v", host, lookupReason(err))
		}
		for _, a := range ans {
			if ip, ok := netip.AddrFromSlice(a.IP); ok {
				ips = append(ips, ip.Unmap())
			}
		}
		if len(ips) == 0 {
			return nil, fmt.Errorf("host %s has no address", host)
		}
	}
	if g.AllowPrivate {
		return ips, nil
	}
	for _, ip := range ips {
		if why := Blocked(ip); why != "" {
			if ip.String() == host {
				return nil, fmt.Errorf("%s %s; only public addresses are allowed", ip, why)
			}
			return nil, fmt.Errorf("host %s resolves to %s, which %s; only public addresses are allowed", host, ip, why)
		}
	}
	return ips, nil
}

// lookupReason is the short reason a lookup failed, without the
// resolver's own address.
func lookupReason(err error) string {
	if de, ok := err.(*net.DNSError); ok {
		if de.IsNotFound {
			return "no such host"
		}
		if de.IsTimeout {
			return "the lookup timed out"
		}
		return de.Err
	}
	return err.Error()
}
