package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// deviceCookieOf returns the device cookie b holds for an e-mail address.
func deviceCookieOf(b *browser, email string) string {
	return b.cookies[deviceCookieName(accountKey(email))]
}

// Wrong passwords typed by strangers slow an account's sign-ins down but
// never refuse its owner: the right password from a browser that signed in
// to the account before always works, and from a new browser it works
// once the delay has passed.
func TestFailedSignInsDoNotLockTheOwnerOut(t *testing.T) {
	f := sqliteFixture(t, Config{TrustedProxies: []string{testPeer}})
	signIn := func(b *browser, from, password string) (*http.Response, string) {
		t.Helper()
		return b.withHeaders("POST", "/login", url.Values{"email": {"Ada@Acme.example"}, "password": {password}},
			map[string]string{"X-Forwarded-For": from})
	}
	// Ada's own browser signs in once and out again: it is now known.
	own := f.browser()
	own.get("/login")
	resp, body := signIn(own, "198.51.100.1", testPassword)
	wantStatus(t, "Ada's first sign-in", resp, http.StatusSeeOther, body)
	device := deviceCookieOf(own, "ada@acme.example")
	if device == "" || device == own.cookies[sessionCookie] {
		t.Errorf("sign-in set device cookie %q, want one of its own", device)
	}
	if set := resp.Header.Values("Set-Cookie"); !strings.Contains(strings.Join(set, "\n"), deviceCookieName("ada@acme.example")+"="+device+"; max-age=31536000; path=/; HttpOnly; SameSite=Lax") {
		t.Errorf("device cookie set as %q, want HttpOnly and SameSite=Lax for a year", set)
	}
	own.get("/")
	own.post("/logout", nil)
	if own.cookies[sessionCookie] != "" || deviceCookieOf(own, "ada@acme.example") != device {
		t.Errorf("signing out should end the session and keep the device cookie")
	}

	// Someone else types ten wrong passwords for Ada, from ten addresses.
	stranger := f.browser()
	stranger.get("/login")
	for i := range 10 {
		resp, body := signIn(stranger, fmt.Sprintf("203.0.113.%d", i+1), "a wrong guess")
		wantStatus(t, fmt.Sprintf("wrong password %d", i+1), resp, http.StatusUnauthorized, body)
	}

	// Ada's browser: signed in at once.
	own.get("/login")
	resp, body = signIn(own, "198.51.100.1", testPassword)
	wantStatus(t, "the right password from Ada's browser", resp, http.StatusSeeOther, body)
	if own.cookies[sessionCookie] == "" {
		t.Error("Ada's browser was not signed in")
	}

	// A new browser waits for the delay, then signs in.
	fresh := f.browser()
	fresh.get("/login")
	resp, body = signIn(fresh, "198.51.100.2", testPassword)
	wantStatus(t, "the right password from a new browser", resp, http.StatusTooManyRequests, body)
	wantContains(t, "a new browser", body, "Too many failed sign-ins with this e-mail address", "Please wait a minute")
	if got := resp.Header.Get("Retry-After"); got != "60" {
		t.Errorf("Retry-After %q, want 60", got)
	}
	if fresh.cookies[sessionCookie] != "" {
		t.Fatal("a new browser was signed in during the delay")
	}
	f.clock.Advance(59 * time.Second)
	resp, body = signIn(fresh, "198.51.100.2", testPassword)
	wantStatus(t, "a second before the delay ends", resp, http.StatusTooManyRequests, body)
	if got := resp.Header.Get("Retry-After"); got != "1" {
		t.Errorf("Retry-After %q, want 1", got)
	}
	f.clock.Advance(time.Second)
	resp, body = signIn(fresh, "198.51.100.2", testPassword)
	wantStatus(t, "the right password after the delay", resp, http.StatusSeeOther, body)

	// Past the budget a stranger gets one guess per delay: each failure
	// starts the delay again.
	resp, body = signIn(stranger, "203.0.113.50", "another wrong guess")
	wantStatus(t, "a guess after the delay", resp, http.StatusUnauthorized, body)
	resp, body = signIn(stranger, "203.0.113.51", "and another")
	wantStatus(t, "the next guess at once", resp, http.StatusTooManyRequests, body)
}

// A device cookie is honoured only as it was made, for its own account,
// and only until its browser has failed as often as an account may: a
// stolen one buys a few guesses, no more.
func TestDeviceCookieIsBoundAndLimited(t *testing.T) {
	f := sqliteFixture(t, Config{TrustedProxies: []string{testPeer}, AccountLimit: 3})
	signIn := func(b *browser, email, password string) (*http.Response, string) {
		t.Helper()
		return b.withHeaders("POST", "/login", url.Values{"email": {email}, "password": {password}},
			map[string]string{"X-Forwarded-For": "198.51.100.1"})
	}
	own := f.browser()
	own.get("/login")
	if resp, body := signIn(own, "ada@acme.example", testPassword); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign in: %d\n%s", resp.StatusCode, body)
	}
	device := deviceCookieOf(own, "ada@acme.example")
	if len(device) < 10 {
		t.Fatalf("sign-in set device cookie %q", device)
	}
	stranger := f.browser()
	stranger.get("/login")
	for range 3 {
		signIn(stranger, "ada@acme.example", "a wrong guess")
		signIn(stranger, "max@acme.example", "a wrong guess")
	}

	for _, tc := range []struct{ name, cookie, value string }{
		{"a changed signature", deviceCookieName("ada@acme.example"), device[:len(device)-2] + "xx"},
		{"another user's name on it", deviceCookieName("ada@acme.example"), strings.Replace(device, f.adminA.ID, f.mgrA.ID, 1)},
		{"Ada's cookie offered for Max", deviceCookieName("max@acme.example"), device},
	} {
		b := f.browser()
		b.get("/login")
		b.cookies[tc.cookie] = tc.value
		email := "ada@acme.example"
		if strings.Contains(tc.name, "Max") {
			email = "max@acme.example"
		}
		resp, body := signIn(b, email, testPassword)
		wantStatus(t, tc.name, resp, http.StatusTooManyRequests, body)
	}

	// The real cookie: three wrong passwords are its own budget, then it
	// is a stranger's browser like any other.
	thief := f.browser()
	thief.get("/login")
	thief.cookies[deviceCookieName("ada@acme.example")] = device
	for i := range 3 {
		resp, body := signIn(thief, "ada@acme.example", "guess "+fmt.Sprint(i))
		wantStatus(t, "a guess with the device cookie", resp, http.StatusUnauthorized, body)
	}
	resp, body := signIn(thief, "ada@acme.example", testPassword)
	wantStatus(t, "the device cookie after its own budget", resp, http.StatusTooManyRequests, body)

	// A new password forgets every browser.
	f.clock.Advance(time.Hour)
	if err := f.st.Scope(f.orgA.ID).ChangePassword(ctx, f.adminA.ID, testPassword, "a brand new passphrase", ""); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		signIn(stranger, "ada@acme.example", "a wrong guess")
	}
	own.get("/login") // the new password ended the session; the form has a new token
	resp, body = signIn(own, "ada@acme.example", "a brand new passphrase")
	wantStatus(t, "the old device cookie after a new password", resp, http.StatusTooManyRequests, body)
}
