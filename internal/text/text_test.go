package text

import (
	"strings"
	"testing"

	"rolefit/internal/errs"
)

func TestProblem(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      string // a substring of the message; "" for no problem
		multiline string // the same for ProblemMultiline
	}{
		{"plain", "Dana Diaz", "", ""},
		{"accents and other scripts", "Zoë Ångström 山田太郎 محمد", "", ""},
		{"right-to-left mark", "שרה\u200f", "", ""},
		{"emoji", "Dana 🙂", "", ""},
		{"empty", "", "", ""},
		{"nul", "Dana\x00Diaz", "NUL", "NUL"},
		{"newline", "Dana\nDiaz", "U+000A", ""},
		{"tab", "Dana\tDiaz", "U+0009", ""},
		{"carriage return", "Dana\rDiaz", "U+000D", ""},
		{"escape", "Dana\x1b[31m", "U+001B", "U+001B"},
		{"delete", "Dana\x7f", "U+007F", "U+007F"},
		{"c1 control", "Dana\u0085", "U+0085", "U+0085"},
		{"left-to-right embedding", "a\u202ab", "U+202A", "U+202A"},
		{"right-to-left override", "evil\u202Egnp.exe", "U+202E", "U+202E"},
		{"left-to-right isolate", "a\u2066b", "U+2066", "U+2066"},
		{"pop directional isolate", "a\u2069b", "U+2069", "U+2069"},
		{"just past the isolates", "a\u206ab", "", ""},
		{"just before the embeddings", "a\u2029b", "", ""},
		{"invalid utf-8", "Dana\xffDiaz", "UTF-8", "UTF-8"},
		{"truncated utf-8", "Zo\xc3", "UTF-8", "UTF-8"},
	}
	for _, tc := range tests {
		check := func(fn string, got, want string) {
			if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
				t.Errorf("%s %s(%q) = %q, want %q", tc.name, fn, tc.in, got, want)
			}
		}
		check("Problem", Problem(tc.in), tc.want)
		check("ProblemMultiline", ProblemMultiline(tc.in), tc.multiline)
	}
}

func TestCheckName(t *testing.T) {
	if err := CheckName("name", "Dana Diaz"); err != nil {
		t.Errorf("CheckName of a plain name = %v, want nil", err)
	}
	err := CheckName("name", "Dana\u202e")
	if errs.Code(err) != errs.CodeInvalid {
		t.Fatalf("code %q, want invalid", errs.Code(err))
	}
	if got := errs.FieldsOf(err)["name"]; !strings.Contains(got, "U+202E") {
		t.Errorf("field name: got %q, want the character named", got)
	}
}
