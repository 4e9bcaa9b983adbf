package app

import (
	"context"
	"rolefit"

	"rolefit/internal/errs"
)

// Users lists the organisation's users (an admin's page).
func (a *App) Users(ctx context.Context, act Actor) ([]rolefit.User, error) {
	return a.scope(act).Users(ctx)
}

// AddUser adds a user with a first password the admin passes on.
func (a *App) AddUser(ctx context.Context, act Actor, nu rolefit.NewUser) (*rolefit.User, error) {
	return a.scope(act).CreateUser(ctx, nu, act.Audit)
}

// SetUserAccess changes what a user may do, and what the API keys they made
// may do; the last admin keeps theirs.
func (a *App) SetUserAccess(ctx context.Context, act Actor, userID string, role rolefit.Access) error {
	if err := a.scope(act).SetUserAccess(ctx, userID, role, act.Audit); err != nil {
		return err
	}
	a.forgetKeysOf(userID)
	return nil
}

// RemoveUser removes a user and revokes the API keys they made. Nobody
// removes their own account, so nobody locks themselves out by a slip;
// another admin can.
func (a *App) RemoveUser(ctx context.Context, act Actor, userID string) error {
	if userID == act.UserID {
		return errs.Conflict("You cannot remove your own account. Ask another admin.")
	}
	if err := a.scope(act).DeleteUser(ctx, userID, act.Audit); err != nil {
		return err
	}
	a.forgetKeysOf(userID)
	return nil
}

// APIKeys lists the organisation's API keys.
func (a *App) APIKeys(ctx context.Context, act Actor) ([]rolefit.APIKey, error) {
	return a.scope(act).APIKeys(ctx)
}

// CreateAPIKey makes a key and returns its secret, which is shown once.
func (a *App) CreateAPIKey(ctx context.Context, act Actor, name string) (*rolefit.APIKey, string, error) {
	return a.scope(act).CreateAPIKey(ctx, name, act.Audit)
}

// RevokeAPIKey stops a key from working: at once in this process, within
// KeyCacheTTL in others sharing the database.
func (a *App) RevokeAPIKey(ctx context.Context, act Actor, id string) error {
	if err := a.scope(act).RevokeAPIKey(ctx, id, act.Audit); err != nil {
		return err
	}
	a.forgetKey(id)
	return nil
}
