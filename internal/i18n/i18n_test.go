package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Every shipped catalogue has every key of the English one and no other,
// with the same arguments, and every plural form its language's numbers
// take.
func TestShippedCataloguesAreComplete(t *testing.T) {
	c := Shipped()
	if got := strings.Join(c.Languages(), " "); got != "en de es" {
		t.Errorf("languages %s, want en de es", got)
	}
	for _, p := range c.Problems() {
		t.Error(p)
	}
}

// The check catches each way a catalogue can fall short.
func TestProblemsNameWhatIsWrong(t *testing.T) {
	fsys := fstest.MapFS{
		"en.json": {Data: []byte(`{"a": "Page %[1]d of %[2]d", "b": {"one": "%d page", "other": "%d pages"}, "c": "{n} left", "d": "x"}`)},
		"de.json": {Data: []byte(`{"a": "Seite %[1]d", "b": {"other": "%d Seiten"}, "c": "{m} offen", "e": "y"}`)},
	}
	c, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(c.Problems(), "\n")
	// A key a language lacks is written in the source language's words.
	if got := c.Printer("de", nil).T("d"); got != "x" {
		t.Errorf("a missing German key reads %q, want the English %q", got, "x")
	}
	for _, want := range []string{
		"de.json: a has arguments [1:d] where en.json has [1:d 2:d]",
		`de.json: b lacks the plural form "one", which de numbers need`,
		"de.json: c has arguments [{m}] where en.json has [{n}]",
		"de.json: d is missing",
		"de.json: e is not a key of en.json",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
}

func TestLoadRefusesBadFiles(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"no source":     {"de.json": {Data: []byte(`{}`)}},
		"bad name":      {"en.json": {Data: []byte(`{}`)}, "german.json": {Data: []byte(`{}`)}},
		"bad JSON":      {"en.json": {Data: []byte(`{"a": 1}`)}},
		"unknown form":  {"en.json": {Data: []byte(`{"a": {"some": "x", "other": "y"}}`)}},
		"no other form": {"en.json": {Data: []byte(`{"a": {"one": "x"}}`)}},
	} {
		if _, err := Load(fsys); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}

// Messages, plurals, numbers and dates in each language.
func TestPrinterWritesEachLanguage(t *testing.T) {
	c := Shipped()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone database")
	}
	at := time.Date(2026, 3, 16, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		lang                string
		one, many, date, dt string
		number              string
	}{
		{"en", "1 page", "12 pages", "16 March 2026", "16 March 2026 10:00 CET", "1,234"},
		{"es", "1 página", "12 páginas", "16 de marzo de 2026", "16 de marzo de 2026, 10:00 CET", "1.234"},
		{"de", "1 Seite", "12 Seiten", "16. März 2026", "16. März 2026, 10:00 CET", "1.234"},
	}
	for _, tt := range tests {
		p := c.Printer(tt.lang, berlin)
		got := []string{p.T("count.pages", 1), p.T("count.pages", 12), p.Date(at), p.DateTime(at), p.Number(1234)}
		want := []string{tt.one, tt.many, tt.date, tt.dt, tt.number}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: %q, want %q", tt.lang, got[i], want[i])
			}
		}
		if p.Lang() != tt.lang {
			t.Errorf("Lang() = %s, want %s", p.Lang(), tt.lang)
		}
	}
	if p := c.Printer("fr", nil); p.Lang() != "en" || p.T("page.next") != "Next" {
		t.Errorf("a language without a catalogue: %s, %q; want English", p.Lang(), p.T("page.next"))
	}
}

func TestMatch(t *testing.T) {
	offered := []string{"en", "es", "de"}
	for header, want := range map[string]string{
		"de-CH,de;q=0.9,en;q=0.8": "de",
		"es-MX":                   "es",
		"fr-FR,fr;q=0.9,es;q=0.5": "es",
		"fr-FR":                   "",
		"":                        "",
		"not a header;;;":         "",
	} {
		got, ok := Match(header, offered)
		if got != want || ok != (want != "") {
			t.Errorf("Match(%q) = %q, %v; want %q", header, got, ok, want)
		}
	}
}
