package app_test

import (
	"math"
	"rolefit"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// Job questionnaire answers outside 1–5, missing or unknown are refused
// with each field named; two answerers' answers propose a target that a
// manager accepts, which the role then says came from the job
// questionnaire, until its weights are entered again.
func TestJobTarget(t *testing.T) {
	w := sqliteWorld(t)
	role, err := w.uc.CreateRole(ctx, w.mgr, roleInput("Hunter", "new_business", 0, 4, 200, 8000, weight("hunter", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if role.TargetSource != rolefit.TargetEntered {
		t.Errorf("a new role's target source is %q, want entered", role.TargetSource)
	}
	jt, err := w.uc.JobTarget(ctx, w.mgr, role.ID)
	if err != nil {
		t.Fatal(err)
	}
	all := func(v float64) map[string]float64 {
		m := map[string]float64{}
		for _, s := range jt.Job.Statements {
			m[s.ID] = v
		}
		return m
	}
	bad := all(3)
	bad["j01"], bad["j02"], bad["zz"] = 6, 2.5, 3
	delete(bad, "j03")
	_, err = w.uc.AnswerJob(ctx, w.mgr, role.ID, " ", bad)
	f := errs.FieldsOf(err)
	for _, k := range []string{"answerer", "answers.j01", "answers.j02", "answers.j03", "answers.zz"} {
		if f[k] == "" {
			t.Errorf("no error on %s: %v", k, f)
		}
	}
	// Answerer 1 says the job is cold calls and targets (j01 5, j05 5),
	// answerer 2 the same for j01 and records (j11 5); the rest 3.
	a1, a2 := all(3), all(3)
	a1["j01"], a1["j05"] = 5, 5
	a2["j01"], a2["j11"] = 5, 5
	for name, a := range map[string]map[string]float64{"Ann": a1, "Bo": a2} {
		if _, err := w.uc.AnswerJob(ctx, w.mgr, role.ID, name, a); err != nil {
			t.Fatal(err)
		}
	}
	jt, err = w.uc.JobTarget(ctx, w.mgr, role.ID)
	if err != nil {
		t.Fatal(err)
	}
	// Raw weights: j01 {social_boldness 1, resilience 0.5} × 2 for both;
	// j05 {drive 1} × 2 for Ann; j11 {organisation 1, dependability 0.3}
	// × 2 for Bo. Means: social_boldness 2, resilience 1, drive 1,
	// organisation 1, dependability 0.3; sum 5.3.
	want := map[string]float64{"social_boldness": 2 / 5.3, "resilience": 1 / 5.3, "drive": 1 / 5.3, "organisation": 1 / 5.3, "dependability": 0.3 / 5.3}
	if len(jt.Answers) != 2 || len(jt.Proposal.Weights) != len(want) {
		t.Fatalf("%d answer sets, proposal %v", len(jt.Answers), jt.Proposal.Weights)
	}
	for f, v := range want {
		if math.Abs(jt.Proposal.Weights[f]-v) > 1e-9 {
			t.Errorf("proposed %s = %.4f, want %.4f", f, jt.Proposal.Weights[f], v)
		}
	}
	if sd := jt.Proposal.Spread["drive"].SD; math.Abs(sd-math.Sqrt2) > 1e-9 {
		t.Errorf("spread of drive = %.4f, want √2 (raw 2 and 0)", sd)
	}
	accepted, err := w.uc.AcceptJobTarget(ctx, w.mgr, role.ID, jt.Proposal.Weights)
	if err != nil {
		t.Fatal(err)
	}
	if accepted.TargetSource != rolefit.TargetJobQuestionnaire || len(accepted.Weights) != len(want) {
		t.Errorf("accepted role: source %q, weights %v", accepted.TargetSource, accepted.Weights)
	}
	// Saving the role with the same weights keeps the source; new weights
	// entered make it "entered" again.
	again, err := w.uc.UpdateRole(ctx, w.mgr, role.ID, accepted.Input())
	if err != nil || again.TargetSource != rolefit.TargetJobQuestionnaire {
		t.Errorf("same weights saved: source %q, %v", again.TargetSource, err)
	}
	in := accepted.Input()
	in.Weights = []rolefit.RoleWeight{{ScaleID: "hunter", Weight: 1}}
	if r, err := w.uc.UpdateRole(ctx, w.mgr, role.ID, in); err != nil || r.TargetSource != rolefit.TargetEntered {
		t.Errorf("new weights entered: source %q, %v", r.TargetSource, err)
	}
	if _, err := w.uc.AcceptJobTarget(ctx, w.mgr, role.ID, map[string]float64{"charm": 1}); errs.FieldsOf(err)["profile.charm"] == "" {
		t.Errorf("accepting an unknown facet: %v", err)
	}
	if err := w.uc.DiscardJobAnswers(ctx, w.mgr, role.ID); err != nil {
		t.Fatal(err)
	}
	if jt, _ := w.uc.JobTarget(ctx, w.mgr, role.ID); len(jt.Answers) != 0 || jt.Proposal.Weights != nil {
		t.Errorf("after discarding: %d answer sets, proposal %v", len(jt.Answers), jt.Proposal.Weights)
	}
}

// The reference profile is the mean of the top half of the role's staff
// by observed new-business revenue an hour: of four sellers at 100, 200,
// 300 and 400 an hour with drive 1, 2, 3 and 5, the top two's mean drive
// is 4.
func TestJobTargetTopHalfOfStaff(t *testing.T) {
	w := sqliteWorld(t)
	role, err := w.uc.CreateRole(ctx, w.mgr, roleInput("Hunter", "new_business", 0, 4, 200, 8000, weight("hunter", 1)))
	if err != nil {
		t.Fatal(err)
	}
	for i, drive := range []int{1, 2, 3, 5} {
		p := w.person(t, "Seller "+string(rune('A'+i)), rolefit.Staff)
		if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: facetAnswers(t, map[string]int{"drive": drive})}); err != nil {
			t.Fatal(err)
		}
		if err := w.uc.SetCurrentRole(ctx, w.mgr, p.ID, role.ID); err != nil {
			t.Fatal(err)
		}
		for _, m := range []string{"2025-10", "2025-11", "2025-12"} {
			if _, err := w.uc.RecordPerformance(ctx, w.mgr, p.ID, rolefit.PerformanceInput{Month: m, NewBusinessHours: 10,
				NewBusinessRevenue: float64(1000 * (i + 1))}, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	jt, err := w.uc.JobTarget(ctx, w.mgr, role.ID)
	if err != nil {
		t.Fatal(err)
	}
	if jt.Recorded != 4 || jt.TopStaff != 2 {
		t.Errorf("ranked %d staff, top half %d with profiles; want 4 and 2", jt.Recorded, jt.TopStaff)
	}
	for _, f := range jt.Facets {
		if f.Facet == "drive" && (f.TopStaff == nil || math.Abs(*f.TopStaff-4) > 1e-9) {
			t.Errorf("top half's drive %v, want 4", f.TopStaff)
		}
	}
}
