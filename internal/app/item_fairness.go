package app

import (
	"rolefit"
	"sort"

	"rolefit/internal/assess"
	"rolefit/internal/store"
)

// MinDIFGroup is the fewest respondents each group needs before its
// statements are compared (DESIGN.md §15): over fewer, Mantel–Haenszel's
// strata hold a handful of people each and its figures swing with a few
// answers, so the page says "not enough data" instead.
const MinDIFGroup = 100

// GroupDIF is differential item functioning between two self-identified
// groups of respondents to one questionnaire version: does a statement
// work differently for women and men, or for people over and under 40,
// who stand alike on what it measures?
type GroupDIF struct {
	Grouping           string
	Reference, Focal   string
	NReference, NFocal int
	// Enough is false until each group has MinDIFGroup respondents; Items
	// is then empty.
	Enough bool
	Items  []assess.ItemDIF
	// Moderate and Large count the statements of ETS classes B and C.
	Moderate, Large int
}

// difPairs are the groups compared: the larger group of each grouping as
// the reference, as is usual (Holland and Thayer, 1988).
var difPairs = []struct {
	grouping, reference, focal string
	of                         func(rolefit.SelfIdentification) string
}{
	{"sex", "male", "female", func(s rolefit.SelfIdentification) string { return s.Sex }},
	{"age", "no", "yes", func(s rolefit.SelfIdentification) string { return s.Age40OrOver }},
	{"race_ethnicity", "white", "hispanic_or_latino", func(s rolefit.SelfIdentification) string { return s.RaceEthnicity }},
	{"race_ethnicity", "white", "black_or_african_american", func(s rolefit.SelfIdentification) string { return s.RaceEthnicity }},
	{"race_ethnicity", "white", "asian", func(s rolefit.SelfIdentification) string { return s.RaceEthnicity }},
}

// itemFairnessCounts is each pair's groups counted from the
// self-identifications alone; enough says some pair can be compared.
func itemFairnessCounts(counts []store.SelfIDCount) (out []GroupDIF, enough bool) {
	for _, p := range difPairs {
		g := GroupDIF{Grouping: p.grouping, Reference: p.reference, Focal: p.focal}
		for _, c := range counts {
			switch p.of(rolefit.SelfIdentification{Sex: c.Sex, RaceEthnicity: c.RaceEthnicity, Age40OrOver: c.Age40OrOver}) {
			case p.reference:
				g.NReference += c.N
			case p.focal:
				g.NFocal += c.N
			}
		}
		g.Enough = g.NReference >= MinDIFGroup && g.NFocal >= MinDIFGroup
		enough = enough || g.Enough
		out = append(out, g)
	}
	return out, enough
}

// itemFairness compares the statements of q between each pair of groups
// with enough respondents.
func itemFairness(q *assess.Questionnaire, answers []map[string]int, ids []rolefit.SelfIdentification) []GroupDIF {
	var out []GroupDIF
	for _, p := range difPairs {
		groups := make([]string, len(answers))
		g := GroupDIF{Grouping: p.grouping, Reference: p.reference, Focal: p.focal}
		for i, id := range ids {
			groups[i] = p.of(id)
			switch groups[i] {
			case p.reference:
				g.NReference++
			case p.focal:
				g.NFocal++
			}
		}
		g.Enough = g.NReference >= MinDIFGroup && g.NFocal >= MinDIFGroup
		if g.Enough {
			g.Items = assess.ItemsDIF(q, answers, groups, p.reference, p.focal)
			for _, d := range g.Items {
				switch d.Class {
				case assess.DIFModerate:
					g.Moderate++
				case assess.DIFLarge:
					g.Large++
				}
			}
			// Largest first, for the page.
			sort.SliceStable(g.Items, func(i, j int) bool { return abs(g.Items[i].Delta) > abs(g.Items[j].Delta) })
		}
		out = append(out, g)
	}
	return out
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
