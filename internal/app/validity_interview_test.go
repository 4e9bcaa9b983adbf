package app_test

import (
	"math"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/evidence"
)

// Once interviewers record ratings, local validity reads each person's
// newest interview mean as the interview criterion, for every scale: the
// figures are those of the pairs the test builds from the profiles and
// the ratings it gave.
func TestValidityReadsInterviewRatings(t *testing.T) {
	tm := newTeam(t)
	role, err := tm.uc.CreateRole(ctx, tm.mgr, roleInput("Hunter", "new_business", 0, 2, 200, 8000, weight("drive", 1), weight("influence", 1)))
	if err != nil {
		t.Fatal(err)
	}
	var scores, means []float64
	for i, p := range tm.people {
		if i >= 12 {
			break
		}
		prof, err := tm.uc.Profile(ctx, tm.mgr, p.ID)
		if err != nil || prof.SelfReport == nil {
			continue
		}
		var hunter *float64
		for _, s := range prof.SelfReport.Scales {
			if s.ID == "hunter" {
				hunter = s.Score
			}
		}
		if hunter == nil {
			continue
		}
		// An earlier interview, then the newest, which is the one read.
		drive, influence := float64(1+i%5), float64(1+(i*3)%5)
		for _, r := range []map[string]float64{{"drive": 5, "influence": 5}, {"drive": drive, "influence": influence}} {
			if _, err := tm.uc.RecordInterview(ctx, tm.mgr, p.ID, app.InterviewInput{RoleID: role.ID, Ratings: r}); err != nil {
				t.Fatal(err)
			}
			tm.clock.Advance(1)
		}
		scores, means = append(scores, *hunter), append(means, (drive+influence)/2)
	}
	if len(scores) < 10 {
		t.Fatalf("%d interviewed people with a hunter score, the test needs 10", len(scores))
	}
	for _, scale := range []string{"hunter", "drive"} {
		rep, err := tm.uc.Validity(ctx, tm.mgr, app.ValidityQuery{Scale: scale, Criterion: app.CriterionInterview})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Items) != 1 {
			t.Fatalf("%s: %d items, want the interview's", scale, len(rep.Items))
		}
		if it := rep.Items[0]; it.N != len(scores) || it.R == nil {
			t.Errorf("%s against interviews: n %d r %v, want n %d", scale, it.N, deref(it.R), len(scores))
		} else if scale == "hunter" {
			want, _ := evidence.Pearson(scores, means)
			if math.Abs(*it.R-want) > 1e-12 {
				t.Errorf("hunter against interviews: r %v, want %v", *it.R, want)
			}
		}
	}
}
