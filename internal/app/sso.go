package app

import (
	"context"
	"rolefit"
	"strings"
	"sync"
	"time"

	"rolefit/internal/errs"
	"rolefit/internal/sso"
	"rolefit/internal/store"
)

// Single sign-on with OpenID Connect (internal/sso): an admin sets the
// organisation's identity provider; its people start at the
// organisation's sign-in address, sign in at the provider, and come back
// to /sso/callback, where the provider's verified e-mail address names
// their account in the organisation (made on first sign-in only when the
// admin allows it, with the access the admin chose).

// ssoLoginTTL is how long a sign-in begun at a provider may take.
const ssoLoginTTL = 10 * time.Minute

// SSOSettings are an organisation's single sign-on settings as its admin
// sees them: without the client secret, which is only said to be set.
type SSOSettings struct {
	rolefit.SSOConfig
	SecretSet bool
	// RedirectURL is the address to register with the provider;
	// SignInURL the one the organisation's people start at.
	RedirectURL, SignInURL string
}

// SSOSettings returns the organisation's single sign-on settings.
func (a *App) SSOSettings(ctx context.Context, act Actor) (*SSOSettings, error) {
	c, err := a.scope(act).SSOConfig(ctx)
	if err != nil {
		return nil, err
	}
	out := &SSOSettings{SSOConfig: *c, SecretSet: c.ClientSecret != "", RedirectURL: a.ssoRedirectURL(), SignInURL: a.baseURL + "/sso/" + act.OrgID}
	out.ClientSecret = ""
	return out, nil
}

func (a *App) ssoRedirectURL() string { return a.baseURL + "/sso/callback" }

// UpdateSSOSettings saves the organisation's single sign-on settings (an
// admin's). An empty client secret keeps the one saved. Turned on, the
// provider must answer at its issuer with a discovery document, or
// nothing is saved; password sign-in can be turned off only while single
// sign-on is on.
func (a *App) UpdateSSOSettings(ctx context.Context, act Actor, c rolefit.SSOConfig) error {
	org := a.scope(act)
	cur, err := org.SSOConfig(ctx)
	if err != nil {
		return err
	}
	if c.ClientSecret == "" {
		c.ClientSecret = cur.ClientSecret
	}
	c, f := c.Check()
	if _, bad := f["issuer"]; !bad && c.Issuer != "" {
		if _, err := a.guard.CheckURL(ctx, c.Issuer); err != nil {
			f["issuer"] = err.Error()
		} else if c.Enabled {
			if _, err := a.ssoProvider(ctx, c); err != nil {
				f["issuer"] = err.Error()
			}
		}
	}
	if len(f) > 0 {
		return errs.InvalidFields("Please correct the highlighted settings.", f)
	}
	return org.SetSSOConfig(ctx, c, act.Audit)
}

// ssoProviders keeps discovered providers for ssoProviderTTL, so a
// sign-in does not fetch the discovery document twice.
type ssoProviders struct {
	mu sync.Mutex
	m  map[rolefit.SSOConfig]cachedProvider
}

type cachedProvider struct {
	p  *sso.Provider
	at time.Time
}

const ssoProviderTTL = 10 * time.Minute

// ssoProvider discovers c's provider through the outbound guard (its
// issuer is an address an admin typed).
func (a *App) ssoProvider(ctx context.Context, c rolefit.SSOConfig) (*sso.Provider, error) {
	c.UpdatedAt = time.Time{}
	now := a.now()
	a.providers.mu.Lock()
	e, ok := a.providers.m[c]
	a.providers.mu.Unlock()
	if ok && now.Sub(e.at) < ssoProviderTTL {
		return e.p, nil
	}
	p, err := sso.Discover(ctx, sso.Config{Issuer: c.Issuer, ClientID: c.ClientID, ClientSecret: c.ClientSecret,
		RedirectURL: a.ssoRedirectURL(), Now: a.now}, a.client.HTTP())
	if err != nil {
		return nil, err
	}
	a.providers.mu.Lock()
	if a.providers.m == nil || len(a.providers.m) > 1000 {
		a.providers.m = map[rolefit.SSOConfig]cachedProvider{}
	}
	a.providers.m[c] = cachedProvider{p: p, at: now}
	a.providers.mu.Unlock()
	return p, nil
}

// SSOStart is a sign-in begun: where to send the browser, and the state
// the browser keeps (a cookie) to show it is the one that began it.
type SSOStart struct {
	URL, State string
}

// StartSSO begins a sign-in at an organisation's identity provider; next
// is where to go after it. An organisation without single sign-on is not
// found, as an unknown one is.
func (a *App) StartSSO(ctx context.Context, orgID, next string) (*SSOStart, error) {
	c, err := a.st.Scope(orgID).SSOConfig(ctx)
	if err != nil {
		return nil, err
	}
	if !c.Enabled {
		return nil, errs.NotFound("single sign-on")
	}
	p, err := a.ssoProvider(ctx, *c)
	if err != nil {
		return nil, errs.Conflict("Your organisation's identity provider cannot be reached (%s). Please tell your admin.", err)
	}
	s := sso.NewStart()
	if err := a.st.BeginSSOLogin(ctx, s.State, store.SSOLogin{OrgID: orgID, Verifier: s.Verifier, Nonce: s.Nonce, Next: next},
		a.now().Add(ssoLoginTTL)); err != nil {
		return nil, err
	}
	return &SSOStart{URL: p.AuthURL(s), State: s.State}, nil
}

// FinishSSO completes a sign-in when the provider sends the browser back
// with a code: the state is used once; the code is exchanged with PKCE's
// verifier; the ID token is verified (signature, issuer, audience,
// expiry, nonce); its e-mail address must be verified and names the
// user in the organisation, who is made on first sign-in only if the
// admin allows it. It returns the user and where to go next.
func (a *App) FinishSSO(ctx context.Context, state, code string) (*rolefit.User, string, error) {
	l, err := a.st.TakeSSOLogin(ctx, state)
	if err != nil {
		return nil, "", err
	}
	org := a.st.Scope(l.OrgID)
	c, err := org.SSOConfig(ctx)
	if err != nil {
		return nil, "", err
	}
	if !c.Enabled {
		return nil, "", errs.Unauthorized("Single sign-on is turned off for your organisation.")
	}
	p, err := a.ssoProvider(ctx, *c)
	if err != nil {
		return nil, "", errs.Conflict("Your organisation's identity provider cannot be reached (%s). Please tell your admin.", err)
	}
	id, err := p.Finish(ctx, code, sso.Start{State: state, Nonce: l.Nonce, Verifier: l.Verifier})
	if err != nil {
		a.log.WarnContext(ctx, "single sign-on refused", "org", l.OrgID, "err", err)
		return nil, "", errs.Unauthorized("Single sign-on did not work: " + err.Error() + ".")
	}
	email, msg := rolefit.NormaliseEmail(id.Email)
	if msg != "" {
		return nil, "", errs.Unauthorized("The identity provider's e-mail address " + msg + ".")
	}
	u, err := org.UserByEmail(ctx, email)
	if errs.Code(err) == errs.CodeNotFound {
		if !c.CreateUsers {
			return nil, "", errs.Forbidden("There is no account for " + email + " in your organisation. Please ask an admin to add you.")
		}
		name := strings.TrimSpace(id.Name)
		if name == "" {
			name = email[:strings.Index(email, "@")]
		}
		u, err = org.CreateUser(ctx, rolefit.NewUser{Email: email, Name: name, Access: c.NewUserAccess, Password: store.NewToken()},
			rolefit.Actor{ID: "sso", Name: "single sign-on (" + c.Issuer + ")"})
	}
	if err != nil {
		return nil, "", err
	}
	return u, l.Next, nil
}

// PasswordSignInAllowed reports whether an organisation's people may
// sign in with a password.
func (a *App) passwordSignInAllowed(ctx context.Context, orgID string) (bool, error) {
	c, err := a.st.Scope(orgID).SSOConfig(ctx)
	if err != nil {
		return false, err
	}
	return c.PasswordSignIn, nil
}

// PurgeSSOLogins deletes sign-ins begun and never finished; serve's
// hourly housekeeping calls it.
func (a *App) PurgeSSOLogins(ctx context.Context) (int64, error) { return a.st.PurgeSSOLogins(ctx) }
