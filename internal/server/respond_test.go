package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"rolefit"
	"strings"
	"sync"
	"testing"
	"time"

	"rolefit/internal/assess"
)

// invited makes a candidate in organisation A with an invitation to the
// shipped sales-service questionnaire and returns the link's path.
func (f *fixture) invited(t *testing.T) (*rolefit.Person, *rolefit.Invitation, string) {
	t.Helper()
	o := f.st.Scope(f.orgA.ID)
	p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana Diaz", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	q, _ := testCatalog(t).Latest("sales-service")
	inv, token, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: q.ID,
		QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash}, rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	return p, inv, "/i/" + token
}

// pageAnswers answers every item of a page as an attentive person might:
// the instructed answer for checks, the first option of choices, and a
// mix of agree and disagree otherwise.
func pageAnswers(q *assess.Questionnaire, page int) url.Values {
	v := url.Values{}
	for i, it := range q.Pages[page].Items {
		switch it.Kind {
		case assess.KindCheck:
			v.Set(it.ID, fmt.Sprint(it.Check))
		case assess.KindChoice:
			v.Set(it.ID, "1")
		case assess.KindVirtue:
			v.Set(it.ID, "2")
		default:
			v.Set(it.ID, fmt.Sprint(2+2*(i%2)))
		}
	}
	return v
}

func salesService(t testing.TB) *assess.Questionnaire {
	q, ok := testCatalog(t).Latest("sales-service")
	if !ok {
		t.Fatal("no sales-service questionnaire")
	}
	return q
}

func TestRespondentJourney(t *testing.T) {
	f := sqliteFixture(t, Config{})
	q := salesService(t)
	p, inv, link := f.invited(t)
	r := f.browser()

	resp, body := r.get(link)
	wantStatus(t, "welcome", resp, http.StatusOK, body)
	wantContains(t, "welcome", body, "Acme", "Hello Dana Diaz", "About 10 minutes", fmt.Sprintf("%d short statements", q.NumItems()), "How your answers are kept", `name="consent"`)
	if resp.Header.Get("Cache-Control") != "no-store" || resp.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("respondent page headers: Cache-Control %q, Referrer-Policy %q", resp.Header.Get("Cache-Control"), resp.Header.Get("Referrer-Policy"))
	}
	if strings.Contains(body, "Sign out") || strings.Contains(body, `href="/people"`) {
		t.Error("the respondent sees the managers' navigation")
	}
	// Pages before consent send the person back to the welcome page.
	resp, _ = r.get(link + "/page/1")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != link {
		t.Errorf("page before consent: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body = r.post(link+"/consent", url.Values{})
	wantStatus(t, "start without consent", resp, http.StatusBadRequest, body)
	wantContains(t, "start without consent", body, `id="e-consent"`)
	resp, _ = r.post(link+"/consent", url.Values{"consent": {"yes"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != link+"/page/1" {
		t.Fatalf("consent: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	got, _ := f.st.Scope(f.orgA.ID).Invitation(ctx, inv.ID)
	if got.ConsentedAt == nil || !strings.Contains(got.ConsentText, "Acme") || got.Status != rolefit.InvitationStarted {
		t.Fatalf("consent not recorded: %+v", got)
	}

	// Page 1: shown, 50 seconds pass, half answered; the rest is pointed out.
	resp, body = r.get(link + "/page/1")
	wantStatus(t, "page 1", resp, http.StatusOK, body)
	wantContains(t, "page 1", body, "Page 1 of 8", `<progress max="8" value="1"`, "<fieldset", "<legend>", `type="radio"`, "Strongly disagree")
	f.clock.Advance(50 * time.Second)
	all := pageAnswers(q, 0)
	half := url.Values{"action": {"next"}}
	for i, it := range q.Pages[0].Items {
		if i%2 == 0 {
			half.Set(it.ID, all.Get(it.ID))
		}
	}
	resp, body = r.post(link+"/page/1", half)
	wantStatus(t, "page 1 half answered", resp, http.StatusUnprocessableEntity, body)
	wantContains(t, "unanswered", body, "Please answer the 5 statements marked below", `href="#q-`+q.Pages[0].Items[1].ID+`"`, "Please choose an answer.")
	wantContains(t, "answers kept", body, fmt.Sprintf(`id="%s-%s" name="%s" value="%s" checked`, q.Pages[0].Items[0].ID, all.Get(q.Pages[0].Items[0].ID), q.Pages[0].Items[0].ID, all.Get(q.Pages[0].Items[0].ID)))
	// An answer off the scale is refused and overwrites nothing.
	badForm := pageAnswers(q, 0)
	badForm.Set(q.Pages[0].Items[0].ID, "9")
	badForm.Set("action", "next")
	resp, body = r.post(link+"/page/1", badForm)
	wantStatus(t, "answer off the scale", resp, http.StatusBadRequest, body)
	wantContains(t, "answer off the scale", body, "nothing on this page was saved", "That answer is not one of the choices. Please choose again.")
	rs, _ := f.st.Respondent(ctx, strings.TrimPrefix(link, "/i/"))
	drafts, _ := rs.Drafts(ctx)
	if len(drafts) != 5 || drafts[q.Pages[0].Items[0].ID] != mustInt(all.Get(q.Pages[0].Items[0].ID)) {
		t.Errorf("after a refused page the saved answers are %v", drafts)
	}
	// With JavaScript, a click is saved at once.
	id1 := q.Pages[0].Items[1].ID
	req := httptest.NewRequest(http.MethodPost, link+"/answer", strings.NewReader(url.Values{"item": {id1}, "value": {"3"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	resp, body = r.do(req)
	wantStatus(t, "answer on click", resp, http.StatusOK, body)
	for _, tc := range []struct {
		form  url.Values
		field string
	}{
		{url.Values{"item": {"nope"}, "value": {"3"}}, `"item"`},
		{url.Values{"item": {id1}, "value": {"6"}}, `"answers.` + id1 + `"`},
		{url.Values{"item": {id1}, "value": {"x"}}, `"answers.` + id1 + `"`},
	} {
		req := httptest.NewRequest(http.MethodPost, link+"/answer", strings.NewReader(tc.form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Accept", "application/json")
		resp, body := r.do(req)
		wantStatus(t, "bad click "+tc.form.Encode(), resp, http.StatusBadRequest, body)
		wantContains(t, "bad click", body, `"code":"invalid"`, tc.field)
	}
	drafts, _ = rs.Drafts(ctx)
	if drafts[id1] != 3 {
		t.Errorf("clicked answer saved as %d, want 3", drafts[id1])
	}
	all.Set("action", "next")
	resp, _ = r.post(link+"/page/1", all)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != link+"/page/2" {
		t.Fatalf("complete page 1: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}

	// Page 2, then the tab is closed. Opening the link again, on another
	// device, resumes at page 3.
	r.get(link + "/page/2")
	f.clock.Advance(40 * time.Second)
	p2 := pageAnswers(q, 1)
	p2.Set("action", "next")
	r.post(link+"/page/2", p2)
	other := f.browser()
	resp, _ = other.get(link)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != link+"/page/3" {
		t.Fatalf("reopened link: %d to %q, want page 3", resp.StatusCode, resp.Header.Get("Location"))
	}
	// Back keeps what is on the page and goes back.
	p3 := pageAnswers(q, 2)
	p3.Set("action", "back")
	other.get(link + "/page/3")
	resp, _ = other.post(link+"/page/3", p3)
	if resp.Header.Get("Location") != link+"/page/2" {
		t.Errorf("back from page 3 went to %q", resp.Header.Get("Location"))
	}
	_, body = other.get(link + "/page/2")
	wantContains(t, "page 2 after back", body, "checked")
	// "Save and finish later" stays and says so.
	p3.Set("action", "save")
	resp, _ = other.post(link+"/page/3", p3)
	_, body = other.get(resp.Header.Get("Location"))
	wantContains(t, "save for later", body, "Your answers are saved")

	// The review page lists what is missing; submitting then is refused.
	resp, body = other.get(link + "/review")
	wantStatus(t, "review with gaps", resp, http.StatusOK, body)
	wantContains(t, "review with gaps", body, "still need an answer", link+"/page/4")
	resp, body = other.post(link+"/submit", nil)
	wantStatus(t, "submit with gaps", resp, http.StatusUnprocessableEntity, body)
	if rs2, err := f.st.Scope(f.orgA.ID).PersonResponses(ctx, p.ID); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(rs2) != 0 {
		t.Fatal("an incomplete submission was stored")
	}
	for page := 4; page <= len(q.Pages); page++ {
		other.get(fmt.Sprintf("%s/page/%d", link, page))
		f.clock.Advance(30 * time.Second)
		a := pageAnswers(q, page-1)
		a.Set("action", "next")
		resp, body := other.post(fmt.Sprintf("%s/page/%d", link, page), a)
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("page %d: %d\n%s", page, resp.StatusCode, body)
		}
	}
	resp, body = other.get(link + "/review")
	wantStatus(t, "review complete", resp, http.StatusOK, body)
	wantContains(t, "review complete", body, fmt.Sprintf("You have answered all %d statements", q.NumItems()), "Submit my answers")
	resp, _ = other.post(link+"/submit", nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != link+"/done" {
		t.Fatalf("submit: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body = other.get(link + "/done")
	wantStatus(t, "thank you", resp, http.StatusOK, body)
	wantContains(t, "thank you", body, "Thank you", "sent to Acme")
	// The first tab submits too: same thank-you, no second response.
	resp, _ = r.post(link+"/submit", nil)
	if resp.Header.Get("Location") != link+"/done" {
		t.Errorf("second submit went to %q", resp.Header.Get("Location"))
	}
	resp, body = r.get(link)
	wantStatus(t, "link after submission", resp, http.StatusOK, body)
	wantContains(t, "link after submission", body, "Already submitted")
	resp, body = r.post(link+"/page/1", pageAnswers(q, 0))
	wantStatus(t, "answering after submission", resp, http.StatusOK, body)
	wantContains(t, "answering after submission", body, "Already submitted")

	responses, _ := f.st.Scope(f.orgA.ID).PersonResponses(ctx, p.ID)
	if len(responses) != 1 {
		t.Fatalf("%d responses stored, want 1", len(responses))
	}
	res := responses[0]
	if len(res.Answers) != q.NumItems() || res.QuestionnaireHash != q.Hash || len(res.PageSeconds) != 8 {
		t.Errorf("stored response: %d answers, hash %q, page seconds %v", len(res.Answers), res.QuestionnaireHash, res.PageSeconds)
	}
	if res.PageSeconds[0] != 50 || res.PageSeconds[1] != 40 || res.PageSeconds[4] != 30 {
		t.Errorf("page seconds %v, want 50, 40, …, 30 as the clock moved", res.PageSeconds)
	}
	if res.Answers[id1] != mustInt(all.Get(id1)) {
		t.Errorf("the page's answer to %s did not replace the click: %d", id1, res.Answers[id1])
	}
	var scored assess.Result
	if err := json.Unmarshal(res.Result, &scored); err != nil || len(scored.Composites) != 2 || scored.Composites[0].Score == nil {
		t.Errorf("stored scores: %v %+v", err, scored)
	}

	// The manager sees it as submitted, with scores.
	m := f.browser().signIn(f.mgrA)
	_, body = m.get("/people")
	wantContains(t, "people after submission", body, "status-submitted")
	_, body = m.get("/people/" + p.ID)
	wantContains(t, "person after submission", body, "submitted", "New-business selling", "Relationship service", "Profile")
}

func mustInt(s string) int {
	var n int
	fmt.Sscan(s, &n)
	return n
}

func TestClosedAndUnknownLinks(t *testing.T) {
	f := sqliteFixture(t, Config{TokenGuess: 3})
	_, inv, link := f.invited(t)
	r := f.browser()
	resp, body := r.get("/i/not-a-real-token")
	wantStatus(t, "forged link", resp, http.StatusNotFound, body)
	wantContains(t, "forged link", body, "This link is not valid")

	f.clock.Advance(rolefit.DefaultInvitationDays*rolefit.Day + time.Minute)
	resp, body = r.get(link)
	wantStatus(t, "expired link", resp, http.StatusGone, body)
	wantContains(t, "expired link", body, "This link has expired", "ask Acme")
	resp, body = r.post(link+"/consent", url.Values{"consent": {"yes"}})
	wantStatus(t, "consent on an expired link", resp, http.StatusGone, body)

	if _, err := f.st.Scope(f.orgA.ID).ExtendInvitation(ctx, inv.ID, 7, rolefit.ActorOf(f.mgrA)); err != nil {
		t.Fatal(err)
	}
	resp, _ = r.get(link)
	wantStatus(t, "extended link", resp, http.StatusOK, "")
	if err := f.st.Scope(f.orgA.ID).WithdrawInvitation(ctx, inv.ID, rolefit.ActorOf(f.mgrA)); err != nil {
		t.Fatal(err)
	}
	resp, body = r.get(link)
	wantStatus(t, "withdrawn link", resp, http.StatusGone, body)
	wantContains(t, "withdrawn link", body, "withdrawn")

	// Guessing links is limited per address; real links keep working
	// for others.
	for i := 0; i < 3; i++ {
		r.get(fmt.Sprintf("/i/guess-%d", i))
	}
	resp, body = r.get("/i/guess-99")
	wantStatus(t, "guessing after the limit", resp, http.StatusTooManyRequests, body)
}

func TestStaleQuestionnaireLink(t *testing.T) {
	f := sqliteFixture(t, Config{})
	o := f.st.Scope(f.orgA.ID)
	p, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Kind: rolefit.Candidate}, rolefit.ActorOf(f.mgrA))
	_, token, _ := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: "sales-service",
		QuestionnaireVersion: 1, QuestionnaireHash: "sha256:a-version-that-was-edited"}, rolefit.ActorOf(f.mgrA))
	resp, body := f.browser().get("/i/" + token)
	wantStatus(t, "link to a changed questionnaire", resp, http.StatusConflict, body)
	wantContains(t, "link to a changed questionnaire", body, "no longer available")
}

// Tabs pressing Submit at the same moment store one response, and all
// land on the thank-you page; the later ones are told the answers were
// already submitted.
func TestConcurrentSubmitOverHTTP(t *testing.T) {
	f := sqliteFixture(t, Config{})
	q := salesService(t)
	p, _, link := f.invited(t)
	r := f.browser()
	r.post(link+"/consent", url.Values{"consent": {"yes"}})
	for page := 1; page <= len(q.Pages); page++ {
		a := pageAnswers(q, page-1)
		a.Set("action", "next")
		r.post(fmt.Sprintf("%s/page/%d", link, page), a)
	}
	const tabs = 6
	var wg sync.WaitGroup
	locs := make(chan string, tabs)
	for i := 0; i < tabs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := httptest.NewRequest(http.MethodPost, link+"/submit", nil)
			resp, err := f.app.Test(req, -1)
			if err != nil {
				locs <- err.Error()
				return
			}
			told := ""
			for _, c := range resp.Cookies() {
				if c.Name == flashCookie && c.Value != "" {
					told = " told"
				}
			}
			locs <- fmt.Sprint(resp.StatusCode, " ", resp.Header.Get("Location"), told)
		}()
	}
	wg.Wait()
	close(locs)
	told := 0
	for l := range locs {
		if l == "303 "+link+"/done told" {
			told++
		} else if l != "303 "+link+"/done" {
			t.Errorf("a tab's submit answered %q", l)
		}
	}
	// All but the one that stored the answers are told why nothing more
	// was stored.
	if told != tabs-1 {
		t.Errorf("got %d tabs told the answers were already submitted, want %d", told, tabs-1)
	}
	// A tab that presses Submit after the answers were stored is told
	// the same.
	resp, err := f.app.Test(httptest.NewRequest(http.MethodPost, link+"/submit", nil), -1)
	if err != nil {
		t.Fatal(err)
	}
	told = 0
	for _, c := range resp.Cookies() {
		if c.Name == flashCookie && c.Value != "" {
			told++
		}
	}
	if resp.StatusCode != http.StatusSeeOther || told != 1 {
		t.Errorf("a later submit answered %d with %d flash cookies, want 303 with 1", resp.StatusCode, told)
	}
	if rs, err := f.st.Scope(f.orgA.ID).PersonResponses(ctx, p.ID); err != nil {
		t.Fatalf("read: %v", err)
	} else if len(rs) != 1 {
		t.Errorf("%d responses stored, want 1", len(rs))
	}
}
