package assess

import (
	"strings"
	"testing"
)

// hashOf parses src and returns its hash.
func hashOf(t *testing.T, src string) string {
	t.Helper()
	q, err := Parse("h.yaml", []byte(src))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, src)
	}
	return q.Hash
}

// Comments, key order, flow or block style, quoting and whitespace do not
// change the hash: it is over the parsed content.
func TestHashIgnoresLayout(t *testing.T) {
	base := hashOf(t, validBase)
	relaid := `# a comment that changes nothing
title: "T"     # quoted now
version: 1
id: t
scales:
- name: S1
  composite: hunter
  id: s1
response_scale:
  labels:
    - a
    - b
    - 'c'
    - d
    - e
  max: 5
  min: 1
composites: [{name: H, id: hunter}]


pages:
  - items:
    - text: >-
        one
      id: i1
      key: 1
      scale: s1
    - {key: -1, scale: s1, id: i2, text: "two"}
`
	if got := hashOf(t, relaid); got != base {
		t.Errorf("relaid file hash %s, want %s", got, base)
	}
	if got := hashOf(t, validBase+"\n\n# trailing comment\n"); got != base {
		t.Errorf("trailing comment changed the hash")
	}
}

// Any change to the content changes the hash.
func TestHashSeesContent(t *testing.T) {
	base := hashOf(t, validBase)
	changes := []struct{ old, new string }{
		{"id: t\n", "id: u\n"},
		{"version: 1", "version: 2"},
		{"title: T", "title: T2"},
		{"[a, b, c, d, e]", "[a, b, c, d, E]"},
		{"{id: hunter, name: H}", "{id: hunter, name: Hunter}"},
		{"{id: s1, name: S1,", "{id: s1, name: S one,"},
		{"text: one", "text: one."},
		{"text: two, scale: s1, key: -1", "text: two, scale: s1, key: 1"},
		{"title: T\n", "title: T\ndescription: D\n"},
		{"title: T\n", "title: T\nminutes: 5\n"},
		{"title: T\n", "title: T\naudience: [staff]\n"},
		{"  - items:\n", "  - title: P\n    items:\n"},
		{"  - items:\n", "  - intro: Read\n    items:\n"},
	}
	seen := map[string]string{base: "base"}
	for _, c := range changes {
		src := edit(t, c.old, c.new)
		h := hashOf(t, src)
		if prev, dup := seen[h]; dup {
			t.Errorf("changing %q to %q gives the same hash as %s", c.old, c.new, prev)
		}
		seen[h] = c.new
	}
	// Swapping the two items' order is a change too.
	swapped := strings.Replace(validBase,
		"      - {id: i1, text: one, scale: s1, key: 1}\n      - {id: i2, text: two, scale: s1, key: -1}\n",
		"      - {id: i2, text: two, scale: s1, key: -1}\n      - {id: i1, text: one, scale: s1, key: 1}\n", 1)
	if hashOf(t, swapped) == base {
		t.Errorf("reordering items kept the hash")
	}
	// The source file name is not content.
	q1, _ := Parse("a.yaml", []byte(validBase))
	q2, _ := Parse("b.yaml", []byte(validBase))
	if q1.Hash != q2.Hash {
		t.Errorf("file name changed the hash")
	}
	if Hash(q1) != q1.Hash {
		t.Errorf("Hash(q) = %s, q.Hash = %s", Hash(q1), q1.Hash)
	}
}
