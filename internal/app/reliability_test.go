package app_test

import (
	"math/rand/v2"
	"reflect"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/assess"
)

// The reliability page's figures are internal/assess's on the answers the
// organisation recorded, for a questionnaire with consistent answers and
// one answered at random (whose scales must be marked as not for
// decisions); below assess.MinReferenceN responses there are no figures.
func TestReliabilityEqualsAssess(t *testing.T) {
	w := sqliteWorld(t)
	rng := rand.New(rand.NewPCG(7, 8))
	staff := w.person(t, "Sam", rolefit.Staff)
	record := func(id string, answers map[string]int) {
		t.Helper()
		if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: staff.ID, Questionnaire: id, Answers: answers}); err != nil {
			t.Fatal(err)
		}
	}
	self, _ := testCatalog(t).Latest("sales-service")
	rating, _ := testCatalog(t).Latest("manager-rating")

	r, err := w.uc.Reliability(ctx, w.mgr, app.Ref(self))
	if err != nil {
		t.Fatal(err)
	}
	if r.Enough || r.Responses != 0 || len(r.Scales) != 0 {
		t.Errorf("with no responses: got enough %v, %d responses, %d scales; want none", r.Enough, r.Responses, len(r.Scales))
	}

	var selfAnswers, ratingAnswers []map[string]int
	for i := range 45 {
		a := simulated(t, "sales-service", rng)
		selfAnswers = append(selfAnswers, a)
		record(app.Ref(self), a)
		if i < assess.MinReferenceN+5 {
			// At random: every item uniform on 1–5, so scales do not hold together.
			b := map[string]int{}
			for _, it := range rating.Items() {
				b[it.ID] = 1 + rng.IntN(5)
			}
			ratingAnswers = append(ratingAnswers, b)
			record(app.Ref(rating), b)
		}
		w.clock.Advance(1e9)
	}
	for _, tc := range []struct {
		q       *assess.Questionnaire
		answers []map[string]int
	}{{self, selfAnswers}, {rating, ratingAnswers}} {
		t.Run(tc.q.ID, func(t *testing.T) {
			r, err := w.uc.Reliability(ctx, w.mgr, app.Ref(tc.q))
			if err != nil {
				t.Fatal(err)
			}
			want, _ := assess.QuestionnaireReliability(tc.q, assess.AnswersTable(tc.q, tc.answers), assess.Pairwise)
			if !r.Enough || r.Responses != len(tc.answers) || len(r.Scales) != len(want.Scales) {
				t.Fatalf("got enough %v, %d responses, %d scales; want true, %d, %d", r.Enough, r.Responses, len(r.Scales), len(tc.answers), len(want.Scales))
			}
			if r.NormsN != len(tc.answers) || !r.NormsProvisional {
				t.Errorf("got norms of %d responses, provisional %v; want %d, provisional", r.NormsN, r.NormsProvisional, len(tc.answers))
			}
			unusable := 0
			for i, s := range r.Scales {
				if !reflect.DeepEqual(s.ScaleReliability, want.Scales[i]) {
					t.Errorf("%s: got %+v, want %+v", s.ID, s.ScaleReliability, want.Scales[i])
				}
				if s.Usable != (s.Alpha >= 0.70) || s.Usable == strings.HasPrefix(s.Guidance, "Do not use") {
					t.Errorf("%s: alpha %.3f, usable %v, guidance %q", s.ID, s.Alpha, s.Usable, s.Guidance)
				}
				if !s.Usable {
					unusable++
				}
				if s.NormsN != len(tc.answers) || !s.NormsProvisional {
					t.Errorf("%s: got norms n %d provisional %v, want %d provisional", s.ID, s.NormsN, s.NormsProvisional, len(tc.answers))
				}
			}
			if len(r.NotForDecisions) != unusable {
				t.Errorf("%d scales named not for decisions, want %d", len(r.NotForDecisions), unusable)
			}
			if tc.q == rating && unusable == 0 {
				t.Error("no scale of random answers is marked as not for decisions")
			}
		})
	}
	// The default is the questionnaire with the most responses.
	if r, err := w.uc.Reliability(ctx, w.mgr, ""); err != nil {
		t.Fatalf("read: %v", err)
	} else if r.Questionnaire != self {
		t.Errorf("default questionnaire %s, want %s", r.Questionnaire, self)
	}
	// Another organisation sees none of these responses.
	other := newWorld(t, w.st, w.clock)
	if r, err := other.uc.Reliability(ctx, other.mgr, app.Ref(self)); err != nil {
		t.Fatalf("read: %v", err)
	} else if r.Responses != 0 {
		t.Errorf("another organisation sees %d responses", r.Responses)
	}
}
