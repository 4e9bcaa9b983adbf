package assess

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// facetsAB is a questionnaire of two facets, a and b, for bank and job tests.
func facetsAB(id string) (map[string]string, bool) {
	if id != "q" {
		return nil, false
	}
	return map[string]string{"a": "A", "b": "B"}, true
}

func bankFacet(f, prefix string) string {
	var b strings.Builder
	b.WriteString("  - facet: " + f + "\n    anchors: {1: low, 3: mid, 5: high}\n    questions:\n")
	for i := 1; i <= 4; i++ {
		b.WriteString("      - {id: " + prefix + string(rune('0'+i)) + ", text: Tell me, probes: [How it went]}\n")
	}
	return b.String()
}

func bankFlags() string {
	var b strings.Builder
	b.WriteString("flags:\n")
	for _, c := range FlagCodes {
		b.WriteString("  - {flag: " + c + ", probes: [Why so]}\n")
	}
	return b.String()
}

func goodBank() string {
	return "kind: interview-bank\nid: b\nversion: 1\nquestionnaire: q\nfacets:\n" + bankFacet("a", "a") + bankFacet("b", "b") + bankFlags()
}

func TestParseInterviewBankGood(t *testing.T) {
	b, err := ParseInterviewBank("b.yaml", []byte(goodBank()), facetsAB)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Facets) != 2 || len(b.Facets[0].Questions) != 4 || b.Facets[0].Anchors[3] != "mid" || len(b.Flags) != len(FlagCodes) {
		t.Errorf("bank = %+v", b)
	}
	if !strings.HasPrefix(b.Hash, "sha256:") {
		t.Errorf("hash %q", b.Hash)
	}
	again, _ := ParseInterviewBank("b.yaml", []byte("# a comment\n"+goodBank()), facetsAB)
	changed, _ := ParseInterviewBank("b.yaml", []byte(strings.Replace(goodBank(), "mid", "middle", 1)), facetsAB)
	if again.Hash != b.Hash || changed.Hash == b.Hash {
		t.Errorf("hash: same content %s vs %s, changed anchor %s", b.Hash, again.Hash, changed.Hash)
	}
}

// Every problem of a bad bank is listed, each on its line.
func TestParseInterviewBankListsEveryProblem(t *testing.T) {
	src := strings.NewReplacer(
		"anchors: {1: low, 3: mid, 5: high}\n    questions:\n      - {id: a1", "anchors: {1: low, 5: high}\n    questions:\n      - {id: a1",
		"id: b2,", "id: b1,",
		"facet: b", "facet: c",
		"{flag: speed, probes: [Why so]}", "{flag: sleepy, probes: [Why so]}",
	).Replace(goodBank())
	_, err := ParseInterviewBank("bad.yaml", []byte(src), facetsAB)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want a LoadError", err)
	}
	got := le.Error()
	for _, want := range []string{
		"bad.yaml:6: facet a: anchor 3 is missing",
		"bad.yaml:13: facet c: \"c\" is not a facet of q",
		"bad.yaml:17: question b1: id b1 is used twice (first on line 16)",
		"bad.yaml:1: facet b of q has no questions",
		"flag sleepy: \"sleepy\" is not a quality flag",
		"bad.yaml:1: quality flag speed has no probes",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	if len(le.Problems) != 6 {
		t.Errorf("%d problems, want 6:\n%s", len(le.Problems), got)
	}
}

func TestParseInterviewBankUnknownKeyAndQuestionnaire(t *testing.T) {
	_, err := ParseInterviewBank("x.yaml", []byte(strings.Replace(goodBank(), "probes: [How it went]}", "probe: [How it went]}", 1)), facetsAB)
	if err == nil || !strings.Contains(err.Error(), `unknown key "probe"`) {
		t.Errorf("typo: err = %v", err)
	}
	_, err = ParseInterviewBank("x.yaml", []byte(strings.Replace(goodBank(), "questionnaire: q", "questionnaire: z", 1)), facetsAB)
	if err == nil || !strings.Contains(err.Error(), `questionnaire "z" is not installed`) {
		t.Errorf("unknown questionnaire: err = %v", err)
	}
}

const goodJob = `kind: job-questionnaire
id: j
version: 1
questionnaire: q
statements:
  - {id: s1, text: Cold calls, facets: {a: 1}}
  - {id: s2, text: Old customers, facets: {b: 1, a: 0.5}}
`

func TestParseJobQuestionnaire(t *testing.T) {
	j, err := ParseJobQuestionnaire("j.yaml", []byte(goodJob), facetsAB)
	if err != nil {
		t.Fatal(err)
	}
	if len(j.Statements) != 2 || j.Statements[1].Facets["a"] != 0.5 {
		t.Errorf("job = %+v", j)
	}
	bad := strings.NewReplacer("id: s2", "id: s1", "{a: 1}", "{z: 1}", "a: 0.5", "a: 1.5").Replace(goodJob)
	_, err = ParseJobQuestionnaire("j.yaml", []byte(bad), facetsAB)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{
		`j.yaml:6: statement s1: "z" is not a facet of q`,
		"j.yaml:7: statement s1: id s1 is used twice (first on line 6)",
		"j.yaml:7: statement s1: weight of a must be above 0 and at most 1, not 1.5",
	} {
		if !strings.Contains(le.Error(), want) {
			t.Errorf("problems lack %q:\n%s", want, le.Error())
		}
	}
	if len(le.Problems) != 3 {
		t.Errorf("%d problems, want 3:\n%s", len(le.Problems), le.Error())
	}
}

// The job target worked by hand. Statements s1 {a: 1}, s2 {b: 1, a: 0.5}.
// Answerer 1: s1 5, s2 2 → a = 2·1 + (−1)·0.5 = 1.5, b = −1.
// Answerer 2: s1 4, s2 5 → a = 1 + 2·0.5 = 2, b = 2.
// Means: a = 1.75, b = 0.5; proposal a = 1.75/2.25 = 0.7778, b = 0.2222.
// Spread of a: SD of {1.5, 2} = 0.35355; of b: SD of {−1, 2} = 2.12132.
func TestProposeTargetByHand(t *testing.T) {
	j, err := ParseJobQuestionnaire("j.yaml", []byte(goodJob), facetsAB)
	if err != nil {
		t.Fatal(err)
	}
	p := ProposeTarget(j, []map[string]int{{"s1": 5, "s2": 2}, {"s1": 4, "s2": 5}})
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-4 {
			t.Errorf("%s = %.5f, want %.5f", name, got, want)
		}
	}
	near("weight a", p.Weights["a"], 0.77778)
	near("weight b", p.Weights["b"], 0.22222)
	near("mean a", p.Mean["a"], 1.75)
	near("sd a", p.Spread["a"].SD, 0.35355)
	near("sd b", p.Spread["b"].SD, 2.12132)
	near("min b", p.Spread["b"].Min, -1)
	near("max b", p.Spread["b"].Max, 2)
	// A facet whose mean is negative is clipped to 0, and the rest is 1.
	p = ProposeTarget(j, []map[string]int{{"s1": 5, "s2": 1}})
	if _, ok := p.Weights["b"]; ok || math.Abs(p.Weights["a"]-1) > 1e-9 {
		t.Errorf("clipped proposal = %v, want a only, at 1", p.Weights)
	}
	// Nothing asked for: no proposal.
	if p := ProposeTarget(j, []map[string]int{{"s1": 1, "s2": 3}}); p.Weights != nil {
		t.Errorf("all below the midpoint: proposal %v, want none", p.Weights)
	}
}
