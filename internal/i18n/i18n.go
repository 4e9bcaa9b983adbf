// Package i18n holds rolefit's message catalogues: every text a
// respondent reads that is not the questionnaire's own (the welcome and
// consent, the question pages and their errors, the review, the thank-you
// page, the invitation e-mail), in each language rolefit offers, with
// plural rules and each language's way of writing dates and numbers.
//
// A language is one file, messages/TAG.json (TAG a BCP 47 tag): a JSON
// object of message keys to texts. A text is a format for fmt-style
// arguments ("Page %[1]d of %[2]d"), or, where a number decides the
// wording, an object of CLDR plural forms ("one", "other", and "zero",
// "two", "few" or "many" where the language has them) chosen by the
// first argument, or by the argument named in "arg". Every file has the
// same keys as en.json, the same arguments in each, and a translation is
// shown through golang.org/x/text/message, whose printer also writes the
// language's numbers (1,234 in English, 1.234 in German). The catalogue
// tests fail when a file misses a key or changes an argument.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

//go:embed messages/*.json messages/manager/*.json
var files embed.FS

// Source is the language every other catalogue translates, and the one
// shown when a key has no translation.
const Source = "en"

// Catalogue is the messages of every language rolefit offers. Build it
// with Load or Shipped; it is read-only afterwards and safe to share.
type Catalogue struct {
	cat   *catalog.Builder
	langs []string // the source first, then the others sorted
	keys  map[string]map[string]entry
	// manager holds the manager pages' messages by language (also in
	// keys): needed in Source only.
	manager map[string]map[string]entry
	// printers holds x/text's printer of each language, made once: a
	// printer is read-only once made (each Sprintf takes its own state),
	// and making one resolves the language and its number formats, a
	// good part of a question page's own work.
	printers map[string]*message.Printer
}

// entry is one message as written in a file.
type entry struct {
	text   string            // a plain format
	forms  map[string]string // or plural forms
	arg    int               // the argument the forms are chosen by
	plural bool
	// fixed is set for a text without arguments or a literal %: it reads
	// as written.
	fixed bool
}

var (
	shippedOnce sync.Once
	shipped     *Catalogue
	shippedErr  error
)

// Shipped returns the catalogues built into rolefit. It panics if they do
// not load, which the package's tests rule out.
func Shipped() *Catalogue {
	shippedOnce.Do(func() {
		sub, _ := fs.Sub(files, "messages")
		shipped, shippedErr = Load(sub)
	})
	if shippedErr != nil {
		panic("i18n: shipped catalogues: " + shippedErr.Error())
	}
	return shipped
}

// Load reads every TAG.json file at the root of fsys, and the manager
// pages' messages under manager/: files named TAG.json or TAG.AREA.json
// (en.people.json), each key in one file only. A manager page's message
// is needed in Source only; a language without it shows Source's words,
// so a language is added to the manager pages as a file.
func Load(fsys fs.FS) (*Catalogue, error) {
	names, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, err
	}
	c := &Catalogue{cat: catalog.NewBuilder(catalog.Fallback(language.Make(Source))), keys: map[string]map[string]entry{},
		manager: map[string]map[string]entry{}}
	if err := c.loadManager(fsys); err != nil {
		return nil, err
	}
	for _, name := range names {
		tag := strings.TrimSuffix(path.Base(name), ".json")
		t, err := language.Parse(tag)
		if err != nil || t.String() != tag {
			return nil, fmt.Errorf("message file %s: the name must be a BCP 47 language tag such as es.json", name)
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		entries, err := parseFile(data)
		if err != nil {
			return nil, fmt.Errorf("message file %s: %w", name, err)
		}
		for key, e := range entries {
			if _, dup := c.manager[tag][key]; dup {
				return nil, fmt.Errorf("message file %s: %s is also a manager page's message", name, key)
			}
			if err := c.set(t, key, e); err != nil {
				return nil, fmt.Errorf("message file %s: %s: %w", name, key, err)
			}
		}
		maps.Copy(entries, c.manager[tag])
		c.keys[tag] = entries
		c.langs = append(c.langs, tag)
	}
	if _, ok := c.keys[Source]; !ok {
		return nil, fmt.Errorf("no %s.json, the language every other catalogue translates", Source)
	}
	c.printers = make(map[string]*message.Printer, len(c.langs))
	for _, l := range c.langs {
		c.printers[l] = message.NewPrinter(language.Make(l), message.Catalog(c.cat))
	}
	slices.SortFunc(c.langs, func(a, b string) int {
		switch {
		case a == Source:
			return -1
		case b == Source:
			return 1
		}
		return strings.Compare(a, b)
	})
	return c, nil
}

// parseFile reads one file's messages.
func parseFile(data []byte) (map[string]entry, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	out := make(map[string]entry, len(raw))
	for key, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			out[key] = entry{text: s, fixed: !strings.Contains(s, "%")}
			continue
		}
		var forms map[string]any
		if err := json.Unmarshal(v, &forms); err != nil {
			return nil, fmt.Errorf("%s: a message is text or an object of plural forms", key)
		}
		e := entry{plural: true, forms: map[string]string{}, arg: 1}
		for form, f := range forms {
			switch {
			case form == "arg":
				n, ok := f.(float64)
				if !ok || n < 1 || n != float64(int(n)) {
					return nil, fmt.Errorf("%s: arg must be the number of an argument, from 1", key)
				}
				e.arg = int(n)
			case slices.Contains(pluralForms, form):
				s, ok := f.(string)
				if !ok {
					return nil, fmt.Errorf("%s: the %s form must be text", key, form)
				}
				e.forms[form] = s
			default:
				return nil, fmt.Errorf("%s: %q is not a plural form (%s)", key, form, strings.Join(pluralForms, ", "))
			}
		}
		if _, ok := e.forms["other"]; !ok {
			return nil, fmt.Errorf("%s: plural forms need \"other\"", key)
		}
		out[key] = e
	}
	return out, nil
}

// pluralForms are CLDR's plural categories, "other" last: it matches
// every number, so it is tried last.
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

func (c *Catalogue) set(t language.Tag, key string, e entry) error {
	if !e.plural {
		return c.cat.SetString(t, key, e.text)
	}
	var cases []any
	for _, form := range pluralForms {
		if f, ok := e.forms[form]; ok {
			cases = append(cases, form, f)
		}
	}
	return c.cat.Set(t, key, plural.Selectf(e.arg, "%d", cases...))
}

// Languages returns the languages with a catalogue, the source first.
func (c *Catalogue) Languages() []string { return slices.Clone(c.langs) }

// HasKey reports whether lang's catalogue has the message key.
func (c *Catalogue) HasKey(lang, key string) bool { _, ok := c.keys[lang][key]; return ok }

// Has reports whether lang has a catalogue.
func (c *Catalogue) Has(lang string) bool { _, ok := c.keys[lang]; return ok }

// Match picks, of the offered languages, the one an Accept-Language header
// asks for first, and false when it asks for none of them (a header
// asking for de-CH gets de).
func Match(acceptLanguage string, offered []string) (string, bool) {
	if acceptLanguage == "" || len(offered) == 0 {
		return "", false
	}
	asked, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(asked) == 0 {
		return "", false
	}
	_, i, conf := matcherOf(offered).Match(asked...)
	if conf == language.No {
		return "", false
	}
	return offered[i], true
}

// printer returns x/text's printer of lang, one of the catalogue's.
func (c *Catalogue) printer(lang string) *message.Printer { return c.printers[lang] }

// matchers keeps a language.Matcher for each list of offered languages:
// making one is far dearer than matching, and a respondent's page asks
// on every view.
var matchers sync.Map // "en,es,de" → language.Matcher

func matcherOf(offered []string) language.Matcher {
	key := strings.Join(offered, ",")
	if m, ok := matchers.Load(key); ok {
		return m.(language.Matcher)
	}
	tags := make([]language.Tag, len(offered))
	for i, o := range offered {
		tags[i] = language.Make(o)
	}
	m, _ := matchers.LoadOrStore(key, language.NewMatcher(tags))
	return m.(language.Matcher)
}

// loadManager reads the manager pages' messages, manager/TAG.json and
// manager/TAG.AREA.json, into c.manager, and sets them in the catalogue.
func (c *Catalogue) loadManager(fsys fs.FS) error {
	names, err := fs.Glob(fsys, "manager/*.json")
	if err != nil {
		return err
	}
	for _, name := range names {
		tag, _, _ := strings.Cut(strings.TrimSuffix(path.Base(name), ".json"), ".")
		t, err := language.Parse(tag)
		if err != nil || t.String() != tag {
			return fmt.Errorf("message file %s: the name must start with a BCP 47 language tag, as en.people.json", name)
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		entries, err := parseFile(data)
		if err != nil {
			return fmt.Errorf("message file %s: %w", name, err)
		}
		if c.manager[tag] == nil {
			c.manager[tag] = map[string]entry{}
		}
		for key, e := range entries {
			if _, dup := c.manager[tag][key]; dup {
				return fmt.Errorf("message file %s: %s is in another %s file too", name, key, tag)
			}
			if err := c.set(t, key, e); err != nil {
				return fmt.Errorf("message file %s: %s: %w", name, key, err)
			}
			c.manager[tag][key] = e
		}
	}
	for tag := range c.manager {
		if _, ok := c.manager[Source]; !ok || tag != Source && len(c.manager[Source]) == 0 {
			return fmt.Errorf("manager pages' messages in %s but none in %s, the language they translate", tag, Source)
		}
	}
	return nil
}
