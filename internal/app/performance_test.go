package app_test

import (
	"math"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/errs"
	"rolefit/internal/placement"
)

func perfMonth(m string, nbH, nbR, svH, svR float64) rolefit.PerformanceInput {
	return rolefit.PerformanceInput{Month: m, NewBusinessHours: nbH, NewBusinessRevenue: nbR, ServiceHours: svH, ServiceRevenue: svR}
}

// TestPlacementValuesObservedRates checks that a staff member with
// performance records is valued on the revenue per hour they show, in
// the person's fit and in the team placement, and that the rest of the
// team keeps the fit-based estimate.
func TestPlacementValuesObservedRates(t *testing.T) {
	w, roles, people := scoredWorld(t)
	bo := people[1]
	for _, in := range []rolefit.PerformanceInput{
		perfMonth("2026-01", 100, 500_000, 20, 20_000),
		perfMonth("2026-02", 60, 240_000, 60, 90_000),
	} {
		if _, err := w.uc.RecordPerformance(ctx, w.mgr, bo.ID, in, false); err != nil {
			t.Fatal(err)
		}
	}
	// By hand: (500,000 + 240,000) / 160 = 4,625 an hour on new business;
	// (20,000 + 90,000) / 80 = 1,375 on service.
	const nbRate, svRate = 4625.0, 1375.0
	fit, err := w.uc.Fit(ctx, w.mgr, bo.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, rf := range fit.Roles {
		want := nbRate
		if rf.Role.Activity == rolefit.ActivityAccountService {
			want = svRate
		}
		v := rf.Valuation
		if len(v.Parts) != 1 || v.Parts[0].Source != "observed" || math.Abs(v.Rate-want) > 1e-9 || math.Abs(v.Revenue-want*rf.Role.HoursPerMonth) > 1e-6 {
			t.Errorf("%s: rate %.2f revenue %.2f parts %+v; want the observed %.0f an hour over %.0f hours", rf.Role.Name, v.Rate, v.Revenue, v.Parts, want, rf.Role.HoursPerMonth)
		}
	}
	// The team placement equals placement.Solve of the team with Bo's
	// observed rates and everyone else's estimates.
	team := expectedTeam(t, w, roles, people)
	nb, sv := nbRate, svRate
	team.People[1].NewBusinessRate, team.People[1].ServiceRate = &nb, &sv
	want, err := placement.Solve(team)
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.uc.Placement(ctx, w.mgr, nil)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(got.Plan.Total-want.Total) > 1e-6 {
		t.Errorf("plan total %.2f, want %.2f", got.Plan.Total, want.Total)
	}
	without, err := placement.Solve(expectedTeam(t, w, roles, people))
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(without.Total-want.Total) < 1 {
		t.Errorf("the observed rates change nothing (%.2f either way): the test cannot tell them from the estimate", want.Total)
	}
	// Ada has no records: her fit stays on the estimate.
	ada, err := w.uc.Fit(ctx, w.mgr, people[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if src := ada.Roles[0].Valuation.Parts[0].Source; src != "fit" {
		t.Errorf("a person without records is valued on %q, want fit", src)
	}
}

func TestPerformanceInProfile(t *testing.T) {
	w := sqliteWorld(t)
	sam := w.person(t, "Sam", rolefit.Staff)
	v, err := w.uc.Profile(ctx, w.mgr, sam.ID)
	if err != nil || v.Performance != nil {
		t.Fatalf("profile without records: performance %+v, %v; want none", v.Performance, err)
	}
	if _, err := w.uc.RecordPerformance(ctx, w.mgr, sam.ID, perfMonth("2026-02", 0, 0, 40, 30_000), false); err != nil {
		t.Fatal(err)
	}
	v, err = w.uc.Profile(ctx, w.mgr, sam.ID)
	if err != nil || v.Performance == nil || len(v.Performance.Months) != 1 || v.Performance.NewBusinessRate != nil ||
		v.Performance.ServiceRate == nil || *v.Performance.ServiceRate != 750 {
		t.Errorf("profile with a service month: %+v, %v; want no new-business rate and 750 an hour on service", v.Performance, err)
	}
	// A data-access export holds the records too.
	ex, err := w.uc.ExportPerson(ctx, w.mgr, sam.ID)
	if err != nil || len(ex.Performance) != 1 || ex.Performance[0].Month != "2026-02" {
		t.Errorf("the person's export does not hold their performance month: %v", err)
	}
	cand := w.person(t, "Cy", rolefit.Candidate)
	if _, err := w.uc.RecordPerformance(ctx, w.mgr, cand.ID, perfMonth("2026-02", 1, 1, 0, 0), false); errs.FieldsOf(err)["person"] == "" {
		t.Errorf("a candidate's month: %v, want invalid person", err)
	}
}

func TestImportPerformanceCSV(t *testing.T) {
	w := sqliteWorld(t)
	sam, err := w.uc.AddPerson(ctx, w.mgr, rolefit.NewPerson{Name: "Sam", Email: "sam@example.com", Kind: rolefit.Staff})
	if err != nil {
		t.Fatal(err)
	}
	vera := w.person(t, "Vera", rolefit.Staff)
	stored := func() int {
		n := 0
		for _, id := range []string{sam.ID, vera.ID} {
			ms, err := w.org.PerformanceMonths(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			n += len(ms)
		}
		return n
	}
	for _, tc := range []struct {
		name, csv string
		fields    []string
	}{
		{"a figure that is not a number", "person,month,new_business_hours,new_business_revenue,service_hours,service_revenue\n" +
			"sam@example.com,2026-01,10,\"$1,000\",0,0\n", []string{"row 2: new_business_revenue"}},
		{"wrong number of columns without a header", "sam@example.com,2026-01,10,1000\n", []string{"row 1"}},
		{"a header without a column", "person,month,new_business_hours,new_business_revenue,service_hours\nsam@example.com,2026-01,1,1,1\n", []string{"row 1"}},
		{"an unknown person and a duplicate month", "sam@example.com,2026-01,10,1000,0,0\n" +
			"nobody@example.com,2026-01,1,1,0,0\n" +
			"\n" +
			vera.ID + ",2026-01,0,0,5,50\n" +
			"SAM@EXAMPLE.COM,2026-01,3,3,0,0\n", []string{"row 2: person", "row 5: month"}},
		{"a future month and revenue without hours", "person,month,new_business_hours,new_business_revenue,service_hours,service_revenue\n" +
			"sam@example.com,2026-04,1,1,0,0\n" + vera.ID + ",2026-01,0,0,0,10\n", []string{"row 2: month", "row 3: service_revenue"}},
		{"no rows", "person,month,new_business_hours,new_business_revenue,service_hours,service_revenue\n", []string{"file"}},
	} {
		_, err := w.uc.ImportPerformance(ctx, w.mgr, []byte(tc.csv), false)
		if errs.Code(err) != errs.CodeInvalid {
			t.Errorf("%s: %v, want invalid", tc.name, err)
			continue
		}
		for _, f := range tc.fields {
			if errs.FieldsOf(err)[f] == "" {
				t.Errorf("%s: no problem reported for %q; got %v", tc.name, f, errs.FieldsOf(err))
			}
		}
		if n := stored(); n != 0 {
			t.Errorf("%s: %d months stored from a rejected file, want 0", tc.name, n)
		}
	}
	// Columns in any order under a header; the byte-order mark of a
	// spreadsheet's "CSV UTF-8" is ignored.
	good := "\ufeffmonth,person,service_hours,service_revenue,new_business_hours,new_business_revenue\n" +
		"2026-01,sam@example.com,20,20000,100,500000\n" +
		"2026-02,sam@example.com,,,60,240000\n" +
		"2026-01," + vera.ID + ",120,96000,0,0\n"
	im, err := w.uc.ImportPerformance(ctx, w.mgr, []byte(good), false)
	if err != nil || im.Months != 3 || im.People != 2 || im.Message() != "Recorded 3 months of performance for 2 people." {
		t.Fatalf("good file: %+v (%q), %v", im, im.Message(), err)
	}
	p, err := w.uc.PersonPerformance(ctx, w.mgr, sam.ID)
	if err != nil || len(p.Months) != 2 || p.NewBusinessRate == nil || *p.NewBusinessRate != 4625 || *p.ServiceRate != 1000 {
		t.Errorf("Sam after the import: %+v, %v; want 2 months, 4625 and 1000 an hour", p, err)
	}
	// The same file again: every month is already recorded, unless replaced.
	_, err = w.uc.ImportPerformance(ctx, w.mgr, []byte(good), false)
	if f := errs.FieldsOf(err); !strings.Contains(f["row 2: month"], "already recorded") || len(f) != 3 {
		t.Errorf("the same file again: %v, want each of the 3 rows already recorded", err)
	}
	if _, err := w.uc.ImportPerformance(ctx, w.mgr, []byte(strings.Replace(good, "120,96000", "100,90000", 1)), true); err != nil {
		t.Fatalf("replace: %v", err)
	}
	p, _ = w.uc.PersonPerformance(ctx, w.mgr, vera.ID)
	if len(p.Months) != 1 || p.ServiceRate == nil || *p.ServiceRate != 900 {
		t.Errorf("Vera after replacing: %+v, want one month at 900 an hour", p)
	}
}
