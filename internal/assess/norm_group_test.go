package assess

import (
	"reflect"
	"strings"
	"testing"
)

// Norms stay per language until each language has PoolingMinN responses
// and no statement shows large DIF between them; then they are pooled.
func TestDecideLanguageNorms(t *testing.T) {
	split := func(answers []map[string]int, groups []string) map[string][]map[string]int {
		out := map[string][]map[string]int{}
		for i, a := range answers {
			out[groups[i]] = append(out[groups[i]], a)
		}
		return out
	}
	q, alike, groups := difGroups(t, PoolingMinN, nil)
	_, mistranslated, _ := difGroups(t, PoolingMinN, func(a map[string]int) {
		if v, ok := a["drv2"]; ok {
			a["drv2"] = 6 - v
		}
	})
	enough := map[string]int{"en": PoolingMinN, "es": PoolingMinN}

	one := DecideLanguageNorms(q, map[string]int{"en": 500}, nil)
	if one.Pooled || !reflect.DeepEqual(one.GroupFor("en"), NormGroup{Language: "en"}) {
		t.Errorf("one language: %+v, group %+v; want English norms", one, one.GroupFor("en"))
	}
	few := DecideLanguageNorms(q, map[string]int{"en": 900, "es": PoolingMinN - 1}, split(alike, groups))
	if few.Pooled || few.Reference != "" || !strings.Contains(few.Reason, "fewer in es (199)") {
		t.Errorf("199 Spanish responses: %+v, want kept apart, no comparison", few)
	}
	if g := few.GroupFor("es"); !reflect.DeepEqual(g, NormGroup{Language: "es"}) {
		t.Errorf("a Spanish response is compared with %+v, want Spanish responses", g)
	}
	pooled := DecideLanguageNorms(q, enough, split(alike, groups))
	if !pooled.Pooled || pooled.Reference != "en" || len(pooled.Large) != 0 {
		t.Errorf("200 of each answering alike: %+v, want pooled", pooled)
	}
	if g := pooled.GroupFor("es"); !reflect.DeepEqual(g, NormGroup{Pooled: true, Languages: []string{"en", "es"}}) {
		t.Errorf("pooled group %+v", g)
	}
	apart := DecideLanguageNorms(q, enough, split(mistranslated, groups))
	if apart.Pooled || len(apart.Large) != 1 || apart.Large[0].Item != "drv2" || apart.Large[0].Language != "es" ||
		!strings.Contains(apart.Reason, "drv2 in es answered differently from en") {
		t.Errorf("a mistranslated statement: %+v, want kept apart naming drv2", apart)
	}
}
