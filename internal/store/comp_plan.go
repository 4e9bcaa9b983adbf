package store

import (
	"context"
	"fmt"
	"rolefit"
	"strconv"
	"strings"

	"gorm.io/gorm"
)

// CompPlans returns the organisation's compensation plans by role ID.
func (o *Scope) CompPlans(ctx context.Context) (map[string]rolefit.CompPlan, error) {
	var ps []rolefit.CompPlan
	if err := o.scope(o.s.reader(ctx)).Find(&ps).Error; err != nil {
		return nil, fmt.Errorf("list compensation plans: %w", err)
	}
	out := make(map[string]rolefit.CompPlan, len(ps))
	for _, p := range ps {
		out[p.RoleID] = p
	}
	return out, nil
}

// SetCompPlan records a role's compensation plan, replacing the one it
// had. The role must be the organisation's (not found otherwise).
func (o *Scope) SetCompPlan(ctx context.Context, p rolefit.CompPlan, by rolefit.Actor) (*rolefit.CompPlan, error) {
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		r, err := o.role(tx, p.RoleID)
		if err != nil {
			return err
		}
		p.OrgID, p.UpdatedAt = o.id, o.s.now()
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		if err := o.scope(tx).Where("role_id = ?", p.RoleID).Delete(&rolefit.CompPlan{}).Error; err != nil {
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

// RoleHirings returns the organisation's hiring figures by role ID.
func (o *Scope) RoleHirings(ctx context.Context) (map[string]rolefit.RoleHiring, error) {
	var rows []roleHiringRow
	if err := o.scope(o.s.reader(ctx)).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list roles' hiring figures: %w", err)
	}
	out := make(map[string]rolefit.RoleHiring, len(rows))
	for _, row := range rows {
		ramp, err := parseRamp(row.Ramp)
		if err != nil {
			return nil, fmt.Errorf("read ramp-up of role %s: %w", row.RoleID, err)
		}
		out[row.RoleID] = rolefit.RoleHiring{RoleID: row.RoleID, OrgID: row.OrgID, DaysToFill: row.DaysToFill, Ramp: ramp, UpdatedAt: row.UpdatedAt}
	}
	return out, nil
}

// SetRoleHiring records a role's days to fill and ramp-up, replacing what
// it had. The role must be the organisation's (not found otherwise).
func (o *Scope) SetRoleHiring(ctx context.Context, h rolefit.RoleHiring, by rolefit.Actor) (*rolefit.RoleHiring, error) {
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		r, err := o.role(tx, h.RoleID)
		if err != nil {
			return err
		}
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		h.OrgID, h.UpdatedAt = o.id, o.s.now()
		if err := o.scope(tx).Where("role_id = ?", h.RoleID).Delete(&roleHiringRow{}).Error; err != nil {
			return fmt.Errorf("replace hiring figures: %w", err)
		}
		row := roleHiringRow{RoleID: h.RoleID, OrgID: h.OrgID, DaysToFill: h.DaysToFill, Ramp: formatRamp(h.Ramp), UpdatedAt: h.UpdatedAt}
		if err := tx.Create(&row).Error; err != nil {
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
