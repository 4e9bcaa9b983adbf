package store_test

import (
	"math"
	"rolefit"
	"testing"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// performanceFixture is an organisation with a staff member, a candidate
// and another organisation's staff member. The test clock stands in
// March 2026 (storetest.Start).
type performanceFixture struct {
	o             *store.Scope
	by            rolefit.Actor
	staff, cand   *rolefit.Person
	other         *rolefit.Person
	otherOrgStaff *rolefit.Person
}

func newPerformanceFixture(t *testing.T, st *store.Store) performanceFixture {
	t.Helper()
	org, a, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
	if err != nil {
		t.Fatal(err)
	}
	orgB, b, err := st.CreateOrganisation(ctx, "Other", admin("bo@example.com"), false)
	if err != nil {
		t.Fatal(err)
	}
	f := performanceFixture{o: st.Scope(org.ID), by: rolefit.ActorOf(a)}
	add := func(o *store.Scope, by rolefit.Actor, np rolefit.NewPerson) *rolefit.Person {
		p, err := o.CreatePerson(ctx, np, by)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	f.staff = add(f.o, f.by, rolefit.NewPerson{Name: "Sam Seller", Email: "sam@example.com", Kind: rolefit.Staff})
	f.other = add(f.o, f.by, rolefit.NewPerson{Name: "Vera Service", Email: "vera@example.com", Kind: rolefit.Staff})
	f.cand = add(f.o, f.by, rolefit.NewPerson{Name: "Cay Candidate", Email: "cay@example.com", Kind: rolefit.Candidate})
	f.otherOrgStaff = add(st.Scope(orgB.ID), rolefit.ActorOf(b), rolefit.NewPerson{Name: "Olly Other", Email: "olly@example.com", Kind: rolefit.Staff})
	return f
}

func month(person, m string, nbH, nbR, svH, svR float64) rolefit.PerformanceInput {
	return rolefit.PerformanceInput{Person: person, Month: m, NewBusinessHours: nbH, NewBusinessRevenue: nbR, ServiceHours: svH, ServiceRevenue: svR}
}

func TestRecordPerformanceAndRates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		f := newPerformanceFixture(t, st)
		for _, in := range []rolefit.PerformanceInput{
			month(f.staff.ID, "2026-01", 100, 500_000, 20, 20_000),
			month(f.staff.ID, "2026-02", 60, 240_000, 60, 90_000),
			month(f.staff.ID, "2026-03", 0, 0, 0, 0), // a month of leave: recorded, counts nothing
		} {
			if _, err := f.o.RecordPerformance(ctx, []rolefit.PerformanceInput{in}, nil, false, f.by); err != nil {
				t.Fatalf("record %s: %v", in.Month, err)
			}
		}
		ms, err := f.o.PerformanceMonths(ctx, f.staff.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 3 || ms[0].Month != "2026-01" || ms[2].Month != "2026-03" || ms[1].ServiceRevenue != 90_000 {
			t.Fatalf("months read back = %+v", ms)
		}
		// By hand: new business (500,000 + 240,000) / (100 + 60) = 4,625
		// an hour; service (20,000 + 90,000) / (20 + 60) = 1,375 an hour
		// (not the mean of the monthly rates, 4,500 and 1,250).
		nb, sv := rolefit.TotalOf(ms).Rates()
		if nb == nil || sv == nil || math.Abs(*nb-4625) > 1e-9 || math.Abs(*sv-1375) > 1e-9 {
			t.Errorf("rates = %v, %v; want 4625, 1375", deref(nb), deref(sv))
		}
		totals, err := f.o.RecentPerformance(ctx, 12)
		if err != nil {
			t.Fatal(err)
		}
		tot := totals[f.staff.ID]
		if len(totals) != 1 || tot.Months != 3 || tot.NewBusinessHours != 160 || tot.ServiceRevenue != 110_000 {
			t.Errorf("totals = %+v, want one person with 3 months, 160 new-business hours, 110000 service revenue", totals)
		}
		// Only the latest months count: February and March.
		recent, err := f.o.RecentPerformance(ctx, 2)
		if err != nil {
			t.Fatal(err)
		}
		if tot := recent[f.staff.ID]; tot.Months != 2 || tot.NewBusinessHours != 60 || tot.ServiceRevenue != 90_000 {
			t.Errorf("the latest two months = %+v, want February and March: 60 new-business hours, 90000 service revenue", tot)
		}
		// Only service hours: no new-business rate at all, not 0.
		if _, err := f.o.RecordPerformance(ctx, []rolefit.PerformanceInput{month(f.other.ID, "2026-02", 0, 0, 100, 80_000)}, nil, false, f.by); err != nil {
			t.Fatal(err)
		}
		vm, _ := f.o.PerformanceMonths(ctx, f.other.ID)
		if nb, sv := rolefit.TotalOf(vm).Rates(); nb != nil || sv == nil || *sv != 800 {
			t.Errorf("service-only rates = %v, %v; want nil, 800", deref(nb), deref(sv))
		}
	})
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestRecordPerformanceRefusesBadInput(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		f := newPerformanceFixture(t, st)
		for _, tc := range []struct {
			name  string
			in    rolefit.PerformanceInput
			field string
		}{
			{"no month", month(f.staff.ID, "", 1, 1, 0, 0), "month"},
			{"month without zero", month(f.staff.ID, "2026-1", 1, 1, 0, 0), "month"},
			{"month 13", month(f.staff.ID, "2025-13", 1, 1, 0, 0), "month"},
			{"a date, not a month", month(f.staff.ID, "2026-01-15", 1, 1, 0, 0), "month"},
			{"month words", month(f.staff.ID, "March 2026", 1, 1, 0, 0), "month"},
			{"next month", month(f.staff.ID, "2026-04", 1, 1, 0, 0), "month"},
			{"next year", month(f.staff.ID, "2027-01", 1, 1, 0, 0), "month"},
			{"before 2000", month(f.staff.ID, "1999-12", 1, 1, 0, 0), "month"},
			{"negative new-business hours", month(f.staff.ID, "2026-01", -1, 0, 0, 0), "new_business_hours"},
			{"negative new-business revenue", month(f.staff.ID, "2026-01", 10, -5, 0, 0), "new_business_revenue"},
			{"negative service hours", month(f.staff.ID, "2026-01", 0, 0, -2, 0), "service_hours"},
			{"negative service revenue", month(f.staff.ID, "2026-01", 0, 0, 2, -1), "service_revenue"},
			{"new-business revenue without hours", month(f.staff.ID, "2026-01", 0, 1000, 10, 10), "new_business_revenue"},
			{"service revenue without hours", month(f.staff.ID, "2026-01", 10, 10, 0, 1000), "service_revenue"},
			{"hours beyond a month", month(f.staff.ID, "2026-01", 745, 0, 0, 0), "new_business_hours"},
			{"both activities beyond a month", month(f.staff.ID, "2026-01", 400, 0, 400, 0), "service_hours"},
			{"not a number", month(f.staff.ID, "2026-01", math.NaN(), 0, 0, 0), "new_business_hours"},
			{"infinite revenue", month(f.staff.ID, "2026-01", 1, math.Inf(1), 0, 0), "new_business_revenue"},
			{"a candidate", month(f.cand.ID, "2026-01", 1, 1, 0, 0), "person"},
		} {
			_, err := f.o.RecordPerformance(ctx, []rolefit.PerformanceInput{tc.in}, nil, false, f.by)
			if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)[tc.field] == "" {
				t.Errorf("%s: got %v, want invalid with field %s", tc.name, err, tc.field)
			}
		}
		for name, id := range map[string]string{"unknown person": "NOSUCHPERSON", "another organisation's person": f.otherOrgStaff.ID} {
			_, err := f.o.RecordPerformance(ctx, []rolefit.PerformanceInput{month(id, "2026-01", 1, 1, 0, 0)}, nil, false, f.by)
			if errs.Code(err) != errs.CodeNotFound {
				t.Errorf("%s: got %v, want not found", name, err)
			}
		}
		if ms, err := f.o.PerformanceMonths(ctx, f.staff.ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(ms) != 0 {
			t.Errorf("after refused input %d months are stored, want 0", len(ms))
		}
	})
}

func TestRecordPerformanceDuplicateMonth(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		f := newPerformanceFixture(t, st)
		first := month(f.staff.ID, "2026-02", 100, 500_000, 0, 0)
		if _, err := f.o.RecordPerformance(ctx, []rolefit.PerformanceInput{first}, nil, false, f.by); err != nil {
			t.Fatal(err)
		}
		again := month(f.staff.ID, "2026-02", 50, 100_000, 10, 5_000)
		_, err := f.o.RecordPerformance(ctx, []rolefit.PerformanceInput{again}, nil, false, f.by)
		if errs.Code(err) != errs.CodeConflict || errs.FieldsOf(err)["month"] == "" {
			t.Fatalf("the same month again: %v, want a conflict on month", err)
		}
		ms, _ := f.o.PerformanceMonths(ctx, f.staff.ID)
		if len(ms) != 1 || ms[0].NewBusinessRevenue != 500_000 {
			t.Fatalf("after the refused month: %+v, want the first figures kept", ms)
		}
		// Replacing corrects the month: the new figures, not a sum.
		if _, err := f.o.RecordPerformance(ctx, []rolefit.PerformanceInput{again}, nil, true, f.by); err != nil {
			t.Fatalf("replace: %v", err)
		}
		ms, _ = f.o.PerformanceMonths(ctx, f.staff.ID)
		if len(ms) != 1 || ms[0].NewBusinessHours != 50 || ms[0].NewBusinessRevenue != 100_000 || ms[0].ServiceRevenue != 5_000 {
			t.Errorf("after replace: %+v, want one month of 50 h, 100000 and 5000", ms)
		}
	})
}

func TestImportPerformanceIsAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		f := newPerformanceFixture(t, st)
		if _, err := f.o.RecordPerformance(ctx, []rolefit.PerformanceInput{month(f.other.ID, "2026-01", 0, 0, 100, 1)}, nil, false, f.by); err != nil {
			t.Fatal(err)
		}
		ins := []rolefit.PerformanceInput{
			month(f.staff.ID, "2026-01", 100, 500_000, 20, 20_000), // row 2: good
			month("SAM@example.com", "2026-02", 10, 1, 0, 0),       // row 3: good, by e-mail whatever its case
			month("nobody@example.com", "2026-01", 1, 1, 0, 0),     // row 4: unknown person
			month(f.otherOrgStaff.ID, "2026-01", 1, 1, 0, 0),       // row 5: another organisation's
			month(f.cand.Email, "2026-01", 1, 1, 0, 0),             // row 6: a candidate
			month(f.staff.ID, "2026-01", 1, 1, 0, 0),               // row 7: repeats row 2
			month(f.other.ID, "2026-01", 0, 0, 1, 1),               // row 8: already stored
			month(f.staff.ID, "2026-07", -1, 0, 0, 0),              // row 9: future and negative
		}
		rows := []int{2, 3, 4, 5, 6, 7, 8, 9}
		_, err := f.o.RecordPerformance(ctx, ins, rows, false, f.by)
		if errs.Code(err) != errs.CodeInvalid {
			t.Fatalf("file with bad rows: %v, want invalid", err)
		}
		got := errs.FieldsOf(err)
		for _, k := range []string{"row 4: person", "row 5: person", "row 6: person", "row 7: month", "row 8: month", "row 9: month", "row 9: new_business_hours"} {
			if got[k] == "" {
				t.Errorf("no problem reported for %q; got %v", k, got)
			}
		}
		for _, k := range []string{"row 2: month", "row 2: person", "row 3: person", "row 3: month"} {
			if got[k] != "" {
				t.Errorf("a good row has a problem %q: %s", k, got[k])
			}
		}
		if ms, err := f.o.PerformanceMonths(ctx, f.staff.ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(ms) != 0 {
			t.Errorf("a rejected file stored %d months, want 0", len(ms))
		}
		// The good rows alone are recorded; with replace, a stored month is
		// overwritten.
		ms, err := f.o.RecordPerformance(ctx, []rolefit.PerformanceInput{ins[0], ins[1], ins[6]}, []int{2, 3, 8}, true, f.by)
		if err != nil || len(ms) != 3 {
			t.Fatalf("good rows: %d months, %v", len(ms), err)
		}
		log, err := f.o.PersonAudit(ctx, f.staff.ID)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range log {
			found = found || e.Action == "update" && e.Detail == "performance: 2 months from a file"
		}
		if !found {
			t.Errorf("the person's audit trail %+v does not record the import of their 2 months", log)
		}
		sm, _ := f.o.PerformanceMonths(ctx, f.staff.ID)
		vm, _ := f.o.PerformanceMonths(ctx, f.other.ID)
		if len(sm) != 2 || len(vm) != 1 || vm[0].ServiceHours != 1 {
			t.Errorf("after import: staff %+v, other %+v", sm, vm)
		}
	})
}

func TestErasingAPersonErasesTheirPerformance(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		f := newPerformanceFixture(t, st)
		for _, id := range []string{f.staff.ID, f.other.ID} {
			if _, err := f.o.RecordPerformance(ctx, []rolefit.PerformanceInput{month(id, "2026-01", 10, 100, 0, 0)}, nil, false, f.by); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.o.ErasePerson(ctx, f.staff.ID, f.by); err != nil {
			t.Fatal(err)
		}
		totals, err := f.o.RecentPerformance(ctx, 12)
		if err != nil {
			t.Fatal(err)
		}
		if _, left := totals[f.staff.ID]; left || len(totals) != 1 {
			t.Errorf("after erasure the totals are %+v, want only the other person's", totals)
		}
	})
}
