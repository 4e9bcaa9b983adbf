package rolefit

import (
	"net/url"
	"strings"
	"time"
)

// SSOConfig is how an organisation's people may sign in: through its
// identity provider with OpenID Connect, and whether with passwords too.
// Users are matched by the e-mail address the provider says it verified,
// within the organisation.
type SSOConfig struct {
	OrgID   string
	Enabled bool
	// Issuer is the provider's issuer URL; ClientID and ClientSecret are
	// what it registered rolefit as.
	Issuer       string
	ClientID     string
	ClientSecret string
	// CreateUsers lets someone the provider vouches for but who has no
	// account yet have one made on first sign-in, with NewUserAccess.
	CreateUsers   bool
	NewUserAccess Access
	// PasswordSignIn allows signing in with a password as well; an admin
	// may turn it off once single sign-on is on.
	PasswordSignIn bool
	UpdatedAt      time.Time
}

// DefaultSSOConfig is an organisation's before an admin sets one up:
// passwords only.
func DefaultSSOConfig(orgID string) SSOConfig {
	return SSOConfig{OrgID: orgID, NewUserAccess: Manager, PasswordSignIn: true}
}

// Check trims the settings and says what is wrong, by field. The
// issuer's reachability is checked where it is fetched.
func (c SSOConfig) Check() (SSOConfig, map[string]string) {
	f := map[string]string{}
	c.Issuer, c.ClientID = strings.TrimSpace(c.Issuer), strings.TrimSpace(c.ClientID)
	if c.Issuer != "" {
		if u, err := url.Parse(c.Issuer); err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") || u.RawQuery != "" || u.Fragment != "" {
			f["issuer"] = "is not an address like https://login.example.com"
		}
	}
	for name, v := range map[string]string{"issuer": c.Issuer, "client_id": c.ClientID, "client_secret": c.ClientSecret} {
		if len(v) > 2000 {
			f[name] = "must be at most 2000 characters"
		}
		if c.Enabled && v == "" {
			f[name] = "is required for single sign-on"
		}
	}
	if !c.NewUserAccess.Valid() {
		f["new_user_access"] = "must be admin or manager"
	}
	if !c.PasswordSignIn && !c.Enabled {
		f["password_sign_in"] = "can be turned off only while single sign-on is on: otherwise nobody could sign in"
	}
	return c, f
}
