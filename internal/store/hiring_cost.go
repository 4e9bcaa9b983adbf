package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// HiringPeriod is a period of hiring as recorded: its cost items, the
// hires made and their first-year compensation together, for one role or
// (RoleID nil) the organisation as a whole. Months are "YYYY-MM". The
// cost-per-hire rules are internal/econ's (econ.HiringPeriod); the use
// cases check a period there before it is stored.
type HiringPeriod struct {
	ID                    string           `json:"id"`
	OrgID                 string           `json:"-"`
	RoleID                *string          `json:"role_id"`
	FromMonth             string           `json:"from_month"`
	ToMonth               string           `json:"to_month"`
	Hires                 int              `json:"hires"`
	FirstYearCompensation float64          `json:"first_year_compensation"`
	Note                  string           `json:"note"`
	Items                 []HiringCostItem `json:"items" gorm:"-"`
	CreatedAt             time.Time        `json:"created_at"`
}

// TableName tells GORM the table.
func (HiringPeriod) TableName() string { return "hiring_periods" }

// HiringCostItem is one cost of a period: a category of
// econ.Categories and an amount.
type HiringCostItem struct {
	PeriodID string  `json:"-" gorm:"primaryKey"`
	Position int     `json:"-" gorm:"primaryKey;autoIncrement:false"`
	Category string  `json:"category"`
	Amount   float64 `json:"amount"`
	Note     string  `json:"note"`
}

// TableName tells GORM the table.
func (HiringCostItem) TableName() string { return "hiring_cost_items" }

// HiringPeriods returns the organisation's hiring periods, earliest
// first, each with its items in the order entered.
func (o *Scope) HiringPeriods(ctx context.Context) ([]HiringPeriod, error) {
	db := o.s.reader(ctx)
	var ps []HiringPeriod
	if err := o.scope(db).Order("from_month, to_month, created_at, id").Find(&ps).Error; err != nil {
		return nil, fmt.Errorf("list hiring periods: %w", err)
	}
	if len(ps) == 0 {
		return ps, nil
	}
	var items []HiringCostItem
	// The periods' items, reached through the organisation's periods so
	// that no other organisation's row can be read.
	sub := o.scope(db.Model(&HiringPeriod{})).Select("id")
	if err := db.Where("period_id IN (?)", sub).Order("period_id, position").Find(&items).Error; err != nil {
		return nil, fmt.Errorf("read hiring costs: %w", err)
	}
	by := map[string][]HiringCostItem{}
	for _, it := range items {
		by[it.PeriodID] = append(by[it.PeriodID], it)
	}
	for i := range ps {
		ps[i].Items = by[ps[i].ID]
	}
	return ps, nil
}

// CreateHiringPeriod records a period of hiring with its items. A role
// given must be the organisation's: another's is reported as an unknown
// role_id, as if it did not exist.
func (o *Scope) CreateHiringPeriod(ctx context.Context, p HiringPeriod, by Actor) (*HiringPeriod, error) {
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
		if err := tx.Create(&p).Error; err != nil {
			return fmt.Errorf("write hiring period: %w", err)
		}
		for i := range p.Items {
			p.Items[i].PeriodID, p.Items[i].Position = p.ID, i
		}
		if len(p.Items) > 0 {
			if err := tx.Create(&p.Items).Error; err != nil {
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
