package server

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"rolefit"
	"strings"
	"testing"
)

// invitedIn makes a candidate of organisation A with an invitation to the
// latest sales-service in lang ("" for none) and returns its link.
func (f *fixture) invitedIn(t *testing.T, lang string) (*rolefit.Invitation, string) {
	t.Helper()
	o := f.st.Scope(f.orgA.ID)
	p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana Diaz", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	q := salesService(t)
	inv, token, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: q.ID,
		QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash, Language: lang}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	return inv, "/i/" + token
}

// messageArgs are a message's arguments and placeholders, between which
// its words stand.
var messageArgs = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]|\{[a-z_]+\}`)

// englishTexts are the English words a respondent's page could show: each
// stretch of 12 or more characters between the arguments of the English
// catalogue's messages, and every English text of the questionnaire that
// long. A page in another language shows none of them; one it does show
// means a catalogue lacks a key, or a text was left untranslated.
func englishTexts(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../i18n/messages/en.json")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	var formats []string
	for _, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			formats = append(formats, s)
			continue
		}
		var forms map[string]any
		json.Unmarshal(v, &forms)
		for _, f := range forms {
			if s, ok := f.(string); ok {
				formats = append(formats, s)
			}
		}
	}
	q := salesService(t)
	formats = append(formats, q.Title, q.Description)
	formats = append(formats, q.Scale.Labels...)
	for _, p := range q.Pages {
		formats = append(formats, p.Title, p.Intro)
		for _, it := range p.Items {
			formats = append(formats, it.Text)
			for _, o := range it.Options {
				formats = append(formats, o.Text)
			}
		}
	}
	var out []string
	for _, f := range formats {
		for _, part := range messageArgs.Split(f, -1) {
			part = strings.TrimSpace(strings.Trim(part, " .,:;\"'()«»„“"))
			if len(part) >= 12 {
				out = append(out, part)
			}
		}
	}
	return out
}

// wantNoEnglish fails when a page in lang is not marked as lang or shows
// an English text.
func wantNoEnglish(t *testing.T, english []string, lang, what, body string) {
	t.Helper()
	if !strings.Contains(body, `<html lang="`+lang+`">`) {
		t.Errorf("%s in %s: the page is not marked lang=%q", what, lang, lang)
	}
	text := html.UnescapeString(body)
	for _, e := range english {
		if strings.Contains(text, e) {
			t.Errorf("%s in %s shows English: %q", what, lang, e)
		}
	}
}

// Every page a respondent can see, in Spanish and in German, shows no
// English: the welcome and consent (with its error), every question page
// (with each kind of error), the review with statements missing and
// complete, the thanks, the pages of a link already submitted, expired or
// withdrawn, and the errors of a bad link or page.
func TestRespondentPagesInEachLanguage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	english := englishTexts(t)
	q := salesService(t)
	for _, lang := range []string{"es", "de"} {
		r := f.browser()
		_, link := f.invitedIn(t, lang)
		seen := func(what string, resp *http.Response, status int, body string) {
			t.Helper()
			wantStatus(t, what+" in "+lang, resp, status, body)
			wantNoEnglish(t, english, lang, what, body)
		}
		resp, body := r.get(link)
		seen("welcome", resp, http.StatusOK, body)
		lq, _ := q.In(lang)
		wantContains(t, "welcome in "+lang, body, lq.Title, lq.Description)
		resp, body = r.post(link+"/consent", url.Values{})
		seen("consent not given", resp, http.StatusBadRequest, body)
		r.post(link+"/consent", url.Values{"consent": {"yes"}})
		for n := range q.Pages {
			resp, body = r.get(fmt.Sprintf("%s/page/%d", link, n+1))
			seen(fmt.Sprintf("page %d", n+1), resp, http.StatusOK, body)
			for _, it := range lq.Pages[n].Items {
				if it.Text != "" {
					wantContains(t, fmt.Sprintf("page %d in %s", n+1, lang), html.UnescapeString(body), it.Text)
				}
			}
		}
		resp, body = r.post(link+"/page/1", url.Values{"action": {"next"}})
		seen("page with statements unanswered", resp, http.StatusUnprocessableEntity, body)
		bad := pageAnswers(q, 0)
		bad.Set(q.Pages[0].Items[0].ID, "9")
		bad.Set(q.Pages[0].Items[1].ID, "x")
		resp, body = r.post(link+"/page/1", bad)
		seen("page with answers not allowed", resp, http.StatusBadRequest, body)
		resp, _ = r.post(link+"/page/1", url.Values{"action": {"save"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("save for later: %d", resp.StatusCode)
		}
		resp, body = r.get(link + "/page/1")
		seen("page after saving for later", resp, http.StatusOK, body)
		resp, body = r.get(link + "/page/99")
		seen("a page that does not exist", resp, http.StatusNotFound, body)
		resp, body = r.get(link + "/review")
		seen("review with statements missing", resp, http.StatusOK, body)
		for n := range q.Pages {
			form := pageAnswers(q, n)
			form.Set("action", "next")
			r.post(fmt.Sprintf("%s/page/%d", link, n+1), form)
		}
		resp, body = r.get(link + "/review")
		seen("review", resp, http.StatusOK, body)
		resp, _ = r.post(link+"/submit", nil)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("submit in %s: %d", lang, resp.StatusCode)
		}
		resp, body = r.get(link + "/done")
		seen("thanks", resp, http.StatusOK, body)
		resp, body = r.get(link)
		seen("already submitted", resp, http.StatusOK, body)
		resp, _ = r.post(link+"/submit", nil)
		resp, body = r.get(resp.Header.Get("Location"))
		seen("submitted again", resp, http.StatusOK, body)

		_, expiring := f.invitedIn(t, lang)
		f.clock.Advance(15 * rolefit.Day)
		resp, body = r.get(expiring)
		seen("expired", resp, http.StatusGone, body)
		inv, withdrawn := f.invitedIn(t, lang)
		if err := f.st.Scope(f.orgA.ID).WithdrawInvitation(ctx, inv.ID, rolefit.ActorOf(f.mgrA)); err != nil {
			t.Fatal(err)
		}
		resp, body = r.get(withdrawn)
		seen("withdrawn", resp, http.StatusGone, body)

		req := httptest.NewRequest(http.MethodGet, "/i/no-such-link", nil)
		req.Header.Set("Accept-Language", lang+";q=0.9, fr;q=0.5")
		resp, body = r.do(req)
		seen("a link that does not exist", resp, http.StatusNotFound, body)
	}
}

// Without a language from the manager, the browser's Accept-Language
// chooses among the questionnaire's languages, the welcome page offers the
// others, and a choice there is kept for the link; the English pages keep
// their English.
func TestRespondentChoosesTheLanguage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	inv, link := f.invitedIn(t, "")
	r := f.browser()
	req := httptest.NewRequest(http.MethodGet, link, nil)
	req.Header.Set("Accept-Language", "de-AT,de;q=0.9,en;q=0.5")
	resp, body := r.do(req)
	wantStatus(t, "welcome", resp, http.StatusOK, body)
	wantContains(t, "welcome from an Austrian browser", body, `<html lang="de">`, "Hallo Dana Diaz", `<option value="es" lang="es">Español</option>`,
		`<option value="de" lang="de" selected>Deutsch</option>`)
	resp, body = r.post(link+"/language", url.Values{"lang": {"xx"}})
	wantStatus(t, "an unknown language", resp, http.StatusBadRequest, body)
	resp, _ = r.post(link+"/language", url.Values{"lang": {"es"}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("choose Spanish: %d", resp.StatusCode)
	}
	resp, body = r.do(req) // the same German browser
	wantStatus(t, "welcome after choosing Spanish", resp, http.StatusOK, body)
	wantContains(t, "welcome after choosing Spanish", body, `<html lang="es">`, "Hola, Dana Diaz")
	got, _ := f.st.Scope(f.orgA.ID).Invitation(ctx, inv.ID)
	if got.ChosenLanguage != "es" {
		t.Errorf("chosen language kept %q, want es", got.ChosenLanguage)
	}
	_, link = f.invitedIn(t, "")
	resp, body = r.get(link)
	wantStatus(t, "welcome without a language", resp, http.StatusOK, body)
	wantContains(t, "welcome without a language", body, `<html lang="en">`, "Hello Dana Diaz", "Skip to content")
}

// The API describes a questionnaire in any of its languages and invites
// in one, refusing a language it does not offer with the field named.
func TestAPILanguages(t *testing.T) {
	f := sqliteFixture(t, Config{})
	keyA := f.apiKeyA(t)
	resp, body := f.apiRequest("GET", "/api/v1/questionnaires/sales-service?lang=es", keyA, "")
	wantStatus(t, "questionnaire in Spanish", resp, http.StatusOK, body)
	var info struct {
		Language  string   `json:"language"`
		Languages []string `json:"languages"`
		Title     string   `json:"title"`
		Pages     []struct {
			Title string `json:"title"`
			Items []struct {
				ID      string `json:"id"`
				Text    string `json:"text"`
				Answers []struct {
					Label string `json:"label"`
				} `json:"answers"`
			} `json:"items"`
		} `json:"pages"`
	}
	if err := json.Unmarshal([]byte(body), &info); err != nil {
		t.Fatal(err)
	}
	es, _ := salesService(t).In("es")
	if info.Language != "es" || strings.Join(info.Languages, " ") != "en es de" || info.Title != es.Title ||
		info.Pages[0].Items[0].Text != es.Pages[0].Items[0].Text || info.Pages[0].Items[0].Answers[0].Label != "Totalmente en desacuerdo" {
		t.Errorf("Spanish description: %+v", info)
	}
	for _, lang := range []string{"xx", "fr"} {
		resp, body = f.apiRequest("GET", "/api/v1/questionnaires/sales-service?lang="+lang, keyA, "")
		wantStatus(t, "questionnaire in "+lang, resp, http.StatusBadRequest, body)
		wantContains(t, "questionnaire in "+lang, body, `"lang":`, lang)
	}
	p, err := f.st.Scope(f.orgA.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Jonas", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	resp, body = f.apiRequest("POST", "/api/v1/invitations", keyA, `{"person_id":"`+p.ID+`","questionnaire":"sales-service","language":"de"}`)
	wantStatus(t, "invite in German", resp, http.StatusCreated, body)
	wantContains(t, "invite in German", body, `"language":"de"`)
	for lang, want := range map[string]string{"xx": `\"xx\" is not a known BCP 47 language tag`, "fr": "not fr"} {
		resp, body = f.apiRequest("POST", "/api/v1/invitations", keyA, `{"person_id":"`+p.ID+`","questionnaire":"sales-service","language":"`+lang+`"}`)
		wantStatus(t, "invite in "+lang, resp, http.StatusBadRequest, body)
		wantContains(t, "invite in "+lang, body, `"language":`, want)
	}
}
