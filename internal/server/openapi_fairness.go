package server

import "rolefit"

// The API's description of fairness: hiring outcomes, voluntary
// self-identification, and the adverse-impact report (DESIGN.md §15).

var stageSchema = func() obj {
	names := make([]string, len(rolefit.Stages))
	for i, s := range rolefit.Stages {
		names[i] = string(s)
	}
	return obj{"type": "string", "enum": names}
}()

var outcomeSchema = obj{"type": "object", "required": []string{"id", "person_id", "stage", "at", "created_at"}, "properties": obj{
	"id": str, "person_id": str, "stage": stageSchema,
	"at":         obj{"type": "string", "format": "date-time", "description": "when the stage was reached (a date given alone is midnight UTC)"},
	"created_at": dateTime}}

var newOutcomeSchema = obj{"type": "object", "additionalProperties": false, "required": []string{"stage", "at"}, "properties": obj{
	"stage": stageSchema,
	"at":    obj{"type": "string", "description": "a date YYYY-MM-DD or an RFC 3339 time; not before the person was added, not in the future"}}}

var selfIDSchema = obj{"type": "object", "additionalProperties": false, "properties": obj{
	"sex":            obj{"type": "string", "enum": rolefit.Sexes, "description": "left out or null: declined"},
	"race_ethnicity": obj{"type": "string", "enum": rolefit.RaceEthnicities, "description": "the EEO-1 categories; left out or null: declined"},
	"age_40_or_over": obj{"oneOf": []obj{{"type": "boolean"}, {"type": "string", "enum": []string{rolefit.Declined}}, {"type": "null"}}, "description": "true, false, or declined"}},
	"description": "voluntary; stored apart from scores and profiles and read only as counts in the adverse-impact report. A staff member only where the organisation's self_id_for_staff is on"}

var nullableInt = nullable(obj{"type": "integer"})
var nullableNum = nullable(obj{"type": "number"})

var adverseImpactSchema = obj{"type": "object", "required": []string{"decision", "by", "groups", "unknown", "excluded"}, "properties": obj{
	"decision": str, "by": str,
	"groups": obj{"type": "array", "items": obj{"type": "object", "properties": obj{
		"group":             str,
		"assessed":          nullableInt,
		"selected":          nullableInt,
		"rate":              nullableNum,
		"impact_ratio":      nullableNum,
		"fisher_p":          nullableNum,
		"below_four_fifths": obj{"type": "boolean"},
		"shortfall":         obj{"type": "integer", "description": "how many more selections the group needed to reach four fifths of the reference rate"}},
		"description": "assessed, selected and rate are null for a group of fewer than 5; impact_ratio, fisher_p null for a group left out of the ratios; fisher_p null for the reference group (the highest rate)"}},
	"unknown": obj{"type": "integer", "description": "people assessed with no answer for the grouping (prefer not to say included)"},
	"excluded": obj{"type": "array", "items": obj{"type": "object", "properties": obj{"group": str, "reason": obj{"type": "string",
		"enum": []string{"fewer than 5", "under 2% of those assessed"}}}}}}}

var fairnessOperations = []apiOperation{
	{method: "GET", path: "/api/v1/people/{id}/outcomes", summary: "A person's hiring outcomes, earliest first",
		params: []obj{pathParam("id")}, status: "200", response: obj{"type": "object", "properties": obj{"outcomes": obj{"type": "array", "items": outcomeSchema}}}},
	{method: "POST", path: "/api/v1/people/{id}/outcomes", summary: "Record a hiring outcome (a stage and when it was reached); webhooks get outcome.recorded",
		params: []obj{pathParam("id")}, body: newOutcomeSchema, status: "201", response: outcomeSchema},
	{method: "PUT", path: "/api/v1/people/{id}/self-identification", summary: "Store a person's voluntary self-identification, as an applicant tracking system collected it; never shown back",
		params: []obj{pathParam("id")}, body: selfIDSchema, status: "204"},
	{method: "GET", path: "/api/v1/adverse-impact", summary: "The adverse-impact report of one decision by one grouping: rates, impact ratios, the four-fifths flag, Fisher's exact test and shortfalls (an admin's key)",
		params: []obj{queryParam("decision", "string", "an outcome stage (advanced, offered, hired, rejected, withdrew) or median:COMPOSITE (scored at or above the period's median)"),
			queryParam("by", "string", "sex, race_ethnicity, age or sex_race"),
			queryParam("from", "string", "first day of the period, YYYY-MM-DD (default: a year before to)"),
			queryParam("to", "string", "last day of the period, YYYY-MM-DD (default: today)")},
		status: "200", response: adverseImpactSchema},
}
