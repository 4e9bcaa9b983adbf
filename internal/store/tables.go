package store

import (
	"time"

	"gorm.io/gorm/schema"

	"rolefit"
)

// How rolefit's entities are kept in tables. The entities (package
// rolefit) carry no storage tags: GORM maps their fields to columns by
// name (CreatedAt to created_at), tables are named here, and an entity
// that has fields which are not columns (a role's profile, the key's
// access read with it) or lacks columns its table has (a link's token
// hash, answers kept as JSON) is written and read through a row type of
// this file.

// tableNames names the table of each entity GORM is handed directly, by
// its type's name.
var tableNames = map[string]string{
	"Organisation":     "organisations",
	"User":             "users",
	"Person":           "people",
	"Invitation":       "invitations",
	"PerformanceMonth": "performance_months",
	"CompPlan":         "comp_plans",
	"RoleWeight":       "role_weights",
	"AuditEntry":       "audit_entries",
	"Delivery":         "deliveries",
	"Outcome":          "outcomes",
}

// tableNamer is GORM's naming with the tables of tableNames.
type tableNamer struct{ schema.NamingStrategy }

// TableName returns the table of the type named name.
func (n tableNamer) TableName(name string) string {
	if t, ok := tableNames[name]; ok {
		return t
	}
	return n.NamingStrategy.TableName(name)
}

// userRow is a user as stored, with their password's hash.
type userRow struct {
	rolefit.User
	PasswordHash string
}

func (userRow) TableName() string { return "users" }

// invitationRow is an invitation as stored, with its link's token hash.
type invitationRow struct {
	rolefit.Invitation
	TokenHash string
}

func (invitationRow) TableName() string { return "invitations" }

// apiKeyRow is an API key as stored: its hash, and no access, which is
// read with it from its creator.
type apiKeyRow struct {
	ID         string
	OrgID      string
	Name       string
	Prefix     string
	Hash       string
	CreatedBy  *string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

func (apiKeyRow) TableName() string { return "api_keys" }

func (r apiKeyRow) key() rolefit.APIKey {
	return rolefit.APIKey{ID: r.ID, OrgID: r.OrgID, Name: r.Name, Prefix: r.Prefix, CreatedBy: r.CreatedBy,
		CreatedAt: r.CreatedAt, LastUsedAt: r.LastUsedAt, RevokedAt: r.RevokedAt}
}

// roleRow is a role as stored; its profile is in role_weights.
type roleRow struct {
	ID               string
	OrgID            string
	Name             string
	Activity         string
	NewBusinessShare float64
	SeatsMin         int
	SeatsMax         int
	HoursPerMonth    float64
	BaselineRate     float64
	MonthlyCost      float64
	TargetSource     string
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (roleRow) TableName() string { return "roles" }

func roleRowOf(r rolefit.Role) roleRow {
	return roleRow{ID: r.ID, OrgID: r.OrgID, Name: r.Name, Activity: r.Activity, NewBusinessShare: r.NewBusinessShare,
		SeatsMin: r.SeatsMin, SeatsMax: r.SeatsMax, HoursPerMonth: r.HoursPerMonth, BaselineRate: r.BaselineRate,
		MonthlyCost: r.MonthlyCost, TargetSource: r.TargetSource, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

func (r roleRow) role() rolefit.Role {
	return rolefit.Role{ID: r.ID, OrgID: r.OrgID, Name: r.Name, Activity: r.Activity, NewBusinessShare: r.NewBusinessShare,
		SeatsMin: r.SeatsMin, SeatsMax: r.SeatsMax, HoursPerMonth: r.HoursPerMonth, BaselineRate: r.BaselineRate,
		MonthlyCost: r.MonthlyCost, TargetSource: r.TargetSource, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
}

// roleHiringRow is a role's hiring figures as stored: the ramp-up's
// shares comma-separated.
type roleHiringRow struct {
	RoleID     string `gorm:"primaryKey"`
	OrgID      string
	DaysToFill float64
	Ramp       string
	UpdatedAt  time.Time
}

func (roleHiringRow) TableName() string { return "role_hiring" }

// hiringPeriodRow is a hiring period as stored; its items are in
// hiring_cost_items.
type hiringPeriodRow struct {
	ID                    string
	OrgID                 string
	RoleID                *string
	FromMonth             string
	ToMonth               string
	Hires                 int
	FirstYearCompensation float64
	Note                  string
	CreatedAt             time.Time
}

func (hiringPeriodRow) TableName() string { return "hiring_periods" }

// hiringCostItemRow is one cost of a period as stored, in the order it
// was entered (Position).
type hiringCostItemRow struct {
	PeriodID string `gorm:"primaryKey"`
	Position int    `gorm:"primaryKey;autoIncrement:false"`
	Category string
	Amount   float64
	Note     string
}

func (hiringCostItemRow) TableName() string { return "hiring_cost_items" }

// ptr returns a pointer to a copy of v, for GORM's writes of a row made
// on the spot.
func ptr[T any](v T) *T { return &v }
