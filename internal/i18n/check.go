package i18n

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Problems lists what is wrong with the catalogues against Source: a key
// a language misses or has beyond Source's, a message whose arguments or
// {placeholders} differ from Source's, and plural forms a language's
// numbers need but its message lacks. Loading does not refuse such
// catalogues (a missing key is shown in Source's words); the tests do.
func (c *Catalogue) Problems() []string {
	var out []string
	for _, lang := range c.langs {
		for _, key := range sortedKeys(c.keys[lang]) {
			if c.keys[lang][key].strayPercent() {
				out = append(out, fmt.Sprintf("%s: %s has a %% that is no verb (write %%%% for a percent sign)", lang, key))
			}
		}
	}
	src := c.keys[Source]
	for _, lang := range c.langs {
		if lang == Source {
			continue
		}
		msgs := c.keys[lang]
		needs := formsOf(lang)
		for _, key := range sortedKeys(src) {
			e, ok := msgs[key]
			if !ok {
				if _, managers := c.manager[Source][key]; !managers {
					// A manager page's message may wait for its
					// translation: the page shows Source's words.
					out = append(out, fmt.Sprintf("%s.json: %s is missing", lang, key))
				}
				continue
			}
			if got, want := e.arguments(), src[key].arguments(); !slices.Equal(got, want) {
				out = append(out, fmt.Sprintf("%s.json: %s has arguments %v where %s.json has %v", lang, key, got, Source, want))
			}
			if e.plural {
				for _, f := range needs {
					if _, ok := e.forms[f]; !ok {
						out = append(out, fmt.Sprintf("%s.json: %s lacks the plural form %q, which %s numbers need", lang, key, f, lang))
					}
				}
			}
		}
		for _, key := range sortedKeys(msgs) {
			if _, ok := src[key]; !ok {
				out = append(out, fmt.Sprintf("%s.json: %s is not a key of %s.json", lang, key, Source))
			}
		}
	}
	return out
}

// verbPattern finds fmt's verbs, with an explicit argument index or not,
// and placeholders such as {n} that a page's script fills in.
var verbPattern = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])|\{[a-z_]+\}`)

// arguments lists the arguments a message uses, as "N:verb" for fmt's and
// as written for placeholders, sorted and without repeats over every form.
func (e entry) arguments() []string {
	formats := []string{e.text}
	if e.plural {
		formats = formats[:0]
		for _, f := range e.forms {
			formats = append(formats, f)
		}
	}
	var out []string
	for _, f := range formats {
		next := 1
		for _, m := range verbPattern.FindAllStringSubmatch(f, -1) {
			switch {
			case m[0][0] == '{':
				out = append(out, m[0])
			case m[4] == "%":
			default:
				n := next
				if m[2] != "" {
					n, _ = strconv.Atoi(m[2])
				}
				next = n + 1
				out = append(out, fmt.Sprintf("%d:%s", n, m[4]))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// strayPercent reports whether a form of e has a % that starts no verb,
// which fmt would show as "%!(NOVERB)" or read as an argument.
func (e entry) strayPercent() bool {
	formats := []string{e.text}
	if e.plural {
		formats = formats[:0]
		for _, f := range e.forms {
			formats = append(formats, f)
		}
	}
	for _, f := range formats {
		if strings.Contains(plainVerb.ReplaceAllString(f, ""), "%") {
			return true
		}
	}
	return false
}

// plainVerb is a verb as rolefit's messages write them: fmt's, without
// the space flag, so that "100% of" reads as a stray % rather than as the
// verb "% o".
var plainVerb = regexp.MustCompile(`%(\[\d+\])?[-+#0]*\d*(\.\d+)?[a-zA-Z%]`)

// formsOf returns the plural forms whole numbers take in lang (CLDR's
// cardinal rules), as the forms its messages must give.
func formsOf(lang string) []string {
	t := language.Make(lang)
	seen := map[plural.Form]bool{}
	for n := range 1000 {
		seen[plural.Cardinal.MatchPlural(t, n, 0, 0, 0, 0)] = true
	}
	names := map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many", plural.Other: "other"}
	var out []string
	for _, f := range pluralForms {
		for form, name := range names {
			if name == f && seen[form] {
				out = append(out, f)
			}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
