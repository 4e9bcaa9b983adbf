package assess

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Norms by language. A translated questionnaire is a new instrument until
// shown otherwise (ITC Guidelines for Translating and Adapting Tests, 2nd
// ed., 2017), so each language's responses are compared with responses in
// the same language until the organisation has at least PoolingMinN
// responses in each and no scored item shows large (ETS class C) DIF
// between the source language and another (ItemsDIF); then every language
// is one reference group.

// PoolingMinN is how many responses each language needs before the norms
// of several languages may be pooled: the number from which norms stop
// being provisional (ProvisionalBelowN), so a DIF check has groups large
// enough to find a large difference (Zwick, 2012, on ETS's minimum sample
// sizes).
const PoolingMinN = ProvisionalBelowN

// NormGroup says which earlier responses a score's norms were made of.
type NormGroup struct {
	// Language is the reference group's language; "" when pooled.
	Language string `json:"language,omitempty"`
	// Pooled is set when the group holds the responses of every language
	// in Languages.
	Pooled    bool     `json:"pooled"`
	Languages []string `json:"languages,omitempty"`
}

// LanguageNorms decides how an organisation's norms of one questionnaire
// version treat its languages, and says why.
type LanguageNorms struct {
	// Pooled is set when the languages' responses form one reference group.
	Pooled bool
	// Counts holds the responses in each language.
	Counts map[string]int
	// Reference is the language the others were compared with, item by
	// item; "" when no comparison was made.
	Reference string
	// Large lists the items with large DIF against Reference, by language.
	Large []LanguageDIF
	// Reason says in words why the norms are pooled or kept apart.
	Reason string
}

// LanguageDIF is one item's DIF between Reference and Language.
type LanguageDIF struct {
	Language string
	ItemDIF
}

// DecideLanguageNorms decides whether the norms of q's languages are
// pooled, from the number of responses in each language and a sample of
// each language's answers (the newest ones) for the DIF check, which runs
// only once every language has PoolingMinN responses.
func DecideLanguageNorms(q *Questionnaire, counts map[string]int, sample map[string][]map[string]int) LanguageNorms {
	q = q.sourceDef()
	d := LanguageNorms{Counts: counts}
	langs := languagesOf(counts)
	if len(langs) < 2 {
		d.Reason = "all responses are in one language"
		return d
	}
	var few []string
	for _, l := range langs {
		if counts[l] < PoolingMinN {
			few = append(few, fmt.Sprintf("%s (%d)", l, counts[l]))
		}
	}
	if len(few) > 0 {
		d.Reason = fmt.Sprintf("kept apart by language until each has %d responses; fewer in %s", PoolingMinN, strings.Join(few, ", "))
		return d
	}
	d.Reference = q.Language
	if counts[d.Reference] == 0 {
		d.Reference = slices.MaxFunc(langs, func(a, b string) int { return cmp.Compare(counts[a], counts[b]) })
	}
	for _, l := range langs {
		if l == d.Reference {
			continue
		}
		var answers []map[string]int
		var groups []string
		for _, g := range []string{d.Reference, l} {
			for _, a := range sample[g] {
				answers, groups = append(answers, a), append(groups, g)
			}
		}
		for _, it := range LargeDIF(ItemsDIF(q, answers, groups, d.Reference, l)) {
			d.Large = append(d.Large, LanguageDIF{Language: l, ItemDIF: it})
		}
	}
	if len(d.Large) > 0 {
		var items []string
		for _, it := range d.Large {
			items = append(items, fmt.Sprintf("%s in %s", it.Item, it.Language))
		}
		d.Reason = fmt.Sprintf("kept apart by language: %s answered differently from %s by people who stand alike (large DIF, ETS class C)",
			strings.Join(items, ", "), d.Reference)
		return d
	}
	d.Pooled = true
	d.Reason = fmt.Sprintf("pooled: at least %d responses in each language and no statement with large DIF between %s and the others", PoolingMinN, d.Reference)
	return d
}

// GroupFor is the reference group of a response in lang.
func (d LanguageNorms) GroupFor(lang string) NormGroup {
	if d.Pooled {
		return NormGroup{Pooled: true, Languages: languagesOf(d.Counts)}
	}
	return NormGroup{Language: lang}
}

// languagesOf lists the languages with responses, sorted.
func languagesOf(counts map[string]int) []string {
	var out []string
	for l, n := range counts {
		if n > 0 {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}
