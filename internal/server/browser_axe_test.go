package server

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeScript finds axe-core, installed by npm ci at the module root, or
// skips the test (fails it under CI) when it is missing.
func axeScript(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
	src, err := os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "axe.min.js"))
	if errors.Is(err, os.ErrNotExist) {
		needTool(t, "axe-core is missing: run npm ci to install axe-core at the module root")
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// axeResult is the part of axe-core's results the tests read.
type axeResult struct {
	Violations []axeViolation `json:"violations"`
	Passes     int            `json:"passes"`
	Incomplete []string       `json:"incomplete"`
}

// axeViolation is one rule that failed on a page, as axe-core reports it.
type axeViolation struct {
	ID      string `json:"id"`
	Impact  string `json:"impact"`
	Help    string `json:"help"`
	HelpURL string `json:"helpUrl"`
	Nodes   []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s, %d element(s); see %s", v.ID, v.Impact, v.Help, len(v.Nodes), v.HelpURL)
	for i, n := range v.Nodes {
		if i == 3 {
			fmt.Fprintf(&b, "\n      …")
			break
		}
		fmt.Fprintf(&b, "\n      %v", n.Target)
		if n.Summary != "" {
			fmt.Fprintf(&b, ": %s", strings.ReplaceAll(n.Summary, "\n", " "))
		}
	}
	return b.String()
}

// axeRules are the WCAG 2.1 A and AA rules plus axe's best practices.
const axeRules = `{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}}`

// checkAccessibility runs axe-core on the tab's page. Serious and critical
// violations fail the test; moderate and minor ones are logged, and
// returned so the test can sum them up.
func (tb *tab) checkAccessibility(axe, where string) []axeViolation {
	tb.t.Helper()
	if !evalIn[bool](tb, "typeof window.axe === 'object'") {
		evalIn[chromedp.Void](tb, axe)
	}
	res := evalIn[axeResult](tb, `axe.run(document, `+axeRules+`).then(r => ({
		violations: r.violations,
		passes: r.passes.length,
		incomplete: r.incomplete.map(i => i.id)}))`, chromedp.EvalAwaitPromise)
	// A run that passed no rule did not look at the page.
	if res.Passes == 0 {
		tb.t.Fatalf("%s: axe-core passed no rule at all: did it run? (at %s)", where, tb.whereabouts())
	}
	if len(res.Incomplete) > 0 {
		tb.t.Logf("%s: for a person to review (axe could not decide): %s", where, strings.Join(res.Incomplete, ", "))
	}
	vs := res.Violations
	tb.t.Logf("%s: axe-core passed %d rules, %d violated", where, res.Passes, len(vs))
	for _, v := range vs {
		switch v.Impact {
		case "serious", "critical":
			tb.t.Errorf("%s: accessibility violation %s", where, v)
		default:
			tb.t.Logf("%s: %s", where, v)
		}
	}
	return vs
}
