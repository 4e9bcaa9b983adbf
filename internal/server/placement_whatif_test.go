package server

import (
	"cmp"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	usecases "rolefit/internal/app"
	"rolefit/internal/placement"
)

// TestPlacementWhatIf asks the Placement page and the API what moving a
// person would change, and checks the figure is placement's own
// (Plan.WhatIf on the same team) in words and in JSON.
func TestPlacementWhatIf(t *testing.T) {
	f := sqliteFixture(t, Config{})
	roles, people := placementTeam(t, f)
	uc := useCases(t, f.st, f.clock, nil, "")
	tp, err := uc.Placement(ctx, usecases.UserActor(f.mgrA), nil)
	if err != nil {
		t.Fatal(err)
	}
	m := moneyIn("USD")
	b := f.browser().signIn(f.mgrA)
	key := f.apiKeyA(t)
	_, body := b.get("/placement")
	wantContains(t, "placement", body, "What if", `name="move"`, `<option value="none">Not placed</option>`)
	costly, chains := 0, 0
	for _, p := range people {
		for _, to := range []string{roles[0].ID, roles[1].ID, roles[2].ID, "none"} {
			roleID := to
			if to == "none" {
				roleID = ""
			}
			want, err := tp.Plan.WhatIf(p.ID, roleID)
			if err != nil {
				t.Fatal(err)
			}
			q := url.Values{"move": {p.ID}, "to": {to}}
			resp, body := b.get("/placement?" + q.Encode())
			wantStatus(t, "what if "+p.Name+" to "+to, resp, http.StatusOK, body)
			body = strings.ReplaceAll(body, "&#43;", "+")
			var sentence string
			switch {
			case tp.RoleName(roleID) == "" && roleID != "":
				t.Fatal("unknown role")
			case placedIn(tp.Plan, p.ID) == roleID:
				sentence = p.Name + " is already recommended there: no change."
			case !want.Possible:
				sentence = "is not possible"
			default:
				sentence = changeText(m, want)
				if want.Value < 0 {
					costly++
				}
			}
			wantContains(t, "what if "+p.Name+" to "+to, body, sentence, `value="`+p.ID+`" selected`, `value="`+to+`" selected`)
			moves, err := tp.Plan.WhatIfMoves(ctx, p.ID, roleID)
			if err != nil {
				t.Fatal(err)
			}
			if want.Possible && placedIn(tp.Plan, p.ID) != roleID && len(moves) == 0 {
				t.Errorf("what if %s to %s: a possible change moves nobody", p.Name, to)
			}
			for _, mv := range moves {
				line := ">" + mv.Name + "</a>: " + cmpOr(tp.RoleName(mv.From), "not placed") + " → " + cmpOr(tp.RoleName(mv.To), "not placed")
				if !strings.Contains(body, line) {
					t.Errorf("what if %s to %s: the page does not list %q", p.Name, to, line)
				}
			}
			if len(moves) > 1 {
				chains++
			}

			resp, body = f.apiRequest("GET", "/api/v1/placement?"+q.Encode(), key, "")
			wantStatus(t, "API what if", resp, http.StatusOK, body)
			got := decode[apiPlacement](t, body).WhatIf
			if got == nil || got.PersonID != p.ID || got.RoleID != roleID || got.Change.Possible != want.Possible ||
				math.Abs(got.Change.Value-want.Value) > 1e-9 || got.Change.Priority != want.Priority || !slices.Equal(got.Moves, moves) {
				t.Errorf("API what if %s to %q = %+v, want %+v", p.Name, to, got, want)
			}
		}
	}
	if costly == 0 || chains == 0 {
		t.Errorf("%d moves cost the team anything and %d move anyone else; the test proves little", costly, chains)
	}
	resp, body := b.get("/placement?move=NOBODY&to=none")
	wantStatus(t, "unknown person", resp, http.StatusBadRequest, body)
	wantContains(t, "unknown person", body, "person: there is no person")
	resp, body = f.apiRequest("GET", "/api/v1/placement?move="+people[0].ID+"&to=NOROLE", key, "")
	wantStatus(t, "API unknown role", resp, http.StatusBadRequest, body)
	if fields := decode[apiErrorEnvelope](t, body).Error.Fields; fields["role"] == "" {
		t.Errorf("fields %v do not name role", fields)
	}
}

func cmpOr(s, alt string) string { return cmp.Or(s, alt) }

func placedIn(p *placement.Plan, personID string) string {
	for _, pl := range p.People {
		if pl.PersonID == personID {
			return pl.RoleID
		}
	}
	return "?"
}

// TestCandidateFit checks a candidate's page and GET /api/v1/people/{id}/fit
// say where today's team (the staff and the candidate) would place them,
// equal to solving that team.
func TestCandidateFit(t *testing.T) {
	f := sqliteFixture(t, Config{})
	_, people := placementTeam(t, f)
	uc := useCases(t, f.st, f.clock, nil, "")
	act := usecases.UserActor(f.mgrA)
	all, err := uc.Placement(ctx, act, nil)
	if err != nil {
		t.Fatal(err)
	}
	key := f.apiKeyA(t)
	b := f.browser().signIn(f.mgrA)
	m := moneyIn("USD")
	for _, cand := range people[5:] {
		// The Placement page's plan: a candidate's page says what it says.
		want := all.Plan
		role := placedIn(want, cand.ID)
		resp, body := f.apiRequest("GET", "/api/v1/people/"+cand.ID+"/fit", key, "")
		wantStatus(t, "fit", resp, http.StatusOK, body)
		got := decode[apiFit](t, body)
		if !got.Placed || got.RecommendedRoleID != role || got.TeamSize != len(want.People) || got.Why == nil || got.InTeam == nil {
			t.Fatalf("%s: fit %+v, want recommended %q in a team of %d with a reason", cand.Name, got, role, len(want.People))
		}
		_, body = b.get("/people/" + cand.ID)
		body = strings.ReplaceAll(body, "&#43;", "+")
		if role == "" {
			wantContains(t, cand.Name+"'s page", body, "Fit for each role", "Placement does not place "+cand.Name+".")
		} else {
			wantContains(t, cand.Name+"'s page", body, "Fit for each role",
				"Placement puts "+cand.Name+" in "+all.RoleName(role)+": "+m.Whole(got.InTeam.Net)+" a month")
		}
		if math.Abs(got.InTeam.Net-netOf(want, cand.ID)) > 1e-6 {
			t.Errorf("%s: net %.2f, want %.2f", cand.Name, got.InTeam.Net, netOf(want, cand.ID))
		}
	}
	// A staff member's page shows their fit too, and where Placement
	// puts them.
	_, body := b.get("/people/" + people[1].ID)
	wantContains(t, "a staff member's page", body, "Fit for each role", "Placement puts "+people[1].Name+" in ")
}

func netOf(p *placement.Plan, personID string) float64 {
	for _, pl := range p.People {
		if pl.PersonID == personID {
			return pl.Net
		}
	}
	return math.NaN()
}
