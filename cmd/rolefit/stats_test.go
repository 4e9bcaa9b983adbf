package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"rolefit/internal/assess"
)

// reliabilityTestdata holds the answer files and psych's figures for them
// (written by reference.R there).
const reliabilityTestdata = "../../internal/assess/testdata/reliability"

var (
	salesServiceV1  = filepath.Join(reliabilityTestdata, "sales-service-v1.yaml")
	salesServiceCSV = filepath.Join(reliabilityTestdata, "sales-service.csv")
)

// runRolefit runs the whole program as the shell would.
func runRolefit(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(context.Background(), args, func(string) string { return "" }, &out, &errOut)
	return code, out.String(), errOut.String()
}

// decodeStats reads the scales of `rolefit stats --format json`. Unknown
// fields are refused, and a field missing from the output would leave a
// zero that no comparison with psych's figures lets through, so this pins
// the printed shape.
func decodeStats(t *testing.T, data []byte) []assess.ScaleReliability {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var report struct {
		Scales []assess.ScaleReliability `json:"scales"`
	}
	if err := dec.Decode(&report); err != nil {
		t.Fatalf("decoding %.200s: %v", data, err)
	}
	return report.Scales
}

// TestStatsMatchesPsych runs rolefit stats on simulated responses to the
// sales-service questionnaire and compares every figure with psych's.
func TestStatsMatchesPsych(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(reliabilityTestdata, "sales-service.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ref map[string]json.RawMessage
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"pairwise", "listwise"} {
		t.Run(mode, func(t *testing.T) {
			code, stdout, stderr := runRolefit(t, "stats", "--questionnaire", salesServiceV1,
				"--responses", salesServiceCSV, "--missing", mode, "--format", "json")
			if code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			var keys map[string]json.RawMessage
			if err := json.Unmarshal([]byte(stdout), &keys); err != nil || len(keys) != 1 || keys["scales"] == nil {
				t.Fatalf("output is not exactly {\"scales\": [...]}: %.200s (%v)", stdout, err)
			}
			got := decodeStats(t, []byte(stdout))
			want := decodeStats(t, ref[mode])
			if len(got) != len(want) {
				t.Fatalf("%d scales, want %d", len(got), len(want))
			}
			for i, w := range want {
				diffs, _ := got[i].Compare(w, 1e-10)
				for _, d := range diffs {
					t.Error(d + " (psych)")
				}
			}
			if !strings.Contains(stderr, "note: ignoring columns that are not items of sales-service v1: name, email") {
				t.Errorf("stderr does not list the ignored columns:\n%s", stderr)
			}
		})
	}
}

func TestStatsTable(t *testing.T) {
	code, stdout, stderr := runRolefit(t, "stats", "--questionnaire", salesServiceV1, "--responses", salesServiceCSV)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	_, jsonOut, _ := runRolefit(t, "stats", "--questionnaire", salesServiceV1, "--responses", salesServiceCSV, "--format", "json")
	scales := decodeStats(t, []byte(jsonOut))
	lines := strings.Split(stdout, "\n")
	if want := "sales-service v1: 400 respondents, pairwise missing-data handling"; lines[0] != want {
		t.Errorf("first line = %q, want %q", lines[0], want)
	}
	header := strings.Fields(lines[2])
	if want := []string{"scale", "n", "k", "mean", "sd", "alpha", "std.alpha", "G6", "avg.r", "SEM"}; !slices.Equal(header, want) {
		t.Errorf("header = %q, want %q", header, want)
	}
	for i, s := range scales {
		want := []string{s.ID, fmt.Sprint(s.N), fmt.Sprint(s.K),
			fmt.Sprintf("%.3f", s.Mean), fmt.Sprintf("%.3f", s.SD), fmt.Sprintf("%.4f", s.Alpha),
			fmt.Sprintf("%.4f", s.StdAlpha), fmt.Sprintf("%.4f", s.Lambda6), fmt.Sprintf("%.4f", s.AverageR),
			fmt.Sprintf("%.3f", s.SEM)}
		if got := strings.Fields(lines[3+i]); !slices.Equal(got, want) {
			t.Errorf("row %d = %q, want %q", i, got, want)
		}
		// Every line of a column starts at the same place.
		if len(lines[3+i]) != len(lines[2]) {
			t.Errorf("row %q is not aligned with the header %q", lines[3+i], lines[2])
		}
	}
	first := scales[0].Items[0]
	if want := fmt.Sprintf("  %s  %.4f           %.4f", first.ID, first.RDrop, *first.AlphaIfDropped); !strings.Contains(stdout, "\n"+scales[0].ID+"\n  item  r.drop alpha if dropped\n"+want+"\n") {
		t.Errorf("item rows of %s missing; want a line %q in:\n%s", scales[0].ID, want, stdout)
	}
}

func TestStatsBadResponses(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		csv  string
		want []string
	}{
		{"cells off the scale and not numbers",
			"name,inf1,inf2,drv1\nAnn,1,2,3\nBob,2,3,9\nCy,3,4,5\nDi,4,5,1\nEd,5,1,2\nFay,1,x,3\n",
			[]string{
				"row 3, column drv1: 9 is outside the response scale 1–5",
				`row 7, column inf2: "x" is not a number`,
			}},
		{"unknown item column", "inf1,inf9\n1,2\n",
			[]string{"row 1, column inf9: unknown item column: sales-service v1 has no item inf9"}},
		{"no item columns", "name,email\nAnn,ann@example.com\n",
			[]string{"the header names none of the scored items of sales-service v1"}},
		{"duplicate column", "inf1,inf2,inf1\n1,2,3\n",
			[]string{"row 1, column inf1: the column appears more than once"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".csv")
			if err := os.WriteFile(path, []byte(tt.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := runRolefit(t, "stats", "--questionnaire", salesServiceV1, "--responses", path)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if !strings.HasPrefix(stderr, "rolefit stats: "+path+": ") {
				t.Errorf("stderr does not name the file first:\n%s", stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr does not say %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// TestStatsUndefinedScale checks that a scale whose statistics are undefined
// fails the command with its reason, after the others are printed.
func TestStatsUndefinedScale(t *testing.T) {
	path := filepath.Join(t.TempDir(), "answers.csv")
	csv := "inf1,inf2,inf3,drv1,drv2\n1,5,2,3,1\n2,4,2,3,2\n4,2,5,3,4\n5,1,4,3,5\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runRolefit(t, "stats", "--questionnaire", salesServiceV1, "--responses", path, "--format", "json")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var ids []string
	for _, s := range decodeStats(t, []byte(stdout)) {
		ids = append(ids, s.ID)
	}
	if want := []string{"influence"}; !slices.Equal(ids, want) {
		t.Errorf("scales printed = %v, want %v", ids, want)
	}
	for _, want := range []string{
		"reliability of drive: item drv1 has no variance",
		"reliability of hunter: item drv1 has no variance",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
	if want := "note: no column for the scored items org1, bold1, "; !strings.Contains(stderr, want) {
		t.Errorf("stderr does not say %q:\n%s", want, stderr)
	}
}

func TestStatsUsage(t *testing.T) {
	q, r := salesServiceV1, salesServiceCSV
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no questionnaire", []string{"--responses", r}, 2, "rolefit stats: --questionnaire is required"},
		{"no responses", []string{"--questionnaire", q}, 2, "rolefit stats: --responses is required"},
		{"bad mode", []string{"--questionnaire", q, "--responses", r, "--missing", "casewise"}, 2, `--missing: missing-data mode "casewise": want pairwise or listwise`},
		{"bad format", []string{"--questionnaire", q, "--responses", r, "--format", "xml"}, 2, `--format "xml": want table or json`},
		{"unknown flag", []string{"--questionnaire", q, "--responses", r, "--strict"}, 2, "flag provided but not defined: -strict"},
		{"stray argument", []string{"--questionnaire", q, "--responses", r, "extra"}, 2, `unexpected argument "extra"`},
		{"missing responses file", []string{"--questionnaire", q, "--responses", "no-such.csv"}, 1, "rolefit stats: open no-such.csv: no such file or directory"},
		{"missing questionnaire file", []string{"--questionnaire", "no-such.yaml", "--responses", r}, 1,
			`rolefit stats: open no-such.yaml: no such file or directory, and no shipped questionnaire has the ID "no-such.yaml" (shipped: `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runRolefit(t, append([]string{"stats"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr does not say %q:\n%s", tt.stderr, stderr)
			}
			if tt.code == 2 && !strings.Contains(stderr, "Usage: rolefit stats") {
				t.Errorf("usage error without the usage:\n%s", stderr)
			}
		})
	}
}

func TestStatsHelp(t *testing.T) {
	code, stdout, stderr := runRolefit(t, "stats", "--help")
	if code != 0 || stderr != "" {
		t.Errorf("exit %d, stderr %q; want 0 and nothing", code, stderr)
	}
	for _, want := range []string{"Usage: rolefit stats --questionnaire FILE|ID --responses FILE.csv", "-missing mode", "psych::alpha"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help does not say %q:\n%s", want, stdout)
		}
	}
}

// TestStatsShippedQuestionnaire checks that --questionnaire takes the ID of
// a shipped questionnaire as well as a file.
func TestStatsShippedQuestionnaire(t *testing.T) {
	byFile, fileOut, _ := runRolefit(t, "stats", "--questionnaire", "../../questionnaires/sales-service.yaml",
		"--responses", salesServiceCSV, "--format", "json")
	byID, idOut, idErr := runRolefit(t, "stats", "--questionnaire", "sales-service",
		"--responses", salesServiceCSV, "--format", "json")
	if byID != byFile || idOut != fileOut {
		t.Errorf("by ID: exit %d, %d bytes; by file: exit %d, %d bytes; want the same\n%s", byID, len(idOut), byFile, len(fileOut), idErr)
	}
	if strings.Contains(idErr, "no such file") {
		t.Errorf("the shipped questionnaire was not found:\n%s", idErr)
	}
}
