package econ

import (
	"fmt"
	"slices"
	"strings"

	"rolefit/internal/quantity"
)

// Category is a kind of hiring cost, after the ANSI/SHRM 06001.2012
// cost-per-hire standard, which splits costs into external (paid to
// outside parties) and internal (the organisation's own people and
// systems).
type Category string

// External cost categories.
const (
	Advertising      Category = "advertising"
	AgencyFees       Category = "agency_fees"
	ReferralAwards   Category = "referral_awards"
	BackgroundChecks Category = "background_checks"
	Assessments      Category = "assessments"
	Travel           Category = "travel"
	Relocation       Category = "relocation"
	SignOnBonus      Category = "sign_on_bonus"
	OtherExternal    Category = "other_external"
)

// Internal cost categories.
const (
	RecruiterTime     Category = "recruiter_time"
	InterviewerTime   Category = "interviewer_time"
	HiringManagerTime Category = "hiring_manager_time"
	RecruitingSystems Category = "recruiting_systems"
	OtherInternal     Category = "other_internal"
)

// Categories lists every category, external first, in the order a form
// shows them.
func Categories() []Category {
	return []Category{
		Advertising, AgencyFees, ReferralAwards, BackgroundChecks, Assessments,
		Travel, Relocation, SignOnBonus, OtherExternal,
		RecruiterTime, InterviewerTime, HiringManagerTime, RecruitingSystems, OtherInternal,
	}
}

// External reports whether the category is an external cost; false for
// internal and unknown categories.
func (c Category) External() bool {
	i := slices.Index(Categories(), c)
	return i >= 0 && i <= slices.Index(Categories(), OtherExternal)
}

// Valid reports whether c is one of Categories.
func (c Category) Valid() bool { return slices.Contains(Categories(), c) }

// CostItem is one hiring cost of a period.
type CostItem struct {
	Category Category `json:"category"`
	Amount   float64  `json:"amount"`
	// Note says what it was ("job board, March"); it is not used here.
	Note string `json:"note,omitempty"`
}

// HiringPeriod is one period of hiring, for one role or the whole
// organisation: the cost items, the hires made, and the first-year
// compensation of those hires together.
type HiringPeriod struct {
	Items []CostItem `json:"items"`
	Hires int        `json:"hires"`
	// FirstYearCompensation is the hires' first-year pay together; 0 when
	// unknown, which leaves the recruiting cost ratio out.
	FirstYearCompensation float64 `json:"first_year_compensation"`
}

// CategoryTotal is the cost of one category in a period.
type CategoryTotal struct {
	Category Category `json:"category"`
	External bool     `json:"external"`
	Amount   float64  `json:"amount"`
}

// CostPerHire is the ANSI/SHRM cost-per-hire of a period.
type CostPerHire struct {
	External   float64         `json:"external"`
	Internal   float64         `json:"internal"`
	Total      float64         `json:"total"`
	ByCategory []CategoryTotal `json:"by_category"`
	Hires      int             `json:"hires"`
	// CPH is (External + Internal) / Hires; 0 for a period with neither
	// costs nor hires.
	CPH float64 `json:"cph"`
	// RecruitingCostRatio is 100 × Total / FirstYearCompensation, the
	// percentage of the hires' first-year pay spent on hiring them; nil
	// when their compensation is not given.
	RecruitingCostRatio *float64 `json:"recruiting_cost_ratio"`
}

// Flaws lists what is wrong with the period's figures, each against its
// kind's range (internal/quantity): every item's category and amount (a
// one-off cost, "items.2.amount"), the hires, the hires' first-year pay,
// costs against no hires (there is nothing to spread them over), and a
// cost per hire beyond a one-off cost's bound, which would make every
// total cost of a hire built on it meaningless.
func (p HiringPeriod) Flaws() quantity.Flaws {
	var fs quantity.Flaws
	total := 0.0
	for i, it := range p.Items {
		field := fmt.Sprintf("items.%d", i)
		if !it.Category.Valid() {
			fs.Add(field+".category", "must be one of the cost categories, such as advertising or recruiter_time",
				fmt.Sprintf("its item %d's category %q is not one of the cost categories", i+1, it.Category))
		}
		label := string(it.Category) + " cost"
		fs.Figure(field+".amount", strings.ReplaceAll(label, "_", " "), quantity.OneOffCost, it.Amount)
		if quantity.OneOffCost.Allows(it.Amount) {
			total += it.Amount
		}
	}
	fs.Figure("hires", "hires", quantity.Hires, float64(p.Hires))
	switch {
	case fs.Has("hires"):
	case p.Hires == 0 && total > 0:
		fs.Add("hires", "must be at least 1 when hiring costs are recorded: the costs are spread over the hires",
			"its costs are recorded against no hires")
	case p.Hires > 0 && !quantity.OneOffCost.Allows(total/float64(p.Hires)):
		fs.Add("hires", fmt.Sprintf("are too few for costs of %s: a cost per hire is at most %s",
			quantity.Format(total), quantity.Format(quantity.OneOffCost.Max)),
			fmt.Sprintf("its cost per hire %s is outside %s", quantity.Format(total/float64(p.Hires)), quantity.OneOffCost.Span()))
	}
	fs.Figure("first_year_compensation", "first-year pay", quantity.HiresPay, p.FirstYearCompensation)
	return fs
}

// Compute returns the period's cost per hire as the ANSI/SHRM 06001.2012
// standard defines it: CPH = (Σ external costs + Σ internal costs) / hires,
// and the recruiting cost ratio = 100 × total costs / first-year
// compensation of those hires (ISO/TS 30407 calls the same the hire cost
// ratio). A period with a flaw (Flaws) is refused.
func (p HiringPeriod) Compute() (CostPerHire, error) {
	if err := flawsErr(p.Flaws(), "Please correct the hiring costs."); err != nil {
		return CostPerHire{}, err
	}
	var out CostPerHire
	totals := map[Category]float64{}
	for _, it := range p.Items {
		totals[it.Category] += it.Amount
		if it.Category.External() {
			out.External += it.Amount
		} else {
			out.Internal += it.Amount
		}
	}
	out.Total = out.External + out.Internal
	for _, cat := range Categories() {
		if amount, ok := totals[cat]; ok {
			out.ByCategory = append(out.ByCategory, CategoryTotal{Category: cat, External: cat.External(), Amount: amount})
		}
	}
	out.Hires = p.Hires
	if p.Hires > 0 {
		out.CPH = out.Total / float64(p.Hires)
	}
	if p.FirstYearCompensation > 0 {
		r := 100 * out.Total / p.FirstYearCompensation
		out.RecruitingCostRatio = &r
	}
	return out, nil
}
