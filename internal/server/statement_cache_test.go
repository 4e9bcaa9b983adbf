package server

import (
	"bytes"
	"testing"

	"rolefit/internal/i18n"
	"rolefit/web"
)

// A question page shows each statement as it was drawn and kept, byte for
// byte what drawing it in the page gives: every page of every shipped
// questionnaire in each of its languages, with no answer chosen and with
// each answer chosen, and a statement with an error message drawn by the
// page.
func TestKeptStatementsDrawAsThePageDoes(t *testing.T) {
	rnd, err := newRenderer(web.Templates, web.Static, i18n.Shipped())
	if err != nil {
		t.Fatal(err)
	}
	set, err := rnd.page(nil, "respond_page")
	if err != nil {
		t.Fatal(err)
	}
	pages := 0
	for _, source := range testCatalog(t).All() {
		for _, lang := range source.Languages {
			q, _ := source.In(lang)
			L := i18n.Shipped().Printer(lang, nil)
			draw := func(qp questionPage) []byte {
				t.Helper()
				var buf bytes.Buffer
				if err := set.ExecuteTemplate(&buf, "layout", &view{Title: "t", Data: qp, L: L}); err != nil {
					t.Fatal(err)
				}
				return buf.Bytes()
			}
			for n := range q.Pages {
				// Answer choices differ per statement; try each position.
				for pick := -1; pick < 7; pick++ {
					answers, errs := map[string]int{}, map[string]string{}
					for i, it := range q.Pages[n].Items {
						choices, _ := q.Choices(it.ID)
						if pick >= 0 && pick < len(choices) {
							answers[it.ID] = choices[pick].Value
						}
						if i == 1 && pick == 0 {
							errs[it.ID] = "Please choose an answer."
						}
					}
					inline := buildPage(q, L, "Acme", "/i/tok", n+1, answers, errs)
					kept := buildPage(q, L, "Acme", "/i/tok", n+1, answers, errs)
					for i, it := range kept.Items {
						if it.Error == "" {
							if kept.Items[i].HTML, err = rnd.statements.html(set, q.Hash, lang, it); err != nil {
								t.Fatal(err)
							}
						}
					}
					a, b := draw(inline), draw(kept)
					if !bytes.Equal(a, b) {
						t.Fatalf("%s page %d, answer %d: the page with kept statements differs from the page drawing them:\n%s\n----\n%s", q, n+1, pick, a, b)
					}
					if !bytes.Contains(b, []byte(`name="`+q.Pages[n].Items[0].ID+`"`)) {
						t.Fatalf("%s page %d: the page does not show its first statement", q, n+1)
					}
					pages++
				}
			}
		}
	}
	if pages == 0 || len(rnd.statements.m) == 0 {
		t.Fatalf("compared %d pages and kept %d statements: nothing was checked", pages, len(rnd.statements.m))
	}
}
