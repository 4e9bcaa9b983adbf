package server

import "rolefit/internal/app"

// apiProblem is a stored figure outside its range that an answer's
// figures leave out (app.StoredProblem): the record, the figure, and in
// words what is wrong and where to fix it.
type apiProblem struct {
	Record  string `json:"record"`
	ID      string `json:"id"`
	Field   string `json:"field"`
	Message string `json:"message"`
}

// apiProblemsOf is the problems as the API gives them: always a list.
func apiProblemsOf(ps []app.StoredProblem) []apiProblem {
	out := make([]apiProblem, len(ps))
	for i, p := range ps {
		out[i] = apiProblem{Record: p.Record, ID: p.ID, Field: p.Field, Message: p.Message}
	}
	return out
}

// storedProblemsSchema describes apiProblem's list in the API's schemas.
var storedProblemsSchema = obj{"type": "array", "description": "stored figures outside their ranges (saved before the ranges were checked, " +
	"or by an older rolefit) that these figures leave out, or for a setting replace by its default; empty when there are none",
	"items": obj{"type": "object", "required": []string{"record", "id", "field", "message"}, "properties": obj{
		"record": obj{"type": "string", "enum": []string{"role", "compensation_plan", "hiring_period", "role_hiring", "organisation", "performance"}},
		"id":     obj{"type": "string", "description": "the record's ID: the role's for a role, its plan and its hiring figures; the person's for performance"},
		"field":  obj{"type": "string", "description": "the figure at fault, as the record's API names it"},
		"message": obj{"type": "string",
			"description": "which record, what is wrong and where to fix it, such as \"Role Account executive: its baseline rate 1e300 is outside 0–1,000,000 an hour; fix it under Roles.\""},
	}}}
