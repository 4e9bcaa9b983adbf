package server

import (
	"fmt"
	"rolefit"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// obj is a JSON object in the OpenAPI document.
type obj = map[string]any

// apiOperation describes one route of the JSON API for the OpenAPI
// document. A test checks that every /api/v1 route of the router has one.
type apiOperation struct {
	method, path, summary string
	params                []obj // path and query parameters
	body                  obj   // request body schema, or nil
	status                string
	response              obj // success response schema
	// content replaces the JSON success content of a route that sends a
	// file, keyed by media type; nil for JSON.
	content obj
	// security replaces the bearer key, for routes that authenticate
	// otherwise (Greenhouse's Basic authentication).
	security []obj
}

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

// apiOperations lists the JSON API. Keep it next to the handlers' changes.
var apiOperations = []apiOperation{
	{method: "GET", path: "/api/v1/openapi.json", summary: "This description of the API (no key needed)",
		status: "200", response: obj{"type": "object"}},
	{method: "GET", path: "/api/v1/me", summary: "The organisation and key a request acts as",
		status: "200", response: ref("Me")},
	{method: "GET", path: "/api/v1/organisation", summary: "The organisation's settings: currency, time zone, profile cut and placement assumptions",
		status: "200", response: orgSchema},
	{method: "PATCH", path: "/api/v1/organisation", summary: "Change some of the organisation's settings (an admin's: a key acting for a manager gets 403); the change is audited",
		body: orgBodySchema, status: "200", response: orgSchema},
	{method: "GET", path: "/api/v1/questionnaires", summary: "The installed questionnaires (without their items)",
		status: "200", response: listOf(ref("QuestionnaireSummary"))},
	{method: "GET", path: "/api/v1/questionnaires/{id}", summary: "One questionnaire with every item's ID, text, page and allowed answers: what POST /api/v1/responses needs",
		params: []obj{obj{"name": "id", "in": "path", "required": true, "description": "sales-service (the latest version) or sales-service:1", "schema": str},
			queryParam("lang", "string", "the language of the texts, one of the questionnaire's languages (BCP 47, e.g. es); its source language when left out")},
		status: "200", response: ref("Questionnaire")},
	{method: "POST", path: "/api/v1/people", summary: "Add a candidate or staff member",
		body: ref("NewPerson"), status: "201", response: ref("Person")},
	{method: "GET", path: "/api/v1/people", summary: "List people, oldest first, with their newest invitation status and profile",
		params: []obj{queryParam("limit", "integer", "page size, 1–500 (default 50)"), queryParam("cursor", "string", "next_cursor of the previous page"),
			queryParam("search", "string", "part of a name or e-mail address"), queryParam("kind", "string", "candidate or staff"),
			queryParam("sort", "string", "a scale or composite ID to order by the profile's score (hunter; -hunter for highest first); default: the order people were added"),
			queryParam("invitation", "string", "the newest invitation's state now: none (never invited and no answers of their own, the people Home counts as not invited yet), sent, started, submitted, expired or withdrawn"),
			queryParam("class", "string", "the profile's class: hunter, farmer, ambidextrous, developing, unknown, or none (no profile)"),
			queryParam("flags", "string", "the profile's response-quality flags: any, likely (likely careless), look (worth a look) or none (a profile without flags)"),
			earlierParam},
		status: "200", response: listOf(ref("Person"))},
	{method: "GET", path: "/api/v1/people/export", summary: "Every person (the earlier applicants only when asked, as in the list) with job title, profile class, composites, facets, flag count and severity, as a CSV or XLSX file to save; cells that a spreadsheet could run as a formula start with a single quote",
		params: []obj{queryParam("format", "string", "csv (the default) or xlsx"), earlierParam}, status: "200",
		content: obj{"text/csv": obj{"schema": obj{"type": "string"}},
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": obj{"schema": obj{"type": "string", "contentMediaType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}}}},
	{method: "GET", path: "/api/v1/people/{id}", summary: "One person",
		params: []obj{pathParam("id")}, status: "200", response: ref("Person")},
	{method: "GET", path: "/api/v1/people/{id}/profile", summary: "A person's profile (their latest self-report) and, beside it, the latest manager's rating, each with every composite and facet score, band and percentile, the 2×2 class and the quality flags",
		params: []obj{pathParam("id")}, status: "200", response: ref("Profile")},
	{method: "GET", path: "/api/v1/people/{id}/export", summary: "A person's complete data as a JSON file to save, for a data-access request: the person, every invitation with the consent given, every response with its answers and scored result, and the audit entries about them",
		params: []obj{pathParam("id")}, status: "200", response: obj{"type": "object", "required": []string{"exported_at", "person", "invitations", "responses", "audit"}}},
	{method: "GET", path: "/api/v1/team", summary: "The team map: people with a profile, oldest first, with their hunter and farmer composites, class, borderline and flag count (a manager's rating is never a point)",
		params: []obj{queryParam("limit", "integer", "page size, 1–500 (default 50)"), queryParam("cursor", "string", "next_cursor of the previous page"),
			queryParam("kind", "string", "candidate or staff"), queryParam("job_title", "string", "only people with this job title (ignoring case)")},
		status: "200", response: listOf(ref("TeamPoint"))},
	{method: "GET", path: "/api/v1/validity", summary: "Local validity: each composite and facet of the profiles (the latest self-reports) against each criterion (new_business_rate and service_rate, observed revenue an hour over at least three recorded months; rating, the newest manager's rating on the same composite; interview, interview ratings), over the n people with both: Pearson r, Spearman rho, r's 95% interval by Fisher's z, the two-sided p, and r corrected for range restriction (Thorndike case II) once the organisation has 30 respondents. Below n = 10 the figures are no finding. One page, no cursor",
		params: []obj{queryParam("scale", "string", "only this composite or facet (hunter, influence, ...); an unknown one is a 400 naming scale"),
			queryParam("criterion", "string", "only this criterion: new_business_rate, service_rate, rating or interview; another is a 400 naming criterion")},
		status: "200", response: listOf(ref("Validity"))},
	{method: "POST", path: "/api/v1/invitations", summary: fmt.Sprintf("Invite a person to a questionnaire (person_id): the response holds the link (shown only here) and e-mails it when e-mail is set up. Or invite up to %d people at once (person_ids), all or none: a person of another organisation, one the questionnaire is not for or one with an open invitation to it is named as person_ids.N and nobody is invited; the response lists the invitations, each link shown only here, and an e-mail with a link of its own goes to each person with an address", app.MaxBulkInvitations),
		body: obj{"oneOf": []obj{ref("NewInvitation"), ref("NewInvitations")}}, status: "201",
		response: obj{"oneOf": []obj{ref("Invitation"), listOf(ref("Invitation"))}}},
	{method: "GET", path: "/api/v1/invitations/{id}", summary: "An invitation's status (the link itself is not stored)",
		params: []obj{pathParam("id")}, status: "200", response: ref("Invitation")},
	{method: "POST", path: "/api/v1/responses", summary: "Record a complete set of answers (a paper form, an import), scored and quality-checked",
		body: ref("NewResponse"), status: "201", response: ref("Response")},
	{method: "POST", path: "/api/v1/simulate", summary: "The seller-capacity model: a seller who serves their own accounts against hiring dedicated service people, month by month (what rolefit simulate --format json prints)",
		body: ref("SimulateInputs"), status: "200", response: ref("SimulateOutputs")},
	{method: "GET", path: "/api/v1/roles", summary: "The placement roles, by name (one page: an organisation has tens of roles)",
		status: "200", response: listOf(roleSchema)},
	{method: "POST", path: "/api/v1/roles", summary: fmt.Sprintf("Add a placement role; an organisation has at most %d (a conflict beyond)", rolefit.MaxRoles),
		body: roleBodySchema, status: "201", response: roleSchema},
	{method: "GET", path: "/api/v1/roles/{id}", summary: "One placement role",
		params: []obj{pathParam("id")}, status: "200", response: roleSchema},
	{method: "PATCH", path: "/api/v1/roles/{id}", summary: "Change some of a role's fields; a profile sent replaces the whole profile",
		params: []obj{pathParam("id")}, body: roleBodySchema, status: "200", response: roleSchema},
	{method: "DELETE", path: "/api/v1/roles/{id}", summary: "Delete a role; staff in it today are left without a role",
		params: []obj{pathParam("id")}, status: "204"},
	{method: "GET", path: "/api/v1/placement", summary: "The optimal team placement of everyone with a profile, with its explanations",
		params: []obj{{"name": "pin", "in": "query", "required": false, "description": "PERSON:ROLE, a person's ID and a role's ID: keep the person in the role (repeat for more pins)",
			"schema": obj{"type": "array", "items": str}, "style": "form", "explode": true},
			queryParam("move", "string", "what if: a person's ID to move (with to)"), queryParam("to", "string", "what if: the role's ID to move them to, or none for not placed")},
		status: "200", response: placementSchema},
	{method: "GET", path: "/api/v1/people/{id}/fit", summary: "A person's fit and expected monthly value for every role, and where the team placement puts them",
		params: []obj{pathParam("id")}, status: "200", response: fitSchema},
	{method: "GET", path: "/api/v1/people/{id}/performance", summary: "A staff member's recorded months of hours and revenue, with the observed revenue per hour on each activity",
		params: []obj{pathParam("id")}, status: "200", response: performanceSchema},
	{method: "POST", path: "/api/v1/people/{id}/performance", summary: "Record one month of a staff member's hours and revenue on new business and on account service",
		params: []obj{pathParam("id")}, body: newPerformanceMonthSchema, status: "201", response: performanceMonthSchema},
	{method: "POST", path: "/api/v1/people/{id}/interviews", summary: "Record an interviewer's 1–5 ratings of a person on the facets an interview guide asked about: a response of view interview, beside the self-report and never in its place",
		params: []obj{pathParam("id")}, body: newInterviewSchema, status: "201", response: interviewSchema},
}

func pathParam(name string) obj {
	return obj{"name": name, "in": "path", "required": true, "schema": obj{"type": "string"}}
}

// earlierParam is the people list's and the export's filter of earlier
// applicants: candidates whose only answers are earlier responses, kept
// for the norms and the reliability figures.
var earlierParam = queryParam("earlier", "string", "earlier applicants (candidates never invited whose only answers are earlier responses, kept for the norms and reliability): left out by default, as on the People page; include lists them too, only lists them alone")

func queryParam(name, typ, desc string) obj {
	return obj{"name": name, "in": "query", "required": false, "description": desc, "schema": obj{"type": typ}}
}

func listOf(item obj) obj {
	return obj{"type": "object", "required": []string{"items", "next_cursor"}, "properties": obj{
		"items":       obj{"type": "array", "items": item},
		"next_cursor": obj{"type": "string", "description": "pass as ?cursor= for the next page; empty on the last page"},
	}}
}

var (
	str      = obj{"type": "string"}
	num      = obj{"type": "number"}
	integer  = obj{"type": "integer"}
	boolean  = obj{"type": "boolean"}
	dateTime = obj{"type": "string", "format": "date-time"}
	nullable = func(o obj) obj { return obj{"oneOf": []obj{o, {"type": "null"}}} }
)

var apiSchemas = obj{
	"NewPerson": obj{"type": "object", "required": []string{"name", "kind"}, "additionalProperties": false, "properties": obj{
		"name": str, "email": obj{"type": "string", "description": "optional; unique in the organisation"},
		"kind":      obj{"type": "string", "enum": []string{"candidate", "staff"}},
		"job_title": obj{"type": "string", "description": "free text, staff only"}}},
	"Person": obj{"type": "object", "properties": obj{
		"id": str, "name": str, "email": str, "kind": str, "job_title": str, "created_at": dateTime, "updated_at": dateTime,
		"invitation_status": obj{"type": "string", "enum": []string{"sent", "started", "submitted", "expired", "withdrawn"}},
		"profile": nullable(obj{"type": "object", "description": "the person's latest self-report (a manager's rating never takes its place); null before they have one",
			"properties": obj{"questionnaire": str, "submitted_at": dateTime,
				"class":      obj{"type": "string", "enum": []string{"hunter", "farmer", "ambidextrous", "developing", "unknown"}},
				"flags":      integer,
				"severity":   obj{"type": "string", "enum": []string{"likely", "look", ""}, "description": "how strong the evidence of careless answering is: likely careless, worth a look, or nothing flagged"},
				"composites": obj{"type": "object", "additionalProperties": nullable(num), "description": "composite ID → score on the response scale (null: too little answered)"}}})}},
	"QuestionnaireSummary": obj{"type": "object", "properties": obj{
		"id": str, "version": integer, "title": str, "audience": obj{"type": "array", "items": str},
		"minutes": integer, "hash": str, "items": integer,
		"response_scale": obj{"type": "object", "properties": obj{"min": integer, "max": integer, "labels": obj{"type": "array", "items": str}}}}},
	"Questionnaire": obj{"type": "object", "properties": obj{
		"id": str, "version": integer, "title": str, "audience": obj{"type": "array", "items": str},
		"minutes": integer, "hash": str, "items": integer,
		"response_scale": obj{"type": "object", "properties": obj{"min": integer, "max": integer, "labels": obj{"type": "array", "items": str}}},
		"pages": obj{"type": "array", "items": obj{"type": "object", "properties": obj{
			"number": integer, "title": str,
			"items": obj{"type": "array", "items": obj{"type": "object", "properties": obj{
				"id": str, "text": str,
				"answers": obj{"type": "array", "description": "the allowed answers: send one value per item",
					"items": obj{"type": "object", "properties": obj{"value": integer, "label": str}}}}}}}}}}},
	"NewInvitation": obj{"type": "object", "required": []string{"person_id", "questionnaire"}, "additionalProperties": false, "properties": obj{
		"person_id": str, "questionnaire": obj{"type": "string", "description": "questionnaire ID, e.g. sales-service"},
		"version":         obj{"type": "integer", "description": "questionnaire version; the latest when left out"},
		"expires_in_days": obj{"type": "integer", "minimum": 1, "maximum": rolefit.MaxInvitationDays, "default": rolefit.DefaultInvitationDays},
		"language":        obj{"type": "string", "description": "the language the questionnaire is answered in (BCP 47, one of its languages, e.g. de); when left out the person chooses on the welcome page, their browser's language shown first, else the organisation's"}}},
	"NewInvitations": obj{"type": "object", "required": []string{"person_ids", "questionnaire"}, "additionalProperties": false, "properties": obj{
		"person_ids": obj{"type": "array", "items": str, "minItems": 1, "maxItems": app.MaxBulkInvitations}, "questionnaire": obj{"type": "string", "description": "questionnaire ID, e.g. sales-service"},
		"version":         obj{"type": "integer", "description": "questionnaire version; the latest when left out"},
		"expires_in_days": obj{"type": "integer", "minimum": 1, "maximum": rolefit.MaxInvitationDays, "default": rolefit.DefaultInvitationDays},
		"language":        obj{"type": "string", "description": "the language the questionnaire is answered in (BCP 47, one of its languages, e.g. de); when left out the person chooses on the welcome page, their browser's language shown first, else the organisation's"}}},
	"Invitation": obj{"type": "object", "properties": obj{
		"id": str, "person_id": str, "questionnaire": str, "questionnaire_version": integer, "questionnaire_hash": str,
		"language":   obj{"type": []string{"string", "null"}, "description": "the language the manager chose; null when the person chooses"},
		"status":     obj{"type": "string", "enum": []string{"sent", "started", "submitted", "expired", "withdrawn"}},
		"url":        obj{"type": "string", "description": "the link to send; only in the response that created the invitation"},
		"created_at": dateTime, "expires_at": dateTime, "consented_at": nullable(dateTime), "started_at": nullable(dateTime),
		"submitted_at": nullable(dateTime), "withdrawn_at": nullable(dateTime), "emailed_at": nullable(dateTime),
		"emailed": boolean, "email_error": str,
		"email_queued":   obj{"type": "boolean", "description": "in a bulk invitation's answer: an e-mail with a link of its own is on its way"},
		"reminders_sent": obj{"type": "integer", "description": "reminder e-mails sent before the link expires (the organisation's reminder settings)"}}},
	"NewResponse": obj{"type": "object", "required": []string{"person_id", "questionnaire", "answers"}, "additionalProperties": false, "properties": obj{
		"person_id": str, "questionnaire": str, "version": integer,
		"language": obj{"type": "string", "description": "the language the answers were given in, one of the questionnaire's; its source language when left out"},
		"answers": obj{"type": "object", "additionalProperties": integer,
			"description": "every item of the questionnaire: item ID → answer (a point of the response scale, or the 1-based option of a choice item)"}}},
	"Response": obj{"type": "object", "properties": obj{
		"id": str, "person_id": str, "invitation_id": nullable(str), "source": obj{"type": "string", "enum": []string{"invitation", "api"}},
		"questionnaire": str, "questionnaire_version": integer, "questionnaire_hash": str, "submitted_at": dateTime,
		"language":     obj{"type": "string", "description": "the language the questionnaire was answered in"},
		"answers":      obj{"type": "object", "additionalProperties": integer},
		"page_seconds": obj{"type": "array", "items": num},
		"result":       obj{"type": "object", "description": "scores of every facet and composite (with 95% bands when the organisation's reliability is known, and norms against its earlier responses), the 2×2 profile, the work-preference index, and every response-quality check with the flags raised"}}},
	"Error": obj{
		"type":     "object",
		"required": []string{"error"},
		"properties": obj{"error": obj{
			"type":     "object",
			"required": []string{"code", "message"},
			"properties": obj{
				"code":    obj{"type": "string", "enum": []string{"invalid", "not_found", "conflict", "unauthorized", "forbidden", "rate_limited", "timeout", "internal"}},
				"message": obj{"type": "string"},
				"fields": obj{"type": "object", "additionalProperties": obj{"type": "string"},
					"description": "What is wrong with each offending field or CSV row, e.g. {\"answers.inf1\": \"must be between 1 and 5\"}"},
			},
		}},
	},
	"TeamPoint": obj{"type": "object", "properties": obj{
		"person_id": str, "name": str, "kind": obj{"type": "string", "enum": []string{"candidate", "staff"}}, "job_title": str,
		"hunter":     nullable(obj{"type": "number", "description": "the profile's hunter composite on the response scale; null: too little answered"}),
		"farmer":     nullable(obj{"type": "number", "description": "the profile's farmer composite on the response scale; null: too little answered"}),
		"class":      obj{"type": "string", "enum": []string{"hunter", "farmer", "ambidextrous", "developing", "unknown", ""}},
		"borderline": obj{"type": "boolean", "description": "the band of the hunter or farmer composite contains the cut (the response scale's agree point, 3.5 on 1–5)"},
		"flags":      obj{"type": "integer", "description": "number of response-quality flags"}}},
	"Profile": obj{"type": "object", "required": []string{"person", "self_report", "manager_rating", "performance"}, "properties": obj{
		"person":         obj{"type": "object", "properties": obj{"id": str, "name": str, "email": str, "kind": str, "job_title": str, "created_at": dateTime, "updated_at": dateTime}},
		"self_report":    nullable(ref("Report")),
		"manager_rating": nullable(ref("Report")),
		"performance":    nullable(performanceSchema)}},
	"Report": obj{"type": "object", "description": "one scored response", "properties": obj{
		"questionnaire": str, "version": integer, "submitted_at": dateTime,
		"rated_by":   obj{"type": "string", "description": "the rater; only on a manager's rating"},
		"class":      obj{"type": "string", "enum": []string{"hunter", "farmer", "ambidextrous", "developing", "unknown", ""}},
		"borderline": boolean,
		"preference": nullable(obj{"type": "number", "description": "work-preference index from −1 (always the service task) to +1 (always the selling task)"}),
		"scales": obj{"type": "array", "description": "composites, then facets", "items": obj{"type": "object", "properties": obj{
			"id": str, "name": str, "kind": obj{"type": "string", "enum": []string{"composite", "facet"}},
			"score": nullable(num), "band_low": nullable(num), "band_high": nullable(num),
			"percentile": nullable(obj{"type": "number", "description": "mid-percentile among the organisation's responses; null without local norms"})}}},
		"flags": obj{"type": "array", "items": obj{"type": "object", "properties": obj{
			"check": str, "reason": str, "severity": obj{"type": "string", "enum": []string{"likely", "look"}}}}},
		"severity": obj{"type": "string", "description": "the strongest evidence over the flags; empty when none was raised"},
		"language": obj{"type": "string", "description": "the language the questionnaire was answered in"},
		"norm_group": obj{"type": []string{"object", "null"}, "description": "which earlier responses the percentiles compare with: those in the response's language until every language has 200 responses and no statement shows large DIF between languages, then all of them pooled; null for a response scored before languages were recorded",
			"properties": obj{"language": obj{"type": []string{"string", "null"}}, "pooled": boolean, "languages": obj{"type": "array", "items": str}}}}},
	"SimulateInputs": simulateInputsSchema,
	"Validity": obj{"type": "object", "required": []string{"scale", "criterion", "n", "r", "rho", "ci_low", "ci_high", "p", "r_corrected"}, "properties": obj{
		"scale": str, "criterion": obj{"type": "string", "enum": []string{"new_business_rate", "service_rate", "rating", "interview"}},
		"n":           obj{"type": "integer", "description": "people with both a profile score and the criterion"},
		"r":           nullable(obj{"type": "number", "description": "Pearson's r; null below 3 people or without spread"}),
		"rho":         nullable(obj{"type": "number", "description": "Spearman's rho (Pearson on mid-ranks)"}),
		"ci_low":      nullable(obj{"type": "number", "description": "r's 95% interval by Fisher's z, lower end; null below 4 people"}),
		"ci_high":     nullable(num),
		"p":           nullable(obj{"type": "number", "description": "two-sided p from t on n-2 degrees of freedom"}),
		"r_corrected": nullable(obj{"type": "number", "description": "r corrected for range restriction (Thorndike case II, u = the score's SD over every respondent / over the n); null below 30 respondents"}),
	}},
	"SimulateOutputs": simulateOutputsSchema,
	"Me": obj{
		"type": "object",
		"properties": obj{
			"organisation": obj{"type": "object", "properties": obj{
				"id": obj{"type": "string"}, "name": obj{"type": "string"},
				"currency": obj{"type": "string"}, "is_demo": obj{"type": "boolean"}}},
			"key": obj{"type": "object", "properties": obj{
				"id": obj{"type": "string"}, "name": obj{"type": "string"}, "prefix": obj{"type": "string"},
				"access": obj{"type": "string", "enum": []string{"admin", "manager"},
					"description": "What the key may do: its creator's access today, or admin for a key made by rolefit apikey add"}}},
		},
	},
}

// openAPIDocument builds the OpenAPI 3.1 description of the JSON API.
func openAPIDocument() obj {
	paths := obj{}
	errResp := obj{"description": "Error", "content": obj{"application/json": obj{"schema": ref("Error")}}}
	for _, op := range slices.Concat(apiOperations, costsOperations, integrationOperations, fairnessOperations) {
		item, _ := paths[op.path].(obj)
		if item == nil {
			item = obj{}
			paths[op.path] = item
		}
		content := obj{"application/json": obj{"schema": op.response}}
		if op.content != nil {
			content = op.content
		}
		o := obj{
			"summary": op.summary,
			"responses": obj{
				op.status: obj{"description": "Success", "content": content},
				"default": errResp,
			},
		}
		if op.response == nil { // 204: no body
			o["responses"].(obj)[op.status] = obj{"description": "Success, no content"}
		}
		if op.path != "/api/v1/openapi.json" {
			o["security"] = []obj{{"bearer": []string{}}}
		}
		params := op.params
		if op.method == "POST" && op.path != "/api/v1/openapi.json" && op.security == nil {
			params = append(slices.Clone(params), idempotencyKeyParam)
		}
		if op.security != nil {
			o["security"] = op.security
		}
		if len(params) > 0 {
			o["parameters"] = params
		}
		if op.body != nil {
			o["requestBody"] = obj{"required": true, "content": obj{"application/json": obj{"schema": op.body}}}
		}
		item[strings.ToLower(op.method)] = o
	}
	return obj{
		"openapi": "3.1.0",
		"info": obj{
			"title":       "rolefit API",
			"version":     "1",
			"description": "Authenticate with 'Authorization: Bearer KEY'; an admin creates keys under Settings → API keys. Errors use the Error schema with the HTTP status. Lists return {items, next_cursor} and take ?limit= (default 50, at most 500).",
		},
		"paths": paths,
		"components": obj{
			"schemas": apiSchemas,
			"securitySchemes": obj{"bearer": obj{"type": "http", "scheme": "bearer"},
				"greenhouse": obj{"type": "http", "scheme": "basic", "description": "Greenhouse's Assessment Partner calls: an API key as the user name, no password"}},
		},
	}
}

// handleOpenAPI serves the API description.
func handleOpenAPI(c *fiber.Ctx) error {
	return c.JSON(openAPIDocument())
}

// policyMonthSchema is one month of one policy (econ.PolicyMonth) plus
// the policy's own fields.
func policyMonthSchema(extra obj) obj {
	props := obj{
		"accounts":     obj{"type": "number", "description": "the book at the start of the month"},
		"sell_hours":   obj{"type": "number", "description": "the seller's hours on new business"},
		"serve_hours":  obj{"type": "number", "description": "hours serving accounts"},
		"revenue":      num,
		"cost":         obj{"type": "number", "description": "what the policy pays beyond the seller"},
		"contribution": obj{"type": "number", "description": "margin × revenue − cost"},
		"cumulative":   obj{"type": "number", "description": "contribution summed to this month"},
	}
	for k, v := range extra {
		props[k] = v
	}
	return obj{"type": "object", "properties": props}
}

// simulateOutputsSchema describes econ.Outputs.
var simulateOutputsSchema = obj{"type": "object", "required": []string{"months", "breakeven_month", "steady_state_accounts"}, "properties": obj{
	"months": obj{"type": "array", "description": "every month, numbered from 1", "items": obj{"type": "object", "properties": obj{
		"month": integer,
		"seller_serves": policyMonthSchema(obj{
			"service_share": obj{"type": "number", "description": "share of the seller's hours on service, 0 to 1"}}),
		"dedicated": policyMonthSchema(obj{
			"service_people": obj{"type": "integer", "description": "service head-count, ceil(s·n / H_v)"},
			"hires":          obj{"type": "integer", "description": "people hired this month; their cost per hire is in cost"}}),
		"difference":            obj{"type": "number", "description": "dedicated contribution − seller-serves contribution, this month"},
		"cumulative_difference": obj{"type": "number", "description": "the same for the cumulative contributions: positive when hiring is ahead"}}}},
	"breakeven_month":       nullable(obj{"type": "integer", "description": "first month the dedicated policy is ahead to date; null if never within the months"}),
	"steady_state_accounts": nullable(obj{"type": "number", "description": "the book the seller-serves policy settles at, H/(s + a·c) unless the cap binds; null when it grows without bound"}),
	"notes":                 obj{"type": "array", "items": str, "description": "what the figures rest on, in words: the selling cap always"}}}
