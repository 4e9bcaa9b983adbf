package server

import (
	"cmp"
	"html"
	"regexp"
	"slices"
	"strings"
)

// A form that comes back with errors opens with a summary of them, each
// named by the label its field has on the page ("Link works for (days)",
// not expires_in_days) and linked to the field. The labels are read from
// the page as rendered, so the summary always says what the form says,
// also for labels made at render time (with the currency, say): a page
// with errors is rendered once to read them and once more to show them.

// fieldError is one line of a form's error summary.
type fieldError struct {
	// Label is the field's label on the page, or its key in words when
	// the page has no field of that name (a row of an uploaded file).
	Label string
	// Target is the ID of the element to go to, "" for none.
	Target  string
	Message string
}

// Labels and fieldsets in rendered pages. The templates write every
// field's label as <label for="f-NAME">, and a group of radio buttons or
// boxes as a fieldset with a legend.
var (
	labelRE    = regexp.MustCompile(`(?s)<label\b[^>]*\bfor="f-([^"]+)"[^>]*>(.*?)</label>`)
	fieldsetRE = regexp.MustCompile(`(?s)<fieldset\b[^>]*>\s*<legend\b[^>]*>(.*?)</legend>(.*?)</fieldset>`)
	nameRE     = regexp.MustCompile(`\bname="([^"]+)"`)
	inputIDRE  = regexp.MustCompile(`<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"`)
	tagRE      = regexp.MustCompile(`<[^>]*>`)
)

// pageLabel is a field's label found on a page, with where it is.
type pageLabel struct {
	text, target string
	at           int
}

// formSummary lists errs (field key → message) in the order their fields
// come on the rendered page, each with its label; keys without a field
// come last, in words, in key order.
func formSummary(page []byte, errs map[string]string) []fieldError {
	labels := map[string]pageLabel{}
	for _, m := range labelRE.FindAllSubmatchIndex(page, -1) {
		key := string(page[m[2]:m[3]])
		if _, ok := labels[key]; !ok {
			labels[key] = pageLabel{text: plainText(page[m[4]:m[5]]), target: "f-" + key, at: m[0]}
		}
	}
	for _, m := range fieldsetRE.FindAllSubmatchIndex(page, -1) {
		legend, body := plainText(page[m[2]:m[3]]), page[m[4]:m[5]]
		target := ""
		if id := inputIDRE.FindSubmatch(body); id != nil {
			target = string(id[1])
		}
		for _, n := range nameRE.FindAllSubmatch(body, -1) {
			if _, ok := labels[string(n[1])]; !ok {
				labels[string(n[1])] = pageLabel{text: legend, target: target, at: m[0]}
			}
		}
	}
	type entry struct {
		fieldError
		key string
		at  int
	}
	var out []entry
	for key, msg := range errs {
		e := entry{fieldError: fieldError{Label: inWords(key), Message: msg}, key: key, at: len(page)}
		if l, ok := labels[key]; ok && l.text != "" {
			e.Label, e.Target, e.at = l.text, l.target, l.at
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b entry) int { return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.key, b.key)) })
	summary := make([]fieldError, len(out))
	for i, e := range out {
		summary[i] = e.fieldError
	}
	return summary
}

// plainText is the text of an HTML fragment, tags dropped and white space
// collapsed.
func plainText(b []byte) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(string(b), " "))), " ")
}

// inWords writes a field key a person can read: "hours_per_month" as
// "hours per month". A row and column of an uploaded file, "row 7:
// job_title", stays as it is: the column is named so in the file.
func inWords(key string) string {
	if strings.Contains(key, " ") {
		return key
	}
	return strings.NewReplacer("_", " ", ".", " ").Replace(key)
}
