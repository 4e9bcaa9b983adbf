package assess

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readResponseFile(t *testing.T, q *Questionnaire, name string) *ResponseTable {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "reliability", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := ReadResponses(f, q)
	if err != nil {
		t.Fatalf("ReadResponses(%s): %v", name, err)
	}
	return tab
}

// TestQuestionnaireReliabilityMatchesPsych reads raw answers through the
// questionnaire, so the items' keys do the reversal, and compares with
// psych's figures on answers reversed in R.
func TestQuestionnaireReliabilityMatchesPsych(t *testing.T) {
	q := loadReliabilityQuestionnaire(t, "fixtures.yaml")
	for _, c := range loadPsychCases(t, "reference.json") {
		if c.File != "clean6.csv" && c.File != "missing6.csv" {
			continue
		}
		t.Run(c.File+"/"+c.Mode, func(t *testing.T) {
			mode, err := ParseMissingMode(c.Mode)
			if err != nil {
				t.Fatal(err)
			}
			got, err := QuestionnaireReliability(q, readResponseFile(t, q, c.File), mode)
			if err != nil {
				t.Fatal(err)
			}
			// The other scale has no columns in this file and is left out.
			if len(got.Scales) != 1 {
				t.Fatalf("%d scales, want 1: %+v", len(got.Scales), got.Scales)
			}
			compareReliability(t, got.Scales[0], c.Want, psychTolerance)
		})
	}
}

// TestSalesServiceReliabilityMatchesPsych compares every scale and
// composite of the shipped questionnaire (version 1) over simulated
// responses with psych (testdata/reliability/sales-service.json).
func TestSalesServiceReliabilityMatchesPsych(t *testing.T) {
	q := loadReliabilityQuestionnaire(t, "sales-service-v1.yaml")
	tab := readResponseFile(t, q, "sales-service.csv")
	want := loadSalesServiceReference(t)
	for _, mode := range []MissingMode{Pairwise, Listwise} {
		got, err := QuestionnaireReliability(q, tab, mode)
		if err != nil {
			t.Fatalf("%v: %v", mode, err)
		}
		w := want[mode.String()].Scales
		if len(got.Scales) != len(w) {
			t.Fatalf("%v: %d scales, want %d", mode, len(got.Scales), len(w))
		}
		worst := 0.0
		for i := range w {
			worst = max(worst, compareReliability(t, got.Scales[i], w[i], psychTolerance))
		}
		t.Logf("%v: largest difference from psych over %d scales and composites: %.2g", mode, len(w), worst)
	}
}

func loadSalesServiceReference(t *testing.T) map[string]ReliabilityReport {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "reliability", "sales-service.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ref map[string]json.RawMessage
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatal(err)
	}
	out := map[string]ReliabilityReport{}
	for _, mode := range []string{"pairwise", "listwise"} {
		var r ReliabilityReport
		if err := json.Unmarshal(ref[mode], &r); err != nil {
			t.Fatalf("%s: %v", mode, err)
		}
		out[mode] = r
	}
	return out
}

// TestQuestionnaireReliabilityPartial checks that a scale whose figures are
// undefined is reported as an error while the others are still computed.
func TestQuestionnaireReliabilityPartial(t *testing.T) {
	q := loadReliabilityQuestionnaire(t, "fixtures.yaml")
	in := "a1,a2,a3,a4,a5,a6,b1,b2,b3,b4,b5,b6\n" +
		"1,5,1,2,4,1,3,3,3,2,1,4\n" +
		"2,4,2,2,3,1,3,2,4,3,4,4\n" +
		"4,2,5,4,1,4,3,1,5,5,5,2\n" +
		"5,1,4,5,2,5,3,5,2,1,2,5\n"
	tab, err := ReadResponses(strings.NewReader(in), q)
	if err != nil {
		t.Fatal(err)
	}
	got, err := QuestionnaireReliability(q, tab, Pairwise)
	var re *ReliabilityError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v, want a *ReliabilityError", err)
	}
	if re.Scale != "missing6" || !strings.Contains(re.Reason, "item b1 has no variance") {
		t.Errorf("error = %v, want missing6's item b1 without variance", err)
	}
	if len(got.Scales) != 1 || got.Scales[0].ID != "clean6" || got.Scales[0].N != 4 {
		t.Errorf("scales = %+v, want clean6 over 4 respondents", got.Scales)
	}
}

// TestReliabilityReportJSON pins the JSON shape that rolefit stats prints.
func TestReliabilityReportJSON(t *testing.T) {
	a := 0.5
	r := ReliabilityReport{Scales: []ScaleReliability{{
		ID: "drive", N: 3, K: 2, Mean: 1, SD: 2, Alpha: 0.25, StdAlpha: 0.5, Lambda6: 0.125,
		AverageR: 0.75, SEM: 1.5,
		Items: []ItemReliability{{ID: "drv1", RDrop: 0.1, AlphaIfDropped: &a}, {ID: "drv2", RDrop: 0.2}},
	}}}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"scales":[{"id":"drive","n":3,"k":2,"mean":1,"sd":2,"alpha":0.25,"std_alpha":0.5,` +
		`"lambda6":0.125,"average_r":0.75,"sem":1.5,"items":[{"id":"drv1","r_drop":0.1,"alpha_if_dropped":0.5},` +
		`{"id":"drv2","r_drop":0.2,"alpha_if_dropped":null}]}]}`
	if string(got) != want {
		t.Errorf("JSON:\n got %s\nwant %s", got, want)
	}
}
