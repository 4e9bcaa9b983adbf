package app_test

import (
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/evidence"
)

// The demo's made-up performance relates to its made-up scores as a real
// team's plausibly would: the farmer composite goes with the service rate
// over its ten staff about as far as r = .3, a correlation its interval
// cannot yet tell from none; the seven who sell are too few for any
// finding on the new-business rate; and the demo's 330 earlier applicants
// let the page correct for range restriction.
func TestDemoValidityIsPlausible(t *testing.T) {
	uc, act := demoActor(t)
	rep, err := uc.Validity(ctx, act, app.ValidityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.CorrectsRange {
		t.Errorf("%d respondents: the demo should correct for range restriction", rep.Respondents)
	}
	got := map[string]evidence.Validity{}
	for _, it := range rep.Items {
		got[it.Scale.ID+"/"+it.Criterion.ID] = it.Validity
	}
	sv := got["farmer/"+app.CriterionService]
	if sv.N != 10 || sv.R == nil || *sv.R < 0.2 || *sv.R > 0.45 || sv.Low == nil || *sv.Low > 0 {
		t.Errorf("farmer against the service rate: n %d r %v from %v, want 10 staff near r = .3 with an interval that includes 0", sv.N, deref(sv.R), deref(sv.Low))
	}
	nb := got["hunter/"+app.CriterionNewBusiness]
	if nb.N != 7 || nb.Finding() || nb.R == nil || *nb.R <= 0 {
		t.Errorf("hunter against the new-business rate: n %d r %v, want the 7 sellers, positive, no finding", nb.N, deref(nb.R))
	}
	if iv := got["hunter/"+app.CriterionInterview]; iv.N != 0 {
		t.Errorf("the demo has interview ratings: %+v", iv)
	}
}

// The demo's technical report names what its data cannot tell: the new
// business of seven sellers, the ratings and interviews nobody has, the
// languages' separate norms; not the service rate, over ten staff, nor
// its reliability and norms, which rest on 346 responses.
func TestDemoTechnicalReportUnknowns(t *testing.T) {
	uc, act := demoActor(t)
	tr, err := uc.TechnicalReport(ctx, act)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Whether the scores go with new-business revenue an hour: 7 people have both, fewer than the 10 a finding needs.",
		"Whether the scores go with manager's rating: nobody has both a profile and one yet.",
		"Whether the scores go with interview rating: nobody has both a profile and one yet.",
	}
	if len(tr.Unknown) != len(want)+1 {
		t.Errorf("unknowns %q, want %q and the languages' norms", tr.Unknown, want)
	}
	for i, w := range want {
		if i >= len(tr.Unknown) || tr.Unknown[i] != w {
			t.Errorf("unknown %d: %q, want %q", i, tr.Unknown, w)
		}
	}
	if !tr.Reliability.Enough || tr.Reliability.Responses != 346 || tr.Reliability.NormsProvisional {
		t.Errorf("reliability over %d responses (enough %v, provisional %v), want the demo's 346", tr.Reliability.Responses, tr.Reliability.Enough, tr.Reliability.NormsProvisional)
	}
}
