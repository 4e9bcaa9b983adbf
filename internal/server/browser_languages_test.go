package server

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestRespondentAnswersInSpanishOnAPhone follows a candidate invited in
// Spanish: the manager chooses the language on the person's page, and on
// a phone the candidate reads the welcome, the consent, every statement,
// the page's own marks of unanswered statements, the review and the
// thank-you page in Spanish, each checked with axe-core (serious and
// critical violations fail); the response is stored as answered in
// Spanish, and the manager reads which responses it was compared with.
func TestRespondentAnswersInSpanishOnAPhone(t *testing.T) {
	axe := axeScript(t)
	f := sqliteFixture(t, Config{})
	q := salesService(t)
	es, _ := q.In("es")
	base := listenForBrowser(t, f)
	chromium := startChromium(t)
	want := attentiveAnswers(q)

	mgr := openTab(t, chromium, "manager", tabOptions{})
	signInManager(mgr, base, f.mgrA)
	mgr.goTo(base + "/people")
	mgr.do("type the new person's name", chromedp.SendKeys(chromedp.CSS("#f-name"), "Lucía López"))
	mgr.submit(`#add button[type="submit"]`)
	personPath := strings.TrimPrefix(mgr.location(), base)
	mgr.do("choose the questionnaire", chromedp.SetValue(chromedp.CSS("#f-questionnaire"), fmt.Sprintf("%s:%d", q.ID, q.Version)))
	mgr.do("choose Spanish", chromedp.SetValue(chromedp.CSS("#f-language"), "es"))
	mgr.submit(`form.invite button[type="submit"]`)
	link := evalIn[string](mgr, `document.getElementById('new-link').value`)
	if !strings.HasPrefix(link, base+"/i/") {
		t.Fatalf("invitation link %q", link)
	}
	linkPath := strings.TrimPrefix(link, base)

	r := openTab(t, chromium, "candidate's phone", tabOptions{phone: true})
	check := func(where string) {
		t.Helper()
		if got := evalIn[string](r, `document.documentElement.lang`); got != "es" {
			t.Errorf("%s: <html lang=%q>, want es", where, got)
		}
		r.checkAccessibility(axe, where+" in Spanish")
	}
	r.goTo(link)
	if got := r.text("h1"); got != es.Title {
		t.Errorf("welcome: heading %q, want %q", got, es.Title)
	}
	if got := r.text("main"); !strings.Contains(got, "Hola, Lucía López") || !strings.Contains(got, "Cómo se guardan sus respuestas") {
		t.Errorf("welcome page says %q", got)
	}
	check("welcome page")
	r.screenshot("welcome-es")
	r.press(`label[for="f-consent"]`)
	r.submit(`form[action$="/consent"] button[type="submit"]`)
	for n := 1; n <= len(q.Pages); n++ {
		r.wantPath(fmt.Sprintf("page %d", n), fmt.Sprintf("%s/page/%d", linkPath, n))
		if got, wantProgress := r.text("#progress-text"), fmt.Sprintf("Página %d de %d", n, len(q.Pages)); got != wantProgress {
			t.Errorf("page %d: progress %q, want %q", n, got, wantProgress)
		}
		ids := pageItemIDs(q, n)
		for _, it := range es.Pages[n-1].Items {
			if it.Text != "" && !strings.Contains(r.text("#q-"+it.ID), it.Text) {
				t.Errorf("page %d: statement %s does not read %q", n, it.ID, it.Text)
			}
		}
		if n == 1 {
			check("question page")
			r.screenshot("question-page-es")
			// Next with statements unanswered: the page's script marks
			// them in Spanish.
			r.answer(want, ids[:2])
			r.press(nextButton)
			r.waitFor("unanswered statements are marked", `document.querySelector('fieldset.statement.has-error') !== null`)
			if got := r.text("fieldset.statement.has-error p.error"); got != "Elija una respuesta." {
				t.Errorf("a marked statement says %q, want Elija una respuesta.", got)
			}
			if got, wantStatus := r.text(".save-status"), fmt.Sprintf("Falta responder a %d afirmaciones.", len(ids)-2); got != wantStatus {
				t.Errorf("the page's status says %q, want %q", got, wantStatus)
			}
			check("question page, unanswered statements marked")
		}
		r.answer(want, ids)
		r.submit(nextButton)
	}
	r.wantPath("review", linkPath+"/review")
	if got := r.text("h1"); got != "Enviar sus respuestas" {
		t.Errorf("review heading %q", got)
	}
	check("review page")
	r.submit(`form[action$="/submit"] button[type="submit"]`)
	r.wantPath("thanks", linkPath+"/done")
	if got := r.text("h1"); got != "Gracias" {
		t.Errorf("thank-you heading %q", got)
	}
	check("thank-you page")
	r.screenshot("thanks-es")

	resps, err := f.st.Scope(f.orgA.ID).PersonResponses(ctx, strings.TrimPrefix(personPath, "/people/"))
	if err != nil || len(resps) != 1 || resps[0].Language != "es" {
		t.Fatalf("stored responses %+v, %v; want one in Spanish", resps, err)
	}
	mgr.goTo(base + personPath)
	if got := mgr.text(".norm-group"); !strings.Contains(got, "Answered in Spanish; percentiles compare with your Spanish-language responses only") {
		t.Errorf("the profile says %q", got)
	}
}
