package server

import (
	"strings"

	"github.com/gofiber/fiber/v2"
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
}

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

// apiOperations lists the JSON API. Keep it next to the handlers' changes.
var apiOperations = []apiOperation{
	{method: "GET", path: "/api/v1/openapi.json", summary: "This description of the API (no key needed)",
		status: "200", response: obj{"type": "object"}},
	{method: "GET", path: "/api/v1/me", summary: "The organisation and key a request acts as",
		status: "200", response: ref("Me")},
}

var apiSchemas = obj{
	"Error": obj{
		"type":     "object",
		"required": []string{"error"},
		"properties": obj{"error": obj{
			"type":     "object",
			"required": []string{"code", "message"},
			"properties": obj{
				"code":    obj{"type": "string", "enum": []string{"invalid", "not_found", "conflict", "unauthorized", "forbidden", "rate_limited", "internal"}},
				"message": obj{"type": "string"},
				"fields": obj{"type": "object", "additionalProperties": obj{"type": "string"},
					"description": "What is wrong with each offending field or CSV row, e.g. {\"answers.inf1\": \"must be between 1 and 5\"}"},
			},
		}},
	},
	"Me": obj{
		"type": "object",
		"properties": obj{
			"organisation": obj{"type": "object", "properties": obj{
				"id": obj{"type": "string"}, "name": obj{"type": "string"},
				"currency": obj{"type": "string"}, "is_demo": obj{"type": "boolean"}}},
			"key": obj{"type": "object", "properties": obj{
				"id": obj{"type": "string"}, "name": obj{"type": "string"}, "prefix": obj{"type": "string"}}},
		},
	},
}

// openAPIDocument builds the OpenAPI 3.1 description of the JSON API.
func openAPIDocument() obj {
	paths := obj{}
	errResp := obj{"description": "Error", "content": obj{"application/json": obj{"schema": ref("Error")}}}
	for _, op := range apiOperations {
		item, _ := paths[op.path].(obj)
		if item == nil {
			item = obj{}
			paths[op.path] = item
		}
		o := obj{
			"summary": op.summary,
			"responses": obj{
				op.status: obj{"description": "Success", "content": obj{"application/json": obj{"schema": op.response}}},
				"default": errResp,
			},
		}
		if op.path != "/api/v1/openapi.json" {
			o["security"] = []obj{{"bearer": []string{}}}
		}
		if len(op.params) > 0 {
			o["parameters"] = op.params
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
			"schemas":         apiSchemas,
			"securitySchemes": obj{"bearer": obj{"type": "http", "scheme": "bearer"}},
		},
	}
}

// handleOpenAPI serves the API description.
func handleOpenAPI(c *fiber.Ctx) error {
	return c.JSON(openAPIDocument())
}
