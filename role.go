package rolefit

import (
	"cmp"
	"maps"
	"rolefit/internal/placement"
	"rolefit/internal/quantity"
	"slices"
	"strings"
	"time"
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
	// Weights is the target profile, ordered by scale ID.
	Weights []RoleWeight
	// TargetSource says where the target profile came from:
	// TargetEntered or TargetJobQuestionnaire.
	TargetSource string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Where a role's target profile came from.
const (
	// TargetEntered: weights a manager entered.
	TargetEntered = "entered"
	// TargetJobQuestionnaire: a job questionnaire's proposal a manager
	// accepted, as proposed or edited.
	TargetJobQuestionnaire = "job_questionnaire"
)

// RoleWeight is one weight of a role's target profile: a scale (a facet
// or a composite) and how much it counts.
type RoleWeight struct {
	RoleID  string
	ScaleID string
	Weight  float64
}

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
	// TargetSource, when not "", says where Weights came from; "" keeps
	// the role's source while its weights stay the same and makes it
	// TargetEntered when they change.
	TargetSource string
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
	var msg string
	if in.Name, msg = CleanName(in.Name, 100); msg != "" {
		f["name"] = msg
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
	if in.TargetSource != "" && in.TargetSource != TargetEntered && in.TargetSource != TargetJobQuestionnaire {
		f["target_source"] = "must be " + TargetEntered + " or " + TargetJobQuestionnaire
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

// Apply sets a role's fields and profile from a checked input (Check),
// as changed at now.
func (r *Role) Apply(in RoleInput, now time.Time) {
	changed := !slices.EqualFunc(r.Weights, in.Weights, func(a, b RoleWeight) bool { return a.ScaleID == b.ScaleID && a.Weight == b.Weight })
	switch {
	case in.TargetSource != "":
		r.TargetSource = in.TargetSource
	case r.TargetSource == "" || changed:
		r.TargetSource = TargetEntered
	}
	r.Name, r.Activity, r.NewBusinessShare = in.Name, in.Activity, in.NewBusinessShare
	r.SeatsMin, r.SeatsMax, r.HoursPerMonth = in.SeatsMin, in.SeatsMax, in.HoursPerMonth
	r.BaselineRate, r.MonthlyCost, r.UpdatedAt = in.BaselineRate, in.MonthlyCost, now
	r.Weights = make([]RoleWeight, len(in.Weights))
	for i, w := range in.Weights {
		r.Weights[i] = RoleWeight{RoleID: r.ID, ScaleID: w.ScaleID, Weight: w.Weight}
	}
}

// MaxRoles is the most placement roles an organisation may have. A team
// placement's explanations cost O(roles³) and its solve grows with the
// roles too: at 200 roles it still places 1,000 people in about a second
// of one core (placement.MaxPeople; docs/PERFORMANCE.md), where an
// organisation of 1,204 roles made one placement take 4.8 s. A sales
// organisation has tens of roles; 200 leaves room for many teams.
const MaxRoles = 200
