package assess

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// mustParseFixture parses a file of testdata/questionnaires.
func mustParseFixture(t testing.TB, name string) *Questionnaire {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "questionnaires", name))
	if err != nil {
		t.Fatal(err)
	}
	q, err := Parse(name, data)
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return q
}

func TestItemLookups(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	if got := q.String(); got != "small v1" {
		t.Errorf("String() = %q, want %q", got, "small v1")
	}
	it, ok := q.Item("d2")
	if !ok || it.Kind != KindScored || it.Scale != "drive" || it.Key != -1 {
		t.Errorf("Item(d2) = %+v, %v; want scored drive item keyed -1", it, ok)
	}
	if _, ok := q.Item("nope"); ok {
		t.Errorf("Item(nope) found an item")
	}
	kinds := map[string]ItemKind{"chk1": KindCheck, "v1": KindVirtue, "p2": KindChoice, "b1": KindScored}
	for id, want := range kinds {
		if it, _ := q.Item(id); it.Kind != want {
			t.Errorf("Item(%s).Kind = %q, want %q", id, it.Kind, want)
		}
	}
	if got, want := q.NumItems(), 24; got != want {
		t.Errorf("NumItems() = %d, want %d", got, want)
	}
	items := q.Items()
	if len(items) != 24 || items[0].ID != "b1" || items[10].ID != "b3" || items[23].ID != "p3" {
		t.Errorf("Items() not in page order: first %s, 11th %s, last %s", items[0].ID, items[10].ID, items[23].ID)
	}
	items[0].ID = "changed"
	if again := q.Items(); again[0].ID != "b1" {
		t.Errorf("changing the slice Items returned changed the questionnaire")
	}
	if got, want := q.PageItemCounts(), []int{10, 11, 3}; !reflect.DeepEqual(got, want) {
		t.Errorf("PageItemCounts() = %v, want %v", got, want)
	}
	if p, ok := q.PageOf("v2"); !ok || p != 1 {
		t.Errorf("PageOf(v2) = %d, %v; want 1, true", p, ok)
	}
	if s, ok := q.ScaleByID("care"); !ok || s.Composite != "farmer" {
		t.Errorf("ScaleByID(care) = %+v, %v", s, ok)
	}
	if c, ok := q.CompositeByID("hunter"); !ok || c.Name != "New-business selling" {
		t.Errorf("CompositeByID(hunter) = %+v, %v", c, ok)
	}
	var ids []string
	for _, it := range q.ScaleItems("order") {
		ids = append(ids, it.ID)
	}
	if want := []string{"o1", "o2", "o3", "o4"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("ScaleItems(order) = %v, want %v", ids, want)
	}
	ids = nil
	for _, s := range q.CompositeScales("hunter") {
		ids = append(ids, s.ID)
	}
	if want := []string{"bold", "drive"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("CompositeScales(hunter) = %v, want %v", ids, want)
	}
}

func TestChoicesAndRanges(t *testing.T) {
	q := mustParseFixture(t, "small.yaml")
	tests := []struct {
		id     string
		lo, hi int
		first  Choice
		n      int
	}{
		{"b1", 1, 5, Choice{1, "Strongly disagree"}, 5},
		{"chk1", 1, 5, Choice{1, "Strongly disagree"}, 5},
		{"p3", 1, 2, Choice{1, "Keep a long-standing client happy"}, 2},
	}
	for _, tt := range tests {
		lo, hi, ok := q.ValueRange(tt.id)
		if !ok || lo != tt.lo || hi != tt.hi {
			t.Errorf("ValueRange(%s) = %d, %d, %v; want %d, %d", tt.id, lo, hi, ok, tt.lo, tt.hi)
		}
		cs, ok := q.Choices(tt.id)
		if !ok || len(cs) != tt.n || cs[0] != tt.first {
			t.Errorf("Choices(%s) = %v, %v; want %d choices starting %v", tt.id, cs, ok, tt.n, tt.first)
		}
	}
	if _, _, ok := q.ValueRange("zz"); ok {
		t.Errorf("ValueRange of an unknown item is ok")
	}
	if _, ok := q.Choices("zz"); ok {
		t.Errorf("Choices of an unknown item is ok")
	}
}

func TestResponseScale(t *testing.T) {
	tests := []struct {
		s     ResponseScale
		agree float64
	}{
		{ResponseScale{Min: 1, Max: 5}, 3.5}, // midpoint 3 + 0.5
		{ResponseScale{Min: 1, Max: 7}, 4.5}, // midpoint 4 + 0.5
		{ResponseScale{Min: 0, Max: 4}, 2.5}, // midpoint 2 + 0.5
		{ResponseScale{Min: -2, Max: 2}, 0.5},
	}
	for _, tt := range tests {
		if got := tt.s.AgreePoint(); got != tt.agree {
			t.Errorf("%+v AgreePoint() = %v, want %v", tt.s, got, tt.agree)
		}
		// Property: reversal twice is the identity and stays on the scale.
		for x := tt.s.Min; x <= tt.s.Max; x++ {
			r := tt.s.Reverse(x)
			if !tt.s.Contains(r) {
				t.Errorf("%+v Reverse(%d) = %d, off the scale", tt.s, x, r)
			}
			if back := tt.s.Reverse(r); back != x {
				t.Errorf("%+v Reverse(Reverse(%d)) = %d", tt.s, x, back)
			}
		}
		if got := tt.s.Reverse(tt.s.Min); got != tt.s.Max {
			t.Errorf("%+v Reverse(min) = %d, want max %d", tt.s, got, tt.s.Max)
		}
	}
	s := ResponseScale{Min: 1, Max: 3, Labels: []string{"no", "maybe", "yes"}}
	if s.Label(2) != "maybe" || s.Label(0) != "" || s.Label(4) != "" {
		t.Errorf("Label: got %q %q %q", s.Label(2), s.Label(0), s.Label(4))
	}
}

// A Questionnaire built by hand (not by Parse) is indexed on the fly.
func TestHandBuiltQuestionnaire(t *testing.T) {
	q := &Questionnaire{
		ID: "hand", Version: 1,
		Scale:  ResponseScale{Min: 1, Max: 5},
		Scales: []Scale{{ID: "s", Name: "S"}},
		Pages: []Page{{Items: []Item{
			{ID: "a", Kind: KindScored, Scale: "s", Key: 1},
			{ID: "b", Kind: KindScored, Scale: "s", Key: -1},
			{ID: "c", Kind: KindScored, Scale: "unknown", Key: 1},
		}}},
		Pairs: Pairs{Synonyms: [][2]string{{"a", "zz"}}},
	}
	if _, ok := q.Item("b"); !ok {
		t.Fatalf("Item(b) not found")
	}
	res := Score(q, Response{Answers: map[string]int{"a": 4, "b": 2}}, Options{})
	// (4 + (1+5−2)) / 2 = 4
	if got := res.Scales[0].Score; got == nil || *got != 4 {
		t.Errorf("hand-built scale score = %v, want 4", got)
	}
}
