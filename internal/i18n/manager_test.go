package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The manager pages' messages are needed in the source language only: a
// language that lacks one shows the source's words and is not a problem,
// a translation present is used and checked like any other, and a key
// written twice is refused.
func TestManagerMessages(t *testing.T) {
	fsys := fstest.MapFS{
		"en.json":                 {Data: []byte(`{"hello": "Hello"}`)},
		"de.json":                 {Data: []byte(`{"hello": "Hallo"}`)},
		"manager/en.json":         {Data: []byte(`{"people.title": "People", "people.count": {"one": "%d person", "other": "%d people"}, "people.hi": "Hello %[1]s"}`)},
		"manager/en.costs.json":   {Data: []byte(`{"costs.title": "Costs of %[1]s"}`)},
		"manager/de.people.json":  {Data: []byte(`{"people.title": "Personen"}`)},
		"manager/de.costs.json":   {Data: []byte(`{"costs.title": "Kosten von %[1]s"}`)},
		"manager/de.extras.json":  {Data: []byte(`{"nowhere": "Nirgends"}`)},
		"manager/en.stray.json":   {Data: []byte(`{"people.share": "100% of them", "people.fine": "100%% of %[1]d"}`)},
		"manager/de.bad-arg.json": {Data: []byte(`{"people.count": {"one": "eine Person", "other": "%d Personen"}, "people.hi": "Hallo"}`)},
	}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.Languages(), " "); got != "en de" {
		t.Errorf("languages %q, want en de: manager files add none", got)
	}
	en, de := c.Printer("en", time.UTC), c.Printer("de", time.UTC)
	for _, tc := range []struct{ got, want string }{
		{en.T("people.title"), "People"},
		{de.T("people.title"), "Personen"},
		{en.T("costs.title", "Acme"), "Costs of Acme"},
		{de.T("costs.title", "Acme"), "Kosten von Acme"},
		{de.T("people.count", 3), "3 Personen"},
		{en.T("people.count", 1), "1 person"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if !c.HasKey("en", "people.title") || c.HasKey("en", "nowhere") {
		t.Error("HasKey does not see the manager pages' messages")
	}
	problems := strings.Join(c.Problems(), "\n")
	if strings.Contains(problems, "people.fine") {
		t.Errorf("a doubled %% is a problem: %q", problems)
	}
	for _, want := range []string{"nowhere is not a key", "people.hi has arguments", "people.share has a % that is no verb"} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems %q, want %q", problems, want)
		}
	}
	if strings.Contains(problems, "missing") {
		t.Errorf("a manager page's message missing in German is a problem: %q", problems)
	}
	for name, bad := range map[string]fstest.MapFS{
		"a key in two files": {"en.json": {Data: []byte(`{}`)}, "manager/en.json": {Data: []byte(`{"a": "A"}`)},
			"manager/en.more.json": {Data: []byte(`{"a": "B"}`)}},
		"a manager key among the respondent's": {"en.json": {Data: []byte(`{"a": "A"}`)}, "manager/en.json": {Data: []byte(`{"a": "B"}`)}},
		"a bad name":                           {"en.json": {Data: []byte(`{}`)}, "manager/english.json": {Data: []byte(`{}`)}},
		"no source messages":                   {"en.json": {Data: []byte(`{}`)}, "manager/de.json": {Data: []byte(`{"a": "A"}`)}},
	} {
		if _, err := Load(bad); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}
