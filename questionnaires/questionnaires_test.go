package questionnaires_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"rolefit/internal/assess"
	"rolefit/questionnaires"
)

func loadShipped(t *testing.T) *assess.Catalog {
	t.Helper()
	c, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatalf("shipped questionnaires do not load:\n%v", err)
	}
	return c
}

// The facets of each composite, as the questionnaire describes them.
var wantFacets = map[string][]string{
	"hunter": {"influence", "drive", "social_boldness", "resilience", "competitiveness"},
	"farmer": {"service", "patience", "dependability", "organisation", "relationships"},
}

func facetsOf(q *assess.Questionnaire, composite string) []string {
	var ids []string
	for _, s := range q.CompositeScales(composite) {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestShippedCatalogLoads(t *testing.T) {
	c := loadShipped(t)
	var ids []string
	for _, q := range c.All() {
		ids = append(ids, q.String())
	}
	for _, want := range []string{"sales-service v1", "sales-service v2", "sales-service v3", "manager-rating v1", "manager-rating v2"} {
		if !slices.Contains(ids, want) {
			t.Errorf("catalog %v lacks %s", ids, want)
		}
	}
}

func TestSalesService(t *testing.T) {
	q, ok := loadShipped(t).Latest("sales-service")
	if !ok {
		t.Fatal("no sales-service questionnaire")
	}
	if !slices.Contains(q.Audience, "candidate") || !slices.Contains(q.Audience, "staff") {
		t.Errorf("audience %v, want candidate and staff", q.Audience)
	}
	for composite, want := range wantFacets {
		if got := facetsOf(q, composite); !slices.Equal(got, want) {
			t.Errorf("%s facets %v, want %v", composite, got, want)
		}
	}
	if len(q.Scales) != 10 {
		t.Errorf("%d facets, want 10", len(q.Scales))
	}
	for _, s := range q.Scales {
		items := q.ScaleItems(s.ID)
		plus, minus := 0, 0
		for _, it := range items {
			if it.Key == 1 {
				plus++
			} else {
				minus++
			}
		}
		if len(items) != 6 || plus != 3 || minus != 3 {
			t.Errorf("facet %s: %d items, %d keyed 1 and %d keyed -1; want 6, 3 and 3", s.ID, len(items), plus, minus)
		}
	}
	kinds := map[assess.ItemKind]int{}
	for _, it := range q.Items() {
		kinds[it.Kind]++
		if it.Kind != assess.KindChoice {
			continue
		}
		var comps []string
		for _, o := range it.Options {
			comps = append(comps, o.Composite)
		}
		slices.Sort(comps)
		if !slices.Equal(comps, []string{"farmer", "hunter"}) {
			t.Errorf("preference item %s sets %v against each other, want a hunting task against a farming task", it.ID, comps)
		}
	}
	// Version 2 added a fourth instructed item (docs/QUALITY.md).
	if kinds[assess.KindCheck] != 4 || kinds[assess.KindVirtue] != 5 || kinds[assess.KindScored] != 60 {
		t.Errorf("items by kind %v, want 60 scored, 4 check, 5 virtue", kinds)
	}
	if kinds[assess.KindChoice] < 4 {
		t.Errorf("%d preference items, want a block of at least 4", kinds[assess.KindChoice])
	}
	if len(q.Pairs.Synonyms) < 4 || len(q.Pairs.Antonyms) < 4 {
		t.Errorf("%d synonym and %d antonym pairs, want at least 4 of each", len(q.Pairs.Synonyms), len(q.Pairs.Antonyms))
	}
}

func TestManagerRatingCoversTheSameFacets(t *testing.T) {
	c := loadShipped(t)
	self, _ := c.Latest("sales-service")
	q, ok := c.Latest("manager-rating")
	if !ok {
		t.Fatal("no manager-rating questionnaire")
	}
	if !slices.Equal(q.Audience, []string{"manager"}) {
		t.Errorf("audience %v, want [manager]", q.Audience)
	}
	for composite := range wantFacets {
		if got, want := facetsOf(q, composite), facetsOf(self, composite); !slices.Equal(got, want) {
			t.Errorf("%s facets %v, want those of sales-service %v", composite, got, want)
		}
	}
	for _, s := range q.Scales {
		if n := len(q.ScaleItems(s.ID)); n < 2 {
			t.Errorf("facet %s has %d items", s.ID, n)
		}
	}
}

// Responses store the hash of the version they answered; a shipped
// version never changes, so neither does its hash.
func TestOldVersionsKeepTheirHash(t *testing.T) {
	c := loadShipped(t)
	for ref, want := range map[string]string{
		"sales-service v1":  "sha256:4945444399bd37c70a10a8fde51c7cc86fd7c7d136e1a4a3284512be2a10809c",
		"sales-service v2":  "sha256:e078a624951f29eb2e9460987ec26ce4b2a831c29e57781beaa43537169e213d",
		"manager-rating v1": "sha256:92cf022255172e134f643b48ef17513ea14cdeb4fe325a1a79afe6fa3d35b3a3",
	} {
		var id string
		var v int
		for _, q := range c.All() {
			if q.String() == ref {
				id, v = q.ID, q.Version
			}
		}
		q, ok := c.Get(id, v)
		if !ok {
			t.Fatalf("no %s", ref)
		}
		if q.Hash != want {
			t.Errorf("%s hash %s, want %s", ref, q.Hash, want)
		}
	}
}

// Every shipped questionnaire's latest version is offered in English,
// Spanish and German, says how each translation was made and that a
// review is still due, and has every text a respondent reads translated.
func TestShippedCompleteInEveryLanguage(t *testing.T) {
	c := loadShipped(t)
	for _, id := range []string{"sales-service", "manager-rating"} {
		q, _ := c.Latest(id)
		if !slices.Equal(q.Languages, []string{"en", "es", "de"}) || q.Language != "en" {
			t.Errorf("%s: languages %v from %s, want en, es and de from en", q, q.Languages, q.Language)
			continue
		}
		for _, lang := range []string{"es", "de"} {
			note := q.Translations[lang]
			if !strings.Contains(note, "native-speaking psychologists") || !strings.Contains(note, "Not copied from any published inventory") {
				t.Errorf("%s %s: the note %q does not say how it was made and that a review is due", q, lang, note)
			}
			l, ok := q.In(lang)
			if !ok {
				t.Fatalf("%s not offered in %s", q, lang)
			}
			texts := func(q *assess.Questionnaire) []string {
				out := []string{q.Title, q.Description}
				out = append(out, q.Scale.Labels...)
				for _, p := range q.Pages {
					out = append(out, p.Title, p.Intro)
					for _, it := range p.Items {
						out = append(out, it.Text)
						for _, o := range it.Options {
							out = append(out, o.Text)
						}
					}
				}
				return out
			}
			en, tr := texts(q), texts(l)
			for i := range en {
				if en[i] != "" && (tr[i] == "" || tr[i] == en[i]) {
					t.Errorf("%s %s: %q is not translated (%q)", q, lang, en[i], tr[i])
				}
			}
			// An instructed item names the answer to choose by its label,
			// which must be the translation's own label.
			for _, it := range l.Items() {
				if it.Kind == assess.KindCheck && !strings.Contains(it.Text, l.Scale.Label(it.Check)) {
					t.Errorf("%s %s: %s says %q, which does not name the label %q of answer %d", q, lang, it.ID, it.Text, l.Scale.Label(it.Check), it.Check)
				}
			}
		}
	}
}

// The translated versions are the versions before them with texts added:
// the same English texts, items, keys, scales and pairs, so scores and
// norms mean the same.
func TestTranslatedVersionsKeepTheirSource(t *testing.T) {
	c := loadShipped(t)
	for _, pair := range [][2]int{{2, 3}} {
		old, _ := c.Get("sales-service", pair[0])
		tr, _ := c.Get("sales-service", pair[1])
		sameContent(t, old, tr)
	}
	old, _ := c.Get("manager-rating", 1)
	tr, _ := c.Get("manager-rating", 2)
	sameContent(t, old, tr)
}

func sameContent(t *testing.T, old, tr *assess.Questionnaire) {
	t.Helper()
	if !reflect.DeepEqual(old.Items(), tr.Items()) || !reflect.DeepEqual(old.Scale, tr.Scale) || !reflect.DeepEqual(old.Scales, tr.Scales) ||
		!reflect.DeepEqual(old.Composites, tr.Composites) || !reflect.DeepEqual(old.Pairs, tr.Pairs) || old.Title != tr.Title ||
		old.Description != tr.Description || !reflect.DeepEqual(old.PageItemCounts(), tr.PageItemCounts()) {
		t.Errorf("%s is not %s with translations added", tr, old)
	}
	for p := range old.Pages {
		if old.Pages[p].Title != tr.Pages[p].Title || old.Pages[p].Intro != tr.Pages[p].Intro {
			t.Errorf("%s page %d differs from %s", tr, p+1, old)
		}
	}
}
