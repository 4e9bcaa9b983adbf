package assess

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// loadReliabilityQuestionnaire parses a questionnaire of
// testdata/reliability.
func loadReliabilityQuestionnaire(t testing.TB, name string) *Questionnaire {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "reliability", name))
	if err != nil {
		t.Fatal(err)
	}
	q, err := Parse(name, data)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return q
}

func TestReadResponses(t *testing.T) {
	q := loadReliabilityQuestionnaire(t, "fixtures.yaml")
	// A spreadsheet export: byte-order mark, columns in another order than
	// the pages, padding, NA and empty cells, and columns that are not
	// scored items.
	in := "\ufeffrespondent, a3 ,email,a1,a2,a4,a5,a6,chk1,notes\n" +
		"1,3,x@example.com,1,2,3,4,5,2,\n" +
		"2,NA,y@example.com, 5 ,,3,3,3,4,\"said hi, twice\"\n"
	got, err := ReadResponses(strings.NewReader(in), q)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a1", "a2", "a3", "a4", "a5", "a6"}; !slices.Equal(got.Items, want) {
		t.Errorf("Items = %v, want %v (page order)", got.Items, want)
	}
	if want := []string{"respondent", "email", "notes"}; !slices.Equal(got.Ignored, want) {
		t.Errorf("Ignored = %v, want %v", got.Ignored, want)
	}
	if want := []string{"b1", "b2", "b3", "b4", "b5", "b6"}; !slices.Equal(got.Absent, want) {
		t.Errorf("Absent = %v, want %v", got.Absent, want)
	}
	nan := math.NaN()
	want := [][]float64{{1, 2, 3, 3, 4, 5}, {5, nan, nan, 3, 3, 3}}
	if !sameAnswers(got.Answers, want) {
		t.Errorf("Answers = %v, want %v", got.Answers, want)
	}
}

func sameAnswers(a, b [][]float64) bool {
	return slices.EqualFunc(a, b, func(x, y []float64) bool {
		return slices.EqualFunc(x, y, func(u, v float64) bool {
			return u == v || math.IsNaN(u) && math.IsNaN(v)
		})
	})
}

func TestReadResponsesProblems(t *testing.T) {
	q := loadReliabilityQuestionnaire(t, "fixtures.yaml")
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"not a number", "name,a1,a2\nAnn,1,2\nBob,x,3\n",
			[]string{`row 3, column a1: "x" is not a number`}},
		{"outside the scale", "a1,a2\n9,2\n0,-1\n",
			[]string{
				"row 2, column a1: 9 is outside the response scale 1–5",
				"row 3, column a1: 0 is outside the response scale 1–5",
				"row 3, column a2: -1 is outside the response scale 1–5",
			}},
		{"not whole", "a1,a2\n2.5,2\n",
			[]string{"row 2, column a1: 2.5 is not a whole number; answers are points 1–5 of the response scale"}},
		{"NaN and Inf are not answers", "a1,a2\nNaN,Inf\n",
			[]string{`row 2, column a1: "NaN" is not a number`, `row 2, column a2: "Inf" is not a number`}},
		{"short row", "a1,a2,a3\n1,2,3\n1,2\n4,4,4\n",
			[]string{"row 3: 2 cells, but the header has 3 columns"}},
		{"duplicate column", "a1,a2,a1\n1,2,3\n",
			[]string{"row 1, column a1: the column appears more than once"}},
		{"unknown item column", "name,a1,a7,A2,b10\n",
			[]string{
				"row 1, column a7: unknown item column: reliability-fixtures v1 has no item a7",
				"row 1, column A2: unknown item column: reliability-fixtures v1 has no item A2",
				"row 1, column b10: unknown item column: reliability-fixtures v1 has no item b10",
			}},
		{"no scored items", "name,email,chk1\nAnn,a@example.com,2\n",
			[]string{"row 1: the header names none of the scored items of reliability-fixtures v1 (want columns such as a1, a2, a3, …)"}},
		{"empty file", "",
			[]string{"the file is empty: want a header row of item IDs"}},
		{"bad quoting", "a1,a2\n1,2\n\"3,4\n",
			[]string{`row 3: not valid CSV: extraneous or missing " in quoted-field`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadResponses(strings.NewReader(tt.in), q)
			var ce *CSVError
			if !errors.As(err, &ce) {
				t.Fatalf("ReadResponses = %+v, %v; want a *CSVError", got, err)
			}
			var msgs []string
			for _, p := range ce.Problems {
				msgs = append(msgs, p.String())
			}
			if !slices.Equal(msgs, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", msgs, tt.want)
			}
		})
	}
}

func TestReadResponsesCapsProblems(t *testing.T) {
	q := loadReliabilityQuestionnaire(t, "fixtures.yaml")
	var b strings.Builder
	b.WriteString("a1,a2\n")
	for range 60 {
		b.WriteString("7,1\n")
	}
	_, err := ReadResponses(strings.NewReader(b.String()), q)
	var ce *CSVError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a *CSVError", err)
	}
	if len(ce.Problems) != 50 || ce.Omitted != 10 {
		t.Errorf("%d problems listed, %d omitted; want 50 and 10", len(ce.Problems), ce.Omitted)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "60 problems in the responses:\n  row 2, column a1: 7 is outside") ||
		!strings.HasSuffix(msg, "\n  row 51, column a1: 7 is outside the response scale 1–5\n  and 10 more") {
		t.Errorf("message = %q", msg)
	}
}

func TestCSVProblemString(t *testing.T) {
	tests := []struct {
		p    CSVProblem
		want string
	}{
		{CSVProblem{Row: 7, Column: "inf2", Msg: `"x" is not a number`}, `row 7, column inf2: "x" is not a number`},
		{CSVProblem{Row: 3, Msg: "2 cells"}, "row 3: 2 cells"},
		{CSVProblem{Msg: "the file is empty"}, "the file is empty"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
	one := &CSVError{Problems: []CSVProblem{{Row: 2, Column: "a1", Msg: "bad"}}}
	if got, want := one.Error(), "1 problem in the responses:\n  row 2, column a1: bad"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// FuzzReadResponses checks that no input makes the reader panic or return a
// table whose answers are off the response scale.
func FuzzReadResponses(f *testing.F) {
	q := loadReliabilityQuestionnaire(f, "fixtures.yaml")
	f.Add("a1,a2\n1,2\n")
	f.Add("name,a1,b1\nx,NA,\n\"y\",5,3\n")
	f.Add("\ufeffa1,a1\n9,x\n")
	f.Fuzz(func(t *testing.T, in string) {
		tab, err := ReadResponses(strings.NewReader(in), q)
		if err != nil {
			return
		}
		for r, row := range tab.Answers {
			if len(row) != len(tab.Items) {
				t.Fatalf("row %d has %d answers for %d items", r, len(row), len(tab.Items))
			}
			for _, v := range row {
				if !math.IsNaN(v) && (v < 1 || v > 5 || v != math.Trunc(v)) {
					t.Fatalf("answer %v read from %q", v, in)
				}
			}
		}
	})
}

func ExampleCSVProblem() {
	fmt.Println(CSVProblem{Row: 3, Column: "drv1", Msg: "9 is outside the response scale 1–5"})
	// Output: row 3, column drv1: 9 is outside the response scale 1–5
}
