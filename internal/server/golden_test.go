package server

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// update rewrites the golden files from what the code answers today:
// go test ./internal/server -run TestGoldenAPI -update, then read the diff.
var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGoldenAPI pins the public shapes of the API: people, a profile, a
// fit, performance, an invitation, the team, roles, placement, plans,
// hiring costs, exposure, the organisation, the key, and the people CSV
// export, each as a file under testdata/golden. A change of a field's name, type or place is then a
// diff a reviewer reads, not a surprise for an integrator.
func TestGoldenAPI(t *testing.T) {
	tw := newTeamWorld(t)
	key := tw.f.apiKeyA(t)
	for _, role := range []string{
		sellerRole,
		`{"name":"Account manager","activity":"account_service","profile":{"hunter":1,"farmer":3},"seats_min":0,"seats_max":2,"hours_per_month":140,"baseline_rate":180,"monthly_cost":6500}`,
	} {
		resp, body := tw.f.apiRequest("POST", "/api/v1/roles", key, role)
		wantStatus(t, "create a role", resp, http.StatusCreated, body)
	}
	ann, cy := tw.assessed[0].ID, tw.assessed[3].ID
	resp, body := tw.f.apiRequest("POST", "/api/v1/people/"+cy+"/performance", key,
		`{"month":"2026-01","new_business_revenue":42000,"new_business_hours":30,"service_revenue":61000,"service_hours":90}`)
	wantStatus(t, "record performance", resp, http.StatusCreated, body)
	names := entityNames(t, tw, key)
	var seller string
	for id, n := range names {
		if n == "role-Account-executive" {
			seller = id
		}
	}
	resp, body = tw.f.apiRequest("POST", "/api/v1/comp-plans", key, `{"role_id":"`+seller+`","base":60000,"target_variable":60000,"quota":600000}`)
	wantStatus(t, "a plan", resp, http.StatusOK, body)
	resp, body = tw.f.apiRequest("POST", "/api/v1/hiring-costs", key, `{"role_id":"`+seller+`","from_month":"2026-01","to_month":"2026-02","hires":2,`+
		`"first_year_compensation":150000,"items":[{"category":"advertising","amount":1000},{"category":"agency_fees","amount":9000,"note":"one agency"}]}`)
	wantStatus(t, "hiring costs", resp, http.StatusCreated, body)
	di := tw.assessed[len(tw.assessed)-1].ID
	for id, n := range names {
		if n == "person-Di-Dunn-not-assessed" {
			di = id
		}
	}
	resp, body = tw.f.apiRequest("POST", "/api/v1/people/"+ann+"/interviews", key,
		`{"role_id":"`+seller+`","ratings":{"drive":4,"influence":3},"notes":"Two clear examples."}`)
	wantStatus(t, "record an interview", resp, http.StatusCreated, body)
	t.Run("interview.json", func(t *testing.T) {
		got, err := json.MarshalIndent(json.RawMessage(normaliseIDs(keyPrefix.ReplaceAll([]byte(body), []byte("rf_random")), names)), "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		compareGolden(t, filepath.Join("testdata", "golden", "interview.json"), append(got, '\n'))
	})
	resp, body = tw.f.apiRequest("POST", "/api/v1/webhooks", key, `{"url":"https://93.184.215.14/hooks/rolefit","events":["invitation.sent","response.submitted"]}`)
	wantStatus(t, "add a webhook endpoint", resp, http.StatusCreated, body)
	hook := decode[apiNewWebhook](t, body).ID
	resp, body = tw.f.apiRequest("POST", "/api/v1/invitations", key, `{"person_id":"`+di+`","questionnaire":"sales-service","expires_in_days":3}`)
	wantStatus(t, "invite", resp, http.StatusCreated, body)
	inv := decode[apiInvitation](t, body).ID
	tw.f.clock.Advance(time.Second) // the audit entries in one order
	today := tw.f.clock.Now().UTC().Format(time.DateOnly)
	resp, body = tw.f.apiRequest("POST", "/api/v1/people/"+cy+"/outcomes", key, `{"stage":"advanced","at":"`+today+`"}`)
	wantStatus(t, "record an outcome", resp, http.StatusCreated, body)
	tw.f.clock.Advance(time.Second) // the audit entries in one order
	// The team's people are staff: they may self-identify once the
	// organisation allows it.
	resp, body = tw.f.apiRequest("PATCH", "/api/v1/organisation", key, `{"self_id_for_staff":true}`)
	wantStatus(t, "allow staff to self-identify", resp, http.StatusOK, body)
	for i, p := range tw.assessed {
		resp, body = tw.f.apiRequest("PUT", "/api/v1/people/"+p.ID+"/self-identification", key,
			[]string{`{"sex":"female","race_ethnicity":"asian","age_40_or_over":true}`, `{"sex":"male"}`}[i%2])
		wantStatus(t, "self-identification", resp, http.StatusNoContent, body)
		tw.f.clock.Advance(time.Second)
	}

	for _, c := range []struct{ name, path string }{
		{"person.json", "/api/v1/people/" + ann},
		{"people.json", "/api/v1/people?limit=3"},
		{"profile.json", "/api/v1/people/" + cy + "/profile"},
		{"fit.json", "/api/v1/people/" + ann + "/fit"},
		{"performance.json", "/api/v1/people/" + cy + "/performance"},
		{"invitation.json", "/api/v1/invitations/" + inv},
		{"team.json", "/api/v1/team"},
		{"roles.json", "/api/v1/roles"},
		{"placement.json", "/api/v1/placement"},
		{"comp-plans.json", "/api/v1/comp-plans"},
		{"hiring-costs.json", "/api/v1/hiring-costs"},
		{"exposure.json", "/api/v1/exposure"},
		{"split.json", "/api/v1/people/" + cy + "/split"},
		{"move.json", "/api/v1/people/" + cy + "/move"},
		{"simulate-inputs.json", "/api/v1/simulate/inputs?person=" + cy},
		{"organisation.json", "/api/v1/organisation"},
		{"me.json", "/api/v1/me"},
		{"people-export.csv", "/api/v1/people/export?format=csv"},
		{"person-export.json", "/api/v1/people/" + cy + "/export"},
		{"invitations.json", "/api/v1/invitations?limit=2"},
		{"webhooks.json", "/api/v1/webhooks"},
		{"webhook-deliveries.json", "/api/v1/webhooks/" + hook + "/deliveries"},
		{"audit.json", "/api/v1/audit?limit=3"},
		{"validity.json", "/api/v1/validity?scale=hunter"},
		{"outcomes.json", "/api/v1/people/" + cy + "/outcomes"},
		{"adverse-impact.json", "/api/v1/adverse-impact?decision=median:hunter&by=sex"},
	} {
		t.Run(c.name, func(t *testing.T) {
			// A second apart, so the audit entries each read writes are in
			// one order in the person's export.
			tw.f.clock.Advance(time.Second)
			resp, body := tw.f.apiRequest("GET", c.path, key, "")
			wantStatus(t, c.path, resp, http.StatusOK, body)
			got := randomParts.ReplaceAll([]byte(body), []byte(`"$1":"random"`))
			got = normaliseIDs(keyPrefix.ReplaceAll(got, []byte("rf_random")), names)
			if filepath.Ext(c.name) == ".json" {
				var v any
				if err := json.Unmarshal(got, &v); err != nil {
					t.Fatalf("%s: %v", c.path, err)
				}
				var err error
				if got, err = json.MarshalIndent(v, "", "  "); err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
			}
			compareGolden(t, filepath.Join("testdata", "golden", c.name), got)
		})
	}
}

// rolefitID is an identifier as the store makes them: 26 characters of
// base32 (crypto/rand.Text).
var rolefitID = regexp.MustCompile(`\b[A-Z2-7]{26}\b`)

// randomParts are values made of random bits that are not identifiers: a
// list's cursor (it encodes the last identifier) and an API key's
// prefix (the key's first characters).
var randomParts = regexp.MustCompile(`"(next_cursor|prefix|message_id)":"[^"]+"`)

// keyPrefix is an API key's prefix where it names the key (the audit
// log's actor).
var keyPrefix = regexp.MustCompile(`rf_[A-Z2-7]{7}`)

// entityNames names the people and roles of organisation A by what they
// are ("person-Ann-Able", "role-Account-manager"), read through the API.
func entityNames(t *testing.T, tw *teamWorld, key string) map[string]string {
	t.Helper()
	names := map[string]string{}
	resp, body := tw.f.apiRequest("GET", "/api/v1/people?limit=500", key, "")
	wantStatus(t, "people", resp, http.StatusOK, body)
	for _, p := range decode[listResponse[apiPerson]](t, body).Items {
		names[p.ID] = "person-" + safeName(p.Name)
	}
	resp, body = tw.f.apiRequest("GET", "/api/v1/roles", key, "")
	wantStatus(t, "roles", resp, http.StatusOK, body)
	for _, r := range decode[listResponse[apiRole]](t, body).Items {
		names[r.ID] = "role-" + safeName(r.Name)
	}
	return names
}

// safeName keeps a name's letters and digits, each other run of
// characters a hyphen, so it can stand for an identifier in JSON or CSV.
func safeName(name string) string {
	return strings.Trim(nonWord.ReplaceAllString(name, "-"), "-")
}

var nonWord = regexp.MustCompile(`[^A-Za-z0-9]+`)

// normaliseIDs replaces the random identifiers in b: a person's or a
// role's by its name, any other by id-1, id-2, … in the order they first
// appear. A golden file then does not change from run to run, and still
// shows which fields hold which identifier.
func normaliseIDs(b []byte, names map[string]string) []byte {
	others := map[string]string{}
	return rolefitID.ReplaceAllFunc(b, func(id []byte) []byte {
		if n, ok := names[string(id)]; ok {
			return []byte(n)
		}
		n, ok := others[string(id)]
		if !ok {
			n = fmt.Sprintf("id-%d", len(others)+1)
			others[string(id)] = n
		}
		return []byte(n)
	})
}

// compareGolden checks got against the file at path, or writes it there
// with -update.
func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what the API answers now (run with -update and review the diff):\n%s", path, firstDifference(want, got))
	}
}

// firstDifference shows the first line where two texts part.
func firstDifference(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return fmt.Sprintf("line %d:\n  want %s\n  got  %s", i+1, w, g)
		}
	}
	return "(no line differs)"
}
