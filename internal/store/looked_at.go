package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"rolefit"
	"rolefit/internal/errs"
)

// MarkLookedAt records that a manager has looked at a person's profile
// answers flagged likely careless, so rolefit puts money figures on them
// again and placement considers the person. Looking again changes
// nothing; a profile without such a flag is invalid ("person").
func (o *Scope) MarkLookedAt(ctx context.Context, personID string, by rolefit.Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		p, err := o.person(tx, personID)
		if err != nil {
			return err
		}
		if p.ProfileResponseID == nil {
			return errs.InvalidFields(p.Name+" has no answers to look at.", map[string]string{"person": "has no profile"})
		}
		var r responseRow
		if err := o.scope(tx).Where("id = ?", *p.ProfileResponseID).Take(&r).Error; err != nil {
			return fmt.Errorf("read profile: %w", err)
		}
		if r.Severity != rolefit.SeverityLikely {
			return errs.InvalidFields(p.Name+"'s answers are not flagged likely careless.", map[string]string{"person": "has no answers flagged likely careless"})
		}
		if r.LookedAt != nil {
			return nil
		}
		if err := o.scope(tx.Model(&responseRow{})).Where("id = ?", r.ID).Update("looked_at", o.s.now()).Error; err != nil {
			return fmt.Errorf("record the look: %w", err)
		}
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		return o.audit(tx, by, "look_at", "person", p.ID, "answers flagged likely careless")
	})
}
