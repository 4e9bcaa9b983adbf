package store_test

import (
	"encoding/json"
	"fmt"
	"rolefit"
	"strings"
	"sync"
	"testing"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// TestPlacementStamp checks that every kind of write of what a placement
// reads gives the organisation a later stamp, that a submission does so
// through the count of responses without writing the organisation's row
// (Version unchanged), and that another organisation's writes leave the
// stamp alone.
func TestPlacementStamp(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o, by := st.Scope(org.ID), rolefit.ActorOf(a)
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("bea@example.com"), false)
		theirs := st.Scope(org2.ID)
		stamp := func() store.PlacementStamp {
			t.Helper()
			s, err := o.PlacementStamp(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		staff, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Sam", Email: "sam@acme.example", Kind: rolefit.Staff}, by)
		if err != nil {
			t.Fatal(err)
		}
		cand, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Cam", Kind: rolefit.Candidate}, by)
		if err != nil {
			t.Fatal(err)
		}
		history, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Hal", Kind: rolefit.Candidate}, by)
		if err != nil {
			t.Fatal(err)
		}
		role, err := o.CreateRole(ctx, seller(), by)
		if err != nil {
			t.Fatal(err)
		}
		response := func(person string) store.NewResponse {
			return store.NewResponse{PersonID: person, QuestionnaireID: "q", QuestionnaireVersion: 1, Answers: map[string]int{"a": 1},
				View: rolefit.ViewSelf, Scored: store.Scored{Result: json.RawMessage(`{}`)}}
		}
		var submitted *rolefit.Response

		for _, step := range []struct {
			name       string
			write      func() error
			submission bool // counted in Responses, not in Version
		}{
			{"a submission", func() error {
				r, err := o.RecordResponse(ctx, response(cand.ID), by)
				submitted = r
				return err
			}, true},
			{"a new role", func() error {
				in := seller()
				in.Name = "Customer success"
				_, err := o.CreateRole(ctx, in, by)
				return err
			}, false},
			{"a changed role", func() error {
				in := seller()
				in.SeatsMax = 9
				_, err := o.UpdateRole(ctx, role.ID, in, by)
				return err
			}, false},
			{"a role today", func() error { return o.SetCurrentRole(ctx, staff.ID, role.ID, by) }, false},
			{"performance", func() error {
				_, err := o.RecordPerformance(ctx, []rolefit.PerformanceInput{{Person: staff.ID, Month: "2026-01", NewBusinessHours: 10, NewBusinessRevenue: 1000}}, nil, false, by)
				return err
			}, false},
			{"a compensation plan", func() error {
				_, err := o.SetCompPlan(ctx, rolefit.CompPlan{RoleID: role.ID, Base: 60000, TargetVariable: 40000, Basis: "commission", BenefitsLoad: 1.25}, by)
				return err
			}, false},
			{"a role's hiring figures", func() error {
				_, err := o.SetRoleHiring(ctx, rolefit.RoleHiring{RoleID: role.ID, DaysToFill: 30, Ramp: []float64{0.5}}, by)
				return err
			}, false},
			{"a hiring period", func() error {
				_, err := o.CreateHiringPeriod(ctx, rolefit.HiringPeriod{FromMonth: "2026-01", ToMonth: "2026-01", Hires: 1,
					Items: []rolefit.HiringCostItem{{Category: "advertising", Amount: 500}}}, by)
				return err
			}, false},
			{"the settings", func() error {
				s := rolefit.DefaultSettings()
				s.ProfileCut = 3.0
				return o.SetSettings(ctx, "USD", s, by)
			}, false},
			{"rescoring", func() error {
				return o.SaveRescored(ctx, []store.Rescored{{ID: submitted.ID, Scored: store.Scored{Result: json.RawMessage(`{"x":1}`)}}}, by, "test")
			}, false},
			{"earlier responses", func() error {
				return o.RecordEarlierResponses(ctx, []store.EarlierResponse{{NewResponse: response(history.ID), SubmittedAt: storetest.Start}}, by)
			}, false},
			{"an erasure", func() error { return o.ErasePerson(ctx, cand.ID, by) }, false},
			{"a deleted role", func() error { return o.DeleteRole(ctx, role.ID, by) }, false},
		} {
			before := stamp()
			if _, err := theirs.CreateRole(ctx, seller(), rolefit.ActorOf(a2)); err != nil && errs.Code(err) != errs.CodeConflict {
				t.Fatal(err)
			}
			if stamp() != before {
				t.Fatalf("%s: another organisation's role changed the stamp", step.name)
			}
			if err := step.write(); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			after := stamp()
			if !after.After(before) || before.After(after) {
				t.Errorf("%s: stamp %+v after %+v; want a later one", step.name, after, before)
			}
			if step.submission && after.Version != before.Version {
				t.Errorf("%s wrote the organisation's placement version (%d → %d); a submission must not write a shared row", step.name, before.Version, after.Version)
			}
		}
		if _, err := st.Scope("NOSUCHORG").PlacementStamp(ctx); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("the stamp of no organisation: %v; want not found", err)
		}
	})
}

// TestRoleCap checks that an organisation may have at most MaxRoles
// roles, one at a time and when the last ones are created at once, on
// SQLite and PostgreSQL.
func TestRoleCap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o, by := st.Scope(org.ID), rolefit.ActorOf(a)
		in := func(i int) rolefit.RoleInput {
			r := seller()
			r.Name = fmt.Sprintf("Role %d", i)
			return r
		}
		const racers = 8
		for i := range rolefit.MaxRoles - racers/2 {
			if _, err := o.CreateRole(ctx, in(i), by); err != nil {
				t.Fatalf("role %d: %v", i+1, err)
			}
		}
		// The last four places, eight creates at once.
		errors := make([]error, racers)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for k := range racers {
			wg.Go(func() {
				<-start
				_, errors[k] = o.CreateRole(ctx, in(1000+k), by)
			})
		}
		close(start)
		wg.Wait()
		made := 0
		for k, err := range errors {
			switch errs.Code(err) {
			case "":
				made++
			case errs.CodeConflict:
			default:
				t.Errorf("create %d at once: %v; want the role or a conflict", k, err)
			}
		}
		rs, err := o.Roles(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(rs) != rolefit.MaxRoles || made != racers/2 {
			t.Fatalf("%d roles after %d made at once; want %d and %d", len(rs), made, rolefit.MaxRoles, racers/2)
		}
		_, err = o.CreateRole(ctx, in(5000), by)
		if errs.Code(err) != errs.CodeConflict || !strings.Contains(errs.Message(err), "200 roles") || !strings.Contains(errs.Message(err), "Delete a role") {
			t.Errorf("role %d: %v; want a conflict saying the limit", rolefit.MaxRoles+1, err)
		}
		// Another organisation is not limited by this one's roles, and a
		// role freed is a role to make.
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("bea@example.com"), false)
		if _, err := st.Scope(org2.ID).CreateRole(ctx, in(1), rolefit.ActorOf(a2)); err != nil {
			t.Errorf("another organisation's first role: %v", err)
		}
		if err := o.DeleteRole(ctx, rs[0].ID, by); err != nil {
			t.Fatal(err)
		}
		if _, err := o.CreateRole(ctx, in(5000), by); err != nil {
			t.Errorf("a role after one is deleted: %v", err)
		}
	})
}
