package store

import (
	"context"
	"errors"
	"fmt"
	"rolefit"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// checkRole cleans in and turns its problems into an invalid error.
func checkRole(in rolefit.RoleInput) (rolefit.RoleInput, error) {
	in, f := in.Check()
	if len(f) > 0 {
		return in, errs.InvalidFields("Please correct the highlighted fields.", f)
	}
	return in, nil
}

// Roles returns the organisation's roles by name, each with its profile.
func (o *Scope) Roles(ctx context.Context) ([]rolefit.Role, error) {
	db := o.s.reader(ctx)
	var rows []roleRow
	if err := o.scope(db).Order("lower(name), id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	rs := make([]rolefit.Role, len(rows))
	for i, row := range rows {
		rs[i] = row.role()
	}
	if len(rs) == 0 {
		return rs, nil
	}
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	var ws []rolefit.RoleWeight
	if err := db.Where("role_id IN ?", ids).Order("role_id, scale_id").Find(&ws).Error; err != nil {
		return nil, fmt.Errorf("read role profiles: %w", err)
	}
	by := map[string][]rolefit.RoleWeight{}
	for _, w := range ws {
		by[w.RoleID] = append(by[w.RoleID], w)
	}
	for i := range rs {
		rs[i].Weights = by[rs[i].ID]
	}
	return rs, nil
}

// Role returns one of the organisation's roles with its profile.
func (o *Scope) Role(ctx context.Context, id string) (*rolefit.Role, error) {
	return o.role(o.s.reader(ctx), id)
}

func (o *Scope) role(db *gorm.DB, id string) (*rolefit.Role, error) {
	row, err := take[roleRow](o.scope(db).Where("id = ?", id), "role")
	if err != nil {
		return nil, err
	}
	role := row.role()
	r := &role
	if err := db.Where("role_id = ?", r.ID).Order("scale_id").Find(&r.Weights).Error; err != nil {
		return nil, fmt.Errorf("read role profile: %w", err)
	}
	return r, nil
}

// CreateRole adds a role to the organisation.
func (o *Scope) CreateRole(ctx context.Context, in rolefit.RoleInput, by rolefit.Actor) (*rolefit.Role, error) {
	in, err := checkRole(in)
	if err != nil {
		return nil, err
	}
	now := o.s.now()
	r := &rolefit.Role{ID: newID(), OrgID: o.id, CreatedAt: now}
	err = o.s.tx(ctx, func(tx *gorm.DB) error {
		// First, so that on PostgreSQL two creates in one organisation
		// take turns and the second counts the first's role.
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		if err := o.roomForRole(tx); err != nil {
			return err
		}
		if err := o.roleNameFree(tx, in.Name, ""); err != nil {
			return err
		}
		r.Apply(in, now)
		if err := tx.Create(ptr(roleRowOf(*r))).Error; err != nil {
			return roleWriteError(err)
		}
		if err := o.writeWeights(tx, r); err != nil {
			return err
		}
		return o.audit(tx, by, "create", "role", r.ID, r.Name)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// UpdateRole replaces a role's fields and profile.
func (o *Scope) UpdateRole(ctx context.Context, id string, in rolefit.RoleInput, by rolefit.Actor) (*rolefit.Role, error) {
	in, err := checkRole(in)
	if err != nil {
		return nil, err
	}
	var r *rolefit.Role
	err = o.s.tx(ctx, func(tx *gorm.DB) error {
		if r, err = o.role(tx, id); err != nil {
			return err
		}
		if err := o.placementChanged(tx); err != nil {
			return err
		}

		if err := o.roleNameFree(tx, in.Name, id); err != nil {
			return err
		}
		r.Apply(in, o.s.now())
		if err := o.scope(tx).Select("*").Omit("created_at").Updates(ptr(roleRowOf(*r))).Error; err != nil {
			return roleWriteError(err)
		}
		if err := tx.Where("role_id = ?", r.ID).Delete(&rolefit.RoleWeight{}).Error; err != nil {
			return fmt.Errorf("replace role profile: %w", err)
		}
		if err := o.writeWeights(tx, r); err != nil {
			return err
		}
		return o.audit(tx, by, "update", "role", r.ID, r.Name)
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// DeleteRole removes a role. Staff whose role it was today are left
// without one.
func (o *Scope) DeleteRole(ctx context.Context, id string, by rolefit.Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		r, err := o.role(tx, id)
		if err != nil {
			return err
		}
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		// The foreign key does the same; saying it keeps a database whose
		// connection has foreign keys off from holding a dangling ID.
		if err := o.scope(tx.Model(&rolefit.Person{})).Where("current_role_id = ?", id).Update("current_role_id", nil).Error; err != nil {
			return fmt.Errorf("clear current roles: %w", err)
		}
		if err := tx.Where("role_id = ?", id).Delete(&rolefit.RoleWeight{}).Error; err != nil {
			return fmt.Errorf("delete role profile: %w", err)
		}
		if err := o.scope(tx).Where("id = ?", id).Delete(&roleRow{}).Error; err != nil {
			return fmt.Errorf("delete role: %w", err)
		}
		return o.audit(tx, by, "delete", "role", id, r.Name)
	})
}

// SetCurrentRole records a staff member's role today; roleID "" records
// none. A candidate has no role yet.
func (o *Scope) SetCurrentRole(ctx context.Context, personID, roleID string, by rolefit.Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		p, err := o.person(tx, personID)
		if err != nil {
			return err
		}
		var value any
		detail := "no role"
		if roleID != "" {
			if p.Kind != rolefit.Staff {
				return errs.InvalidFields("Only staff have a role today.", map[string]string{"role_id": "is only for staff; a candidate has none yet"})
			}
			r, err := take[roleRow](o.scope(tx).Where("id = ?", roleID), "role")
			if errs.Code(err) == errs.CodeNotFound {
				return errs.InvalidFields("There is no such role.", map[string]string{"role_id": "is not one of your organisation's roles"})
			}
			if err != nil {
				return err
			}
			value, detail = r.ID, r.Name
		}
		if err := o.scope(tx.Model(&rolefit.Person{})).Where("id = ?", personID).
			Updates(map[string]any{"current_role_id": value, "updated_at": o.s.now()}).Error; err != nil {
			return fmt.Errorf("set current role: %w", err)
		}
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		return o.audit(tx, by, "update", "person", personID, "current role: "+detail)
	})
}

func (o *Scope) writeWeights(tx *gorm.DB, r *rolefit.Role) error {
	if len(r.Weights) == 0 {
		return nil
	}
	if err := tx.Create(&r.Weights).Error; err != nil {
		return fmt.Errorf("write role profile: %w", err)
	}
	return nil
}

// roleNameFree checks that no other role of the organisation (other than
// except) has the name, whatever its case.
func (o *Scope) roleNameFree(tx *gorm.DB, name, except string) error {
	var n int64
	if err := o.scope(tx.Model(&roleRow{})).Where("lower(name) = lower(?) AND id <> ?", name, except).Count(&n).Error; err != nil {
		return fmt.Errorf("check role name: %w", err)
	}
	if n > 0 {
		return roleNameTaken()
	}
	return nil
}

func roleNameTaken() error {
	return &errs.Error{Code: errs.CodeConflict, Message: "Another role already has that name.",
		Fields: map[string]string{"name": "another role already has this name"}}
}

func roleWriteError(err error) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return roleNameTaken()
	}
	return fmt.Errorf("write role: %w", err)
}
