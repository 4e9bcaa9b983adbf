// Package sso signs people in through their organisation's identity
// provider with OpenID Connect: the authorisation code flow with PKCE
// (RFC 7636, S256) and a nonce, the ID token checked by
// github.com/coreos/go-oidc (signature against the provider's published
// keys, issuer, audience, expiry) and its e-mail address taken only when
// the provider says it is verified.
package sso

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// Config is an organisation's identity provider, as its admin set it up.
type Config struct {
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is rolefit's callback address, which the admin
	// registers with the provider.
	RedirectURL string
	// Now is the clock ID tokens' times are checked against.
	Now func() time.Time
}

// Provider is a discovered identity provider.
type Provider struct {
	cfg      Config
	oidc     *oidc.Provider
	oauth    oauth2.Config
	verifier *oidc.IDTokenVerifier
	client   *http.Client
}

// Discover reads the provider's discovery document
// (/.well-known/openid-configuration) through client, which decides what
// rolefit may connect to. Its error says what went wrong without the
// provider's answer, which could be anything at that address.
func Discover(ctx context.Context, cfg Config, client *http.Client) (*Provider, error) {
	ctx = oidc.ClientContext(ctx, client)
	p, err := oidc.NewProvider(ctx, strings.TrimRight(cfg.Issuer, "/"))
	if err != nil {
		var mismatch *oidc.IssuerMismatchError
		if errors.As(err, &mismatch) {
			return nil, fmt.Errorf("the provider calls itself %q, not %q", mismatch.Discovered, mismatch.Provided)
		}
		return nil, errors.New("no OpenID Connect discovery document could be read from it")
	}
	return &Provider{cfg: cfg, oidc: p, client: client,
		oauth: oauth2.Config{ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, RedirectURL: cfg.RedirectURL,
			Endpoint: p.Endpoint(), Scopes: []string{oidc.ScopeOpenID, "email", "profile"}},
		verifier: p.Verifier(&oidc.Config{ClientID: cfg.ClientID, Now: cfg.Now}),
	}, nil
}

// Start is a sign-in begun: the secrets that must come back with it.
type Start struct {
	// State ties the provider's answer to this browser (a cookie).
	State string
	// Nonce ties the ID token to this sign-in.
	Nonce string
	// Verifier is PKCE's code verifier, sent only with the code.
	Verifier string
}

// NewStart makes the random secrets of a sign-in.
func NewStart() Start {
	return Start{State: oauth2.GenerateVerifier(), Nonce: oauth2.GenerateVerifier(), Verifier: oauth2.GenerateVerifier()}
}

// AuthURL is where the browser is sent to sign in: the provider's
// authorisation endpoint with the state, the nonce and PKCE's S256
// challenge.
func (p *Provider) AuthURL(s Start) string {
	return p.oauth.AuthCodeURL(s.State, oidc.Nonce(s.Nonce), oauth2.S256ChallengeOption(s.Verifier))
}

// Identity is who the provider says signed in.
type Identity struct {
	Subject string
	// Email is lower-cased.
	Email string
	Name  string
}

// Finish exchanges the code the provider sent back for tokens (with
// PKCE's verifier), verifies the ID token and its nonce, and returns the
// identity it states. An e-mail address the provider does not say it
// verified is refused: anyone can put any address on an account at some
// providers.
func (p *Provider) Finish(ctx context.Context, code string, s Start) (*Identity, error) {
	ctx = oidc.ClientContext(ctx, p.client)
	ctx = context.WithValue(ctx, oauth2.HTTPClient, p.client)
	tok, err := p.oauth.Exchange(ctx, code, oauth2.VerifierOption(s.Verifier))
	if err != nil {
		return nil, errors.New("the identity provider did not accept the sign-in's code")
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok || raw == "" {
		return nil, errors.New("the identity provider sent no ID token")
	}
	idt, err := p.verifier.Verify(ctx, raw)
	if err != nil {
		return nil, fmt.Errorf("the ID token is not valid: %s", tokenReason(err))
	}
	if subtle.ConstantTimeCompare([]byte(idt.Nonce), []byte(s.Nonce)) != 1 {
		return nil, errors.New("the ID token is not valid: it was made for another sign-in")
	}
	var claims struct {
		Email    string `json:"email"`
		Verified *bool  `json:"email_verified"`
		Name     string `json:"name"`
	}
	if err := idt.Claims(&claims); err != nil {
		return nil, fmt.Errorf("the ID token's claims cannot be read: %v", err)
	}
	if claims.Email == "" {
		return nil, errors.New("the identity provider gave no e-mail address; ask your admin to release the email scope to rolefit")
	}
	if claims.Verified == nil || !*claims.Verified {
		return nil, errors.New("the identity provider does not say the e-mail address is verified")
	}
	return &Identity{Subject: idt.Subject, Email: strings.ToLower(strings.TrimSpace(claims.Email)), Name: claims.Name}, nil
}

// tokenReason says in a few words why go-oidc refused a token.
func tokenReason(err error) string {
	var expired *oidc.TokenExpiredError
	msg := err.Error()
	switch {
	case errors.As(err, &expired):
		return "it has expired"
	case strings.Contains(msg, "audience"):
		return "it was issued to another application (audience)"
	case strings.Contains(msg, "issued by a different provider"):
		return "it was issued by another provider"
	case strings.Contains(msg, "signature"):
		return "its signature does not match the provider's keys"
	}
	return strings.TrimPrefix(msg, "oidc: ")
}

// Challenge is PKCE's S256 code challenge of a verifier (RFC 7636,
// section 4.2): what a provider compares the verifier with.
func Challenge(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}
