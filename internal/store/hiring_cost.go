package store

import (
	"context"
	"fmt"
	"rolefit"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// HiringPeriods returns the organisation's hiring periods, earliest
// first, each with its items in the order entered.
func (o *Scope) HiringPeriods(ctx context.Context) ([]rolefit.HiringPeriod, error) {
	db := o.s.reader(ctx)
	var rows []hiringPeriodRow
	if err := o.scope(db).Order("from_month, to_month, created_at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list hiring periods: %w", err)
	}
	ps := make([]rolefit.HiringPeriod, len(rows))
	if len(ps) == 0 {
		return ps, nil
	}
	var items []hiringCostItemRow
	// The periods' items, reached through the organisation's periods so
	// that no other organisation's row can be read.
	sub := o.scope(db.Model(&hiringPeriodRow{})).Select("id")
	if err := db.Where("period_id IN (?)", sub).Order("period_id, position").Find(&items).Error; err != nil {
		return nil, fmt.Errorf("read hiring costs: %w", err)
	}
	by := map[string][]rolefit.HiringCostItem{}
	for _, it := range items {
		by[it.PeriodID] = append(by[it.PeriodID], rolefit.HiringCostItem{Category: it.Category, Amount: it.Amount, Note: it.Note})
	}
	for i, r := range rows {
		ps[i] = rolefit.HiringPeriod{ID: r.ID, OrgID: r.OrgID, RoleID: r.RoleID, FromMonth: r.FromMonth, ToMonth: r.ToMonth, Hires: r.Hires,
			FirstYearCompensation: r.FirstYearCompensation, Note: r.Note, Items: by[r.ID], CreatedAt: r.CreatedAt}
	}
	return ps, nil
}

// CreateHiringPeriod records a period of hiring with its items. A role
// given must be the organisation's: another's is reported as an unknown
// role_id, as if it did not exist.
func (o *Scope) CreateHiringPeriod(ctx context.Context, p rolefit.HiringPeriod, by rolefit.Actor) (*rolefit.HiringPeriod, error) {
	p.ID, p.OrgID, p.CreatedAt = newID(), o.id, o.s.now()
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		detail := "organisation"
		if p.RoleID != nil {
			r, err := o.role(tx, *p.RoleID)
			if err != nil {
				return unknownRole(err)
			}
			detail = r.Name
		}
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		row := hiringPeriodRow{ID: p.ID, OrgID: p.OrgID, RoleID: p.RoleID, FromMonth: p.FromMonth, ToMonth: p.ToMonth, Hires: p.Hires,
			FirstYearCompensation: p.FirstYearCompensation, Note: p.Note, CreatedAt: p.CreatedAt}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("write hiring period: %w", err)
		}
		items := make([]hiringCostItemRow, len(p.Items))
		for i, it := range p.Items {
			items[i] = hiringCostItemRow{PeriodID: p.ID, Position: i, Category: it.Category, Amount: it.Amount, Note: it.Note}
		}
		if len(items) > 0 {
			if err := tx.Create(&items).Error; err != nil {
				return fmt.Errorf("write hiring costs: %w", err)
			}
		}
		return o.audit(tx, by, "create", "hiring_period", p.ID,
			fmt.Sprintf("%s, %s to %s: %d hires", detail, p.FromMonth, p.ToMonth, p.Hires))
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// unknownRole turns "no such role" into an invalid role_id: the role is
// an input of the record, not the thing addressed.
func unknownRole(err error) error {
	if errs.Code(err) == errs.CodeNotFound {
		return errs.InvalidFields("There is no such role.", map[string]string{"role_id": "is not one of your organisation's roles"})
	}
	return err
}
