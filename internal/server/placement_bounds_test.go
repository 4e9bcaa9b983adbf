package server

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"

	usecases "rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
	"rolefit/web"
)

// TestManyRolesAreRefusedAtTheCap is the reported attack through HTTP: an
// API key adds roles one after another, which once made one placement
// take seconds. The 201st is refused with a conflict that says the limit,
// through the API and the Roles page, and the placement of the 200 says
// how many people it considers.
func TestManyRolesAreRefusedAtTheCap(t *testing.T) {
	f := sqliteFixture(t, Config{})
	key := f.apiKeyA(t)
	roles, _ := placementTeam(t, f)
	open := strings.Replace(sellerRole, `"seats_min":1`, `"seats_min":0`, 1) // eight people cannot fill 200 minimums
	for i := len(roles); i < rolefit.MaxRoles; i++ {
		resp, body := f.apiRequest("POST", "/api/v1/roles", key, strings.Replace(open, "Account executive", fmt.Sprintf("Role %d", i), 1))
		if resp.StatusCode != http.StatusCreated {
			t.Fatalf("role %d: status %d\n%s", i+1, resp.StatusCode, body)
		}
	}
	resp, body := f.apiRequest("POST", "/api/v1/roles", key, strings.Replace(sellerRole, "Account executive", "One too many", 1))
	wantStatus(t, "role 201 through the API", resp, http.StatusConflict, body)
	if e := decode[apiErrorEnvelope](t, body); e.Error.Code != errs.CodeConflict {
		t.Errorf("role 201: code %q, want conflict", e.Error.Code)
	}
	wantContains(t, "role 201 through the API", body, "200 roles", "Delete a role")

	b := f.browser().signIn(f.mgrA)
	resp, body = b.get("/settings/roles")
	wantStatus(t, "the Roles page at the cap", resp, http.StatusOK, body)
	wantContains(t, "the Roles page at the cap", body, "the most rolefit keeps (200)")
	if strings.Contains(body, `name="seats_max"`) {
		t.Error("the Roles page at the cap still offers the form to add a role")
	}
	resp, body = b.post("/settings/roles", url.Values{"name": {"One too many"}, "activity": {"new_business"}, "seats_min": {"0"},
		"seats_max": {"1"}, "hours_per_month": {"140"}, "baseline_rate": {"200"}, "monthly_cost": {"9000"}, "profile.hunter": {"1"}})
	wantStatus(t, "role 201 through the page", resp, http.StatusConflict, body)
	wantContains(t, "role 201 through the page", body, "200 roles")

	resp, body = f.apiRequest("GET", "/api/v1/roles", key, "")
	wantStatus(t, "the roles", resp, http.StatusOK, body)
	if n := len(decode[listResponse[apiRole]](t, body).Items); n != rolefit.MaxRoles {
		t.Errorf("%d roles listed, want %d", n, rolefit.MaxRoles)
	}
	resp, body = f.apiRequest("GET", "/api/v1/placement", key, "")
	wantStatus(t, "the placement over 200 roles", resp, http.StatusOK, body)
	got := decode[apiPlacement](t, body)
	if got.PeopleConsidered != 8 || got.MaxPeople != 1000 || got.CandidatesLeftOut != 0 || len(got.Roles) != rolefit.MaxRoles {
		t.Errorf("placement over 200 roles: %d people of at most %d, %d left out, %d roles; want 8, 1000, 0, 200",
			got.PeopleConsidered, got.MaxPeople, got.CandidatesLeftOut, len(got.Roles))
	}
}

// TestTimeoutIsServiceUnavailable checks that work stopped at the
// request's deadline is answered 503 with the code timeout.
func TestTimeoutIsServiceUnavailable(t *testing.T) {
	status, body := classify(fmt.Errorf("placement: %w", errs.Timeout("The placement took too long.")))
	if status != http.StatusServiceUnavailable || body.Code != errs.CodeTimeout || body.Message != "The placement took too long." {
		t.Errorf("a timeout: %d %+v; want 503, timeout and its message", status, body)
	}
}

// TestPlacementPageSaysWhoIsLeftOut checks that the Placement page says
// how many candidates a placement left out and why, and says nothing of
// it when nobody was.
func TestPlacementPageSaysWhoIsLeftOut(t *testing.T) {
	f := sqliteFixture(t, Config{})
	placementTeam(t, f)
	tp, err := useCases(t, f.st, f.clock, nil, "").Placement(ctx, usecases.UserActor(f.mgrA), nil)
	if err != nil {
		t.Fatal(err)
	}
	rnd, err := newRenderer(web.Templates, web.Static, i18n.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	set, err := rnd.page(nil, "placement")
	if err != nil {
		t.Fatal(err)
	}
	for _, leftOut := range []int{0, 3} {
		tp.LeftOut, tp.MaxPeople = leftOut, 8
		var page placementPage
		page.fill(tp, moneyIn("USD"), 1)
		var buf bytes.Buffer
		if err := set.ExecuteTemplate(&buf, "layout", &view{Title: "Placement", User: f.mgrA, Org: f.orgA, Data: page, L: i18n.Shipped().Printer("en", nil)}); err != nil {
			t.Fatal(err)
		}
		said := strings.Contains(buf.String(), "3 candidates with older profiles are left out: with 3 roles a placement considers at most 8 people")
		if said != (leftOut > 0) {
			t.Errorf("%d left out: the page says so: %v", leftOut, said)
		}
	}
}
