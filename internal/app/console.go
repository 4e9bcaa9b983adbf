package app

import (
	"context"
	"strings"

	"rolefit"
	"rolefit/internal/errs"
)

// The use cases of the commands an operator runs on the server (rolefit
// user add, rolefit apikey add): the same rules as the pages, acting as
// the console, which the audit log names by the command.

// ConsoleActor is whoever runs command on the server, acting for the
// organisation with ID orgID. It has no user: a key it makes belongs to
// the organisation.
func ConsoleActor(orgID, command string) Actor {
	return Actor{OrgID: orgID, Audit: rolefit.Actor{ID: "console", Name: command}}
}

// FindOrganisation returns the organisation whose ID is ref, or whose
// name is ref in any case, or nil when there is none.
func (a *App) FindOrganisation(ctx context.Context, ref string) (*rolefit.Organisation, error) {
	orgs, err := a.st.Organisations(ctx)
	if err != nil {
		return nil, err
	}
	for i, o := range orgs {
		if o.ID == ref || strings.EqualFold(o.Name, strings.TrimSpace(ref)) {
			return &orgs[i], nil
		}
	}
	return nil, nil
}

// AddUserFromConsole adds a user to the organisation orgRef names (its ID
// or name). When there is none, it creates the organisation with the user
// as its first admin, and says so (created): a new organisation's first
// user must be an admin, or nobody could manage it.
func (a *App) AddUserFromConsole(ctx context.Context, orgRef string, nu rolefit.NewUser, command string) (org *rolefit.Organisation, created bool, u *rolefit.User, err error) {
	if org, err = a.FindOrganisation(ctx, orgRef); err != nil {
		return nil, false, nil, err
	}
	if org == nil {
		if nu.Access != rolefit.Admin {
			return nil, false, nil, errs.InvalidFields("There is no such organisation, and the first user of a new one must be an admin.",
				map[string]string{"access": "must be an admin: the first user of a new organisation manages it"})
		}
		org, u, err = a.st.CreateOrganisation(ctx, orgRef, nu, false)
		return org, err == nil, u, err
	}
	u, err = a.AddUser(ctx, ConsoleActor(org.ID, command), nu)
	return org, false, u, err
}

// AddOrganisationKey makes an API key of the organisation orgRef names
// (its ID or name), made by no user: it has an admin's rights until it is
// revoked. The secret is returned once.
func (a *App) AddOrganisationKey(ctx context.Context, orgRef, name, command string) (*rolefit.Organisation, *rolefit.APIKey, string, error) {
	org, err := a.FindOrganisation(ctx, orgRef)
	if err != nil {
		return nil, nil, "", err
	}
	if org == nil {
		return nil, nil, "", errs.InvalidFields("There is no such organisation.", map[string]string{"organisation": "is not the name or ID of an organisation"})
	}
	k, secret, err := a.CreateAPIKey(ctx, ConsoleActor(org.ID, command), name)
	return org, k, secret, err
}
