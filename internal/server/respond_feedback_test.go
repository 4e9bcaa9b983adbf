package server

import (
	"fmt"
	"net/http"
	"net/url"
	"rolefit"
	"strings"
	"testing"
	"time"

	"rolefit/internal/assess"
)

// leaningAnswers answers every scored item high on the facets of composite
// want and low on the others, checks as instructed, choices for want.
func leaningAnswers(q *assess.Questionnaire, page int, want string) url.Values {
	composite := map[string]string{}
	for _, s := range q.Scales {
		composite[s.ID] = s.Composite
	}
	v := url.Values{}
	for _, it := range q.Pages[page].Items {
		switch it.Kind {
		case assess.KindCheck:
			v.Set(it.ID, fmt.Sprint(it.Check))
		case assess.KindChoice:
			for i, o := range it.Options {
				if o.Composite == want {
					v.Set(it.ID, fmt.Sprint(i+1))
				}
			}
			if v.Get(it.ID) == "" {
				v.Set(it.ID, "1")
			}
		case assess.KindVirtue:
			v.Set(it.ID, "2")
		default:
			high := composite[it.Scale] == want
			if (it.Key < 0) == high {
				v.Set(it.ID, fmt.Sprint(q.Scale.Min+1))
			} else {
				v.Set(it.ID, fmt.Sprint(q.Scale.Max))
			}
		}
	}
	return v
}

// submitLeaning answers a link leaning towards composite and submits.
func submitLeaning(t *testing.T, b *browser, link, composite string) {
	t.Helper()
	q := salesService(t)
	b.post(link+"/consent", url.Values{"consent": {"yes"}})
	for page := 1; page <= len(q.Pages); page++ {
		a := leaningAnswers(q, page-1, composite)
		a.Set("action", "next")
		b.post(fmt.Sprintf("%s/page/%d", link, page), a)
	}
	resp, body := b.post(link+"/submit", nil)
	wantStatus(t, "submit", resp, http.StatusSeeOther, body)
}

// The summary is off by default; once the organisation shows it, each
// respondent reads their own, in words, with no percentile and no hiring
// advice, until their link expires.
func TestRespondentFeedback(t *testing.T) {
	f := sqliteFixture(t, Config{})
	_, _, hunterLink := f.invited(t)
	_, _, farmerLink := f.invited(t)
	h, fm := f.browser(), f.browser()

	resp, body := h.get(hunterLink + "/summary")
	wantStatus(t, "before submitting", resp, http.StatusNotFound, body)
	submitLeaning(t, h, hunterLink, "hunter")
	submitLeaning(t, fm, farmerLink, "farmer")

	resp, body = h.get(hunterLink + "/summary")
	wantStatus(t, "off by default", resp, http.StatusNotFound, body)
	_, body = h.get(hunterLink + "/done")
	if strings.Contains(body, "/summary") {
		t.Error("the thanks page links to a summary the organisation does not show")
	}

	key := f.apiKeyA(t)
	resp, body = f.apiRequest("PATCH", "/api/v1/organisation", key, `{"respondent_feedback":true}`)
	wantStatus(t, "turn the summary on", resp, http.StatusOK, body)

	resp, body = h.get(hunterLink + "/done")
	wantStatus(t, "thanks", resp, http.StatusOK, body)
	wantContains(t, "thanks", body, `href="`+hunterLink+`/summary"`, "See a summary of your results")

	resp, hunter := h.get(hunterLink + "/summary")
	wantStatus(t, "the hunter's summary", resp, http.StatusOK, hunter)
	wantContains(t, "the hunter's summary", hunter, "Your results", "You lean towards winning new customers",
		"does not compare you with anyone else", "Print or save as PDF", "You can come back to this page with your link until")
	resp, farmer := fm.get(farmerLink + "/summary")
	wantStatus(t, "the farmer's summary", resp, http.StatusOK, farmer)
	wantContains(t, "the farmer's summary", farmer, "You lean towards looking after existing customers")
	if strings.Contains(farmer, "winning new customers:") || strings.Contains(hunter, "looking after existing customers:") {
		t.Error("a summary shows another respondent's leaning")
	}
	for name, page := range map[string]string{"hunter": hunter, "farmer": farmer} {
		body := strings.ToLower(between(page, "<main", "</main>"))
		for _, word := range []string{"percentile", "%", "hire", "recommend", "colleague", "dana diaz"} {
			if strings.Contains(body, word) {
				t.Errorf("the %s's summary says %q", name, word)
			}
		}
	}

	// Past the link's expiry the summary is gone.
	f.clock.Advance(time.Duration(rolefit.DefaultInvitationDays+1) * 24 * time.Hour)
	resp, body = h.get(hunterLink + "/summary")
	wantStatus(t, "after the link expired", resp, http.StatusNotFound, body)
}
