package server

import (
	"net/http"
	"regexp"
	"testing"
)

// bareSymbol finds a model's symbol used without its words: in a formula
// (n* = H/(s + a·c), H_cap/(a·c)) or in brackets ((H/s)). A symbol that
// opens its own words, "H: the hours a seller has", is fine.
var bareSymbol = regexp.MustCompile(`n\*|\b(?:H|H_cap|H_v|r_n|r_s|r_v|C_v)\s*[=/)]|\(H/|a·c`)

// The Costs page and its notes, in the ordinary case and the special
// ones, write out in words what they compute: no symbol stands alone.
func TestCostsPageHasNoBareSymbols(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	for _, query := range []string{"", "churn=0", "churn=0&service_hours_per_account=0", "selling_cap=5&churn=0.05", "hours=0"} {
		resp, body := b.get("/costs?" + query)
		wantStatus(t, query, resp, http.StatusOK, body)
		text := visibleText(body)
		if m := bareSymbol.FindAllString(text, -1); m != nil {
			t.Errorf("/costs?%s shows symbols without their words: %q", query, m)
		}
	}
}

// visibleText is a page's text without its tags, scripts and styles; a
// chart's title and description stay, as a screen reader reads them.
func visibleText(page string) string {
	page = regexp.MustCompile(`(?s)<(script|style)\b.*?</(script|style)>`).ReplaceAllString(page, " ")
	return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(page, " ")
}
