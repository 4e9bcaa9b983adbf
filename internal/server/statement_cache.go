package server

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"
)

// A question page is mostly its statements, and a statement's markup is
// the same every time it is shown with the same answer chosen: it depends
// only on the questionnaire version, the language, the statement and that
// answer. Drawn
// through html/template, each radio button's attributes are escaped by
// reflective calls, two thirds of a question page's CPU under load
// (docs/PERFORMANCE.md). So a statement without an error message is drawn
// once per answer and kept; the page shows the kept markup. It is the
// "statement" template's own output, executed in the same HTML context as
// the page's call of it, so the page is byte for byte what it was.

// statementKey names one statement of one questionnaire version in one
// language, with the answer chosen (0: none).
type statementKey struct {
	hash, lang, item string
	value            int
}

// maxStatements bounds the kept markup: the shipped questionnaires have
// about 150 statements with up to 7 answers each; a folder of extra
// questionnaires could hold more, and past the bound statements are drawn
// as before.
const maxStatements = 20_000

type statementCache struct {
	mu sync.RWMutex
	m  map[statementKey]template.HTML
}

// html returns the markup of item, shown in lang, as the "statement"
// template of set draws it, drawing and keeping it the first time.
func (sc *statementCache) html(set *template.Template, hash, lang string, item questionItem) (template.HTML, error) {
	k := statementKey{hash: hash, lang: lang, item: item.ID, value: item.Value}
	sc.mu.RLock()
	h, ok := sc.m[k]
	sc.mu.RUnlock()
	if ok {
		return h, nil
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, "statement", item); err != nil {
		return "", fmt.Errorf("draw statement %s: %w", item.ID, err)
	}
	h = template.HTML(buf.String()) // the template's own escaped output
	sc.mu.Lock()
	if sc.m == nil {
		sc.m = map[statementKey]template.HTML{}
	}
	if len(sc.m) < maxStatements {
		sc.m[k] = h
	}
	sc.mu.Unlock()
	return h, nil
}
