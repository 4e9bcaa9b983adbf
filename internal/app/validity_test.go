package app_test

import (
	"fmt"
	"math"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/evidence"
)

// Local validity pairs each staff member's profile score with their
// observed revenue an hour, as the money model reads it: staff with at
// least three recorded months only, candidates never. The figures are
// those of the pairs the test builds itself from the profiles the API
// shows; the manager's rating counts for the one person rated, and the
// interview, which nobody has, has no figures at all.
func TestValidityPairsProfilesWithRecordedRates(t *testing.T) {
	tm := newTeam(t)
	var staff []*rolefit.Person
	for _, p := range tm.people {
		if p.Kind == rolefit.Staff {
			staff = append(staff, p)
		}
	}
	if len(staff) < 12 {
		t.Fatalf("the team has %d staff, the test needs 12", len(staff))
	}
	var scores, rates []float64
	for i, p := range staff {
		months := 3
		if i == len(staff)-1 {
			months = 2 // too few months: left out
		}
		nbRate := 100 + float64(i*37%11)*20
		for m := range months {
			in := perfMonth(fmt.Sprintf("2025-%02d", 10+m), 50, 50*nbRate, 40, 40*(300-nbRate))
			if _, err := tm.uc.RecordPerformance(ctx, tm.mgr, p.ID, in, false); err != nil {
				t.Fatal(err)
			}
		}
		if months < app.MinRecordedMonths {
			continue
		}
		prof, err := tm.uc.Profile(ctx, tm.mgr, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range prof.SelfReport.Scales {
			if s.ID == "hunter" && s.Score != nil {
				scores, rates = append(scores, *s.Score), append(rates, nbRate)
			}
		}
	}
	rep, err := tm.uc.Validity(ctx, tm.mgr, app.ValidityQuery{Scale: "hunter"})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Questionnaire == nil || rep.Questionnaire.ID != "sales-service" {
		t.Fatalf("questionnaire %v, want sales-service", rep.Questionnaire)
	}
	if rep.Respondents != 60 || !rep.CorrectsRange {
		t.Errorf("respondents %d (corrects %v), want the 60 responses given", rep.Respondents, rep.CorrectsRange)
	}
	if len(rep.Items) != len(app.Criteria) {
		t.Fatalf("%d items for one scale, want one a criterion", len(rep.Items))
	}
	byCrit := map[string]app.ValidityItem{}
	for _, it := range rep.Items {
		if it.Scale.ID != "hunter" {
			t.Errorf("item of scale %s when asked for hunter", it.Scale.ID)
		}
		byCrit[it.Criterion.ID] = it
	}
	nb := byCrit[app.CriterionNewBusiness]
	want, _ := evidence.Pearson(scores, rates)
	if nb.N != len(scores) || nb.R == nil || math.Abs(*nb.R-want) > 1e-12 {
		t.Errorf("new business: n %d r %v, want n %d r %v", nb.N, deref(nb.R), len(scores), want)
	}
	if nb.Corrected == nil || nb.Low == nil || nb.P == nil || nb.Rho == nil {
		t.Errorf("new business lacks figures: %+v", nb.Validity)
	}
	if len(nb.Points) != nb.N {
		t.Errorf("%d points for n %d", len(nb.Points), nb.N)
	}
	if sv := byCrit[app.CriterionService]; sv.N != len(scores) {
		t.Errorf("service n %d, want %d", sv.N, len(scores))
	}
	if r := byCrit[app.CriterionRating]; r.N != 1 || r.R != nil {
		t.Errorf("rating: n %d r %v, want the one rated person and no r", r.N, deref(r.R))
	}
	if iv := byCrit[app.CriterionInterview]; iv.N != 0 || iv.R != nil || iv.Finding() {
		t.Errorf("interview: %+v, want no data", iv.Validity)
	}

	all, err := tm.uc.Validity(ctx, tm.mgr, app.ValidityQuery{})
	if err != nil {
		t.Fatal(err)
	}
	wantItems := (len(rep.Questionnaire.Composites) + len(rep.Questionnaire.Scales)) * len(app.Criteria)
	if len(all.Items) != wantItems {
		t.Errorf("%d items in all, want %d", len(all.Items), wantItems)
	}
}

// An unknown scale or criterion is refused, naming the field.
func TestValidityRefusesUnknownScaleAndCriterion(t *testing.T) {
	tm := newTeam(t)
	for _, tc := range []struct {
		q     app.ValidityQuery
		field string
	}{
		{app.ValidityQuery{Scale: "charm"}, "scale"},
		{app.ValidityQuery{Criterion: "height"}, "criterion"},
		{app.ValidityQuery{Scale: "hunter", Criterion: "Rating"}, "criterion"},
	} {
		_, err := tm.uc.Validity(ctx, tm.mgr, tc.q)
		if errs.Code(err) != "invalid" || errs.FieldsOf(err)[tc.field] == "" {
			t.Errorf("%+v: %v (fields %v), want invalid naming %s", tc.q, err, errs.FieldsOf(err), tc.field)
		}
	}
}

// Before anyone has a profile there is nothing to report, but a scale of
// the questionnaire staff answer is still known: no items, no error.
func TestValidityBeforeAnyProfile(t *testing.T) {
	w := sqliteWorld(t)
	rep, err := w.uc.Validity(ctx, w.mgr, app.ValidityQuery{Scale: "hunter", Criterion: app.CriterionRating})
	if err != nil || rep.Questionnaire != nil || len(rep.Items) != 0 {
		t.Fatalf("report %+v, error %v; want an empty report", rep, err)
	}
	_, err = w.uc.Validity(ctx, w.mgr, app.ValidityQuery{Scale: "charm"})
	if errs.FieldsOf(err)["scale"] == "" || !strings.Contains(errs.FieldsOf(err)["scale"], "hunter") {
		t.Errorf("an unknown scale: %v (%v), want the scales named", err, errs.FieldsOf(err))
	}
}
