// Package demo fills an empty rolefit database with a clearly labelled
// demo organisation, so a new user can look around before inviting anyone.
package demo

import (
	"context"
	"fmt"

	"rolefit/internal/store"
)

// Login is a demo account and how to sign in with it.
type Login struct {
	Role     store.Role
	Email    string
	Password string
}

// OrgName is the demo organisation's name.
const OrgName = "Northwind Supplies (demo)"

// The demo accounts. Their passwords are published on purpose: demo data
// is for trying rolefit on one's own machine, never for real people.
var (
	Manager = Login{Role: store.RoleManager, Email: "manager@demo.rolefit.example", Password: "demo-manager"}
	Admin   = Login{Role: store.RoleAdmin, Email: "admin@demo.rolefit.example", Password: "demo-admin-1"}
)

// Seed creates the demo organisation with a manager and an admin login
// when the database has no organisation yet. It returns the logins, and
// created=false when the database already had data (then it adds nothing,
// and the logins work only if an earlier Seed made them).
func Seed(ctx context.Context, st *store.Store) (logins []Login, created bool, err error) {
	orgs, err := st.Organisations(ctx)
	if err != nil {
		return nil, false, err
	}
	logins = []Login{Manager, Admin}
	if len(orgs) > 0 {
		for _, o := range orgs {
			if o.IsDemo {
				return logins, false, nil
			}
		}
		return nil, false, nil
	}
	org, admin, err := st.CreateOrganisation(ctx, OrgName,
		store.NewUser{Email: Admin.Email, Name: "Alex Admin", Role: store.RoleAdmin, Password: Admin.Password}, true)
	if err != nil {
		return nil, false, fmt.Errorf("create demo organisation: %w", err)
	}
	_, err = st.Org(org.ID).CreateUser(ctx,
		store.NewUser{Email: Manager.Email, Name: "Morgan Manager", Role: store.RoleManager, Password: Manager.Password},
		store.ActorOf(admin))
	if err != nil {
		return nil, false, fmt.Errorf("create demo manager: %w", err)
	}
	return logins, true, nil
}
