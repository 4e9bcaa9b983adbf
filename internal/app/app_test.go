package app_test

import (
	"errors"
	"math/rand/v2"
	"rolefit"
	"slices"
	"strings"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// A manager's rating recorded after a self-report is shown beside the
// profile and never in its place.
func TestRatingNeverReplacesProfile(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		w := newWorld(t, st, clock)
		p := w.person(t, "Sam Seller", rolefit.Staff)
		self, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: allAnswered(t, "sales-service", 5)})
		if err != nil {
			t.Fatal(err)
		}
		clock.Advance(3600e9)
		rating, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: "manager-rating", Answers: allAnswered(t, "manager-rating", 1)})
		if err != nil {
			t.Fatal(err)
		}
		if self.View != rolefit.ViewSelf || rating.View != rolefit.ViewManager || rating.RatedBy == "" {
			t.Fatalf("views: self %q, rating %q by %q", self.View, rating.View, rating.RatedBy)
		}
		d, err := w.uc.Person(ctx, w.mgr, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Profile == nil || d.Profile.ID != self.ID {
			t.Fatalf("profile is %+v, want the self-report %s", d.Profile, self.ID)
		}
		if d.Rating == nil || d.Rating.ID != rating.ID || len(d.Earlier) != 0 {
			t.Fatalf("rating %+v, earlier %d", d.Rating, len(d.Earlier))
		}
		row, err := w.uc.PersonSummary(ctx, w.mgr, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		h := row.Composites["hunter"]
		if row.ProfileQuestionnaire != "sales-service" || h == nil || *h < 2.9 || *h > 3.1 {
			// all 5s with half the items reversed: every facet scores 3
			t.Errorf("summary: questionnaire %q, hunter %v", row.ProfileQuestionnaire, h)
		}
		page, err := w.uc.People(ctx, w.mgr, app.PeopleQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != 1 || page.Items[0].ProfileQuestionnaire != "sales-service" {
			t.Errorf("people list shows %+v", page.Items)
		}
	})
}

// The score rows of a response are its result's facets and composites.
func TestScoreRowsMatchTheResult(t *testing.T) {
	w := sqliteWorld(t)
	rng := rand.New(rand.NewPCG(1, 2))
	p := w.person(t, "Ann", rolefit.Candidate)
	r, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: "sales-service", Answers: simulated(t, "sales-service", rng)})
	if err != nil {
		t.Fatal(err)
	}
	var res assess.Result
	d, _ := w.uc.Person(ctx, w.mgr, p.ID)
	res = d.Profile.Scored
	counts, err := w.org.ScoreDistribution(ctx, r.QuestionnaireID, r.QuestionnaireVersion)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, c := range counts {
		if c.N != 1 {
			t.Errorf("%s: %d rows of score %g, want 1", c.ScaleID, c.N, c.Score)
		}
		got[c.ScaleID] = c.Score
	}
	want := append(slices.Clone(res.Scales), res.Composites...)
	n := 0
	for _, s := range want {
		if s.Score == nil {
			continue
		}
		n++
		if g, ok := got[s.ID]; !ok || g != *s.Score {
			t.Errorf("%s: row %v, result %v", s.ID, g, *s.Score)
		}
	}
	if len(got) != n || n == 0 {
		t.Errorf("%d scales with a score row, want %d", len(got), n)
	}
}

// A number of days far beyond the range is refused before anything
// multiplies it, and the invitation is unchanged.
func TestExtendRefusesOutOfRangeDays(t *testing.T) {
	w := sqliteWorld(t)
	p := w.person(t, "Ann", rolefit.Candidate)
	inv, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service"})
	if err != nil {
		t.Fatal(err)
	}
	if got := inv.ExpiresAt.Sub(inv.CreatedAt); got != rolefit.DefaultInvitationDays*rolefit.Day {
		t.Errorf("default link length %v", got)
	}
	for _, days := range []int{213503982336, 91, 0, -1} {
		_, err := w.uc.ExtendInvitation(ctx, w.mgr, p.ID, inv.ID, days)
		if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)["days"] == "" {
			t.Errorf("extend by %d: %v", days, err)
		}
	}
	after, _ := w.uc.Invitation(ctx, w.mgr, inv.ID)
	if !after.ExpiresAt.Equal(inv.ExpiresAt) {
		t.Errorf("expiry moved from %v to %v", inv.ExpiresAt, after.ExpiresAt)
	}
	ext, err := w.uc.ExtendInvitation(ctx, w.mgr, p.ID, inv.ID, 90)
	if err != nil || ext.ExpiresAt.Sub(inv.ExpiresAt) != 90*rolefit.Day {
		t.Errorf("extend by 90: %v, %v", err, ext)
	}
	// Another person's address cannot reach this invitation.
	q := w.person(t, "Bo", rolefit.Candidate)
	if _, err := w.uc.ExtendInvitation(ctx, w.mgr, q.ID, inv.ID, 1); errs.Code(err) != errs.CodeNotFound {
		t.Errorf("extend through another person: %v", err)
	}
}

// Invitation links start with the configured base URL.
func TestInvitationLinkUsesBaseURL(t *testing.T) {
	w := sqliteWorld(t)
	p := w.person(t, "Ann", rolefit.Candidate)
	inv, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service", Days: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(inv.URL, "https://rolefit.example.com/i/") {
		t.Errorf("link %s", inv.URL)
	}
	for _, bad := range []string{"", "rolefit.example.com", "ftp://x", "https://x/?a=1"} {
		if _, err := app.CheckBaseURL(bad); err == nil {
			t.Errorf("base URL %q accepted", bad)
		}
	}
}

// A file with the old "role" header is read, job titles and all, with a
// note; the count is said in good English.
func TestImportReadsTheOldRoleHeader(t *testing.T) {
	w := sqliteWorld(t)
	res, err := w.uc.ImportPeople(ctx, w.mgr, []byte("name,email,kind,role\nDana,dana@example.com,staff,Account manager\n"))
	if err != nil {
		t.Fatal(err)
	}
	if msg := res.Message(); !strings.HasPrefix(msg, "Added 1 person.") || !strings.Contains(msg, "job_title") {
		t.Errorf("message %q", msg)
	}
	page, _ := w.uc.People(ctx, w.mgr, app.PeopleQuery{})
	if len(page.Items) != 1 || page.Items[0].JobTitle != "Account manager" {
		t.Errorf("imported %+v", page.Items)
	}
	res, err = w.uc.ImportPeople(ctx, w.mgr, []byte("name,email,kind,job_title\nEd,,staff,Seller\nFay,,candidate,\n"))
	if err != nil || res.Message() != "Added 2 people." {
		t.Errorf("second import: %v %q", err, res.Message())
	}
}

// What GET /api/v1/questionnaires/{id} describes is enough to build a
// response the API accepts, and it reveals no scoring keys.
func TestQuestionnaireInfoBuildsAValidResponse(t *testing.T) {
	w := sqliteWorld(t)
	for _, ref := range []string{"sales-service", "manager-rating"} {
		info, err := w.uc.Questionnaire(ref, "")
		if err != nil {
			t.Fatal(err)
		}
		answers := map[string]int{}
		n := 0
		for _, p := range info.Pages {
			for _, it := range p.Items {
				n++
				if len(it.Answers) < 2 || it.Text == "" && len(it.Answers) == 0 {
					t.Errorf("%s item %s: answers %v", ref, it.ID, it.Answers)
				}
				answers[it.ID] = it.Answers[len(it.Answers)/2].Value
			}
		}
		if n != info.Items {
			t.Errorf("%s: %d items listed, %d counted", ref, n, info.Items)
		}
		kind := rolefit.Candidate
		if ref == "manager-rating" {
			kind = rolefit.Staff
		}
		p := w.person(t, "P "+ref, kind)
		if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: ref, Answers: answers}); err != nil {
			t.Errorf("%s: response built from the description refused: %v", ref, err)
		}
	}
	if _, err := w.uc.Questionnaire("nope", ""); errs.Code(err) != errs.CodeNotFound {
		t.Errorf("unknown questionnaire: %v", err)
	}
	if list := w.uc.Questionnaires(); len(list) < 2 || list[0].Pages != nil {
		t.Errorf("list %+v", list)
	}
}

// People sorted by a composite come highest first, people without a
// profile last, and cursor pages join up without gaps or repeats.
func TestPeopleSortedByAScore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		w := newWorld(t, st, clock)
		rng := rand.New(rand.NewPCG(5, 6))
		for i := range 23 {
			p := w.person(t, "P", rolefit.Candidate)
			if i%5 == 4 {
				continue // no profile
			}
			if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: p.ID, Questionnaire: "sales-service",
				Answers: simulated(t, "sales-service", rng)}); err != nil {
				t.Fatal(err)
			}
		}
		var all []app.PersonRow
		cursor := ""
		for range 10 {
			page, err := w.uc.People(ctx, w.mgr, app.PeopleQuery{Limit: 5, Sort: "-hunter", Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, page.Items...)
			if cursor = page.Next; cursor == "" {
				break
			}
		}
		if len(all) != 23 {
			t.Fatalf("%d people over the pages, want 23", len(all))
		}
		seen := map[string]bool{}
		for i, r := range all {
			if seen[r.ID] {
				t.Errorf("%s listed twice", r.ID)
			}
			seen[r.ID] = true
			if i == 0 {
				continue
			}
			prev, cur := all[i-1].Composites["hunter"], r.Composites["hunter"]
			if prev == nil && cur != nil || prev != nil && cur != nil && *cur > *prev {
				t.Errorf("row %d: hunter %v after %v", i, cur, prev)
			}
		}
		if all[22].ProfileAt != nil {
			t.Error("a person without a profile is not last")
		}
		if _, err := w.uc.People(ctx, w.mgr, app.PeopleQuery{Sort: "shoe-size"}); errs.FieldsOf(err)["sort"] == "" {
			t.Errorf("unknown sort: %v", err)
		}
	})
}

// Bad input to recording a response names the field and stores nothing.
func TestRecordResponseRefusesBadInput(t *testing.T) {
	w := sqliteWorld(t)
	cand := w.person(t, "Cy", rolefit.Candidate)
	cases := []struct {
		name  string
		in    app.RecordInput
		field string
	}{
		{"no person", app.RecordInput{Questionnaire: "sales-service", Answers: map[string]int{}}, "person_id"},
		{"unknown person", app.RecordInput{PersonID: "nobody", Questionnaire: "sales-service", Answers: map[string]int{}}, "person_id"},
		{"rating a candidate", app.RecordInput{PersonID: cand.ID, Questionnaire: "manager-rating", Answers: allAnswered(t, "manager-rating", 3)}, "questionnaire"},
		{"answer off the scale", app.RecordInput{PersonID: cand.ID, Questionnaire: "sales-service", Answers: func() map[string]int {
			a := allAnswered(t, "sales-service", 3)
			a["inf1"] = 9
			return a
		}()}, "answers.inf1"},
	}
	for _, c := range cases {
		_, err := w.uc.RecordResponse(ctx, w.mgr, c.in)
		var e *errs.Error
		if !errors.As(err, &e) || e.Code != errs.CodeInvalid || e.Fields[c.field] == "" {
			t.Errorf("%s: %v, want a message on %s", c.name, err, c.field)
		}
	}
	if rs, err := w.org.PersonResponses(ctx, cand.ID); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(rs) != 0 {
		t.Errorf("%d responses stored from bad input", len(rs))
	}
}
