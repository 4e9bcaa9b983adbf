package app_test

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"rolefit"
	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/mail"
	"rolefit/internal/store"
)

// sentMail keeps what would have been sent.
type sentMail struct {
	mu  sync.Mutex
	got []mail.Message
}

func (m *sentMail) Send(_ context.Context, msg mail.Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.got = append(m.got, msg)
	return nil
}

// respondentOf opens an invitation's link as its respondent.
func respondentOf(t *testing.T, w *world, inv *app.Invitation) *app.Respondent {
	t.Helper()
	rs, err := w.uc.Respondent(ctx, inv.URL[strings.LastIndex(inv.URL, "/")+1:])
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// The respondent's language comes from the invitation (the manager's
// choice), else the respondent's own choice, else the browser's
// Accept-Language, else the organisation's language, else the
// questionnaire's source language.
func TestRespondentLanguageOrder(t *testing.T) {
	w := sqliteWorld(t)
	p := w.person(t, "Ana", rolefit.Candidate)
	inv, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service"})
	if err != nil {
		t.Fatal(err)
	}
	rs := respondentOf(t, w, inv)
	if got := strings.Join(rs.Languages(), " "); got != "en es de" {
		t.Errorf("languages %s, want en es de", got)
	}
	check := func(step, accept, want string) {
		t.Helper()
		if got := respondentOf(t, w, inv).Language(accept); got != want {
			t.Errorf("%s: language %s, want %s", step, got, want)
		}
	}
	check("nothing said", "", "en")
	check("a browser asking for Swiss German", "de-CH,de;q=0.9", "de")
	check("a browser asking only for French", "fr-FR", "en")
	lang := "es"
	if _, err := w.uc.UpdateOrgSettings(ctx, w.mgr, app.OrgSettingsPatch{Language: &lang}); err != nil {
		t.Fatal(err)
	}
	check("the organisation's language", "fr-FR", "es")
	check("the browser before the organisation", "de", "de")
	if err := respondentOf(t, w, inv).ChooseLanguage(ctx, "fr"); errs.FieldsOf(err)["lang"] == "" {
		t.Errorf("choosing French: %v, want invalid naming lang", err)
	}
	if err := respondentOf(t, w, inv).ChooseLanguage(ctx, "en"); err != nil {
		t.Fatal(err)
	}
	check("the respondent's choice before the browser", "de", "en")
	// Agreeing keeps the language agreed in; the choice is then closed.
	rs = respondentOf(t, w, inv)
	if err := rs.Consent(ctx, "de"); err != nil {
		t.Fatal(err)
	}
	rs = respondentOf(t, w, inv)
	if got := rs.Language("es"); got != "de" || rs.CanChooseLanguage() {
		t.Errorf("after agreeing in German: language %s, can choose %v", got, rs.CanChooseLanguage())
	}
	if got := rs.Invitation().ConsentText; !strings.HasPrefix(got, "Ich habe gelesen") || !strings.Contains(got, "Acme") {
		t.Errorf("consent stored %q, want the German statement agreed to", got)
	}

	// The manager's choice comes first of all, and the respondent cannot
	// change it.
	inv2, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service", Language: "de"})
	if err != nil {
		t.Fatal(err)
	}
	if got := respondentOf(t, w, inv2).Language("es"); got != "de" || respondentOf(t, w, inv2).CanChooseLanguage() {
		t.Errorf("invited in German: %s", got)
	}
	if err := respondentOf(t, w, inv2).ChooseLanguage(ctx, "es"); errs.Code(err) != errs.CodeConflict {
		t.Errorf("choosing another language than the manager's: %v, want a conflict", err)
	}
}

// An invitation names a language the questionnaire offers, or is refused
// with the field named; its e-mail is written in that language.
func TestInviteInALanguage(t *testing.T) {
	w := sqliteWorld(t)
	sent := &sentMail{}
	uc, err := app.New(app.Config{Store: w.st, Catalog: testCatalog(t), BaseURL: "https://rolefit.example.com", Now: w.clock.Now, Mailer: sent})
	if err != nil {
		t.Fatal(err)
	}
	p, err := uc.AddPerson(ctx, w.mgr, rolefit.NewPerson{Name: "Jonas", Email: "jonas@example.com", Kind: rolefit.Candidate})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, want string }{
		{"xx", `"xx" is not a known BCP 47 language tag`},
		{"DE", `write "DE" as de`},
		{"fr", "sales-service:3 is offered in en, es, de, not fr"},
	} {
		_, err := uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service", Language: c.lang})
		if got := errs.FieldsOf(err)["language"]; errs.Code(err) != errs.CodeInvalid || !strings.Contains(got, c.want) {
			t.Errorf("language %q: %v, want invalid: %s", c.lang, err, c.want)
		}
	}
	if _, err := uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service:2", Language: "de"}); errs.FieldsOf(err)["language"] == "" {
		t.Errorf("version 2 (English only) in German: %v, want refused", err)
	}
	inv, err := uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service", Language: "de"})
	if err != nil || inv.Language != "de" || !inv.Emailed {
		t.Fatalf("invite in German: %+v, %v", inv, err)
	}
	m := sent.got[len(sent.got)-1]
	for _, want := range []string{"Hallo Jonas,", "Acme bittet Sie, einen kurzen Fragebogen zu beantworten: „Fragebogen zum Arbeitsstil“.",
		"Das dauert etwa 10 Minuten.", "gilt bis zum ", inv.URL} {
		if !strings.Contains(m.Body, want) {
			t.Errorf("German e-mail lacks %q:\n%s", want, m.Body)
		}
	}
	if m.Subject != "Acme: Fragebogen zum Arbeitsstil" {
		t.Errorf("subject %q", m.Subject)
	}
	if strings.Contains(m.Body, "Hello") || strings.Contains(m.Body, "questionnaire") {
		t.Errorf("English left in the German e-mail:\n%s", m.Body)
	}
}

// Each response keeps its language; its percentiles compare with the
// responses in its language until every language has assess.PoolingMinN
// and no statement shows large DIF, then with all of them; the scores
// themselves are the same whatever the language.
func TestNormsByLanguage(t *testing.T) {
	w := sqliteWorld(t)
	q, _ := testCatalog(t).Latest("sales-service")
	rng := rand.New(rand.NewPCG(22, 17))
	earlier := func(lang string, n int) {
		t.Helper()
		rs := make([]store.EarlierResponse, n)
		for i := range rs {
			p := w.person(t, "Earlier "+lang, rolefit.Candidate)
			resp := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)})
			scored, err := store.ScoredFrom(assess.Score(q, resp, assess.Options{}))
			if err != nil {
				t.Fatal(err)
			}
			rs[i] = store.EarlierResponse{SubmittedAt: w.clock.Now().Add(-time.Hour), NewResponse: store.NewResponse{PersonID: p.ID,
				QuestionnaireID: q.ID, QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash, Answers: resp.Answers, Scored: scored, Language: lang}}
		}
		if err := w.org.RecordEarlierResponses(ctx, rs, w.mgr.Audit); err != nil {
			t.Fatal(err)
		}
		w.clock.Advance(2 * app.ReferencesTTL) // past the kept references
	}
	answers := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers
	record := func(lang string) assess.Result {
		t.Helper()
		resp, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: w.person(t, "P", rolefit.Candidate).ID,
			Questionnaire: "sales-service", Answers: answers, Language: lang})
		if err != nil {
			t.Fatal(err)
		}
		var res assess.Result
		if err := json.Unmarshal(resp.Result, &res); err != nil {
			t.Fatal(err)
		}
		if resp.Language != lang || res.Language != lang {
			t.Errorf("recorded in %s: response language %q, result %q", lang, resp.Language, res.Language)
		}
		return res
	}
	normN := func(res assess.Result) int {
		for _, c := range res.Composites {
			if c.ID == "hunter" && c.Norm != nil {
				return c.Norm.N
			}
		}
		return 0
	}
	earlier("en", 60)
	earlier("de", 40)
	en, de := record("en"), record("de")
	if normN(en) != 60 || normN(de) != 40 || en.NormGroup == nil || en.NormGroup.Language != "en" || de.NormGroup.Language != "de" {
		t.Errorf("kept apart: English compared with %d (%+v), German with %d (%+v); want 60 and 40", normN(en), en.NormGroup, normN(de), de.NormGroup)
	}
	for i := range en.Composites {
		if *en.Composites[i].Score != *de.Composites[i].Score {
			t.Errorf("%s: %v in English, %v in German", en.Composites[i].ID, *en.Composites[i].Score, *de.Composites[i].Score)
		}
	}
	if _, err := w.uc.RecordResponse(ctx, w.mgr, app.RecordInput{PersonID: w.person(t, "Q", rolefit.Candidate).ID,
		Questionnaire: "sales-service", Answers: answers, Language: "fr"}); errs.FieldsOf(err)["language"] == "" {
		t.Errorf("a response in French: %v, want refused naming language", err)
	}

	// 200 in each, answering alike: pooled.
	earlier("en", assess.PoolingMinN-61)
	earlier("de", assess.PoolingMinN-41)
	de = record("de")
	if normN(de) != 2*assess.PoolingMinN || de.NormGroup == nil || !de.NormGroup.Pooled {
		t.Errorf("pooled: German compared with %d (%+v), want all %d", normN(de), de.NormGroup, 2*assess.PoolingMinN)
	}
}
