package store

import (
	"fmt"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// MaxRoles is the most placement roles an organisation may have. A team
// placement's explanations cost O(roles³) and its solve grows with the
// roles too: at 200 roles it still places 1,000 people in about a second
// of one core (placement.MaxPeople; docs/PERFORMANCE.md), where an
// organisation of 1,204 roles made one placement take 4.8 s. A sales
// organisation has tens of roles; 200 leaves room for many teams.
const MaxRoles = 200

// roomForRole refuses a role beyond MaxRoles. It runs in the creating
// transaction after placementChanged, which makes concurrent creates in
// one organisation take turns on PostgreSQL (SQLite has one writer), so
// two of them cannot both see room for the last role.
func (o *Scope) roomForRole(tx *gorm.DB) error {
	var n int64
	if err := o.scope(tx.Model(&Role{})).Count(&n).Error; err != nil {
		return fmt.Errorf("count roles: %w", err)
	}
	if n >= MaxRoles {
		return errs.Conflict("The organisation has %d roles, the most rolefit keeps (%d): placement's work grows quickly with the roles. Delete a role to add another.", n, MaxRoles)
	}
	return nil
}
