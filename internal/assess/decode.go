package assess

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// decoder walks the YAML node tree, collecting problems with their lines.
type decoder struct {
	file     string
	problems []Problem
	// source is the definition's source language, which a text written
	// as a plain string is in; texts are its translatable texts.
	source string
	texts  []*textEntry
}

func (d *decoder) add(line int, subject, format string, args ...any) {
	d.problems = append(d.problems, Problem{File: d.file, Line: line, Subject: subject, Msg: fmt.Sprintf(format, args...)})
}

func (d *decoder) err() error {
	if len(d.problems) == 0 {
		return nil
	}
	return &LoadError{Problems: d.problems}
}

// fields is a decoded YAML mapping: value nodes by key, in file order.
type fields struct {
	line  int
	nodes map[string]*yaml.Node
}

// has reports whether the key was given.
func (f fields) has(key string) bool { _, ok := f.nodes[key]; return ok }

// at returns the line of the key's value, or of the mapping when absent.
func (f fields) at(key string) int {
	if n, ok := f.nodes[key]; ok {
		return n.Line
	}
	return f.line
}

// mapping decodes a mapping node with the given known keys, reporting
// anything else: unknown keys catch typos such as "scael: influence" that
// would otherwise be silently ignored.
func (d *decoder) mapping(n *yaml.Node, subject, what string, known ...string) (fields, bool) {
	if n.Kind != yaml.MappingNode {
		d.add(n.Line, subject, "%s must be a mapping of keys to values, not %s", what, describe(n))
		return fields{line: n.Line}, false
	}
	f := fields{line: n.Line, nodes: make(map[string]*yaml.Node, len(n.Content)/2)}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.add(k.Line, subject, "%s has a key that is not a plain name", what)
			continue
		}
		if !contains(known, k.Value) {
			d.add(k.Line, subject, "unknown field %q in %s (known: %s)", k.Value, what, strings.Join(known, ", "))
			continue
		}
		if _, dup := f.nodes[k.Value]; dup {
			d.add(k.Line, subject, "field %q is given twice", k.Value)
			continue
		}
		f.nodes[k.Value] = v
	}
	return f, true
}

// str decodes a scalar as text; any scalar's literal text is accepted (so
// "text: 42" is the text "42"), null is the empty string.
func (d *decoder) str(f fields, key, subject string) string {
	n, ok := f.nodes[key]
	if !ok {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		d.add(n.Line, subject, "%s must be text, not %s", key, describe(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// integer decodes a scalar as a whole number.
func (d *decoder) integer(f fields, key, subject string) (int, bool) {
	n, ok := f.nodes[key]
	if !ok {
		return 0, false
	}
	var v int
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" || n.Decode(&v) != nil {
		d.add(n.Line, subject, "%s must be a whole number, not %s", key, describe(n))
		return 0, false
	}
	return v, true
}

// boolean decodes a scalar as true or false.
func (d *decoder) boolean(f fields, key, subject string) (bool, bool) {
	n, ok := f.nodes[key]
	if !ok {
		return false, false
	}
	var v bool
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || n.Decode(&v) != nil {
		d.add(n.Line, subject, "%s must be true or false, not %s", key, describe(n))
		return false, false
	}
	return v, true
}

// seq returns the elements of a sequence; null counts as empty.
func (d *decoder) seq(f fields, key, subject string) []*yaml.Node {
	n, ok := f.nodes[key]
	if !ok || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.add(n.Line, subject, "%s must be a list, not %s", key, describe(n))
		return nil
	}
	return n.Content
}

// strList decodes a sequence of scalars as texts, with their lines.
func (d *decoder) strList(f fields, key, subject string) ([]string, []int) {
	var vals []string
	var lines []int
	for _, n := range d.seq(f, key, subject) {
		if n.Kind != yaml.ScalarNode {
			d.add(n.Line, subject, "each entry of %s must be text, not %s", key, describe(n))
			continue
		}
		v := n.Value
		if n.Tag == "!!null" {
			v = ""
		}
		vals = append(vals, strings.TrimSpace(v))
		lines = append(lines, n.Line)
	}
	return vals, lines
}

// describe names a node's type for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "nothing"
		case "!!int", "!!float", "!!bool":
			return strconv.Quote(n.Value)
		}
		v := n.Value
		if len(v) > 40 {
			v = v[:40] + "…"
		}
		return "the text " + strconv.Quote(v)
	}
	return "something else"
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// rawDoc is a decoded definition with the lines the validator reports.
type rawDoc struct {
	q          *Questionnaire
	top        fields
	scale      fields
	labelLines []int
	audLines   []int
	langLines  []int
	notes      fields
	texts      []*textEntry
	composites []fields
	scales     []fields
	pages      []rawPage
	pairs      fields
	synonyms   []rawPair
	antonyms   []rawPair
}

type rawPage struct {
	f     fields
	items []rawItem
}

type rawItem struct {
	f       fields
	kind    ItemKind // set by validate
	virtue  bool
	options []fields
}

// rawPair is one pair as written: it may not have two entries.
type rawPair struct {
	line int
	ids  []string
}

// decode turns the root node into a Questionnaire and the lines behind it,
// reporting type errors and unknown fields. Semantic rules are validate's.
func (d *decoder) decode(root *yaml.Node) *rawDoc {
	raw := &rawDoc{q: &Questionnaire{}}
	q := raw.q
	top, ok := d.mapping(root, "", "the file",
		"id", "version", "title", "description", "audience", "minutes",
		"language", "languages", "translations", "consent",
		"response_scale", "composites", "scales", "pages", "pairs")
	raw.top = top
	if !ok {
		return raw
	}
	q.line = top.at("id")
	q.ID = d.str(top, "id", "")
	q.Version, _ = d.integer(top, "version", "")
	// The languages first: a text written as a plain string is in the
	// source language.
	q.Language = d.str(top, "language", "")
	if !top.has("language") {
		q.Language = DefaultLanguage
	}
	d.source = q.Language
	q.Languages, raw.langLines = d.strList(top, "languages", "")
	q.Translations = d.notes(top, raw)
	q.Title = d.text(top, "title", "", func(c *Questionnaire, s string) { c.Title = s })
	q.Description = d.text(top, "description", "", func(c *Questionnaire, s string) { c.Description = s })
	q.Consent = d.text(top, "consent", "", func(c *Questionnaire, s string) { c.Consent = s })
	q.Audience, raw.audLines = d.strList(top, "audience", "")
	q.Minutes, _ = d.integer(top, "minutes", "")

	if n, ok := top.nodes["response_scale"]; ok {
		if f, ok := d.mapping(n, "response_scale", "response_scale", "min", "max", "labels"); ok {
			raw.scale = f
			q.Scale.Min, _ = d.integer(f, "min", "response_scale")
			q.Scale.Max, _ = d.integer(f, "max", "response_scale")
			q.Scale.Labels, raw.labelLines = d.textList(f, "labels", "response_scale",
				func(c *Questionnaire, i int, s string) { c.Scale.Labels[i] = s })
		}
	}

	for i, n := range d.seq(top, "composites", "") {
		f, _ := d.mapping(n, fmt.Sprintf("composite %d", i+1), "a composite", "id", "name", "description")
		c := Composite{ID: d.str(f, "id", ""), Name: d.str(f, "name", ""), Description: d.str(f, "description", "")}
		q.Composites = append(q.Composites, c)
		raw.composites = append(raw.composites, f)
	}
	for i, n := range d.seq(top, "scales", "") {
		f, _ := d.mapping(n, fmt.Sprintf("scale %d", i+1), "a scale", "id", "name", "composite", "description")
		s := Scale{ID: d.str(f, "id", ""), Name: d.str(f, "name", ""), Composite: d.str(f, "composite", ""), Description: d.str(f, "description", "")}
		q.Scales = append(q.Scales, s)
		raw.scales = append(raw.scales, f)
	}
	for p, n := range d.seq(top, "pages", "") {
		subject := fmt.Sprintf("page %d", p+1)
		f, _ := d.mapping(n, subject, "a page", "title", "intro", "items")
		page := Page{Title: d.text(f, "title", subject, func(c *Questionnaire, s string) { c.Pages[p].Title = s }),
			Intro: d.text(f, "intro", subject, func(c *Questionnaire, s string) { c.Pages[p].Intro = s })}
		rp := rawPage{f: f}
		for i, in := range d.seq(f, "items", subject) {
			it, ri := d.decodeItem(in, p, i)
			page.Items = append(page.Items, it)
			rp.items = append(rp.items, ri)
		}
		q.Pages = append(q.Pages, page)
		raw.pages = append(raw.pages, rp)
	}
	if n, ok := top.nodes["pairs"]; ok && !(n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		if f, ok := d.mapping(n, "pairs", "pairs", "synonyms", "antonyms"); ok {
			raw.pairs = f
			raw.synonyms = d.decodePairs(f, "synonyms")
			raw.antonyms = d.decodePairs(f, "antonyms")
		}
	}
	for _, p := range raw.synonyms {
		if len(p.ids) == 2 {
			q.Pairs.Synonyms = append(q.Pairs.Synonyms, [2]string{p.ids[0], p.ids[1]})
		}
	}
	for _, p := range raw.antonyms {
		if len(p.ids) == 2 {
			q.Pairs.Antonyms = append(q.Pairs.Antonyms, [2]string{p.ids[0], p.ids[1]})
		}
	}
	raw.texts = d.texts
	return raw
}

// notes decodes translations: how each translation was made, by language.
func (d *decoder) notes(top fields, raw *rawDoc) map[string]string {
	n, ok := top.nodes["translations"]
	if !ok || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.add(n.Line, "translations", "must be a mapping of language tags to notes of how each translation was made, not %s", describe(n))
		return nil
	}
	out := map[string]string{}
	raw.notes = fields{line: n.Line, nodes: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		tag := strings.TrimSpace(k.Value)
		if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
			d.add(k.Line, "translations", "each entry must be a language tag and a note of how that translation was made")
			continue
		}
		if _, dup := out[tag]; dup {
			d.add(k.Line, "translations", "%s is given twice", tag)
			continue
		}
		out[tag] = strings.TrimSpace(v.Value)
		raw.notes.nodes[tag] = k
	}
	return out
}

// decodeItem decodes item i of page p.
func (d *decoder) decodeItem(n *yaml.Node, p, i int) (Item, rawItem) {
	subject := fmt.Sprintf("page %d item %d", p+1, i+1)
	var it Item
	var ri rawItem
	// Name the item by its ID in every message, even those about fields
	// before the id.
	if id := peekID(n); id != "" {
		subject = "item " + id
	}
	f, ok := d.mapping(n, subject, "an item", "id", "text", "scale", "key", "check", "virtue", "options")
	ri.f = f
	if !ok {
		return it, ri
	}
	it.ID = d.str(f, "id", subject)
	it.Text = d.text(f, "text", subject, func(c *Questionnaire, s string) { c.Pages[p].Items[i].Text = s })
	it.Scale = d.str(f, "scale", subject)
	it.Key, _ = d.integer(f, "key", subject)
	it.Check, _ = d.integer(f, "check", subject)
	ri.virtue, _ = d.boolean(f, "virtue", subject)
	for o, on := range d.seq(f, "options", subject) {
		of, _ := d.mapping(on, subject, fmt.Sprintf("option %d", o+1), "text", "composite")
		text := ""
		if tn, ok := of.nodes["text"]; ok {
			text = d.textNode(tn, fmt.Sprintf("option %d", o+1), subject,
				func(c *Questionnaire, s string) { c.Pages[p].Items[i].Options[o].Text = s })
		}
		it.Options = append(it.Options, Option{Text: text, Composite: d.str(of, "composite", subject)})
		ri.options = append(ri.options, of)
	}
	return it, ri
}

// peekID returns the scalar value of a mapping's "id" key, or "".
func peekID(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "id" && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			return strings.TrimSpace(v.Value)
		}
	}
	return ""
}

// decodePairs decodes a list of two-item lists.
func (d *decoder) decodePairs(f fields, key string) []rawPair {
	var out []rawPair
	for i, n := range d.seq(f, key, "pairs") {
		subject := fmt.Sprintf("%s pair %d", strings.TrimSuffix(key, "s"), i+1)
		if n.Kind != yaml.SequenceNode {
			d.add(n.Line, subject, "must be a list of two item IDs like [inf1, inf4], not %s", describe(n))
			out = append(out, rawPair{line: n.Line})
			continue
		}
		p := rawPair{line: n.Line}
		for _, e := range n.Content {
			if e.Kind != yaml.ScalarNode || e.Tag == "!!null" {
				d.add(e.Line, subject, "entries must be item IDs, not %s", describe(e))
				p.ids = append(p.ids, "")
				continue
			}
			p.ids = append(p.ids, strings.TrimSpace(e.Value))
		}
		out = append(out, p)
	}
	return out
}
