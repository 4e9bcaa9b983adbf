package server

import (
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/i18n"
)

// reliabilityPage is the reliability page's data: the figures and the
// thresholds the page explains them by.
type reliabilityPage struct {
	*app.Reliability
	Selected    string
	MinN        int
	Provisional int
	Usable      float64
	// ScaleText is the questionnaire's answer scale, such as "1–5": the
	// unit of its scores, bands and SEM.
	ScaleText string
	// LanguageHeads name each language's column (with its responses) and
	// LanguageRows hold each scale's alpha in each language, "—" where
	// it cannot be computed.
	LanguageHeads []string
	LanguageRows  []languageRow
	PoolingMinN   int
	// Fairness is the Item fairness section: one comparison of groups each.
	Fairness []difView
	MinDIF   int
}

// difView is one comparison of self-identified groups on the page.
type difView struct {
	Title              string
	NReference, NFocal int
	Reference, Focal   string
	Enough             bool
	Moderate, Large    int
	Items              int
	// Flagged are the statements of ETS class B or C, largest first.
	Flagged []difItem
}

// difItem is one statement with moderate or large DIF.
type difItem struct {
	ID, Text, Class, Delta, Favours string
}

// fillFairness lays out the item-fairness comparisons, in l's words.
func (p *reliabilityPage) fillFairness(q *assess.Questionnaire, l *i18n.Printer) {
	text := map[string]string{}
	for _, pg := range q.Pages {
		for _, it := range pg.Items {
			text[it.ID] = it.Text
		}
	}
	for _, g := range p.ItemFairness {
		v := difView{Title: l.T("reliability.fairness.title", groupingText[g.Grouping], groupLabel(g.Focal), groupLabel(g.Reference)),
			NReference: g.NReference, NFocal: g.NFocal, Reference: groupLabel(g.Reference), Focal: groupLabel(g.Focal),
			Enough: g.Enough, Moderate: g.Moderate, Large: g.Large, Items: len(g.Items)}
		if g.Grouping == "age" {
			v.Title, v.Reference, v.Focal = l.T("reliability.fairness.age_title"), l.T("reliability.fairness.age_under_40"), l.T("reliability.fairness.age_40_or_over")
		}
		for _, d := range g.Items {
			if d.Class != assess.DIFModerate && d.Class != assess.DIFLarge {
				continue
			}
			// Δ_MH below 0 favours the reference group: at the same facet
			// score its members agree with the statement more often
			// (assess/dif.go).
			favours := v.Reference
			if d.Delta > 0 {
				favours = v.Focal
			}
			v.Flagged = append(v.Flagged, difItem{ID: d.Item, Text: text[d.Item], Class: string(d.Class),
				Delta: strconv.FormatFloat(d.Delta, 'f', 2, 64), Favours: favours})
		}
		p.Fairness = append(p.Fairness, v)
	}
}

// languageRow is one scale's alpha in each language.
type languageRow struct {
	Name      string
	Composite bool
	Alphas    []string
}

// fillLanguages lays out the alphas of each language, the heads in pr's
// words.
func (p *reliabilityPage) fillLanguages(pr *i18n.Printer) {
	if len(p.Languages) == 0 {
		return
	}
	for _, l := range p.Languages {
		p.LanguageHeads = append(p.LanguageHeads, pr.T("reliability.languages.head", app.LanguageName(l.Language), strconv.Itoa(l.Responses)))
	}
	for _, s := range p.Scales {
		row := languageRow{Name: s.Name, Composite: s.Composite}
		for _, l := range p.Languages {
			a, ok := l.Alpha[s.ID]
			cell := "—"
			if ok && l.Enough {
				cell = strconv.FormatFloat(a, 'f', 3, 64)
			}
			row.Alphas = append(row.Alphas, cell)
		}
		p.LanguageRows = append(p.LanguageRows, row)
	}
}

// handleReliability shows how consistently each scale of a questionnaire
// measures, over the organisation's own responses (?questionnaire=id:version).
func handleReliability(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		r, err := uc.Reliability(c.UserContext(), actorOf(c), c.Query("questionnaire"))
		if err != nil {
			return err
		}
		p := reliabilityPage{Reliability: r, MinN: assess.MinReferenceN, Provisional: assess.ProvisionalBelowN, Usable: app.UsableAlpha,
			PoolingMinN: assess.PoolingMinN}
		p.fillLanguages(rnd.english)
		p.MinDIF = app.MinDIFGroup
		if q := r.Questionnaire; q != nil {
			p.fillFairness(q, rnd.english)
			p.Selected = app.Ref(q)
			p.ScaleText = fmt.Sprintf("%d–%d", q.Scale.Min, q.Scale.Max)
		}
		v := pageView(c, rnd.english.T("reliability.title"), "settings")
		v.Data = p
		return rnd.render(c, fiber.StatusOK, "reliability", v)
	}
}
