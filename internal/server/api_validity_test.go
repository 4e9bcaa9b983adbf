package server

import (
	"encoding/json"
	"net/http"
	"testing"
)

// GET /api/v1/validity refuses an unknown scale or criterion with a 400
// naming the field, and narrows the list to the scale and criterion
// asked for.
func TestAPIValidityFilters(t *testing.T) {
	tw := newTeamWorld(t)
	key := tw.f.apiKeyA(t)
	for _, c := range []struct{ query, field string }{
		{"?scale=charm", "scale"},
		{"?criterion=height", "criterion"},
		{"?scale=hunter&criterion=revenue", "criterion"},
	} {
		resp, body := tw.f.apiRequest("GET", "/api/v1/validity"+c.query, key, "")
		wantStatus(t, c.query, resp, http.StatusBadRequest, body)
		var e struct {
			Error struct {
				Code   string            `json:"code"`
				Fields map[string]string `json:"fields"`
			} `json:"error"`
		}
		if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error.Code != "invalid" || e.Error.Fields[c.field] == "" {
			t.Errorf("%s: %s, want invalid naming %s", c.query, body, c.field)
		}
	}
	resp, body := tw.f.apiRequest("GET", "/api/v1/validity?scale=farmer&criterion=rating", key, "")
	wantStatus(t, "one scale and criterion", resp, http.StatusOK, body)
	got := decode[listResponse[apiValidity]](t, body)
	if len(got.Items) != 1 || got.Items[0].Scale != "farmer" || got.Items[0].Criterion != "rating" || got.Items[0].N != 1 {
		t.Errorf("farmer against rating: %s, want one item over the one rated person", body)
	}
	resp, body = tw.f.apiRequest("GET", "/api/v1/validity", key, "")
	wantStatus(t, "all", resp, http.StatusOK, body)
	if n := len(decode[listResponse[apiValidity]](t, body).Items); n != 12*4 {
		t.Errorf("%d items, want every scale (2 composites, 10 facets) against every criterion", n)
	}
}
