package quantity

// MaxMonthHours is the hours of the longest month, 31 × 24: no one works
// more in a month, on everything together.
const MaxMonthHours = 744

// Money. Amounts are in the organisation's currency; the bounds are far
// beyond any real business in any currency rolefit shows, so they refuse
// only what is certainly a mistake, and they keep every sum and product
// of them finite.
var (
	// MonthlyMoney is an amount a month: a role's loaded monthly cost, a
	// service person's, a month's revenue on one activity.
	MonthlyMoney = Range{What: "money a month", Unit: "a month", Max: 1e9}
	// YearlyPay is pay a year: a compensation plan's base salary or its
	// target variable pay. A plan's loaded monthly cost, (base × benefits
	// load + variable) / 12, then stays within MonthlyMoney.
	YearlyPay = Range{What: "pay a year", Unit: "a year", Max: 1e9}
	// Quota is the revenue a year a compensation plan expects at 100% of
	// quota, a divisor of the commission rate: 0 for none, else at least
	// 1. The most one seller can bring in, RevenueRate's bound over every
	// hour of a year, is about 8.9 billion.
	Quota = Range{What: "revenue a year", Unit: "a year", Min: 1, Max: 1e10, Zero: "no quota"}
	// OneOffCost is a cost paid once: a hiring cost item, a cost per hire,
	// the organisation's cost of hiring one candidate.
	OneOffCost = Range{What: "a one-off cost", Max: 1e9}
	// HiresPay is the first-year pay of a period's hires together.
	HiresPay = Range{What: "the hires' first-year pay together", Max: 1e12}
	// HireCost is the total cost of one hire: its cost per hire and the
	// gross profit lost while the seat is empty and while the new person
	// ramps up. From figures within their ranges it stays below 46
	// billion: OneOffCost + 744 h × 1,000,000 an hour × (730 days of
	// DaysToFill ≈ 24 months + 36 months of RampMonths).
	HireCost = Range{What: "the total cost of a hire", Max: 5e10}
)

// Rates.
var (
	// RevenueRate is revenue an hour, of a role's baseline or a person's
	// observed work; as a divisor's bound it also keeps the hours of a
	// recorded month from being too few for its revenue.
	RevenueRate = Range{What: "revenue an hour", Unit: "an hour", Max: 1e6}
)

// Hours and time.
var (
	// MonthHours is hours a month, on one activity or all together.
	MonthHours = Range{What: "hours a month", Unit: "hours a month", Max: MaxMonthHours}
	// WorkingHours is the hours a month a person works when they are a
	// divisor (a service person's hours share out the book): at least
	// one.
	WorkingHours = Range{What: "hours a month", Unit: "hours a month", Min: 1, Max: MaxMonthHours}
	// HoursPerAccount is the selling time it takes to win one account, a
	// divisor of the accounts won: at least 0.01 hours (36 seconds), less
	// would let a book grow past any bound within the model's months.
	HoursPerAccount = Range{What: "selling hours to win one account", Unit: "hours", Min: 0.01, Max: 10000}
	// PaybackMonths is the months a hire's cost is spread over, a
	// divisor: one month to ten years, well beyond any planning horizon.
	PaybackMonths = Range{What: "months", Unit: "months", Min: 1, Max: 120}
	// ModelMonths is how many months the capacity model looks ahead: up
	// to fifty years.
	ModelMonths = Range{What: "months", Unit: "months", Min: 1, Max: 600, Whole: true}
	// RampMonths is how many months a new person takes to reach full
	// productivity: up to three years.
	RampMonths = Range{What: "months of ramp-up", Unit: "months", Max: 36, Whole: true}
	// DaysToFill is the days a seat stays empty before a new person
	// starts: up to two years; a seat empty longer is not being filled.
	DaysToFill = Range{What: "days", Unit: "days", Max: 730}
)

// Shares and multipliers.
var (
	// Share is a part of a whole, 0 to 1: a gross margin, the new-business
	// share of a role's hours, a ramp month's productivity.
	Share = Range{What: "a share, 0.7 = 70%", Max: 1}
	// Churn is the share of accounts lost each month: below 1, since a
	// churn of 1 would lose every account each month.
	Churn = Range{What: "a share of accounts lost each month", Max: 1, BelowMax: true}
	// FitMultiplier scales a role's baseline revenue an hour by fit: up to
	// ten times, far beyond the spread of any sales team.
	FitMultiplier = Range{What: "a multiple of the baseline rate", Max: 10}
	// BenefitsLoad multiplies base pay into its loaded cost: 1 (no
	// benefits) to 3; 0 stands for the default. The US Bureau of Labor
	// Statistics' Employer Costs for Employee Compensation puts the load
	// near 1.4.
	BenefitsLoad = Range{What: "a multiple of base pay", Min: 1, Max: 3, Zero: "the default"}
	// Attainment is revenue as a multiple of quota (1 = 100%), a divisor
	// of the cost per unit of revenue: 0 for none, else 1% to 1,000%.
	Attainment = Range{What: "attainment, 1 = 100% of quota", Min: 0.01, Max: 10, Zero: "none"}
	// Weight is how much a scale counts towards a role's fit; only the
	// ratios of a profile's weights matter.
	Weight = Range{What: "a weight", Max: 1000}
	// Rating is an interviewer's rating of a facet, or an answer to a job
	// questionnaire: a point of a 1–5 scale.
	Rating = Range{What: "a point of the 1–5 scale", Min: 1, Max: 5, Whole: true}
)

// Counts.
var (
	// Seats is a role's head-count, at least or at most.
	Seats = Range{What: "seats", Unit: "seats", Max: 10000, Whole: true}
	// Hires is the hires of one period.
	Hires = Range{What: "hires", Unit: "hires", Max: 1e6, Whole: true}
	// Accounts is a book of accounts; the capacity model counts parts of
	// accounts, so it need not be whole.
	Accounts = Range{What: "accounts", Unit: "accounts", Max: 1e9}
)
