package server

import "rolefit/internal/quantity"

// The schemas of the interview routes of the API.

var newInterviewSchema = obj{"type": "object", "additionalProperties": false, "required": []string{"role_id", "ratings"}, "properties": obj{
	"role_id": obj{"type": "string", "description": "the role the interview was for"},
	"ratings": obj{"type": "object", "minProperties": 1,
		"description":          "a rating per facet asked about, keyed by facet ID (the interview bank's facets); a rating outside 1–5 is a 400 naming ratings.FACET",
		"additionalProperties": rangeSchema(quantity.Rating, "the rating on the facet's behavioural anchors")},
	"notes": obj{"type": "string", "maxLength": 4000, "description": "the interviewer's notes"}}}

var interviewSchema = obj{"type": "object", "properties": obj{
	"id":        obj{"type": "string"},
	"person_id": obj{"type": "string"},
	"role_id":   obj{"type": "string"},
	"role_name": obj{"type": "string"},
	"ratings": obj{"type": "object", "description": "the ratings by facet ID",
		"additionalProperties": rangeSchema(quantity.Rating, "the rating")},
	"mean":                   obj{"type": "number", "description": "the mean of the ratings"},
	"notes":                  obj{"type": "string"},
	"rated_by":               obj{"type": "string", "description": "who recorded the ratings"},
	"interview_bank":         obj{"type": "string", "description": "the interview bank's ID"},
	"interview_bank_version": obj{"type": "integer"},
	"submitted_at":           dateTime}}
