package server

import "rolefit/internal/quantity"

// The schemas of the roles and placement routes of the API.

var changeSchema = obj{"type": "object", "description": "a change of the plan's total, everyone else re-optimised", "properties": obj{
	"possible": obj{"type": "boolean", "description": "false when the change breaks a minimum or a pin"},
	"value":    obj{"type": "number", "description": "change of the total, money a month (negative: the team earns less)"},
	"priority": obj{"type": "integer", "description": "change of the number of staff placed"}}}

var roleProperties = obj{
	"name":               obj{"type": "string", "description": "unique in the organisation, whatever its case"},
	"activity":           obj{"type": "string", "enum": []string{"new_business", "account_service", "mix"}},
	"new_business_share": rangeSchema(quantity.Share, "for a mix, the share of hours on new business; 1 for new_business, 0 for account_service"),
	"profile":            obj{"type": "object", "additionalProperties": rangeSchema(quantity.Weight, ""), "description": "scale or composite ID (hunter, drive…) to weight; at least one positive"},
	"seats_min":          rangeSchema(quantity.Seats, ""),
	"seats_max":          rangeSchema(quantity.Seats, "at least seats_min"),
	"hours_per_month":    rangeSchema(quantity.MonthHours, "productive hours a month"),
	"baseline_rate":      rangeSchema(quantity.RevenueRate, "revenue per hour at middling fit"),
	"monthly_cost":       rangeSchema(quantity.MonthlyMoney, "loaded monthly cost of one person in the role"),
}

var roleSchema = func() obj {
	props := obj{"id": str, "created_at": dateTime, "updated_at": dateTime,
		"rate_source": obj{"type": "string", "enum": []string{"records", "entered"},
			"description": "where placement's baseline comes from: records (the median observed rate of the role's staff with three recorded months, for every activity of the role) or entered (baseline_rate)"},
		"observed_rate": obj{"type": []string{"number", "null"}, "description": "the baseline from records, hours-weighted over the role's activities; null when entered"},
		"cost_a_month":  obj{"type": "number", "description": "what every page charges a month for a person in the role: its compensation plan's loaded cost where it has one, else monthly_cost"},
		"cost_source":   obj{"type": "string", "enum": []string{"plan", "entered"}, "description": "where cost_a_month comes from"},
		"target_source": obj{"type": "string", "enum": []string{"entered", "job_questionnaire"},
			"description": "where the profile came from: entered by a manager, or a job questionnaire's proposal a manager accepted (on the role's page); entering new weights makes it entered again"},
	}
	for k, v := range roleProperties {
		props[k] = v
	}
	return obj{"type": "object", "properties": props}
}()

var roleBodySchema = obj{"type": "object", "additionalProperties": false, "properties": roleProperties,
	"description": "POST: name, activity, profile and seats_max are needed (a field left out is 0 or empty); PATCH: only the fields sent change"}

var placementSchema = obj{"type": "object", "properties": obj{
	"currency":    str,
	"total":       obj{"type": "number", "description": "sum of the placed people's net value a month"},
	"total_value": obj{"type": "number", "description": "the same before candidates' cost of hire"},
	"assignment":  obj{"type": "object", "additionalProperties": str, "description": "person ID to role ID, \"\" for not placed"},
	"people": obj{"type": "array", "items": obj{"type": "object", "properties": obj{
		"person_id": str, "name": str, "kind": str, "role_id": str, "current_role_id": str,
		"changed":        obj{"type": "boolean", "description": "a staff member recommended away from their role today"},
		"net":            obj{"type": "number", "description": "value a month in the recommended role"},
		"next_role_id":   obj{"type": "string", "description": "the other role that costs the team least to move the person to"},
		"move":           changeSchema,
		"own_difference": obj{"type": "number", "description": "the person's own value there minus here, nobody else moved"},
		"cost_of_hire":   obj{"type": "number", "description": "a candidate placed: what hiring them into the role costs (absent for staff)"},
		"payback":        obj{"type": "number", "description": "a candidate placed: the months of their value that pay back the cost of hire (absent when nothing is to be paid back)"},
	}}},
	"roles": obj{"type": "array", "items": obj{"type": "object", "properties": obj{
		"role_id": str, "name": str, "filled": integer,
		"seats":        obj{"type": "object", "properties": obj{"min": integer, "max": integer}},
		"one_more":     changeSchema,
		"one_fewer":    changeSchema,
		"monthly_cost": obj{"type": "number", "description": "what placement charged a month for a person in the role"},
		"cost_source":  obj{"type": "string", "enum": []string{"compensation_plan", "role"}, "description": "the role's compensation plan (its loaded monthly cost) or the role's own monthly cost"},
		"cost_of_hire": nullable(obj{"type": "number", "description": "the role's total cost of a hire, charged to a candidate placed in it; null while no hiring costs are recorded for it, when the assumptions' cost_of_hire applies"}),
	}}},
	"pins": obj{"type": "array", "items": obj{"type": "object", "properties": obj{
		"pin":  obj{"type": "object", "properties": obj{"person_id": str, "role_id": str}},
		"cost": changeSchema,
	}}},
	"assumptions":         obj{"type": "object", "description": "fit multiplier range, gross margin, cost of hire and payback months behind every value"},
	"default_assumptions": obj{"type": "boolean", "description": "true while the organisation has not changed the assumptions from rolefit's defaults (GET /api/v1/organisation)"},
	"problems":            storedProblemsSchema,
	"people_considered":   obj{"type": "integer", "description": "people the placement considered: every staff member with a profile, and the candidates with the newest profiles up to max_people"},
	"max_people":          obj{"type": "integer", "description": "the most people one placement considers with this many roles (10,000 up to 20 roles, fewer with more)"},
	"candidates_left_out": obj{"type": "integer", "description": "candidates with a profile left out because of max_people, those with the oldest profiles"},
	"awaiting_look": obj{"type": "array", "description": "candidates left out until a manager has looked at their answers, flagged likely careless (POST /people/{id}/looked-at on the web)",
		"items": obj{"type": "object", "properties": obj{"person_id": str, "name": str}}},
	"what_if": obj{"type": "object", "description": "with ?move=PERSON&to=ROLE (or to=none): the change of the total when the person is moved and everyone else placed anew", "properties": obj{
		"person_id": str, "role_id": obj{"type": "string", "description": "\"\" for not placed"},
		"same":     obj{"type": "boolean", "description": "already recommended there"},
		"pinned":   obj{"type": "boolean", "description": "pinned to another role: remove the pin first"},
		"possible": changeSchema["properties"].(obj)["possible"], "value": changeSchema["properties"].(obj)["value"], "priority": changeSchema["properties"].(obj)["priority"],
		"moves": obj{"type": "array", "description": "everyone the change moves, the person first; empty when it is not possible or changes nothing", "items": obj{"type": "object", "properties": obj{
			"person_id": str, "name": str,
			"from_role_id": obj{"type": "string", "description": "their role in the plan, \"\" for not placed"},
			"to_role_id":   obj{"type": "string", "description": "their role after the change, \"\" for not placed"}}}}}},
}}

var fitSchema = obj{"type": "object", "properties": obj{
	"person_id": str, "name": str, "kind": str, "currency": str,
	"has_profile":         boolean,
	"recommended_role_id": obj{"type": "string", "description": "the role the placement of today's team (the staff with a profile, and this person) gives the person, \"\" for none"},
	"placed":              obj{"type": "boolean", "description": "false when the team cannot be placed"},
	"team_size":           obj{"type": "integer", "description": "people in today's team: the staff with a profile, and this person"},
	"in_team":             obj{"type": []string{"null", "object"}, "description": "the person's line of that placement: net value, next-best role and the cost of moving them"},
	"why": obj{"type": []string{"null", "object"}, "description": "why the person is placed there or not placed", "properties": obj{
		"code":    obj{"type": "string", "enum": []string{"placed", "no_role", "better_filled"}, "description": "placed; no_role: no role allows them (detail says why); better_filled: the seats are worth more filled by others"},
		"role_id": obj{"type": "string", "description": "placed: the next-best role; better_filled: the best role they could take"},
		"change":  changeSchema,
		"detail":  str}},
	"assumptions": obj{"type": "object"},
	"problems":    storedProblemsSchema,
	"awaits_look": obj{"type": "boolean", "description": "the latest answers are flagged likely careless and no manager has looked at them yet: no valuation, in_team or why, and a candidate is not placed"},
	"roles": obj{"type": "array", "items": obj{"type": "object", "properties": obj{
		"role_id": str, "role_name": str,
		"valuation": obj{"type": []string{"object", "null"}, "description": "fit with its parts, rate, revenue, gross profit, cost, value and net, with every assumption; null while awaits_look"},
	}}},
}}
