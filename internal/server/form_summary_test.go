package server

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The summary names each field by its label on the page, in the page's
// order, and links it; a group of radio buttons by its legend; a key with
// no field on the page in words.
func TestFormSummaryNamesLabels(t *testing.T) {
	page := []byte(`<form><div class="field"><label for="f-email">E-mail <em>address</em></label><input id="f-email" name="email"></div>
<fieldset class="field"><legend>Kind</legend><label class="check" for="kind-a"><input type="radio" id="kind-a" name="kind"> A</label></fieldset>
<label for="f-expires_in_days">Link works for (days) &amp; more</label><input id="f-expires_in_days" name="expires_in_days"></form>`)
	got := formSummary(page, map[string]string{"expires_in_days": "must be 1 to 90", "kind": "must be chosen", "email": "is not valid", "row 7: email": "is taken"})
	want := []fieldError{
		{Label: "E-mail address", Target: "f-email", Message: "is not valid"},
		{Label: "Kind", Target: "kind-a", Message: "must be chosen"},
		{Label: "Link works for (days) & more", Target: "f-expires_in_days", Message: "must be 1 to 90"},
		{Label: "row 7: email", Message: "is taken"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("summary\n%+v\nwant\n%+v", got, want)
	}
}

// Forms that come back with errors list them by their labels, never by
// keys such as expires_in_days; the performance form's summary lists its
// errors too.
func TestFormSummariesUseLabels(t *testing.T) {
	w := newPerfWorld(t)
	b := w.f.browser().signIn(w.f.mgrA)
	page := "/people/" + w.staff.ID
	b.get(page)
	for _, tc := range []struct {
		name, path string
		form       url.Values
		// want are the summary's lines, label and message.
		want []string
	}{
		{"invitation", page + "/invitations", url.Values{"questionnaire": {"sales-service:2"}, "expires_in_days": {"0"}},
			[]string{`<a href="#f-expires_in_days">Link works for (days)</a>: `}},
		{"performance month", page + "/performance", url.Values{"month": {"2026-02"}, "new_business_hours": {"ten"}, "service_revenue": {"lots"}},
			[]string{`<a href="#f-new_business_hours">New business: hours</a>: must be a number`, `<a href="#f-service_revenue">Account service: revenue (USD)</a>: must be a number`}},
		{"person", "/people", url.Values{"name": {"Al"}, "kind": {"boss"}},
			[]string{`<a href="#kind-candidate">Kind</a>: `}},
	} {
		resp, body := b.post(tc.path, tc.form)
		wantStatus(t, tc.name, resp, http.StatusBadRequest, body)
		alert := regexp.MustCompile(`(?s)<div class="alert" role="alert"[^>]*>.*?</div>`).FindString(body)
		for _, want := range tc.want {
			if !strings.Contains(alert, "<li>"+want) {
				t.Errorf("%s: the summary lacks %q:\n%s", tc.name, want, alert)
			}
		}
		// No line of any summary starts with a field's key.
		if m := regexp.MustCompile(`<li>(?:<a [^>]*>)?[a-z]+_[a-z_]+(?:</a>)?:`).FindString(body); m != "" {
			t.Errorf("%s: a summary names a key: %s", tc.name, m)
		}
	}
}
