// Package ssotest runs a small OpenID Connect provider on 127.0.0.1 for
// tests of rolefit's single sign-on: go-oidc's own test server for the
// discovery document and the keys, and here the authorisation and token
// endpoints of the code flow, which check PKCE and can be told to issue
// a token for another audience, an expired one, or one whose e-mail
// address is not verified.
package ssotest

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/coreos/go-oidc/v3/oidc/oidctest"

	"rolefit/internal/sso"
)

// User is who the next sign-in is, and what is wrong with its token.
type User struct {
	Email    string
	Verified bool
	Name     string
	// Audience, when set, is put in the token instead of the client ID.
	Audience string
	// Expired issues a token that expired an hour before now.
	Expired bool
}

// Provider is a running test provider.
type Provider struct {
	URL          string
	ClientID     string
	ClientSecret string
	srv          *httptest.Server
	key          *rsa.PrivateKey
	now          func() time.Time
	mu           sync.Mutex
	next         User
	codes        map[string]grant
	// Requests counts the calls of the token endpoint.
	Requests int
}

// grant is what an authorisation code stands for.
type grant struct {
	user                 User
	nonce, challenge     string
	redirectURI, client  string
	challengeMethodValid bool
}

const keyID = "rolefit-test"

// Start starts a provider with the given clock, stopped when the test
// ends.
func Start(t testing.TB, now func() time.Time) *Provider {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &Provider{ClientID: "rolefit-client", ClientSecret: "s3cret-of-the-client", key: key, now: now, codes: map[string]grant{}}
	disc := &oidctest.Server{PublicKeys: []oidctest.PublicKey{{PublicKey: key.Public(), KeyID: keyID, Algorithm: oidc.RS256}}}
	mux := http.NewServeMux()
	mux.Handle("/.well-known/openid-configuration", disc)
	mux.Handle("/keys", disc)
	mux.HandleFunc("/auth", p.authorize)
	mux.HandleFunc("/token", p.token)
	p.srv = httptest.NewServer(mux)
	disc.SetIssuer(p.srv.URL)
	p.URL = p.srv.URL
	t.Cleanup(p.srv.Close)
	return p
}

// SignInAs makes the next sign-in be u.
func (p *Provider) SignInAs(u User) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.next = u
}

// authorize is the authorisation endpoint: it signs the next user in at
// once and sends the browser back to the redirect URI with a code.
func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("response_type") != "code" || q.Get("client_id") != p.ClientID || q.Get("code_challenge") == "" {
		http.Error(w, "bad authorisation request: "+r.URL.RawQuery, http.StatusBadRequest)
		return
	}
	code := rand.Text()
	p.mu.Lock()
	p.codes[code] = grant{user: p.next, nonce: q.Get("nonce"), challenge: q.Get("code_challenge"), redirectURI: q.Get("redirect_uri"),
		client: q.Get("client_id"), challengeMethodValid: q.Get("code_challenge_method") == "S256"}
	p.mu.Unlock()
	u, err := url.Parse(q.Get("redirect_uri"))
	if err != nil {
		http.Error(w, "bad redirect_uri", http.StatusBadRequest)
		return
	}
	back := u.Query()
	back.Set("code", code)
	back.Set("state", q.Get("state"))
	u.RawQuery = back.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// token is the token endpoint: it checks the client's credentials, the
// code, the redirect URI and PKCE's verifier, and answers with an ID
// token signed by the provider's key.
func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	p.mu.Lock()
	p.Requests++
	g, found := p.codes[r.PostForm.Get("code")]
	delete(p.codes, r.PostForm.Get("code"))
	p.mu.Unlock()
	fail := func(what string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(map[string]string{"error": "invalid_grant", "error_description": what})
	}
	switch {
	case id != p.ClientID || secret != p.ClientSecret:
		fail("client credentials")
		return
	case !found || g.client != id:
		fail("unknown code")
		return
	case r.PostForm.Get("redirect_uri") != g.redirectURI:
		fail("redirect_uri differs")
		return
	case !g.challengeMethodValid || sso.Challenge(r.PostForm.Get("code_verifier")) != g.challenge:
		fail("PKCE verifier does not match")
		return
	}
	now := p.now()
	exp := now.Add(time.Hour)
	if g.user.Expired {
		exp = now.Add(-time.Hour)
	}
	aud := p.ClientID
	if g.user.Audience != "" {
		aud = g.user.Audience
	}
	claims, _ := json.Marshal(map[string]any{"iss": p.URL, "sub": "sub-" + g.user.Email, "aud": aud, "iat": now.Add(-time.Minute).Unix(),
		"exp": exp.Unix(), "nonce": g.nonce, "email": g.user.Email, "email_verified": g.user.Verified, "name": g.user.Name})
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"access_token": "access-" + rand.Text(), "token_type": "Bearer", "expires_in": 3600,
		"id_token": oidctest.SignIDToken(p.key, keyID, oidc.RS256, string(claims))})
}

// String names the provider in test output.
func (p *Provider) String() string { return fmt.Sprintf("test OpenID provider at %s", p.URL) }
