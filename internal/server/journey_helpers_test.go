package server

import (
	"fmt"
	"maps"
	"rolefit"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"rolefit/internal/assess"
	"rolefit/internal/store"
)

// attentiveAnswers answers every item as a careful person with a clear
// style might: the instructed answer for checks, modest disagreement
// with unlikely virtues, both options of the choices, and agreement or
// disagreement by the item's key, varied so that no answer repeats for
// long.
func attentiveAnswers(q *assess.Questionnaire) map[string]int {
	out := map[string]int{}
	for i, it := range q.Items() {
		switch {
		case it.Kind == assess.KindCheck:
			out[it.ID] = it.Check
		case it.Kind == assess.KindChoice, it.Kind == assess.KindVirtue:
			out[it.ID] = 1 + i%2
		case it.Key < 0:
			out[it.ID] = 2 - i%2
		default:
			out[it.ID] = 4 + i%2
		}
	}
	return out
}

// pageItemIDs are the item IDs of page n (1-based).
func pageItemIDs(q *assess.Questionnaire, n int) []string {
	var ids []string
	for _, it := range q.Pages[n-1].Items {
		ids = append(ids, it.ID)
	}
	return ids
}

// answersOf returns the answers of the given items.
func answersOf(answers map[string]int, ids []string) map[string]int {
	out := map[string]int{}
	for _, id := range ids {
		out[id] = answers[id]
	}
	return out
}

const nextButton = `form.questions button[name="action"][value="next"]`

// choose answers a statement as a person does: by tapping or clicking
// the words of an option.
func (tb *tab) choose(id string, v int) {
	tb.t.Helper()
	tb.press(fmt.Sprintf(`label[for="%s-%d"]`, id, v))
}

// answer chooses the answers of the given statements.
func (tb *tab) answer(answers map[string]int, ids []string) {
	tb.t.Helper()
	for _, id := range ids {
		tb.choose(id, answers[id])
	}
}

// checked is what the statements of the page show as chosen.
func (tb *tab) checked() map[string]int {
	tb.t.Helper()
	return evalIn[map[string]int](tb, `Object.fromEntries([...document.querySelectorAll('form.questions input[type=radio]:checked')].map(i => [i.name, Number(i.value)]))`)
}

func (tb *tab) wantChecked(what string, want map[string]int) {
	tb.t.Helper()
	if got := tb.checked(); !maps.Equal(got, want) {
		tb.t.Fatalf("%s: %s: chosen answers %v, want %v", tb.name, what, got, want)
	}
}

// marked are the IDs of the statements marked as needing an answer.
func (tb *tab) marked() []string {
	tb.t.Helper()
	return evalIn[[]string](tb, `[...document.querySelectorAll('fieldset.statement.has-error')].map(f => f.id.replace(/^q-/, ''))`)
}

// waitForDrafts waits until the answers are saved as the respondent's
// drafts, as the page saves them in the background on every click.
func waitForDrafts(t *testing.T, st *store.Store, token string, want map[string]int) {
	t.Helper()
	deadline := time.Now().Add(stepTimeout)
	for {
		got := savedDrafts(t, st, token)
		missing := map[string]int{}
		for id, v := range want {
			if got[id] != v {
				missing[id] = v
			}
		}
		if len(missing) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("saved answers %v, still missing %v", got, missing)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// savedDrafts are the answers saved so far for the link's token.
func savedDrafts(t *testing.T, st *store.Store, token string) map[string]int {
	t.Helper()
	r, err := st.Respondent(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Drafts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// signInManager signs a user in through the sign-in form.
func signInManager(tb *tab, base string, u *rolefit.User) {
	tb.t.Helper()
	tb.signIn(base, u.Email, testPassword)
}

// inviteThroughPages adds a candidate on the people page and creates
// their invitation on their page, as a manager does, and returns the
// person's ID and the link.
func inviteThroughPages(tb *tab, base string, q *assess.Questionnaire) (personID, link string) {
	tb.t.Helper()
	tb.goTo(base + "/people")
	tb.do("type the new person's name", chromedp.SendKeys(chromedp.CSS("#f-name"), "Casey Candidate"))
	if !evalIn[bool](tb, `document.getElementById('kind-candidate').checked`) {
		tb.t.Fatal("add a person: kind candidate is not chosen by default")
	}
	tb.submit(`#add button[type="submit"]`)
	loc := strings.TrimPrefix(tb.location(), base)
	personID, ok := strings.CutPrefix(loc, "/people/")
	if !ok || personID == "" {
		tb.t.Fatalf("after adding a person: at %s, want their page /people/ID", loc)
	}
	tb.do("choose the questionnaire", chromedp.SetValue(chromedp.CSS("#f-questionnaire"), fmt.Sprintf("%s:%d", q.ID, q.Version)))
	tb.submit(`form.invite button[type="submit"]`)
	link = evalIn[string](tb, `document.getElementById('new-link').value`)
	if !strings.HasPrefix(link, base+"/i/") || len(link) <= len(base+"/i/") {
		tb.t.Fatalf("invitation link %q, want %s/i/TOKEN", link, base)
	}
	return personID, link
}
