package server

import (
	"fmt"
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"
)

// submitLink answers every page of the invitation of link and submits.
func (f *fixture) submitLink(t *testing.T, b *browser, link string) {
	t.Helper()
	q := salesService(t)
	b.post(link+"/consent", url.Values{"consent": {"yes"}})
	for page := 1; page <= len(q.Pages); page++ {
		a := pageAnswers(q, page-1)
		a.Set("action", "next")
		b.post(fmt.Sprintf("%s/page/%d", link, page), a)
	}
	resp, body := b.post(link+"/submit", nil)
	wantStatus(t, "submit", resp, http.StatusSeeOther, body)
}

// After submitting, a candidate is offered the self-identification on a
// page of its own, in their language, saying why, that it is optional and
// that managers never see it; "prefer not to say" is always there.
func TestRespondentSelfIdentification(t *testing.T) {
	f := sqliteFixture(t, Config{})
	p, _, link := f.invited(t)
	r := f.browser()

	resp, body := r.get(link + "/about-you")
	wantStatus(t, "before submitting", resp, http.StatusSeeOther, body)

	f.submitLink(t, r, link)
	resp, body = r.get(link + "/done")
	wantStatus(t, "thanks", resp, http.StatusOK, body)
	wantContains(t, "thanks", body, "Help check that hiring is fair", `href="`+link+`/about-you"`)

	resp, body = r.get(link + "/about-you")
	wantStatus(t, "the questions", resp, http.StatusOK, body)
	wantContains(t, "the questions", body, "About you (optional)", "entirely optional", "Managers never see an individual",
		`name="sex" value="declined" checked`, `name="race_ethnicity" value="declined" checked`, `name="age_40_or_over" value="declined" checked`,
		"Prefer not to say", "Native Hawaiian or other Pacific Islander")

	// In the respondent's language: a link sent in Spanish.
	_, esLink := f.invitedIn(t, "es")
	es := f.browser()
	f.submitLink(t, es, esLink)
	resp, body = es.get(esLink + "/done")
	wantStatus(t, "thanks in Spanish", resp, http.StatusOK, body)
	wantContains(t, "thanks in Spanish", body, "Ayude a comprobar que la selección es justa")
	resp, body = es.get(esLink + "/about-you")
	wantStatus(t, "in Spanish", resp, http.StatusOK, body)
	wantContains(t, "in Spanish", body, `lang="es"`, "Sobre usted (opcional)", "Prefiero no decirlo", "nunca ven las respuestas")

	oA := f.st.Scope(f.orgA.ID)
	resp, body = r.post(link+"/about-you", url.Values{"sex": {"robot"}, "race_ethnicity": {"asian"}})
	wantStatus(t, "an answer not offered", resp, http.StatusBadRequest, body)
	wantContains(t, "an answer not offered", body, "Please choose one of the answers offered.", `name="race_ethnicity" value="asian" checked`)
	if has, _ := oA.HasSelfIdentification(ctx, p.ID); has {
		t.Fatal("a refused answer was stored")
	}
	resp, body = r.post(link+"/about-you", url.Values{"sex": {"female"}, "race_ethnicity": {"asian"}, "age_40_or_over": {"declined"}})
	wantStatus(t, "answer", resp, http.StatusSeeOther, body)
	if has, _ := oA.HasSelfIdentification(ctx, p.ID); !has {
		t.Fatal("the answers were not stored")
	}
	resp, body = r.get(link + "/done")
	wantStatus(t, "thanks after answering", resp, http.StatusOK, body)
	wantContains(t, "thanks after answering", body, "Your answers are kept apart from your results.")
	if strings.Contains(body, "/about-you") {
		t.Error("the thanks page still offers the questions after they were answered")
	}
}

// A staff member is offered nothing unless the organisation allows it.
func TestRespondentSelfIdentificationOfStaff(t *testing.T) {
	f := sqliteFixture(t, Config{})
	o := f.st.Scope(f.orgA.ID)
	p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Sam Staff", Kind: rolefit.Staff}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	q := salesService(t)
	_, token, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: q.ID,
		QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	link := "/i/" + token
	r := f.browser()
	f.submitLink(t, r, link)
	_, body := r.get(link + "/done")
	if strings.Contains(body, "/about-you") {
		t.Error("a staff member is offered the questions though the organisation has not allowed it")
	}
	resp, body := r.post(link+"/about-you", url.Values{"sex": {"female"}})
	wantStatus(t, "posting anyway", resp, http.StatusSeeOther, body)
	if has, _ := o.HasSelfIdentification(ctx, p.ID); has {
		t.Fatal("stored a staff member's answers without the setting")
	}
}
