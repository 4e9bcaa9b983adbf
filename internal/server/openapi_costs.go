package server

import "rolefit/internal/quantity"

// The costs routes of the API: compensation plans, hiring costs and
// key-person exposure.

var compPlanProperties = obj{
	"base":            rangeSchema(quantity.YearlyPay, "annual base salary"),
	"target_variable": rangeSchema(quantity.YearlyPay, "annual variable pay at 100% of quota"),
	"basis":           obj{"type": "string", "enum": []string{"commission", "bonus"}, "description": "commission (default): target_variable/quota on every unit of revenue, no ceiling; bonus: target_variable × attainment up to 100%"},
	"quota":           rangeSchema(quantity.Quota, "annual revenue at 100% attainment; needed for a commission"),
	"benefits_load":   rangeSchema(quantity.BenefitsLoad, "multiplier on base for benefits; 0 or left out means 1.25"),
}

var compPlanBodySchema = func() obj {
	props := obj{"role_id": obj{"type": "string", "description": "one of the organisation's placement roles"}}
	for k, v := range compPlanProperties {
		props[k] = v
	}
	return obj{"type": "object", "additionalProperties": false, "required": []string{"role_id"}, "properties": props}
}()

var compPlanSchema = obj{"type": "object", "properties": obj{
	"role_id": str, "role_name": str,
	"role_monthly_cost": obj{"type": "number", "description": "the role's own monthly cost, which placement uses while it has no plan"},
	"plan":              nullable(obj{"type": "object", "properties": compPlanProperties}),
	"summary": nullable(obj{"type": "object", "properties": obj{
		"ote": num, "base_share": num, "variable_share": num, "commission_rate": num, "benefits_load": num,
		"loaded_monthly_cost": obj{"type": "number", "description": "(base × benefits_load + target_variable) / 12; placement's monthly cost of the role"},
		"attainment":          num,
		"annual_cost_at":      obj{"type": "number", "description": "base × benefits_load + variable pay at the attainment"},
		"cost_per_revenue":    nullable(obj{"type": "number", "description": "annual_cost_at / (attainment × quota); null without a quota"}),
	}}),
}}

// compPlansSchema is GET /api/v1/comp-plans' list, with the stored figures
// its figures leave out.
var compPlansSchema = func() obj {
	l := listOf(compPlanSchema)
	l["properties"].(obj)["problems"] = storedProblemsSchema
	return l
}()

var costItemSchema = obj{"type": "object", "required": []string{"category", "amount"}, "additionalProperties": false, "properties": obj{
	"category": obj{"type": "string", "enum": []string{"advertising", "agency_fees", "referral_awards", "background_checks", "assessments",
		"travel", "relocation", "sign_on_bonus", "other_external", "recruiter_time", "interviewer_time", "hiring_manager_time",
		"recruiting_systems", "other_internal"}, "description": "ANSI/SHRM cost-per-hire categories: the first nine are external, the rest internal"},
	"amount": rangeSchema(quantity.OneOffCost, ""),
	"note":   obj{"type": "string", "maxLength": 200},
}}

var costPerHireSchema = obj{"type": "object", "properties": obj{
	"external": num, "internal": num, "total": num, "hires": integer,
	"by_category":           obj{"type": "array", "items": obj{"type": "object", "properties": obj{"category": str, "external": boolean, "amount": num}}},
	"cph":                   obj{"type": "number", "description": "(external + internal) / hires"},
	"recruiting_cost_ratio": nullable(obj{"type": "number", "description": "100 × total / first-year compensation; null when that is not given"}),
}}

var hiringPeriodProperties = obj{
	"role_id":                 nullable(obj{"type": "string", "description": "the role hired for; null or left out for the organisation as a whole"}),
	"from_month":              obj{"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$", "description": "from 2000-01 to a year after this month"},
	"to_month":                obj{"type": "string", "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])$", "description": "not before from_month, and at most a year after this month"},
	"items":                   obj{"type": "array", "items": costItemSchema, "maxItems": 100},
	"hires":                   rangeSchema(quantity.Hires, "at least 1 when any cost is recorded, and enough that the cost per hire is at most "+quantity.Format(quantity.OneOffCost.Max)),
	"first_year_compensation": rangeSchema(quantity.HiresPay, "the hires' first-year pay together; 0 when unknown"),
	"note":                    obj{"type": "string", "maxLength": 500},
}

var hiringPeriodBodySchema = obj{"type": "object", "additionalProperties": false, "required": []string{"from_month", "to_month", "hires"},
	"properties": hiringPeriodProperties}

var hiringPeriodSchema = func() obj {
	props := obj{"id": str, "created_at": dateTime, "cost_per_hire": costPerHireSchema}
	for k, v := range hiringPeriodProperties {
		props[k] = v
	}
	return obj{"type": "object", "properties": props}
}()

var hiringCostsSchema = obj{"type": "object", "properties": obj{
	"periods":      obj{"type": "array", "items": hiringPeriodSchema, "description": "earliest first"},
	"overall":      costPerHireSchema,
	"gross_margin": num,
	"problems":     storedProblemsSchema,
	"roles": obj{"type": "array", "items": obj{"type": "object", "properties": obj{
		"role_id": str, "role_name": str,
		"cost_per_hire_source": obj{"type": "string", "enum": []string{"role", "organisation", "none"}, "description": "the role's own periods, all periods together, or nothing recorded"},
		"cost_per_hire":        costPerHireSchema,
		"input": obj{"type": "object", "properties": obj{"cost_per_hire": num, "days_to_fill": num,
			"monthly_gross_profit": obj{"type": "number", "description": "the role's hours × baseline rate × gross margin"},
			"ramp":                 obj{"type": "array", "items": num, "description": "productivity in each ramp-up month, 0 to 1"}}},
		"total_cost_of_hire": obj{"type": "object", "properties": obj{"cost_per_hire": num,
			"vacancy": obj{"type": "number", "description": "monthly_gross_profit × days_to_fill / 30.4375"},
			"ramp":    obj{"type": "number", "description": "Σ monthly_gross_profit × (1 − productivity)"},
			"total":   obj{"type": "number", "description": "what placement charges a candidate for the role, spread over the payback months"}}},
	}}},
}}

var exposureSchema = obj{"type": "object", "properties": obj{
	"gross_margin":         num,
	"new_business_revenue": obj{"type": "number", "description": "all sellers' new-business revenue a month"},
	"sellers": obj{"type": "array", "description": "largest share first", "items": obj{"type": "object", "properties": obj{
		"person_id": str, "name": str,
		"months":               obj{"type": "integer", "description": "the seller's recorded months"},
		"new_business_revenue": obj{"type": "number", "description": "a month, averaged over the seller's recorded months"},
		"share":                obj{"type": "number", "description": "of all sellers' new-business revenue, 0 to 1"},
		"gross_profit_at_risk": obj{"type": "number", "description": "new_business_revenue × gross margin, a month"},
		"split_cost_a_month":   nullable(obj{"type": "number", "description": "the cost of the seller's split between selling and serving, as GET /api/v1/people/{id}/split gives it; null when they serve no accounts"}),
	}}},
}}

var splitSchema = obj{"type": "object", "required": []string{"person_id", "cost_a_month"}, "properties": obj{
	"person_id":           str,
	"months":              obj{"type": "integer", "description": "the recorded months the state is read from: the last 12, or all when fewer"},
	"new_business_hours":  obj{"type": "number", "description": "hours a month selling new business (h_n)"},
	"service_hours":       obj{"type": "number", "description": "hours a month serving accounts (h_s)"},
	"new_business_rate":   obj{"type": "number", "description": "their revenue an hour selling: new-business revenue over its hours (r_n)"},
	"service_rate":        obj{"type": "number", "description": "their revenue an hour serving (r_s)"},
	"margin":              obj{"type": "number", "description": "the organisation's gross margin (g)"},
	"accounts":            obj{"type": "number", "description": "the book they serve: service hours a month over the service hours each account needs"},
	"extra_selling_hours": obj{"type": "number", "description": "selling hours freed if a service person took over: min(h_s, max(0, selling cap − h_n))"},
	"service_person_rate": obj{"type": "number", "description": "a dedicated service person's revenue an hour: the median observed rate of the service role's staff, else their own (r_v)"},
	"service_people":      obj{"type": "number", "description": "the service people covering their hours, as a share: h_s over a service person's hours"},
	"cover_cost":          obj{"type": "number", "description": "service_people × a service person's loaded monthly cost, to the cent"},
	"cost_a_month":        obj{"type": "number", "description": "margin × (new business the freed hours win − their service revenue + the service person's) − cover_cost, to the cent: what the split costs a month, the figure every page shows"},
	"sources":             obj{"type": "object", "description": "where each figure came from, by field name", "additionalProperties": str},
}}

var costsOperations = []apiOperation{
	{method: "GET", path: "/api/v1/comp-plans", summary: "Every placement role's compensation plan and its figures at an attainment",
		params: []obj{queryParam("attainment", "number", "share of quota for annual_cost_at and cost_per_revenue, "+quantity.Attainment.Span()+"; default 1")},
		status: "200", response: compPlansSchema},
	{method: "POST", path: "/api/v1/comp-plans", summary: "Set a role's compensation plan, replacing the one it had",
		body: compPlanBodySchema, status: "200", response: compPlanSchema},
	{method: "GET", path: "/api/v1/hiring-costs", summary: "Hiring periods with their ANSI/SHRM cost per hire, all together, and each role's total cost of a hire",
		status: "200", response: hiringCostsSchema},
	{method: "POST", path: "/api/v1/hiring-costs", summary: "Record a period's hiring costs by category and the hires made",
		body: hiringPeriodBodySchema, status: "201", response: hiringPeriodSchema},
	{method: "GET", path: "/api/v1/exposure", summary: "Each seller's share of new-business revenue and the gross profit at risk if they left or moved",
		status: "200", response: exposureSchema},
	{method: "GET", path: "/api/v1/people/{id}/split", summary: "The cost of a staff member's split between selling and serving, a month, with every figure and its source",
		params: []obj{pathParam("id")}, status: "200", response: splitSchema},
	{method: "GET", path: "/api/v1/people/{id}/move", summary: "Keep a staff member selling, move them to service or keep both, over 12, 24 and 36 months (the Move page), with the cost of their split a month",
		params: []obj{pathParam("id")}, status: "200", response: obj{"type": "object", "properties": obj{
			"person_id": str, "inputs": obj{"$ref": "#/components/schemas/SimulateInputs"},
			"sources":      obj{"type": "object", "additionalProperties": str},
			"cost_a_month": nullable(obj{"type": "number", "description": "as GET /api/v1/people/{id}/split; null when they serve no accounts"}),
			"comparison":   obj{"type": "object", "description": "each option month by month and over 12, 24 and 36 months, and the best at each"}}}},
	{method: "GET", path: "/api/v1/simulate/inputs", summary: "The capacity model's inputs the Costs page starts from, for a seller, in POST /api/v1/simulate's shape",
		params: []obj{queryParam("person", "string", "a staff member with new-business records; default: the seller whose split costs most")},
		status: "200", response: obj{"type": "object", "properties": obj{
			"person_id": nullable(str), "inputs": obj{"$ref": "#/components/schemas/SimulateInputs"},
			"sources": obj{"type": "object", "additionalProperties": str}}}},
}
