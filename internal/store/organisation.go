package store

import (
	"context"
	"errors"
	"fmt"
	"rolefit"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// Scope is the handle every query about one organisation's data goes
// through: its methods add the organisation's ID to each query, so a caller
// cannot forget it and one organisation never sees another's rows.
type Scope struct {
	s  *Store
	id string
}

// Scope returns the handle for the organisation with the given ID. It does not
// check that the organisation exists; queries through it simply find
// nothing when it does not.
func (s *Store) Scope(id string) *Scope { return &Scope{s: s, id: id} }

// ID returns the organisation's ID.
func (o *Scope) ID() string { return o.id }

// scope restricts a query on a table with an org_id column to this
// organisation.
func (o *Scope) scope(db *gorm.DB) *gorm.DB { return db.Where("org_id = ?", o.id) }

// take reads the one row a query selects, turning "no such row" into a
// not-found error that names what was looked for.
func take[T any](db *gorm.DB, what string) (*T, error) {
	var v T
	err := db.Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, errs.NotFound(what)
	}
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", what, err)
	}
	return &v, nil
}

// Get returns the organisation itself.
func (o *Scope) Get(ctx context.Context) (*rolefit.Organisation, error) {
	return takeRaw[rolefit.Organisation](o.s.reader(ctx), "organisation", "id = ?", o.id)
}

// cleanOrgName trims an organisation's name and says what is wrong with
// it, if anything.
func cleanOrgName(name string) (string, string) { return rolefit.CleanName(name, 200) }

// createOrganisation inserts an organisation and its first admin inside
// tx, after checking both, and records it in the new organisation's audit
// log. Every problem with the name or the admin is reported at once.
func (s *Store) createOrganisation(tx *gorm.DB, name string, admin rolefit.NewUser, demo bool) (*rolefit.Organisation, *rolefit.User, error) {
	name, msg := cleanOrgName(name)
	if msg != "" {
		fields := map[string]string{"organisation": msg}
		if _, err := validateUser(admin); err != nil {
			for k, v := range errs.FieldsOf(err) {
				fields[k] = v
			}
		}
		return nil, nil, errs.InvalidFields("Please correct the highlighted fields.", fields)
	}
	org := &rolefit.Organisation{ID: newID(), Name: name, IsDemo: demo, Currency: "USD", CreatedAt: s.now(), Settings: rolefit.DefaultSettings()}
	if err := tx.Create(org).Error; err != nil {
		return nil, nil, fmt.Errorf("create organisation: %w", err)
	}
	user, err := s.insertUser(tx, org.ID, admin)
	if err != nil {
		return nil, nil, err
	}
	if err := s.Scope(org.ID).audit(tx, rolefit.ActorOf(user), "create", "organisation", org.ID, org.Name); err != nil {
		return nil, nil, err
	}
	return org, user, nil
}

// Organisations lists every organisation, oldest first. Only commands run
// by the operator use it; web requests always go through one Org.
func (s *Store) Organisations(ctx context.Context) ([]rolefit.Organisation, error) {
	var orgs []rolefit.Organisation
	if err := s.reader(ctx).Order("created_at, id").Find(&orgs).Error; err != nil {
		return nil, fmt.Errorf("list organisations: %w", err)
	}
	return orgs, nil
}
