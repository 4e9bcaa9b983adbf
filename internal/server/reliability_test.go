package server

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"rolefit"
	"strings"
	"testing"

	usecases "rolefit/internal/app"
	"rolefit/internal/assess"
)

// seedResponses records n simulated self-reports to q in the fixture's
// organisation A, answered in lang ("" for q's source language), and
// returns their answers.
func seedResponses(t testing.TB, f *fixture, q *assess.Questionnaire, n int, seed uint64, lang ...string) []map[string]int {
	t.Helper()
	uc := useCases(t, f.st, f.clock, nil, "")
	act := usecases.UserActor(f.mgrA)
	rng := rand.New(rand.NewPCG(seed, 1))
	p, err := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Sam", Kind: rolefit.Staff}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]int
	for range n {
		a := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers
		if _, err := uc.RecordResponse(ctx, act, usecases.RecordInput{PersonID: p.ID, Questionnaire: usecases.Ref(q), Answers: a,
			Language: strings.Join(lang, "")}); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// The reliability page shows internal/assess's figures for every scale,
// composite and item, and says when there are too few responses.
func TestReliabilityPage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	q, _ := testCatalog(t).Latest("sales-service")
	b := f.browser().signIn(f.mgrA)
	_, page := b.get("/settings")
	wantContains(t, "settings", page, `href="/settings/reliability"`)

	seedResponses(t, f, q, 5, 1)
	resp, page := b.get("/settings/reliability?questionnaire=" + usecases.Ref(q))
	wantStatus(t, "few responses", resp, http.StatusOK, page)
	wantContains(t, "few responses", page, "Too few responses yet: 5 of the 30 needed")

	seedResponses(t, f, q, 55, 2)
	resp, page = b.get("/settings/reliability?questionnaire=" + usecases.Ref(q))
	wantStatus(t, "reliability", resp, http.StatusOK, page)
	wantContains(t, "reliability", page, "your organisation&#39;s <strong>60 responses</strong>", "provisional")
	// What to do comes first, the figures after it.
	if todo, figures := strings.Index(page, "What to do"), strings.Index(page, "Standardised alpha"); todo < 0 || figures < todo {
		t.Errorf("the page does not lead with what to do: at %d, figures at %d", todo, figures)
	}
	// The figures are over all 60 stored responses: read them back as the
	// store holds them, independently of the use case.
	stored, _, err := f.st.Scope(f.orgA.ID).QuestionnaireAnswers(ctx, q.ID, q.Version)
	if err != nil || len(stored) != 60 {
		t.Fatalf("stored answers: %d, %v", len(stored), err)
	}
	want, err := assess.QuestionnaireReliability(q, assess.AnswersTable(q, stored), assess.Pairwise)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range want.Scales {
		row := between(page, `id="s-`+s.ID+`"`, "</tr>")
		// The SEM is a score's, in answer points, as the profile's bands
		// are drawn from it: not the SEM of the sum of the items.
		m := assess.MeasuredReliability{Alpha: s.Alpha, SD: s.SD, N: s.N}
		for _, fig := range []float64{s.Alpha, s.StdAlpha, s.Lambda6, s.AverageR, m.SEM()} {
			wantContains(t, s.ID+" row", row, fmt.Sprintf(">%.3f<", fig))
		}
		wantContains(t, s.ID+" row", row, fmt.Sprintf(">±%.2f<", 1.96*m.SEM()))
		if strings.Contains(row, fmt.Sprintf(">%.3f<", s.SEM)) {
			t.Errorf("%s: the row shows the SEM of the sum, %.3f", s.ID, s.SEM)
		}
		wantContains(t, s.ID+" row", row, fmt.Sprintf(">%d<", s.N), fmt.Sprintf(">%d<", s.K))
		items := between(page, `id="items-`+s.ID+`"`, "</details>")
		for _, it := range s.Items {
			wantContains(t, s.ID+" items", items, fmt.Sprintf(">%.3f<", it.RDrop))
			if it.AlphaIfDropped != nil {
				wantContains(t, s.ID+" items", items, fmt.Sprintf(">%.3f<", *it.AlphaIfDropped))
			}
		}
	}

	resp, page = b.get("/settings/reliability?questionnaire=nope")
	wantStatus(t, "unknown questionnaire", resp, http.StatusBadRequest, page)
}

// between returns the part of s from the first start to the next end.
func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i:]
	if j := strings.Index(s, end); j >= 0 {
		return s[:j]
	}
	return s
}

// When every response gives the same answers no figure is defined: the
// page says why for each scale instead of failing.
func TestReliabilityPageWithoutVariance(t *testing.T) {
	f := sqliteFixture(t, Config{})
	q, _ := testCatalog(t).Latest("manager-rating")
	uc := useCases(t, f.st, f.clock, nil, "")
	p, err := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Sam", Kind: rolefit.Staff}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	same := map[string]int{}
	for _, it := range q.Items() {
		same[it.ID] = 3
	}
	for range assess.MinReferenceN {
		if _, err := uc.RecordResponse(ctx, usecases.UserActor(f.mgrA), usecases.RecordInput{PersonID: p.ID, Questionnaire: usecases.Ref(q), Answers: same}); err != nil {
			t.Fatal(err)
		}
	}
	resp, page := f.browser().signIn(f.mgrA).get("/settings/reliability?questionnaire=" + usecases.Ref(q))
	wantStatus(t, "no variance", resp, http.StatusOK, page)
	wantContains(t, "no variance", page, "Not computed", "New-business selling")
	if strings.Contains(page, `<table class="stack reliability">`) {
		t.Error("a table of figures is shown though none is defined")
	}
}

// With responses in two languages the page shows each language's alphas
// over its own responses and why the norms are kept apart.
func TestReliabilityPageByLanguage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	q := salesService(t)
	b := f.browser().signIn(f.mgrA)
	seedResponses(t, f, q, 40, 1)
	resp, page := b.get("/settings/reliability?questionnaire=" + usecases.Ref(q))
	wantStatus(t, "one language", resp, http.StatusOK, page)
	if strings.Contains(page, `id="languages"`) {
		t.Error("one language: the page shows figures by language")
	}
	seedResponses(t, f, q, 35, 2, "es")
	resp, page = b.get("/settings/reliability?questionnaire=" + usecases.Ref(q))
	wantStatus(t, "two languages", resp, http.StatusOK, page)
	wantContains(t, "two languages", page, `id="languages"`, "English (n = 40)", "Spanish (n = 35)",
		"kept apart by language until each has 200 responses; fewer in en (40), es (35)")
}
