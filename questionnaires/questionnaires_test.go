package questionnaires_test

import (
	"slices"
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
	for _, want := range []string{"sales-service v1", "sales-service v2", "manager-rating v1"} {
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
