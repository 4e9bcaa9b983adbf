package app

import (
	"math"
	"testing"

	"rolefit/internal/assess"
)

// Each language's alpha is computed over its own responses, checked
// against values worked by hand. Spanish: the five respondents of
// internal/assess's TestReliabilityByHand, six times over (alpha does not
// change when rows are repeated: every variance is scaled alike), alpha
// = 15/16.3. German: t1 = t2 = 1..5 and t3 = 2 2 3 4 4, so var t1 = var
// t2 = cov12 = 2.5, var t3 = 1, cov13 = cov23 = 1.5, tr C = 6, ΣC = 17,
// alpha = 3/2·(1 − 6/17) = 16.5/17. English has too few responses.
func TestLanguageReliabilitiesByHand(t *testing.T) {
	q, err := assess.Parse("t.yaml", []byte(`id: t
version: 1
title: T
response_scale: {min: 1, max: 5, labels: [a, b, c, d, e]}
scales:
  - {id: s, name: S}
pages:
  - items:
      - {id: t1, text: one, scale: s, key: 1}
      - {id: t2, text: two, scale: s, key: 1}
      - {id: t3, text: three, scale: s, key: 1}
`))
	if err != nil {
		t.Fatal(err)
	}
	var answers []map[string]int
	var langs []string
	add := func(lang string, times int, rows [][3]int) {
		for range times {
			for _, r := range rows {
				answers = append(answers, map[string]int{"t1": r[0], "t2": r[1], "t3": r[2]})
				langs = append(langs, lang)
			}
		}
	}
	add("es", 6, [][3]int{{1, 2, 2}, {2, 1, 3}, {3, 3, 3}, {4, 4, 5}, {5, 5, 4}})
	add("de", 6, [][3]int{{1, 1, 2}, {2, 2, 2}, {3, 3, 3}, {4, 4, 4}, {5, 5, 4}})
	add("en", 1, [][3]int{{1, 2, 3}, {3, 2, 1}})
	got := languageReliabilities(q, answers, langs)
	if len(got) != 3 || got[0].Language != "de" || got[1].Language != "en" || got[2].Language != "es" {
		t.Fatalf("languages %+v, want de, en and es", got)
	}
	for _, c := range []struct {
		lr    LanguageReliability
		n     int
		alpha float64
	}{{got[0], 30, 16.5 / 17}, {got[2], 30, 15 / 16.3}} {
		if c.lr.Responses != c.n || !c.lr.Enough || math.Abs(c.lr.Alpha["s"]-c.alpha) > 1e-12 {
			t.Errorf("%s: %d responses, alpha %.15f; want %d and %.15f", c.lr.Language, c.lr.Responses, c.lr.Alpha["s"], c.n, c.alpha)
		}
	}
	if en := got[1]; en.Enough || en.Responses != 2 || len(en.Alpha) != 0 {
		t.Errorf("English: %+v, want 2 responses and no figures", en)
	}
	// One language alone has no figures of its own: the page's are its.
	if one := languageReliabilities(q, answers[:30], langs[:30]); one != nil {
		t.Errorf("one language: %+v", one)
	}
}
