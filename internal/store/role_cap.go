package store

import (
	"fmt"
	"rolefit"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// roomForRole refuses a role beyond rolefit.MaxRoles. It runs in the creating
// transaction after placementChanged, which makes concurrent creates in
// one organisation take turns on PostgreSQL (SQLite has one writer), so
// two of them cannot both see room for the last role.
func (o *Scope) roomForRole(tx *gorm.DB) error {
	var n int64
	if err := o.scope(tx.Model(&roleRow{})).Count(&n).Error; err != nil {
		return fmt.Errorf("count roles: %w", err)
	}
	if n >= rolefit.MaxRoles {
		return errs.Conflict("The organisation has %d roles, the most rolefit keeps (%d): placement's work grows quickly with the roles. Delete a role to add another.", n, rolefit.MaxRoles)
	}
	return nil
}
