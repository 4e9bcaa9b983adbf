package assess

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Texts a respondent reads (the title, the description, the consent
// statement, the answer labels, page titles and intros, statements and
// options) may be written in several languages. In the file such a text
// is a string, in the questionnaire's source language, or a mapping of
// BCP 47 language tags to strings:
//
//	text: {en: "I plan my week.", es: "Planifico mi semana.", de: "Ich plane meine Woche."}
//
// The decoder keeps every such text with its translations and where it
// stands in the definition, so that Parse can build the questionnaire in
// each language it offers (In) and validate can list every missing, extra
// or mismatched translation.

// textEntry is one translatable text as written.
type textEntry struct {
	// subject and field name the text in messages: "item inf1", "text".
	subject, field string
	line           int
	// plain is set for a string: it is the source language's text only.
	plain bool
	// byLang holds the text of each language written, lines their lines,
	// order the languages in file order.
	byLang map[string]string
	lines  map[string]int
	order  []string
	// set writes a text in the same place of another copy of the
	// definition (a questionnaire in another language).
	set func(q *Questionnaire, s string)
}

// text decodes the translatable text under key: a string in the source
// language or a mapping of language tags to strings. It returns the source
// language's text ("" when missing) and records the entry, placed by set.
func (d *decoder) text(f fields, key, subject string, set func(*Questionnaire, string)) string {
	n, ok := f.nodes[key]
	if !ok {
		return ""
	}
	return d.textNode(n, key, subject, set)
}

// textNode decodes one translatable text node (see text).
func (d *decoder) textNode(n *yaml.Node, field, subject string, set func(*Questionnaire, string)) string {
	e := &textEntry{subject: subject, field: field, line: n.Line, set: set}
	switch n.Kind {
	case yaml.ScalarNode:
		v := ""
		if n.Tag != "!!null" {
			v = strings.TrimSpace(n.Value)
		}
		e.plain = true
		e.byLang = map[string]string{d.source: v}
		e.lines = map[string]int{d.source: n.Line}
		e.order = []string{d.source}
		d.texts = append(d.texts, e)
		return v
	case yaml.MappingNode:
		e.byLang, e.lines = map[string]string{}, map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				d.add(k.Line, subject, "%s has a key that is not a language tag", field)
				continue
			}
			tag := strings.TrimSpace(k.Value)
			if _, dup := e.byLang[tag]; dup {
				d.add(k.Line, subject, "%s: the %s text is given twice", field, tag)
				continue
			}
			if v.Kind != yaml.ScalarNode {
				d.add(v.Line, subject, "%s: the %s text must be text, not %s", field, tag, describe(v))
				continue
			}
			s := ""
			if v.Tag != "!!null" {
				s = strings.TrimSpace(v.Value)
			}
			e.byLang[tag], e.lines[tag] = s, v.Line
			e.order = append(e.order, tag)
		}
		d.texts = append(d.texts, e)
		return e.byLang[d.source]
	}
	d.add(n.Line, subject, "%s must be text, or a mapping of language tags to texts, not %s", field, describe(n))
	return ""
}

// textList decodes a list of translatable texts (the scale's labels, each
// named "label N" in messages), with their lines; set places the i-th text.
func (d *decoder) textList(f fields, key, subject string, set func(q *Questionnaire, i int, s string)) ([]string, []int) {
	var vals []string
	var lines []int
	for i, n := range d.seq(f, key, subject) {
		vals = append(vals, d.textNode(n, fmt.Sprintf("label %d", i+1), subject, func(q *Questionnaire, s string) { set(q, i, s) }))
		lines = append(lines, n.Line)
	}
	return vals, lines
}

// placeholderPattern finds the placeholders of a text: a word in braces
// such as {organisation}, which rolefit fills in when it shows the text.
var placeholderPattern = regexp.MustCompile(`\{[A-Za-z_][A-Za-z0-9_]*\}`)

// placeholders returns the distinct placeholders of s, sorted.
func placeholders(s string) []string {
	ps := placeholderPattern.FindAllString(s, -1)
	slices.Sort(ps)
	return slices.Compact(ps)
}

// PlaceholderOrganisation is the placeholder a description, a page's intro
// or the consent statement may use for the inviting organisation's name.
const PlaceholderOrganisation = "{organisation}"
