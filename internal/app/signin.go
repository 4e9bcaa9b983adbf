package app

import (
	"context"
	"rolefit"
	"strings"
	"time"

	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// Signing in and out, sessions, known browsers and the first set-up: what
// the web layer's sign-in pages and session middleware ask of rolefit.
// Throttling failed attempts is the web layer's (it knows the client's
// address and cookies); the counts it keeps are in the database
// (Attempts, CountAttempt), so every process serving one database agrees.

// Session lengths and the life of a known browser's token, for cookies.
const (
	SessionMax = store.SessionMax
	DeviceMax  = store.DeviceMax
)

// Account is one account a sign-in opened: the user and their
// organisation. One person may have accounts in several organisations
// under one e-mail address and password.
type Account struct {
	User         rolefit.User
	Organisation rolefit.Organisation
}

// SignIn checks an e-mail address and password and returns every account
// they open, or an unauthorized error that does not say which was wrong.
func (a *App) SignIn(ctx context.Context, email, password string) ([]Account, error) {
	us, err := a.st.SignIn(ctx, email, password)
	if err != nil {
		return nil, err
	}
	accounts := make([]Account, 0, len(us))
	var ssoOnly []string
	for _, u := range us {
		o, err := a.st.Scope(u.OrgID).Get(ctx)
		if err != nil {
			return nil, err
		}
		// The password was right, so saying why it does not open this
		// account tells nothing to someone who does not know it.
		if ok, err := a.passwordSignInAllowed(ctx, u.OrgID); err != nil {
			return nil, err
		} else if !ok {
			ssoOnly = append(ssoOnly, o.Name)
			continue
		}
		accounts = append(accounts, Account{User: u, Organisation: *o})
	}
	if len(accounts) == 0 && len(ssoOnly) > 0 {
		return nil, errs.Forbidden(strings.Join(ssoOnly, " and ") + " signs in with single sign-on only: use the sign-in address your admin gave you.")
	}
	return accounts, nil
}

// AccountIn picks the account to sign in to among those a password
// opened: the one of the organisation chosen, or, when none was chosen,
// the only one. An organisation the password did not open is a plain
// failure, worded as any other.
func AccountIn(accounts []Account, orgID string) (*rolefit.User, error) {
	for i := range accounts {
		if accounts[i].User.OrgID == orgID || orgID == "" && len(accounts) == 1 {
			return &accounts[i].User, nil
		}
	}
	return nil, errs.Unauthorized("That e-mail address and password do not match an account.")
}

// StartSession signs u in and returns the session's token for a cookie.
// The session of replaced, a token the browser still carried, ends, so a
// session fixed by someone else before sign-in is useless.
func (a *App) StartSession(ctx context.Context, u *rolefit.User, replaced string) (string, error) {
	if replaced != "" {
		_ = a.st.DeleteSession(ctx, replaced)
	}
	token, _, err := a.st.CreateSession(ctx, u)
	return token, err
}

// EndSession signs a browser out.
func (a *App) EndSession(ctx context.Context, token string) error {
	return a.st.DeleteSession(ctx, token)
}

// SignedIn is who a session cookie belongs to.
type SignedIn struct {
	User         *rolefit.User
	Organisation *rolefit.Organisation
	// CSRFToken is the session's token for its forms.
	CSRFToken string
	// PreviousVisitAt is when the user was last seen before this session
	// began; nil on their first sign-in.
	PreviousVisitAt *time.Time
}

// Session returns who a session token belongs to, or an unauthorized
// error for a token that is unknown, expired or idle too long.
func (a *App) Session(ctx context.Context, token string) (*SignedIn, error) {
	sess, u, err := a.st.SessionUser(ctx, token)
	if err != nil {
		return nil, err
	}
	org, err := a.st.Scope(u.OrgID).Get(ctx)
	if err != nil {
		return nil, err
	}
	return &SignedIn{User: u, Organisation: org, CSRFToken: sess.CSRFToken, PreviousVisitAt: sess.PreviousVisitAt}, nil
}

// DeviceToken returns a token that marks a browser as one u signs in
// with, for a cookie (see DeviceUser).
func (a *App) DeviceToken(ctx context.Context, u *rolefit.User) (string, error) {
	return a.st.NewDeviceToken(ctx, u.ID)
}

// DeviceUser returns the user a browser's device token was made for, or
// an unauthorized error when it is forged, expired or stale (made before
// the user's password last changed).
func (a *App) DeviceUser(ctx context.Context, token string) (*rolefit.User, error) {
	return a.st.DeviceUser(ctx, token)
}

// Attempts returns how many failed attempts key has in scope's window
// open at now, and when that window ends.
func (a *App) Attempts(ctx context.Context, scope, key string, now time.Time) (int, time.Time, error) {
	return a.st.Attempts(ctx, scope, key, now)
}

// CountAttempt counts one failed attempt of key in scope, in a window of
// the given length opened by the first failure.
func (a *App) CountAttempt(ctx context.Context, scope, key string, now time.Time, window time.Duration) error {
	return a.st.CountAttempt(ctx, scope, key, now, window)
}

// ChangePassword changes the acting user's password when current is
// right, and ends their other sessions: every one but keepSession's.
func (a *App) ChangePassword(ctx context.Context, act Actor, current, next, keepSession string) error {
	if act.UserID == "" {
		return errs.Forbidden("Only a signed-in user can change their password.")
	}
	return a.scope(act).ChangePassword(ctx, act.UserID, current, next, keepSession)
}

// NeedsSetup reports whether rolefit has no users yet, so the sign-in
// page explains how to make the first one.
func (a *App) NeedsSetup(ctx context.Context) (bool, error) {
	n, err := a.st.CountUsers(ctx)
	return n == 0, err
}

// CheckSetupToken checks the one-time set-up link's token.
func (a *App) CheckSetupToken(ctx context.Context, token string) error {
	return a.st.CheckSetupToken(ctx, token)
}

// CompleteSetup creates the first organisation and its admin with the
// one-time set-up link's token, and uses the token up.
func (a *App) CompleteSetup(ctx context.Context, token, organisation string, admin rolefit.NewUser) (*rolefit.User, error) {
	admin.Access = rolefit.Admin
	_, u, err := a.st.CompleteSetup(ctx, token, organisation, admin)
	return u, err
}

// Ready reports whether the database answers.
func (a *App) Ready(ctx context.Context) error { return a.st.Ping(ctx) }

// NewToken returns a fresh random secret of 256 bits, for the web layer's
// own tokens (a signed-out form's CSRF cookie).
func NewToken() string { return store.NewToken() }
