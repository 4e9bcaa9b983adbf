package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// Organisation is a company using rolefit. All its data is its own.
type Organisation struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	IsDemo    bool      `json:"is_demo"`
	Currency  string    `json:"currency"`
	CreatedAt time.Time `json:"created_at"`
}

// TableName tells GORM the table.
func (Organisation) TableName() string { return "organisations" }

// Org is the handle every query about one organisation's data goes
// through: its methods add the organisation's ID to each query, so a caller
// cannot forget it and one organisation never sees another's rows.
type Org struct {
	s  *Store
	id string
}

// Org returns the handle for the organisation with the given ID. It does not
// check that the organisation exists; queries through it simply find
// nothing when it does not.
func (s *Store) Org(id string) *Org { return &Org{s: s, id: id} }

// ID returns the organisation's ID.
func (o *Org) ID() string { return o.id }

// scope restricts a query on a table with an org_id column to this
// organisation.
func (o *Org) scope(db *gorm.DB) *gorm.DB { return db.Where("org_id = ?", o.id) }

// Get returns the organisation itself.
func (o *Org) Get(ctx context.Context) (*Organisation, error) {
	var org Organisation
	err := o.s.reader(ctx).Where("id = ?", o.id).Take(&org).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, errs.NotFound("organisation")
	}
	if err != nil {
		return nil, fmt.Errorf("get organisation: %w", err)
	}
	return &org, nil
}

// cleanOrgName trims a name and says what is wrong with it, if anything.
func cleanOrgName(name string) (string, string) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return name, "is required"
	case len(name) > 200:
		return name, "must be at most 200 characters"
	}
	return name, ""
}

// createOrganisation inserts an organisation inside tx.
func (s *Store) createOrganisation(tx *gorm.DB, name string, demo bool) (*Organisation, error) {
	org := &Organisation{ID: newID(), Name: name, IsDemo: demo, Currency: "USD", CreatedAt: s.now()}
	if err := tx.Create(org).Error; err != nil {
		return nil, fmt.Errorf("create organisation: %w", err)
	}
	return org, nil
}

// Organisations lists every organisation, oldest first. Only commands run
// by the operator use it; web requests always go through one Org.
func (s *Store) Organisations(ctx context.Context) ([]Organisation, error) {
	var orgs []Organisation
	if err := s.reader(ctx).Order("created_at, id").Find(&orgs).Error; err != nil {
		return nil, fmt.Errorf("list organisations: %w", err)
	}
	return orgs, nil
}
