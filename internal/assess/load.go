package assess

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize bounds a questionnaire file. The shipped ones are a few tens
// of kilobytes; the bound keeps a mistaken upload from tying up the parser.
const MaxFileSize = 1 << 20

// Parse reads one questionnaire definition from YAML. name is the file name
// used in messages. On any problem it returns a *LoadError that lists every
// problem found, each with its line.
func Parse(name string, data []byte) (q *Questionnaire, err error) {
	// The YAML parser is third-party code; if malformed input ever makes it
	// panic, the file is refused instead of taking the server down.
	defer func() {
		if r := recover(); r != nil {
			q, err = nil, &LoadError{Problems: []Problem{{File: name, Msg: fmt.Sprintf("cannot parse the file: %v", r)}}}
		}
	}()
	d := &decoder{file: name}
	if len(data) > MaxFileSize {
		d.add(0, "", "file is larger than %d bytes", MaxFileSize)
		return nil, d.err()
	}
	root, ok := d.document(data)
	if !ok {
		return nil, d.err()
	}
	raw := d.decode(root)
	validate(d, raw)
	if len(d.problems) > 0 {
		return nil, d.err()
	}
	q = raw.q
	q.Source = name
	for p := range q.Pages {
		for i := range q.Pages[p].Items {
			q.Pages[p].Items[i].Kind = raw.pages[p].items[i].kind
		}
	}
	q.idx = buildIndex(q)
	q.texts = raw.texts
	q.Hash = Hash(q)
	localize(q)
	return q, nil
}

// yamlErrLine picks the line out of the YAML parser's "yaml: line N: ..." messages.
var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// document parses data into the root mapping node of its only document.
func (d *decoder) document(data []byte) (*yaml.Node, bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		d.add(0, "", "file is empty")
		return nil, false
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		d.add(0, "", "file is empty")
		return nil, false
	} else if err != nil {
		d.yamlError(err)
		return nil, false
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.add(extra.Line, "", "file holds more than one YAML document; put each questionnaire in its own file")
		return nil, false
	} else if !errors.Is(err, io.EOF) {
		d.yamlError(err)
		return nil, false
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		d.add(0, "", "file is empty")
		return nil, false
	}
	if n := findAlias(doc.Content[0]); n != nil {
		// Anchors and aliases would let one node appear in several places
		// (and grow exponentially); a questionnaire has no use for them.
		d.add(n.Line, "", "YAML anchors and aliases (&name, *name) are not supported; write the content out")
		return nil, false
	}
	return doc.Content[0], true
}

func (d *decoder) yamlError(err error) {
	msg := err.Error()
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		d.add(line, "", "invalid YAML: %s", m[2])
		return
	}
	d.add(0, "", "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// findAlias returns the first node that is an alias or carries an anchor.
func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}
