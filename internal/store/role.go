package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
	"rolefit/internal/placement"
	"rolefit/internal/quantity"
	"rolefit/internal/text"
)

// The activities a role does (internal/placement/doc.go), as stored.
const (
	ActivityNewBusiness    = "new_business"
	ActivityAccountService = "account_service"
	ActivityMix            = "mix"
)

// Role is a placement role of an organisation: what it does, the profile
// it needs, how many people it seats and what a person in it earns and
// costs a month.
type Role struct {
	ID               string  `json:"id"`
	OrgID            string  `json:"-"`
	Name             string  `json:"name"`
	Activity         string  `json:"activity"`
	NewBusinessShare float64 `json:"new_business_share"`
	SeatsMin         int     `json:"seats_min"`
	SeatsMax         int     `json:"seats_max"`
	HoursPerMonth    float64 `json:"hours_per_month"`
	BaselineRate     float64 `json:"baseline_rate"`
	MonthlyCost      float64 `json:"monthly_cost"`
	// Weights is the target profile, ordered by scale ID.
	Weights   []RoleWeight `json:"-" gorm:"-"`
	CreatedAt time.Time    `json:"created_at"`
	UpdatedAt time.Time    `json:"updated_at"`
}

// TableName tells GORM the table.
func (Role) TableName() string { return "roles" }

// RoleWeight is one weight of a role's target profile: a scale (a facet
// or a composite) and how much it counts.
type RoleWeight struct {
	RoleID  string  `json:"-"`
	ScaleID string  `json:"scale"`
	Weight  float64 `json:"weight"`
}

// TableName tells GORM the table.
func (RoleWeight) TableName() string { return "role_weights" }

// RoleInput is what a manager enters to add or change a role. Field
// errors are keyed by the names used here in snake case ("seats_min",
// "profile.hunter").
type RoleInput struct {
	Name             string
	Activity         string
	NewBusinessShare float64
	SeatsMin         int
	SeatsMax         int
	HoursPerMonth    float64
	BaselineRate     float64
	MonthlyCost      float64
	Weights          []RoleWeight
}

// Input returns the role as the input that would make it again.
func (r *Role) Input() RoleInput {
	return RoleInput{Name: r.Name, Activity: r.Activity, NewBusinessShare: r.NewBusinessShare, SeatsMin: r.SeatsMin,
		SeatsMax: r.SeatsMax, HoursPerMonth: r.HoursPerMonth, BaselineRate: r.BaselineRate, MonthlyCost: r.MonthlyCost,
		Weights: slices.Clone(r.Weights)}
}

// Check cleans a role's input and returns what is wrong with it, keyed by
// field. It checks everything the store can know: the name here, and the
// activity, figures and profile by the one rule for a role
// (placement.Role.Flaws), which Placement checks a team's roles by too.
// Whether each scale exists is the questionnaire catalog's to say, and
// the caller's to check.
func (in RoleInput) Check() (RoleInput, map[string]string) {
	f := map[string]string{}
	in.Name = strings.TrimSpace(in.Name)
	switch {
	case in.Name == "":
		f["name"] = "is required"
	case len(in.Name) > 100:
		f["name"] = "must be at most 100 characters"
	default:
		if msg := text.Problem(in.Name); msg != "" {
			f["name"] = msg
		}
	}
	in.Activity = strings.TrimSpace(in.Activity)
	switch in.Activity {
	case ActivityNewBusiness:
		in.NewBusinessShare = 1
	case ActivityAccountService:
		in.NewBusinessShare = 0
	}
	for i := range in.Weights {
		in.Weights[i].ScaleID = strings.TrimSpace(in.Weights[i].ScaleID)
	}
	maps.Copy(f, in.placementRole().Flaws().Fields(""))
	weights := make([]RoleWeight, 0, len(in.Weights))
	for _, w := range in.Weights {
		if w.Weight != 0 {
			weights = append(weights, RoleWeight{ScaleID: w.ScaleID, Weight: w.Weight})
		}
	}
	slices.SortFunc(weights, func(a, b RoleWeight) int { return cmp.Compare(a.ScaleID, b.ScaleID) })
	in.Weights = weights
	return in, f
}

// placementRole is the input as placement's role, whose rule it is.
func (in RoleInput) placementRole() placement.Role {
	r := placement.Role{Activity: placement.Activity(in.Activity), NewBusinessShare: in.NewBusinessShare,
		Seats: placement.Seats{Min: in.SeatsMin, Max: in.SeatsMax}, HoursPerMonth: in.HoursPerMonth,
		BaselineRate: in.BaselineRate, MonthlyCost: in.MonthlyCost, Profile: make([]placement.Weight, len(in.Weights))}
	for i, w := range in.Weights {
		r.Profile[i] = placement.Weight{Scale: w.ScaleID, Weight: w.Weight}
	}
	return r
}

// Flaws lists what is wrong with a stored role's figures, by the same
// rule as Check, for a role saved before a range was checked (or by an
// older rolefit), which the pages then leave out and name.
func (r *Role) Flaws() quantity.Flaws {
	return r.Input().placementRole().Flaws()
}

// checkRole cleans in and turns its problems into an invalid error.
func checkRole(in RoleInput) (RoleInput, error) {
	in, f := in.Check()
	if len(f) > 0 {
		return in, errs.InvalidFields("Please correct the highlighted fields.", f)
	}
	return in, nil
}

// Roles returns the organisation's roles by name, each with its profile.
func (o *Scope) Roles(ctx context.Context) ([]Role, error) {
	db := o.s.reader(ctx)
	var rs []Role
	if err := o.scope(db).Order("lower(name), id").Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	if len(rs) == 0 {
		return rs, nil
	}
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	var ws []RoleWeight
	if err := db.Where("role_id IN ?", ids).Order("role_id, scale_id").Find(&ws).Error; err != nil {
		return nil, fmt.Errorf("read role profiles: %w", err)
	}
	by := map[string][]RoleWeight{}
	for _, w := range ws {
		by[w.RoleID] = append(by[w.RoleID], w)
	}
	for i := range rs {
		rs[i].Weights = by[rs[i].ID]
	}
	return rs, nil
}

// Role returns one of the organisation's roles with its profile.
func (o *Scope) Role(ctx context.Context, id string) (*Role, error) {
	return o.role(o.s.reader(ctx), id)
}

func (o *Scope) role(db *gorm.DB, id string) (*Role, error) {
	r, err := take[Role](o.scope(db).Where("id = ?", id), "role")
	if err != nil {
		return nil, err
	}
	if err := db.Where("role_id = ?", r.ID).Order("scale_id").Find(&r.Weights).Error; err != nil {
		return nil, fmt.Errorf("read role profile: %w", err)
	}
	return r, nil
}

// CreateRole adds a role to the organisation.
func (o *Scope) CreateRole(ctx context.Context, in RoleInput, by Actor) (*Role, error) {
	in, err := checkRole(in)
	if err != nil {
		return nil, err
	}
	now := o.s.now()
	r := &Role{ID: newID(), OrgID: o.id, CreatedAt: now}
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
		r.apply(in, now)
		if err := tx.Create(r).Error; err != nil {
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
func (o *Scope) UpdateRole(ctx context.Context, id string, in RoleInput, by Actor) (*Role, error) {
	in, err := checkRole(in)
	if err != nil {
		return nil, err
	}
	var r *Role
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
		r.apply(in, o.s.now())
		if err := o.scope(tx).Select("*").Omit("created_at").Updates(r).Error; err != nil {
			return roleWriteError(err)
		}
		if err := tx.Where("role_id = ?", r.ID).Delete(&RoleWeight{}).Error; err != nil {
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
func (o *Scope) DeleteRole(ctx context.Context, id string, by Actor) error {
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
		if err := o.scope(tx.Model(&Person{})).Where("current_role_id = ?", id).Update("current_role_id", nil).Error; err != nil {
			return fmt.Errorf("clear current roles: %w", err)
		}
		if err := tx.Where("role_id = ?", id).Delete(&RoleWeight{}).Error; err != nil {
			return fmt.Errorf("delete role profile: %w", err)
		}
		if err := o.scope(tx).Where("id = ?", id).Delete(&Role{}).Error; err != nil {
			return fmt.Errorf("delete role: %w", err)
		}
		return o.audit(tx, by, "delete", "role", id, r.Name)
	})
}

// SetCurrentRole records a staff member's role today; roleID "" records
// none. A candidate has no role yet.
func (o *Scope) SetCurrentRole(ctx context.Context, personID, roleID string, by Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		p, err := o.person(tx, personID)
		if err != nil {
			return err
		}
		var value any
		detail := "no role"
		if roleID != "" {
			if p.Kind != Staff {
				return errs.InvalidFields("Only staff have a role today.", map[string]string{"role_id": "is only for staff; a candidate has none yet"})
			}
			r, err := take[Role](o.scope(tx).Where("id = ?", roleID), "role")
			if errs.Code(err) == errs.CodeNotFound {
				return errs.InvalidFields("There is no such role.", map[string]string{"role_id": "is not one of your organisation's roles"})
			}
			if err != nil {
				return err
			}
			value, detail = r.ID, r.Name
		}
		if err := o.scope(tx.Model(&Person{})).Where("id = ?", personID).
			Updates(map[string]any{"current_role_id": value, "updated_at": o.s.now()}).Error; err != nil {
			return fmt.Errorf("set current role: %w", err)
		}
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		return o.audit(tx, by, "update", "person", personID, "current role: "+detail)
	})
}

func (r *Role) apply(in RoleInput, now time.Time) {
	r.Name, r.Activity, r.NewBusinessShare = in.Name, in.Activity, in.NewBusinessShare
	r.SeatsMin, r.SeatsMax, r.HoursPerMonth = in.SeatsMin, in.SeatsMax, in.HoursPerMonth
	r.BaselineRate, r.MonthlyCost, r.UpdatedAt = in.BaselineRate, in.MonthlyCost, now
	r.Weights = make([]RoleWeight, len(in.Weights))
	for i, w := range in.Weights {
		r.Weights[i] = RoleWeight{RoleID: r.ID, ScaleID: w.ScaleID, Weight: w.Weight}
	}
}

func (o *Scope) writeWeights(tx *gorm.DB, r *Role) error {
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
	if err := o.scope(tx.Model(&Role{})).Where("lower(name) = lower(?) AND id <> ?", name, except).Count(&n).Error; err != nil {
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
