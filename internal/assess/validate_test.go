package assess

import (
	"errors"
	"strings"
	"testing"
)

// validBase is a small valid definition; the cases below break it. Lines:
// 1 id, 2 version, 3 title, 4 response_scale, 5 composites, 6 hunter,
// 7 scales, 8 s1, 9 pages, 10 items, 11 i1, 12 i2.
const validBase = `id: t
version: 1
title: T
response_scale: {min: 1, max: 5, labels: [a, b, c, d, e]}
composites:
  - {id: hunter, name: H}
scales:
  - {id: s1, name: S1, composite: hunter}
pages:
  - items:
      - {id: i1, text: one, scale: s1, key: 1}
      - {id: i2, text: two, scale: s1, key: -1}
`

// edit returns validBase with old replaced by new; old must occur.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(validBase, old) {
		t.Fatalf("validBase has no %q", old)
	}
	return strings.Replace(validBase, old, new, 1)
}

func TestValidBaseIsValid(t *testing.T) {
	if _, err := Parse("t.yaml", []byte(validBase)); err != nil {
		t.Fatalf("validBase: %v", err)
	}
}

func TestValidationErrors(t *testing.T) {
	extraItem := func(item string) string {
		return validBase + "      - " + item + "\n" // line 13
	}
	withPairs := func(kind, pairs string) string {
		// line 13: check item c1; 14 pairs; 15 the list
		return validBase + "      - {id: c1, text: x, check: 2}\n      - {id: i3, text: three, scale: s1, key: 1}\npairs:\n  " + kind + ": " + pairs + "\n"
	}
	tests := []struct {
		name string
		yaml string
		want []string // each a whole line of the error
	}{
		{"unknown scale", edit(t, "text: two, scale: s1", "text: two, scale: s9"), []string{
			`t.yaml:12: item i2: scale "s9" is not defined under scales`,
			`t.yaml:8: scale s1: has 1 item(s); a scale needs at least 2`,
		}},
		{"duplicate item ID", edit(t, "id: i2", "id: i1"), []string{
			`t.yaml:12: item i1: ID is already used on page 1`,
		}},
		{"key not 1 or -1", edit(t, "key: -1", "key: 2"), []string{
			`t.yaml:12: item i2: key must be 1 (scored as answered) or -1 (reversed), not 2`,
		}},
		{"key missing", edit(t, ", key: -1", ""), []string{
			`t.yaml:12: item i2: key is missing: give key: 1 (scored as answered) or key: -1 (reversed)`,
		}},
		{"key not a number", edit(t, "key: -1", "key: minus"), []string{
			`t.yaml:12: item i2: key must be a whole number, not the text "minus"`,
		}},
		{"label count", edit(t, "[a, b, c, d, e]", "[a, b, c, d]"), []string{
			`t.yaml:4: response_scale: has 4 labels for 5 answers (1..5); give one label per answer`,
		}},
		{"empty label", edit(t, "[a, b, c, d, e]", `[a, b, "", d, e]`), []string{
			`t.yaml:4: response_scale: label 3 is empty`,
		}},
		{"min not below max", edit(t, "{min: 1, max: 5", "{min: 5, max: 5"), []string{
			`t.yaml:4: response_scale: min (5) must be less than max (5)`,
		}},
		{"too many points", edit(t, "max: 5", "max: 20"), []string{
			`t.yaml:4: response_scale: has 20 points; at most 11 are supported`,
		}},
		{"huge scale values", edit(t, "{min: 1, max: 5", "{min: -9223372036854775807, max: 9223372036854775807"), []string{
			`t.yaml:4: response_scale: min and max must lie between -1000 and 1000`,
		}},
		{"response scale missing labels", edit(t, ", labels: [a, b, c, d, e]", ""), []string{
			`t.yaml:4: response_scale: required field "labels" is missing`,
		}},
		{"empty text", edit(t, "text: one", `text: ""`), []string{
			`t.yaml:11: item i1: text is empty`,
		}},
		{"unknown field", edit(t, "scale: s1, key: -1", "scael: s1, key: -1"), []string{
			`t.yaml:12: item i2: unknown field "scael" in an item (known: id, text, scale, key, check, virtue, options)`,
			`t.yaml:12: item i2: key is given but scale is missing`,
		}},
		{"unknown top-level field", validBase + "titel: x\n", []string{
			`t.yaml:13: unknown field "titel" in the file (known: id, version, title, description, audience, minutes, language, languages, translations, consent, response_scale, composites, scales, pages, pairs)`,
		}},
		{"field given twice", edit(t, "title: T\n", "title: T\ntitle: U\n"), []string{
			`t.yaml:4: field "title" is given twice`,
		}},
		{"check off the scale", extraItem("{id: c1, text: x, check: 7}"), []string{
			`t.yaml:13: item c1: check expects 7, which is not on the response scale 1..5`,
		}},
		{"two kinds", extraItem("{id: c1, text: x, check: 2, virtue: true}"), []string{
			`t.yaml:13: item c1: has check and virtue: an item must be exactly one of scored (scale and key), check, virtue or choice (options)`,
		}},
		{"no kind", extraItem("{id: c1, text: x}"), []string{
			`t.yaml:13: item c1: says neither scale and key, check, virtue nor options: an item must be exactly one of scored, check, virtue or choice`,
		}},
		{"virtue false", extraItem("{id: v1, text: x, virtue: false}"), []string{
			`t.yaml:13: item v1: virtue: false makes no item; write virtue: true or leave the item out`,
		}},
		{"item id missing", extraItem("{text: x, check: 2}"), []string{
			`t.yaml:13: page 1 item 3: id is missing`,
		}},
		{"bad item id", extraItem(`{id: "a b", text: x, check: 2}`), []string{
			`t.yaml:13: item a b: id must be letters, digits, '_', '.' or '-', at most 64 characters`,
		}},
		{"choice with one option", extraItem("{id: p1, options: [{text: x, composite: hunter}]}"), []string{
			`t.yaml:13: item p1: has 1 option(s); a choice item needs between 2 and 10`,
		}},
		{"choice with unknown composite", extraItem("{id: p1, options: [{text: x, composite: hunter}, {text: y, composite: farmer}]}"), []string{
			`t.yaml:13: item p1: option 2: composite "farmer" is not defined under composites`,
		}},
		{"choice with the same composite twice", extraItem("{id: p1, options: [{text: x, composite: hunter}, {text: y, composite: hunter}]}"), []string{
			`t.yaml:13: item p1: options 1 and 2 both express "hunter", so choosing between them says nothing`,
		}},
		{"choice option without text", extraItem("{id: p1, options: [{text: x, composite: hunter}, {composite: farmer}]}"), []string{
			`t.yaml:13: item p1: option 2: text is empty`,
		}},
		{"choice option with unknown field", extraItem("{id: p1, options: [{text: x, composite: hunter}, {text: y, composit: hunter}]}"), []string{
			`t.yaml:13: item p1: unknown field "composit" in option 2 (known: text, composite)`,
			`t.yaml:13: item p1: option 2: composite is missing; each option names the composite it expresses`,
		}},
		{"pair naming a missing item", withPairs("synonyms", "[[i1, i9]]"), []string{
			`t.yaml:16: synonym pair 1: item "i9" is not defined`,
		}},
		{"pair on a check item", withPairs("antonyms", "[[i1, c1]]"), []string{
			`t.yaml:16: antonym pair 1: item c1 is not a scored item; pairs compare answers to scored agree-scale items`,
		}},
		{"pair with the same item twice", withPairs("synonyms", "[[i1, i1]]"), []string{
			`t.yaml:16: synonym pair 1: names i1 twice; a pair needs two different items`,
		}},
		{"pair with three items", withPairs("synonyms", "[[i1, i3, i2]]"), []string{
			`t.yaml:16: synonym pair 1: has 3 entries; a pair names exactly two items`,
		}},
		{"pair that is not a list", withPairs("synonyms", "[i1]"), []string{
			`t.yaml:16: synonym pair 1: must be a list of two item IDs like [inf1, inf4], not the text "i1"`,
		}},
		{"pair listed twice", withPairs("synonyms", "[[i1, i3], [i3, i1]]"), []string{
			`t.yaml:16: synonym pair 2: pairs i3 and i1 again (already a synonym pair)`,
		}},
		{"synonyms keyed oppositely", withPairs("synonyms", "[[i1, i2]]"), []string{
			`t.yaml:16: synonym pair 1: i1 and i2 are on scale s1 but keyed in opposite directions, so they cannot mean the same`,
		}},
		{"antonyms keyed alike", withPairs("antonyms", "[[i1, i3]]"), []string{
			`t.yaml:16: antonym pair 1: i1 and i3 are on scale s1 and keyed in the same direction, so they cannot mean the opposite`,
		}},
		{"unknown pair kind", validBase + "pairs:\n  synonym: [[i1, i2]]\n", []string{
			`t.yaml:14: pairs: unknown field "synonym" in pairs (known: synonyms, antonyms)`,
		}},
		{"duplicate scale ID", edit(t, "  - {id: s1, name: S1, composite: hunter}\n", "  - {id: s1, name: S1, composite: hunter}\n  - {id: s1, name: S2}\n"), []string{
			`t.yaml:9: scale s1: ID is used by another scale`,
		}},
		{"duplicate composite ID", edit(t, "  - {id: hunter, name: H}\n", "  - {id: hunter, name: H}\n  - {id: hunter, name: H2}\n"), []string{
			`t.yaml:7: composite hunter: ID is used by another composite`,
		}},
		{"scale naming an unknown composite", edit(t, "composite: hunter}", "composite: hunterr}"), []string{
			`t.yaml:8: scale s1: composite "hunterr" is not defined under composites`,
			`t.yaml:6: composite hunter: no scale belongs to it`,
		}},
		{"composite with no scales", edit(t, "  - {id: hunter, name: H}\n", "  - {id: hunter, name: H}\n  - {id: farmer, name: F}\n"), []string{
			`t.yaml:7: composite farmer: no scale belongs to it`,
		}},
		{"scale ID equal to a composite ID", edit(t, "  - {id: hunter, name: H}\n", "  - {id: hunter, name: H}\n  - {id: s1, name: F}\n"), []string{
			`t.yaml:9: scale s1: ID is also a composite's ID; give them different IDs`,
		}},
		{"scale without a name", edit(t, "name: S1, ", ""), []string{
			`t.yaml:8: scale s1: name is empty`,
		}},
		{"no scales", edit(t, "scales:\n  - {id: s1, name: S1, composite: hunter}\n", "scales: []\n"), []string{
			`t.yaml:7: scales is empty; give at least one scale`,
		}},
		{"audience", edit(t, "title: T\n", "title: T\naudience: [candidate, boss, candidate]\n"), []string{
			`t.yaml:4: audience "boss" is not one of candidate, staff, manager`,
			`t.yaml:4: audience "candidate" is listed twice`,
		}},
		{"version 0", edit(t, "version: 1", "version: 0"), []string{
			`t.yaml:2: version must be a whole number of 1 or more`,
		}},
		{"version as text", edit(t, "version: 1", "version: one"), []string{
			`t.yaml:2: version must be a whole number, not the text "one"`,
		}},
		{"version as a fraction", edit(t, "version: 1", "version: 1.5"), []string{
			`t.yaml:2: version must be a whole number, not "1.5"`,
		}},
		{"id format", edit(t, "id: t\n", "id: Sales_Service\n"), []string{
			`t.yaml:1: id "Sales_Service" must be lower-case letters and digits joined by hyphens, like sales-service, at most 64 characters`,
		}},
		{"minutes 0", edit(t, "title: T\n", "title: T\nminutes: 0\n"), []string{
			`t.yaml:4: minutes must be between 1 and 600`,
		}},
		{"missing fields", "id: t\nversion: 1\n", []string{
			`t.yaml: required field "title" is missing`,
			`t.yaml: required field "response_scale" is missing`,
			`t.yaml: required field "scales" is missing`,
			`t.yaml: required field "pages" is missing`,
		}},
		{"page without items", validBase + "  - title: Empty\n    items: []\n", []string{
			`t.yaml:13: page 2: has no items`,
		}},
		{"items not a list", validBase + "  - title: Odd\n    items: {id: x}\n", []string{
			`t.yaml:14: page 2: items must be a list, not a mapping`,
		}},
		{"text as a list", edit(t, "text: one", "text: [one]"), []string{
			`t.yaml:11: item i1: text must be text, or a mapping of language tags to texts, not a list`,
		}},
		// The YAML parser reports the line where the open construct began.
		{"invalid YAML", "id: t\nversion: [1\ntitle: x\n", []string{
			`t.yaml:1: invalid YAML: did not find expected ',' or ']'`,
		}},
		{"two documents", validBase + "---\nid: u\n", []string{
			`t.yaml:13: file holds more than one YAML document; put each questionnaire in its own file`,
		}},
		{"aliases", edit(t, "title: T\n", "title: &a T\ndescription: *a\n"), []string{
			`t.yaml:3: YAML anchors and aliases (&name, *name) are not supported; write the content out`,
		}},
		{"empty file", "  \n# only a comment\n", []string{
			`t.yaml: file is empty`,
		}},
		{"a list, not a mapping", "- a\n- b\n", []string{
			`t.yaml:1: the file must be a mapping of keys to values, not a list`,
		}},
		{"a scalar", "hello\n", []string{
			`t.yaml:1: the file must be a mapping of keys to values, not the text "hello"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse("t.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("Parse accepted it: %s", q)
			}
			if q != nil {
				t.Errorf("Parse returned a questionnaire with an error")
			}
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error is %T, want *LoadError", err)
			}
			lines := strings.Split(err.Error(), "\n")
			for _, w := range tt.want {
				found := false
				for _, l := range lines {
					found = found || l == w
				}
				if !found {
					t.Errorf("missing problem\n  want %s\n  got  %s", w, strings.Join(lines, "\n       "))
				}
			}
		})
	}
}

// Every problem of a file is reported at once, not only the first.
func TestValidationReportsEveryProblem(t *testing.T) {
	src := strings.NewReplacer(
		"version: 1", "version: 0",
		"text: one, scale: s1", "text: one, scale: nope",
		"key: -1", "key: 3",
	).Replace(validBase)
	_, err := Parse("t.yaml", []byte(src))
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("Parse error = %v, want *LoadError", err)
	}
	want := []string{
		"t.yaml:2: version must be a whole number of 1 or more",
		`t.yaml:11: item i1: scale "nope" is not defined under scales`,
		"t.yaml:12: item i2: key must be 1 (scored as answered) or -1 (reversed), not 3",
		"t.yaml:8: scale s1: has 1 item(s); a scale needs at least 2",
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("error:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if len(le.Problems) != 4 || le.Problems[1].Subject != "item i1" || le.Problems[1].Line != 11 {
		t.Errorf("Problems = %+v", le.Problems)
	}
}

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "a.yaml", Line: 3, Subject: "item x", Msg: "bad"}, "a.yaml:3: item x: bad"},
		{Problem{File: "a.yaml", Line: 3, Msg: "bad"}, "a.yaml:3: bad"},
		{Problem{File: "a.yaml", Msg: "bad"}, "a.yaml: bad"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
