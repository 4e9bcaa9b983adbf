package rolefit

import "time"

// CompPlan is a placement role's compensation plan as recorded: annual
// amounts, how variable pay follows attainment ("commission" or "bonus")
// and the benefits load on base. Its rules and figures are
// internal/econ's (econ.CompPlan); the use cases check a plan there before
// it is stored.
type CompPlan struct {
	RoleID         string
	OrgID          string
	Base           float64
	TargetVariable float64
	Basis          string
	Quota          float64
	BenefitsLoad   float64
	UpdatedAt      time.Time
}

// RoleHiring is what hiring into a role loses besides its cost per hire:
// the days its seat stays empty and the new person's productivity in each
// month of ramp-up, as shares of full.
type RoleHiring struct {
	RoleID     string
	OrgID      string
	DaysToFill float64
	Ramp       []float64
	UpdatedAt  time.Time
}

// HiringPeriod is a period of hiring as recorded: its cost items, the
// hires made and their first-year compensation together, for one role or
// (RoleID nil) the organisation as a whole. Months are "YYYY-MM". The
// cost-per-hire rules are internal/econ's (econ.HiringPeriod); the use
// cases check a period there before it is stored.
type HiringPeriod struct {
	ID                    string
	OrgID                 string
	RoleID                *string
	FromMonth             string
	ToMonth               string
	Hires                 int
	FirstYearCompensation float64
	Note                  string
	Items                 []HiringCostItem
	CreatedAt             time.Time
}

// HiringCostItem is one cost of a period: a category of
// econ.Categories and an amount.
type HiringCostItem struct {
	Category string
	Amount   float64
	Note     string
}
