package store_test

import (
	"encoding/json"
	"rolefit"
	"testing"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

func seller() rolefit.RoleInput {
	return rolefit.RoleInput{Name: "Account executive", Activity: rolefit.ActivityNewBusiness, SeatsMin: 1, SeatsMax: 3,
		HoursPerMonth: 140, BaselineRate: 200, MonthlyCost: 9000,
		Weights: []rolefit.RoleWeight{{ScaleID: "hunter", Weight: 3}, {ScaleID: "farmer", Weight: 1}}}
}

func TestRoles(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		in := seller()
		in.Name = "  Account executive "
		in.NewBusinessShare = 0.3 // ignored: new business is all new business
		r, err := o.CreateRole(ctx, in, by)
		if err != nil {
			t.Fatal(err)
		}
		got, err := o.Role(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Account executive" || got.NewBusinessShare != 1 || got.SeatsMax != 3 || len(got.Weights) != 2 ||
			got.Weights[0].ScaleID != "farmer" || got.Weights[1].Weight != 3 {
			t.Errorf("role read back = %+v", got)
		}
		if _, err := o.CreateRole(ctx, rolefit.RoleInput{Name: "ACCOUNT EXECUTIVE", Activity: "mix", NewBusinessShare: 0.5,
			SeatsMax: 1, Weights: []rolefit.RoleWeight{{ScaleID: "farmer", Weight: 1}}}, by); errs.Code(err) != errs.CodeConflict || errs.FieldsOf(err)["name"] == "" {
			t.Errorf("a second role of the same name: %v, want a conflict on name", err)
		}
		for _, tc := range []struct {
			name   string
			change func(*rolefit.RoleInput)
			field  string
		}{
			{"no name", func(in *rolefit.RoleInput) { in.Name = " " }, "name"},
			{"unknown activity", func(in *rolefit.RoleInput) { in.Activity = "hunting" }, "activity"},
			{"share above 1", func(in *rolefit.RoleInput) { in.Activity, in.NewBusinessShare = "mix", 1.5 }, "new_business_share"},
			{"share below 0", func(in *rolefit.RoleInput) { in.Activity, in.NewBusinessShare = "mix", -0.1 }, "new_business_share"},
			{"min above max", func(in *rolefit.RoleInput) { in.SeatsMin, in.SeatsMax = 4, 3 }, "seats_min"},
			{"negative min", func(in *rolefit.RoleInput) { in.SeatsMin = -1 }, "seats_min"},
			{"negative max", func(in *rolefit.RoleInput) { in.SeatsMin, in.SeatsMax = 0, -2 }, "seats_max"},
			{"no positive weight", func(in *rolefit.RoleInput) { in.Weights = []rolefit.RoleWeight{{ScaleID: "hunter", Weight: 0}} }, "profile"},
			{"no weights", func(in *rolefit.RoleInput) { in.Weights = nil }, "profile"},
			{"negative weight", func(in *rolefit.RoleInput) {
				in.Weights = append(in.Weights, rolefit.RoleWeight{ScaleID: "drive", Weight: -1})
			}, "profile.drive"},
			{"hours beyond a month", func(in *rolefit.RoleInput) { in.HoursPerMonth = 800 }, "hours_per_month"},
			{"negative rate", func(in *rolefit.RoleInput) { in.BaselineRate = -5 }, "baseline_rate"},
		} {
			in := seller()
			in.Name = "Another"
			tc.change(&in)
			_, err := o.CreateRole(ctx, in, by)
			if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)[tc.field] == "" {
				t.Errorf("%s: error %v, want invalid naming %s", tc.name, err, tc.field)
			}
			if _, err := o.UpdateRole(ctx, r.ID, in, by); errs.FieldsOf(err)[tc.field] == "" {
				t.Errorf("%s: update error %v, want one naming %s", tc.name, err, tc.field)
			}
		}
		if rs, err := o.Roles(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(rs) != 1 {
			t.Errorf("%d roles after bad input, want 1", len(rs))
		}
		if got, err := o.Role(ctx, r.ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if got.Name != "Account executive" || len(got.Weights) != 2 {
			t.Errorf("bad updates changed the role: %+v", got)
		}

		up := seller()
		up.Name, up.Activity, up.NewBusinessShare = "Hybrid seller", rolefit.ActivityMix, 0.4
		up.Weights = []rolefit.RoleWeight{{ScaleID: "hunter", Weight: 1}}
		if _, err := o.UpdateRole(ctx, r.ID, up, by); err != nil {
			t.Fatal(err)
		}
		if got, err := o.Role(ctx, r.ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if got.Name != "Hybrid seller" || got.NewBusinessShare != 0.4 || len(got.Weights) != 1 || !got.CreatedAt.Equal(r.CreatedAt) {
			t.Errorf("updated role = %+v", got)
		}

		// Another organisation sees none of it.
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		o2 := st.Scope(org2.ID)
		if _, err := o2.Role(ctx, r.ID); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("Beta reads Acme's role: %v", err)
		}
		if _, err := o2.UpdateRole(ctx, r.ID, seller(), rolefit.ActorOf(a2)); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("Beta updates Acme's role: %v", err)
		}
		if err := o2.DeleteRole(ctx, r.ID, rolefit.ActorOf(a2)); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("Beta deletes Acme's role: %v", err)
		}
		if rs, err := o2.Roles(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(rs) != 0 {
			t.Errorf("Beta lists %d roles", len(rs))
		}

		// A staff member's role today, cleared when the role goes.
		staff, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Sam", Kind: rolefit.Staff}, by)
		cand, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Cal", Kind: rolefit.Candidate}, by)
		if err := o.SetCurrentRole(ctx, cand.ID, r.ID, by); errs.FieldsOf(err)["role_id"] == "" {
			t.Errorf("a candidate's current role: %v, want invalid role_id", err)
		}
		beta, _ := o2.CreateRole(ctx, seller(), rolefit.ActorOf(a2))
		if err := o.SetCurrentRole(ctx, staff.ID, beta.ID, by); errs.FieldsOf(err)["role_id"] == "" {
			t.Errorf("Beta's role as Acme's staff member's: %v, want invalid role_id", err)
		}
		if err := o2.SetCurrentRole(ctx, staff.ID, beta.ID, rolefit.ActorOf(a2)); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("Beta sets Acme's person's role: %v", err)
		}
		if err := o.SetCurrentRole(ctx, staff.ID, r.ID, by); err != nil {
			t.Fatal(err)
		}
		if p, err := o.Person(ctx, staff.ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if p.CurrentRoleID == nil || *p.CurrentRoleID != r.ID {
			t.Errorf("current role = %v, want %s", p.CurrentRoleID, r.ID)
		}
		if err := o.DeleteRole(ctx, r.ID, by); err != nil {
			t.Fatal(err)
		}
		if p, err := o.Person(ctx, staff.ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if p.CurrentRoleID != nil {
			t.Errorf("current role after the role was deleted = %v, want none", *p.CurrentRoleID)
		}
		if _, err := o.Role(ctx, r.ID); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("deleted role: %v", err)
		}
	})
}

func TestProfiledPeople(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		with, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "With", Kind: rolefit.Staff}, by)
		o.CreatePerson(ctx, rolefit.NewPerson{Name: "Without", Kind: rolefit.Candidate}, by)
		score, pct := 3.5, 80.0
		if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: with.ID, QuestionnaireID: "q", QuestionnaireVersion: 2,
			QuestionnaireHash: "sha256:x", Answers: map[string]int{"a": 1}, View: rolefit.ViewSelf,
			Scored: store.Scored{Result: json.RawMessage(`{}`), Scores: []store.ScoreRow{
				{ScaleID: "hunter", Kind: store.ScaleComposite, Score: &score, Percentile: &pct},
				{ScaleID: "drive", Kind: store.ScaleFacet, Score: &score},
			}}}, by); err != nil {
			t.Fatal(err)
		}
		ps, err := o.ProfiledPeople(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 1 || ps[0].ID != with.ID || ps[0].QuestionnaireID != "q" || ps[0].QuestionnaireVersion != 2 || len(ps[0].Scores) != 2 {
			t.Fatalf("profiled people = %+v, want With with two scores", ps)
		}
		if s := ps[0].Scores[1]; s.ScaleID != "hunter" || *s.Score != 3.5 || *s.Percentile != 80 {
			t.Errorf("hunter row = %+v", s)
		}
		org2, _, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		if ps, err := st.Scope(org2.ID).ProfiledPeople(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(ps) != 0 {
			t.Errorf("Beta sees %d profiled people", len(ps))
		}
	})
}
