package server

import (
	"fmt"
	"maps"
	"rolefit"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestRespondentJourneyInBrowser follows a candidate from the manager's
// invitation to the thank-you page, on a phone with JavaScript: consent,
// unanswered statements pointed out in the page, answers by tap and by
// keyboard, a change of device halfway, submission, and the closed link.
func TestRespondentJourneyInBrowser(t *testing.T) {
	f := sqliteFixture(t, Config{})
	q := salesService(t)
	base := listenForBrowser(t, f)
	chromium := startChromium(t)
	want := attentiveAnswers(q)

	mgr := openTab(t, chromium, "manager", tabOptions{})
	signInManager(mgr, base, f.mgrA)
	personID, link := inviteThroughPages(mgr, base, q)
	token := strings.TrimPrefix(link, base+"/i/")
	linkPath := "/i/" + token

	// The welcome page asks for consent before anything else.
	r := openTab(t, chromium, "candidate's phone", tabOptions{phone: true})
	r.goTo(link)
	if got := r.text("h1"); got != q.Title {
		t.Errorf("welcome page: heading %q, want %q", got, q.Title)
	}
	r.screenshot("welcome")
	r.submit(`form[action$="/consent"] button[type="submit"]`)
	r.wantPath("start without consent", linkPath+"/consent")
	if r.count(".alert") != 1 || r.count(".field.consent.has-error #e-consent") != 1 {
		t.Fatalf("start without consent: want the alert and the consent box marked; the page says %q", r.text("main"))
	}
	if got := evalIn[string](r, `document.activeElement.className`); got != "alert" {
		t.Errorf("start without consent: focus on class %q, want the alert, so that screen readers read it", got)
	}
	r.press(`label[for="f-consent"]`)
	r.submit(`form[action$="/consent"] button[type="submit"]`)

	for n := 1; n <= len(q.Pages); n++ {
		r.wantPath(fmt.Sprintf("page %d", n), fmt.Sprintf("%s/page/%d", linkPath, n))
		if got, wantProgress := r.text("#progress-text"), fmt.Sprintf("Page %d of %d", n, len(q.Pages)); got != wantProgress {
			t.Errorf("page %d: progress %q, want %q", n, got, wantProgress)
		}
		ids := pageItemIDs(q, n)
		half := len(ids) / 2
		switch n {
		case 1:
			// Next with half the statements unanswered: the page points
			// them out itself, and stays where it is.
			r.screenshot("question-page")
			r.answer(want, ids[:half])
			r.press(nextButton)
			r.waitFor("unanswered statements are marked", `document.querySelector('fieldset.statement.has-error') !== null`)
			if got := r.marked(); !slices.Equal(got, ids[half:]) {
				t.Fatalf("page 1 after Next: marked %v, want the unanswered %v", got, ids[half:])
			}
			if got := r.count("fieldset.statement.has-error > p.error[id]"); got != len(ids)-half {
				t.Errorf("page 1 after Next: %d marked statements say why, want %d", got, len(ids)-half)
			}
			r.wantPath("page 1 after Next with statements unanswered", linkPath+"/page/1")
			r.screenshot("question-page-unanswered")

			// The first unanswered statement has the focus: answer it
			// with the keyboard, Space then arrow keys, as a person
			// without a mouse or touch screen does.
			first := ids[half]
			if got := evalIn[string](r, `document.activeElement.id`); got != first+"-1" {
				t.Fatalf("page 1 after Next: focus on %q, want the first option of %s", got, first)
			}
			keys := " " + strings.Repeat(kb.ArrowRight, want[first]-1)
			r.do("answer "+first+" with the keyboard", chromedp.KeyEvent(keys))
			if got := r.checked()[first]; got != want[first] {
				t.Fatalf("%s answered with Space and %d × ArrowRight: chosen %d, want %d", first, want[first]-1, got, want[first])
			}
			if got := r.marked(); slices.Contains(got, first) {
				t.Errorf("%s answered: still marked as unanswered (%v)", first, got)
			}
			r.answer(want, ids[half+1:])
		case 4:
			// Half of page 4 answered, then the phone is gone: the
			// answers were saved as they were tapped, so another device
			// resumes with them.
			r.answer(want, ids[:half])
			waitForDrafts(t, f.st, token, answersOf(want, ids[:half]))
			r.close()
			r = openTab(t, chromium, "candidate's laptop", tabOptions{})
			r.goTo(link)
			r.wantPath("link opened again on another device", linkPath+"/page/4")
			r.wantChecked("page 4 on another device", answersOf(want, ids[:half]))
			r.answer(want, ids[half:])
		default:
			r.answer(want, ids)
		}
		r.wantChecked(fmt.Sprintf("page %d", n), answersOf(want, ids))
		// Time passes while a person reads; it is recorded per page.
		f.clock.Advance(45 * time.Second)
		r.submit(nextButton)
	}

	r.wantPath("after the last page", linkPath+"/review")
	if got, wantText := r.text("main"), fmt.Sprintf("You have answered all %d statements", q.NumItems()); !strings.Contains(got, wantText) {
		t.Fatalf("review page says %q, want %q", got, wantText)
	}
	r.submit(`form[action$="/submit"] button[type="submit"]`)
	r.wantPath("after submitting", linkPath+"/done")
	if got := r.text("h1"); got != "Thank you" {
		t.Errorf("after submitting: heading %q, want Thank you", got)
	}
	r.goTo(link)
	if got := r.text("h1"); got != "Already submitted" {
		t.Errorf("link opened after submitting: heading %q, want Already submitted", got)
	}

	// The manager sees the submission.
	mgr.goTo(base + "/people/" + personID)
	if got := mgr.count("td .status-submitted"); got != 1 {
		t.Errorf("person page: %d invitations shown as submitted, want 1", got)
	}
	if got := mgr.count("section.result"); got != 1 {
		t.Errorf("person page: %d results shown, want 1", got)
	}
	invs, err := f.st.Scope(f.orgA.ID).PersonInvitations(ctx, personID)
	if err != nil {
		t.Fatal(err)
	}
	if len(invs) != 1 || invs[0].Status != rolefit.InvitationSubmitted {
		t.Fatalf("invitations %+v, want one, submitted", invs)
	}
	resps, err := f.st.Scope(f.orgA.ID).PersonResponses(ctx, personID)
	if err != nil {
		t.Fatal(err)
	}
	if len(resps) != 1 {
		t.Fatalf("%d responses, want 1", len(resps))
	}
	if got := resps[0]; !maps.Equal(got.Answers, want) {
		t.Errorf("stored answers %v, want the %d given %v", got.Answers, len(want), want)
	}
	if got := resps[0].PageSeconds; len(got) != len(q.Pages) || slices.Contains(got, 0) {
		t.Errorf("page seconds %v, want a time for each of the %d pages", got, len(q.Pages))
	}
}

// TestRespondentJourneyWithoutJavaScript checks that a phone with
// JavaScript off can answer too: the server saves each page and points
// out unanswered statements itself.
func TestRespondentJourneyWithoutJavaScript(t *testing.T) {
	f := sqliteFixture(t, Config{})
	q := salesService(t)
	base := listenForBrowser(t, f)
	chromium := startChromium(t)
	_, _, linkPath := f.invited(t)
	token := strings.TrimPrefix(linkPath, "/i/")
	want := attentiveAnswers(q)

	r := openTab(t, chromium, "phone without JavaScript", tabOptions{phone: true, noScript: true})
	r.goTo(base + linkPath)
	r.press(`label[for="f-consent"]`)
	r.submit(`form[action$="/consent"] button[type="submit"]`)
	r.wantPath("after consent", linkPath+"/page/1")

	ids := pageItemIDs(q, 1)
	skipped := ids[len(ids)/2]
	answered := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == skipped })
	r.answer(want, answered)
	if got := savedDrafts(t, f.st, token); len(got) != 0 {
		t.Fatalf("answers saved before the page was sent, without JavaScript: %v", got)
	}
	r.submit(nextButton)
	r.wantPath("page 1 sent with a statement unanswered", linkPath+"/page/1")
	if got, wantText := r.text(".alert"), "Please answer the statement marked below"; !strings.Contains(got, wantText) {
		t.Fatalf("page 1 sent with %s unanswered: alert %q, want %q", skipped, got, wantText)
	}
	if got := r.marked(); !slices.Equal(got, []string{skipped}) {
		t.Fatalf("page 1 sent with %s unanswered: marked %v", skipped, got)
	}
	if got := r.count(fmt.Sprintf(`.alert a[href="#q-%s"]`, skipped)); got != 1 {
		t.Errorf("page 1 sent with %s unanswered: the alert has %d links to it, want 1", skipped, got)
	}
	r.wantChecked("page 1 shown again", answersOf(want, answered))
	if got := savedDrafts(t, f.st, token); !maps.Equal(got, answersOf(want, answered)) {
		t.Errorf("saved answers %v, want the page's %v", got, answersOf(want, answered))
	}

	r.choose(skipped, want[skipped])
	r.submit(nextButton)
	r.wantPath("page 1 complete", linkPath+"/page/2")
	if got := r.text("h1"); got != q.Pages[1].Title {
		t.Errorf("page 2: heading %q, want %q", got, q.Pages[1].Title)
	}
	if got := savedDrafts(t, f.st, token); !maps.Equal(got, answersOf(want, ids)) {
		t.Errorf("saved answers %v, want page 1's %v", got, answersOf(want, ids))
	}
}

// TestRespondentPagesAccessibility runs axe-core's WCAG 2.1 A and AA rules
// and best practices on every page a respondent can see, on a phone, and
// on the manager's pages that lead to a link, on a laptop. Serious and
// critical violations fail; the others are logged.
func TestRespondentPagesAccessibility(t *testing.T) {
	axe := axeScript(t)
	f := sqliteFixture(t, Config{})
	q := salesService(t)
	base := listenForBrowser(t, f)
	chromium := startChromium(t)
	want := attentiveAnswers(q)
	org, by := f.st.Scope(f.orgA.ID), rolefit.ActorOf(f.mgrA)
	person, _, linkPath := f.invited(t)
	token := strings.TrimPrefix(linkPath, "/i/")

	// Two more links that no longer take answers.
	invite := func(name string, days int) (*rolefit.Invitation, string) {
		t.Helper()
		p, err := org.CreatePerson(ctx, rolefit.NewPerson{Name: name, Kind: rolefit.Candidate}, by)
		if err != nil {
			t.Fatal(err)
		}
		inv, tok, err := org.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: q.ID,
			QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash, Days: days}, by)
		if err != nil {
			t.Fatal(err)
		}
		return inv, base + "/i/" + tok
	}
	withdrawn, withdrawnLink := invite("Wren Withdrawn", 0)
	if err := org.WithdrawInvitation(ctx, withdrawn.ID, by); err != nil {
		t.Fatal(err)
	}
	_, expiringLink := invite("Eli Expiring", 1)

	var lesser []string // moderate and minor violations, summed up at the end
	check := func(tb *tab, where string) {
		t.Helper()
		for _, v := range tb.checkAccessibility(axe, where) {
			if v.Impact != "serious" && v.Impact != "critical" {
				lesser = append(lesser, fmt.Sprintf("%s: %s (%s)", where, v.ID, v.Impact))
			}
		}
	}
	saveDrafts := func(pages ...int) {
		t.Helper()
		resp, err := f.st.Respondent(ctx, token)
		if err != nil {
			t.Fatal(err)
		}
		answers := map[string]int{}
		for _, n := range pages {
			maps.Copy(answers, answersOf(want, pageItemIDs(q, n)))
		}
		if err := resp.SaveAnswers(ctx, answers, -1); err != nil {
			t.Fatal(err)
		}
	}
	const consentButton = `form[action$="/consent"] button[type="submit"]`

	r := openTab(t, chromium, "respondent's phone", tabOptions{phone: true})
	r.goTo(base + linkPath)
	check(r, "welcome page")
	r.submit(consentButton)
	check(r, "welcome page, consent not given")
	r.press(`label[for="f-consent"]`)
	r.submit(consentButton)
	r.wantPath("after consent", linkPath+"/page/1")
	check(r, "question page")
	r.press(nextButton)
	r.waitFor("unanswered statements are marked", `document.querySelector('fieldset.statement.has-error') !== null`)
	check(r, "question page, unanswered statements marked in the page")
	// form.submit() skips the page's own check, as a browser without
	// JavaScript does, so the server marks them.
	r.submitScript("send page 1 unanswered", `document.querySelector('form.questions').submit()`)
	if r.count(".alert") != 1 || len(r.marked()) != len(q.Pages[0].Items) {
		t.Fatalf("page 1 sent unanswered: want the alert and every statement marked; the page says %q", r.text("main"))
	}
	check(r, "question page, unanswered statements marked by the server")
	r.goTo(base + linkPath + "/review")
	check(r, "review page, statements unanswered")

	saveDrafts(1, 2, 3, 4, 5, 6)
	r.goTo(base + linkPath)
	r.wantPath("link opened with pages 1 to 6 answered", linkPath+"/page/7")
	if r.count("fieldset.statement.choice") == 0 {
		t.Fatal("page 7: no choice statements")
	}
	check(r, "choice page")
	saveDrafts(7, 8)
	r.goTo(base + linkPath + "/review")
	check(r, "review page")
	r.submit(`form[action$="/submit"] button[type="submit"]`)
	r.wantPath("after submitting", linkPath+"/done")
	check(r, "thank-you page")
	r.goTo(base + linkPath)
	check(r, "already submitted page")
	r.goTo(withdrawnLink)
	check(r, "withdrawn link page")

	m := openTab(t, chromium, "manager's laptop", tabOptions{})
	m.goTo(base + "/login")
	check(m, "sign-in page")
	signInManager(m, base, f.mgrA)
	m.goTo(base + "/people")
	check(m, "people page")
	m.goTo(base + "/people/" + person.ID)
	if m.count("section.result") != 1 {
		t.Fatal("person page: the submitted result is not shown")
	}
	check(m, "person page with a result")
	m.submit(`form.invite button[type="submit"]`)
	check(m, "person page with a new link")

	f.clock.Advance(rolefit.Day + time.Hour)
	r.goTo(expiringLink)
	if got := r.text("h1"); got != "This link has expired" {
		t.Fatalf("expired link: heading %q", got)
	}
	check(r, "expired link page")

	if len(lesser) > 0 {
		t.Logf("moderate and minor accessibility findings:\n  %s", strings.Join(lesser, "\n  "))
	}
}
