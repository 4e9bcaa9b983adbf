package server

import (
	"fmt"
	"html/template"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/evidence"
)

// evidencePage is "Does it predict here?": a verdict for each composite
// against each criterion, the composites drawn against the observed
// rates, and every scale's figures in one table.
type evidencePage struct {
	*app.ValidityReport
	// Demo is set in the demo organisation, whose performance is made up.
	Demo       bool
	MinFinding int
	PlanningN  int
	Planning   string
	Composites []evidenceCard
	Rows       []evidenceRow
}

// evidenceCard is one composite: its verdict against each criterion and
// its charts against the observed rates.
type evidenceCard struct {
	Scale    app.ValidityScale
	Verdicts []evidenceVerdict
	Charts   []template.HTML
}

// evidenceVerdict is one criterion's verdict in words.
type evidenceVerdict struct {
	Criterion, Text string
	Finding         bool
}

// evidenceRow is one scale against one criterion in the table.
type evidenceRow struct {
	Scale, Criterion               string
	Facet, Finding                 bool
	N                              int
	R, Rho, Interval, P, Corrected string
}

// evidencePageOf lays the report out; money writes the rates' ticks.
func evidencePageOf(rep *app.ValidityReport, m money, demo bool) evidencePage {
	p := evidencePage{ValidityReport: rep, Demo: demo, MinFinding: evidence.MinFinding, PlanningN: app.PlanningN, Planning: planningText()}
	cards := map[string]int{}
	for _, it := range rep.Items {
		text, finding := verdictOf(it)
		row := evidenceRow{Scale: it.Scale.Name, Criterion: it.Criterion.Name, Facet: it.Scale.Kind != "composite", Finding: finding, N: it.N,
			R: figure(it.R), Rho: figure(it.Rho), Interval: intervalText(it.Low, it.High), P: "—", Corrected: figure(it.Corrected)}
		if it.P != nil {
			row.P = pText(*it.P)
		}
		p.Rows = append(p.Rows, row)
		if row.Facet {
			continue
		}
		i, ok := cards[it.Scale.ID]
		if !ok {
			i = len(p.Composites)
			cards[it.Scale.ID] = i
			p.Composites = append(p.Composites, evidenceCard{Scale: it.Scale})
		}
		c := &p.Composites[i]
		c.Verdicts = append(c.Verdicts, evidenceVerdict{Criterion: it.Criterion.Name, Text: text, Finding: finding})
		if it.Criterion.Rate && it.N > 0 && rep.Questionnaire != nil {
			q := rep.Questionnaire
			c.Charts = append(c.Charts, scatterChart{
				ID:      fmt.Sprintf("scatter-%s-%s", it.Scale.ID, it.Criterion.ID),
				Title:   managerEnglish.T("evidence.chart.title", it.Scale.Name, it.Criterion.Name),
				Summary: managerEnglish.T("evidence.chart.summary", it.N, text),
				XLabel:  managerEnglish.T("evidence.chart.x", it.Scale.Name, q.Scale.Min, q.Scale.Max),
				YLabel:  it.Criterion.Name, XMin: float64(q.Scale.Min), XMax: float64(q.Scale.Max), Points: it.Points,
				YTick: m.Short,
			}.SVG())
		}
	}
	return p
}

// handleEvidence shows "Does it predict here?" to managers and admins.
func handleEvidence(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		rep, err := uc.Validity(c.UserContext(), actorOf(c), app.ValidityQuery{})
		if err != nil {
			return err
		}
		v := pageView(c, rnd.english.T("evidence.title"), "evidence")
		m, demo := moneyIn(""), false
		if v.Org != nil {
			m, demo = moneyIn(v.Org.Currency), v.Org.IsDemo
		}
		v.Data = evidencePageOf(rep, m, demo)
		return rnd.render(c, fiber.StatusOK, "evidence", v)
	}
}
