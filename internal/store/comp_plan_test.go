package store_test

import (
	"rolefit"
	"testing"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

func TestCompPlansAndHiring(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		other, b, _ := st.CreateOrganisation(ctx, "Other", admin("bo@example.com"), false)
		o, ob := st.Scope(org.ID), st.Scope(other.ID)
		by := rolefit.ActorOf(a)
		r, err := o.CreateRole(ctx, seller(), by)
		if err != nil {
			t.Fatal(err)
		}
		plan := rolefit.CompPlan{RoleID: r.ID, Base: 60000, TargetVariable: 60000, Basis: "commission", Quota: 600000, BenefitsLoad: 1.25}
		if _, err := o.SetCompPlan(ctx, plan, by); err != nil {
			t.Fatal(err)
		}
		plan.Base = 70000 // a second plan replaces the first
		if _, err := o.SetCompPlan(ctx, plan, by); err != nil {
			t.Fatal(err)
		}
		ps, err := o.CompPlans(ctx)
		if err != nil || len(ps) != 1 || ps[r.ID].Base != 70000 || ps[r.ID].Quota != 600000 || ps[r.ID].Basis != "commission" {
			t.Errorf("plans = %+v, %v; want one with base 70000", ps, err)
		}
		// Another organisation can neither set nor see A's role's plan.
		if _, err := ob.SetCompPlan(ctx, plan, rolefit.ActorOf(b)); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("B sets A's plan: %v, want not found", err)
		}
		if got, err := ob.CompPlans(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(got) != 0 {
			t.Errorf("B sees plans %+v", got)
		}

		h := rolefit.RoleHiring{RoleID: r.ID, DaysToFill: 45, Ramp: []float64{0.25, 0.5, 0.75}}
		if _, err := o.SetRoleHiring(ctx, h, by); err != nil {
			t.Fatal(err)
		}
		hs, err := o.RoleHirings(ctx)
		if got := hs[r.ID]; err != nil || got.DaysToFill != 45 || len(got.Ramp) != 3 || got.Ramp[1] != 0.5 {
			t.Errorf("hiring figures = %+v, %v", got, err)
		}
		if _, err := o.SetRoleHiring(ctx, rolefit.RoleHiring{RoleID: r.ID, DaysToFill: 30}, by); err != nil {
			t.Fatal(err)
		}
		if hs, err := o.RoleHirings(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(hs[r.ID].Ramp) != 0 || hs[r.ID].DaysToFill != 30 {
			t.Errorf("hiring figures without a ramp = %+v", hs[r.ID])
		}
		if _, err := ob.SetRoleHiring(ctx, h, rolefit.ActorOf(b)); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("B sets A's hiring figures: %v, want not found", err)
		}

		period := rolefit.HiringPeriod{RoleID: &r.ID, FromMonth: "2026-01", ToMonth: "2026-03", Hires: 2, FirstYearCompensation: 150000,
			Items: []rolefit.HiringCostItem{{Category: "advertising", Amount: 1200}, {Category: "recruiter_time", Amount: 3000, Note: "20 hours"}}}
		if _, err := o.CreateHiringPeriod(ctx, period, by); err != nil {
			t.Fatal(err)
		}
		if _, err := o.CreateHiringPeriod(ctx, rolefit.HiringPeriod{FromMonth: "2025-10", ToMonth: "2025-12", Hires: 1,
			Items: []rolefit.HiringCostItem{{Category: "agency_fees", Amount: 9000}}}, by); err != nil {
			t.Fatal(err)
		}
		got, err := o.HiringPeriods(ctx)
		if err != nil || len(got) != 2 {
			t.Fatalf("periods = %+v, %v; want 2", got, err)
		}
		if got[0].FromMonth != "2025-10" || got[0].RoleID != nil || len(got[0].Items) != 1 {
			t.Errorf("first period = %+v, want the organisation's of 2025-10", got[0])
		}
		if p := got[1]; p.RoleID == nil || *p.RoleID != r.ID || len(p.Items) != 2 || p.Items[1].Category != "recruiter_time" ||
			p.Items[1].Note != "20 hours" || p.Hires != 2 || p.FirstYearCompensation != 150000 {
			t.Errorf("second period = %+v", p)
		}
		// B cannot record against A's role, and sees none of A's periods.
		if _, err := ob.CreateHiringPeriod(ctx, period, rolefit.ActorOf(b)); errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)["role_id"] == "" {
			t.Errorf("B records against A's role: %v, want invalid role_id", err)
		}
		if got, err := ob.HiringPeriods(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(got) != 0 {
			t.Errorf("B sees periods %+v", got)
		}
		// Deleting the role deletes its plan and hiring figures and keeps
		// its periods as the organisation's.
		if err := o.DeleteRole(ctx, r.ID, by); err != nil {
			t.Fatal(err)
		}
		ps, _ = o.CompPlans(ctx)
		hs, _ = o.RoleHirings(ctx)
		got, _ = o.HiringPeriods(ctx)
		if len(ps) != 0 || len(hs) != 0 || len(got) != 2 || got[1].RoleID != nil {
			t.Errorf("after deleting the role: plans %d, hiring %d, periods %+v", len(ps), len(hs), got)
		}
	})
}
