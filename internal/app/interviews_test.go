package app_test

import (
	"rolefit"
	"slices"
	"strings"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// facetAnswers answers sales-service so that each facet scores as given
// (others 4): keyed items at the score, reversed ones mirrored.
func facetAnswers(t *testing.T, scores map[string]int) map[string]int {
	t.Helper()
	q, _ := testCatalog(t).Latest("sales-service")
	out := allAnswered(t, "sales-service", 3)
	for _, s := range q.Scales {
		v, ok := scores[s.ID]
		if !ok {
			v = 4
		}
		for _, it := range q.ScaleItems(s.ID) {
			if it.Key < 0 {
				out[it.ID] = 6 - v
			} else {
				out[it.ID] = v
			}
		}
	}
	return out
}

// interviewWorld is a candidate who scores 2 on drive and 3 on
// influence (4 elsewhere) and a role that weighs those two equally.
func interviewWorld(t *testing.T) (*world, *rolefit.Person, *rolefit.Role, *rolefit.Response) {
	w := sqliteWorld(t)
	p := w.person(t, "Cleo Candidate", rolefit.Candidate)
	self, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: "sales-service",
		Answers: facetAnswers(t, map[string]int{"drive": 2, "influence": 3})})
	if err != nil {
		t.Fatal(err)
	}
	role, err := w.uc.CreateRole(ctx, w.mgr, roleInput("Hunter", "new_business", 0, 2, 200, 8000, weight("drive", 1), weight("influence", 1)))
	if err != nil {
		t.Fatal(err)
	}
	return w, p, role, self
}

// The guide asks about the role's facets where the candidate is below the
// cut (3.5), the wider gap first: drive 0.5 × 1.5 before influence
// 0.5 × 0.5; the facets at 4 the role does not weigh are left out.
func TestGuideForCandidate(t *testing.T) {
	w, p, role, _ := interviewWorld(t)
	g, err := w.uc.Guide(ctx, w.mgr, p.ID, role.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range g.Facets {
		got = append(got, f.Facet+":"+f.Reason)
		if !strings.Contains(f.Why, "the role weighs it 50%") {
			t.Errorf("facet %s: why %q, want the role's weight as a share, 50%%", f.Facet, f.Why)
		}
		if len(f.Questions) != 2 || len(f.AnchorList()) != 5 || f.Name == "" {
			t.Errorf("facet %s: %d questions, name %q", f.Facet, len(f.Questions), f.Name)
		}
	}
	if want := []string{"drive:below", "influence:below"}; !slices.Equal(got, want) {
		t.Errorf("guide facets %v, want %v", got, want)
	}
	for _, f := range g.Flags {
		if len(f.Probes) == 0 || f.Name == "" || f.Name == f.Code {
			t.Errorf("flag %s has no probes", f.Code)
		}
	}
	if _, err := w.uc.Guide(ctx, w.mgr, p.ID, "NOSUCHROLE"); errs.FieldsOf(err)["role"] == "" {
		t.Errorf("unknown role: err = %v, want a field error on role", err)
	}
}

// Ratings outside 1–5, not whole or of unknown facets are refused with
// each field named and nothing stored; good ratings are stored beside the
// self-report, listed on the person's page and read back as a mean.
func TestRecordInterview(t *testing.T) {
	w, p, role, self := interviewWorld(t)
	_, err := w.uc.RecordInterview(ctx, w.mgr, p.ID, app.InterviewInput{RoleID: role.ID,
		Ratings: map[string]float64{"drive": 6, "influence": 2.5, "charm": 3, "service": 0}})
	if errs.Code(err) != errs.CodeInvalid {
		t.Fatalf("bad ratings: err = %v, want invalid", err)
	}
	f := errs.FieldsOf(err)
	for _, k := range []string{"ratings.drive", "ratings.influence", "ratings.charm", "ratings.service"} {
		if f[k] == "" {
			t.Errorf("no error on %s: %v", k, f)
		}
	}
	if _, err := w.uc.RecordInterview(ctx, w.mgr, p.ID, app.InterviewInput{Ratings: map[string]float64{"drive": 3}}); errs.FieldsOf(err)["role_id"] == "" {
		t.Errorf("no role: err = %v, want a field error on role_id", err)
	}
	if rs, _ := w.org.PersonResponses(ctx, p.ID); len(rs) != 1 {
		t.Fatalf("%d responses after refused ratings, want only the self-report", len(rs))
	}
	r, err := w.uc.RecordInterview(ctx, w.mgr, p.ID, app.InterviewInput{RoleID: role.ID,
		Ratings: map[string]float64{"drive": 2, "influence": 5}, Notes: "Two clear examples."})
	if err != nil {
		t.Fatal(err)
	}
	if r.View != rolefit.ViewInterview || !strings.HasPrefix(r.RatedBy, "Max") {
		t.Errorf("stored view %q by %q", r.View, r.RatedBy)
	}
	d, err := w.uc.Person(ctx, w.mgr, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Profile == nil || d.Profile.ID != self.ID {
		t.Errorf("profile is not the self-report after an interview")
	}
	if len(d.Interviews) != 1 || d.Interviews[0].RoleName != "Hunter" || d.Interviews[0].Notes != "Two clear examples." ||
		len(d.Interviews[0].Ratings) != 2 || d.Interviews[0].Ratings[0].Facet != "influence" || len(d.Earlier) != 0 {
		t.Errorf("person page interviews %+v, earlier %d", d.Interviews, len(d.Earlier))
	}
	means, err := w.uc.InterviewMeans(ctx, w.mgr)
	if err != nil {
		t.Fatal(err)
	}
	if len(means) != 1 || means[0].PersonID != p.ID || means[0].Mean != 3.5 || means[0].Facets != 2 {
		t.Errorf("interview means %+v, want Cleo at 3.5 over 2 facets", means)
	}
	data, err := w.uc.ExportPerson(ctx, w.mgr, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, er := range data.Responses {
		found = found || (er.View == rolefit.ViewInterview && er.Answers["influence"] == 5)
	}
	if !found {
		t.Error("the person's export lacks the interview ratings")
	}
}

// Answers all alike raise quality flags; the guide names each in words
// and gives its probes.
func TestGuideFlagProbes(t *testing.T) {
	w, _, role, _ := interviewWorld(t)
	p := w.person(t, "Al Alike", rolefit.Candidate)
	if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: "sales-service",
		Answers: allAnswered(t, "sales-service", 1)}); err != nil {
		t.Fatal(err)
	}
	g, err := w.uc.Guide(ctx, w.mgr, p.ID, role.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Flags) == 0 {
		t.Fatal("no flags for answers all alike")
	}
	for _, f := range g.Flags {
		if len(f.Probes) == 0 || f.Name == "" || f.Name == f.Code || f.Reason == "" {
			t.Errorf("flag %s: name %q, %d probes, reason %q", f.Code, f.Name, len(f.Probes), f.Reason)
		}
	}
}
