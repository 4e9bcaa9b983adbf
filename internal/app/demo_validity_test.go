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
