package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// CompPlan is a placement role's compensation plan as stored: annual
// amounts, how variable pay follows attainment ("commission" or "bonus")
// and the benefits load on base. Its rules and figures are
// internal/econ's (econ.CompPlan); the use cases check a plan there before
// it is stored.
type CompPlan struct {
	RoleID         string    `json:"role_id" gorm:"primaryKey"`
	OrgID          string    `json:"-"`
	Base           float64   `json:"base"`
	TargetVariable float64   `json:"target_variable"`
	Basis          string    `json:"basis"`
	Quota          float64   `json:"quota"`
	BenefitsLoad   float64   `json:"benefits_load"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// TableName tells GORM the table.
func (CompPlan) TableName() string { return "comp_plans" }

// CompPlans returns the organisation's compensation plans by role ID.
func (o *Scope) CompPlans(ctx context.Context) (map[string]CompPlan, error) {
	var ps []CompPlan
	if err := o.scope(o.s.reader(ctx)).Find(&ps).Error; err != nil {
		return nil, fmt.Errorf("list compensation plans: %w", err)
	}
	out := make(map[string]CompPlan, len(ps))
	for _, p := range ps {
		out[p.RoleID] = p
	}
	return out, nil
}

// SetCompPlan records a role's compensation plan, replacing the one it
// had. The role must be the organisation's (not found otherwise).
func (o *Scope) SetCompPlan(ctx context.Context, p CompPlan, by Actor) (*CompPlan, error) {
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		r, err := o.role(tx, p.RoleID)
		if err != nil {
			return err
		}
		p.OrgID, p.UpdatedAt = o.id, o.s.now()
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		if err := o.scope(tx).Where("role_id = ?", p.RoleID).Delete(&CompPlan{}).Error; err != nil {
			return fmt.Errorf("replace compensation plan: %w", err)
		}
		if err := tx.Create(&p).Error; err != nil {
			return fmt.Errorf("write compensation plan: %w", err)
		}
		return o.audit(tx, by, "update", "role", r.ID, r.Name+": compensation plan")
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// RoleHiring is what hiring into a role loses besides its cost per hire:
// the days its seat stays empty and the new person's productivity in each
// month of ramp-up, as shares of full.
type RoleHiring struct {
	RoleID     string    `json:"role_id" gorm:"primaryKey"`
	OrgID      string    `json:"-"`
	DaysToFill float64   `json:"days_to_fill"`
	Ramp       []float64 `json:"ramp" gorm:"-"`
	// RampText is Ramp as stored: the shares comma-separated.
	RampText  string    `json:"-" gorm:"column:ramp"`
	UpdatedAt time.Time `json:"updated_at"`
}

// TableName tells GORM the table.
func (RoleHiring) TableName() string { return "role_hiring" }

// RoleHirings returns the organisation's hiring figures by role ID.
func (o *Scope) RoleHirings(ctx context.Context) (map[string]RoleHiring, error) {
	var hs []RoleHiring
	if err := o.scope(o.s.reader(ctx)).Find(&hs).Error; err != nil {
		return nil, fmt.Errorf("list roles' hiring figures: %w", err)
	}
	out := make(map[string]RoleHiring, len(hs))
	for _, h := range hs {
		ramp, err := parseRamp(h.RampText)
		if err != nil {
			return nil, fmt.Errorf("read ramp-up of role %s: %w", h.RoleID, err)
		}
		h.Ramp = ramp
		out[h.RoleID] = h
	}
	return out, nil
}

// SetRoleHiring records a role's days to fill and ramp-up, replacing what
// it had. The role must be the organisation's (not found otherwise).
func (o *Scope) SetRoleHiring(ctx context.Context, h RoleHiring, by Actor) (*RoleHiring, error) {
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		r, err := o.role(tx, h.RoleID)
		if err != nil {
			return err
		}
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		h.OrgID, h.UpdatedAt, h.RampText = o.id, o.s.now(), formatRamp(h.Ramp)
		if err := o.scope(tx).Where("role_id = ?", h.RoleID).Delete(&RoleHiring{}).Error; err != nil {
			return fmt.Errorf("replace hiring figures: %w", err)
		}
		if err := tx.Create(&h).Error; err != nil {
			return fmt.Errorf("write hiring figures: %w", err)
		}
		return o.audit(tx, by, "update", "role", r.ID, r.Name+": days to fill and ramp-up")
	})
	if err != nil {
		return nil, err
	}
	return &h, nil
}

func formatRamp(ramp []float64) string {
	parts := make([]string, len(ramp))
	for i, v := range ramp {
		parts[i] = strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strings.Join(parts, ",")
}

func parseRamp(s string) ([]float64, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	out := make([]float64, len(parts))
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
