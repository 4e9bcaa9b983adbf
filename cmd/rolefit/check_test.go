package main

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"rolefit/questionnaires"
)

const checkGood = `id: t
version: 1
title: T
response_scale: {min: 1, max: 5, labels: [a, b, c, d, e]}
scales:
  - {id: s1, name: S1}
pages:
  - items:
      - {id: i1, text: one, scale: s1, key: 1}
      - {id: i2, text: two, scale: s1, key: -1}
`

// runCheckCmd runs "rolefit check args..." and returns its exit code and output.
func runCheckCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(string) string { return "" }
	code := run(context.Background(), append([]string{"check"}, args...), getenv, &out, &errb)
	return code, out.String(), errb.String()
}

func writeCheckFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckGoodAndBad(t *testing.T) {
	dir := t.TempDir()
	good := writeCheckFile(t, dir, "good.yaml", checkGood)
	bad := writeCheckFile(t, dir, "bad.yaml", strings.NewReplacer("key: -1", "key: 2", "scale: s1, key: 1", "scale: s9, key: 1").Replace(checkGood))
	code, out, errOut := runCheckCmd(t, good, bad)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if !strings.HasPrefix(out, good+": ok (t v1, 2 items, sha256:") || strings.Count(out, "\n") != 1 {
		t.Errorf("stdout = %q, want one ok line for %s", out, good)
	}
	for _, want := range []string{
		bad + `:9: item i1: scale "s9" is not defined under scales`,
		bad + ":10: item i2: key must be 1 (scored as answered) or -1 (reversed), not 2",
		"1 of 2 files invalid",
	} {
		if !strings.Contains(errOut, want+"\n") {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "rolefit check:") {
		t.Errorf("stderr repeats the error as a command failure:\n%s", errOut)
	}
}

func TestCheckAllGood(t *testing.T) {
	dir := t.TempDir()
	a := writeCheckFile(t, dir, "a.yaml", checkGood)
	b := writeCheckFile(t, dir, "b.yaml", strings.Replace(checkGood, "version: 1", "version: 2", 1))
	code, out, errOut := runCheckCmd(t, a, b)
	if code != 0 || errOut != "" || strings.Count(out, ": ok (") != 2 {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
}

// The shipped questionnaires, read from the embedded files the binary
// carries (wherever their folder moves), pass the check.
func TestCheckShippedQuestionnaires(t *testing.T) {
	names, err := fs.Glob(questionnaires.FS, "*.yaml")
	if err != nil || len(names) < 2 {
		t.Fatalf("embedded questionnaires: %v %v", names, err)
	}
	dir := t.TempDir()
	var files []string
	for _, n := range names {
		data, err := fs.ReadFile(questionnaires.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, writeCheckFile(t, dir, n, string(data)))
	}
	code, out, errOut := runCheckCmd(t, files...)
	if code != 0 {
		t.Errorf("shipped questionnaires: exit %d\n%s%s", code, out, errOut)
	}
}

func TestCheckConflictingVersions(t *testing.T) {
	dir := t.TempDir()
	a := writeCheckFile(t, dir, "a.yaml", checkGood)
	b := writeCheckFile(t, dir, "b.yaml", strings.Replace(checkGood, "text: one", "text: One", 1))
	code, _, errOut := runCheckCmd(t, a, b)
	if want := b + ":1: t v1 is already defined by " + a + " with different content"; code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stderr %q; want 1 and %q", code, errOut, want)
	}
}

func TestCheckUsage(t *testing.T) {
	code, out, errOut := runCheckCmd(t)
	if code != 2 || !strings.Contains(errOut, "rolefit check: no files given") || out != "" {
		t.Errorf("no files: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = runCheckCmd(t, "--help")
	if code != 0 || !strings.HasPrefix(out, "Usage: rolefit check [flags] FILE...") {
		t.Errorf("--help: exit %d, stdout %q", code, out)
	}
	code, _, errOut = runCheckCmd(t, "--strict", "x.yaml")
	if code != 2 || !strings.Contains(errOut, "flag provided but not defined: -strict") {
		t.Errorf("unknown flag: exit %d, stderr %q", code, errOut)
	}
	missing := filepath.Join(t.TempDir(), "missing.yaml")
	code, _, errOut = runCheckCmd(t, missing)
	if code != 1 || !strings.Contains(errOut, missing+": cannot read: no such file or directory") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
}

// An interview bank and a job questionnaire are checked against the
// shipped questionnaire's facets, every problem listed.
func TestCheckBankAndJob(t *testing.T) {
	dir := t.TempDir()
	bank := writeCheckFile(t, dir, "bank.yaml", `kind: interview-bank
id: b
version: 1
questionnaire: sales-service
facets:
  - facet: influence
    anchors: {1: a, 5: e}
    questions:
      - {id: q1, text: one, probes: [p]}
      - {id: q1, text: two, probes: [p]}
      - {id: q3, text: three, probes: [p]}
      - {id: q4, text: four, probes: [p]}
  - facet: charm
    anchors: {1: a, 3: c, 5: e}
    questions: []
flags:
  - {flag: sleepy, probes: [p]}
`)
	job := writeCheckFile(t, dir, "job.yaml", `kind: job-questionnaire
id: j
version: 1
questionnaire: sales-service
statements:
  - {id: s1, text: Calls, facets: {social_boldness: 1}}
  - {id: s1, text: Visits, facets: {charm: 1}}
`)
	code, out, errOut := runCheckCmd(t, bank, job, "../../questionnaires/interview/interview-bank.yaml", "../../questionnaires/job/job-sales-service.yaml")
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	for _, want := range []string{
		bank + ":6: facet influence: anchor 3 is missing",
		bank + ":10: question q1: id q1 is used twice (first on line 9)",
		bank + `:13: facet charm: "charm" is not a facet of sales-service`,
		bank + ":1: facet drive of sales-service has no questions",
		bank + `:17: flag sleepy: "sleepy" is not a quality flag`,
		bank + ":1: quality flag speed has no probes",
		job + ":7: statement s1: id s1 is used twice (first on line 6)",
		job + `:7: statement s1: "charm" is not a facet of sales-service`,
		"2 of 4 files invalid",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	for _, want := range []string{"interview-bank.yaml: ok (interview-bank v1, interview bank for 10 facets, sha256:",
		"job-sales-service.yaml: ok (job-sales-service v1, job questionnaire of 12 statements, sha256:"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
}
