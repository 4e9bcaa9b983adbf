package server

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/fairness"
)

// fairnessPage is the adverse-impact report's page (admins): the choice of
// decision, grouping and period, and the table.
type fairnessPage struct {
	Decisions []choice
	Groupings []choice
	// DecisionText says the decision in words; Today is the date of a
	// printed summary.
	DecisionText, Today string
	Report              *app.AdverseImpact
	Rows                []impactRow
	// Query is the report's query string, for the export and summary links.
	Query string
	// Print shows the printable summary instead of the form.
	Print bool
	// Demo says the organisation's outcomes and self-identifications are
	// made up.
	Demo bool
	// Period is the period in words.
	Period string
}

// choice is one option of a select.
type choice struct{ Value, Label string }

// decisionText says a decision in words.
func decisionText(d string) string {
	if c, ok := strings.CutPrefix(d, "median:"); ok {
		return managerEnglish.T("fairness.decision.median", c)
	}
	return managerEnglish.T("fairness.decision.stage", d)
}

// decisionLabel is a decision as the decision select offers it: a stage
// by its name alone.
func decisionLabel(d string) string {
	if _, ok := strings.CutPrefix(d, "median:"); ok {
		return decisionText(d)
	}
	return managerEnglish.T("fairness.decision.stage_option", d)
}

// groupingText names a grouping in words.
var groupingText = map[string]string{
	"sex":            managerEnglish.T("fairness.grouping.sex"),
	"race_ethnicity": managerEnglish.T("fairness.grouping.race_ethnicity"),
	"age":            managerEnglish.T("fairness.grouping.age"),
	"sex_race":       managerEnglish.T("fairness.grouping.sex_race"),
}

// impactRow is one group's figures as the page shows them.
type impactRow struct {
	Group, Assessed, Selected, Rate, Ratio, P, Shortfall string
	Flag, Reference, Small                               bool
	Excluded                                             string
}

// impactRowsOf formats the report's groups.
func impactRowsOf(r *app.AdverseImpact) []impactRow {
	var out []impactRow
	for _, g := range r.Groups {
		row := impactRow{Group: groupLabel(g.Group), Flag: g.BelowFourFifths, Reference: g.Reference, Excluded: g.Excluded,
			Ratio: "—", P: "—", Shortfall: "—"}
		if g.Excluded == fairness.ReasonFewerThan5 {
			row.Small, row.Assessed, row.Selected, row.Rate = true, managerEnglish.T("fairness.fewer_than_5"), "—", "—"
		} else {
			row.Assessed, row.Selected, row.Rate = fmt.Sprint(g.Assessed), fmt.Sprint(g.Selected), fmt.Sprintf("%.1f%%", 100*g.Rate)
		}
		if g.Ratio != nil {
			row.Ratio = fmt.Sprintf("%.2f", *g.Ratio)
		}
		if g.P != nil {
			row.P = pText(*g.P)
		}
		if g.Ratio != nil && !g.Reference {
			row.Shortfall = fmt.Sprint(g.Shortfall)
		}
		out = append(out, row)
	}
	return out
}

// groupLabel writes a group's snake-case name in words ("female / asian").
func groupLabel(g string) string {
	return strings.ReplaceAll(strings.ReplaceAll(g, "_", " "), "/", " / ")
}

// handleFairness is the adverse-impact report (admins). Without a decision
// it shows the first stage by sex.
func handleFairness(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderFairness(c, uc, rnd, false)
	}
}

// handleFairnessSummary is the printable summary, as a Local Law 144
// summary of a bias audit would be published: the date, the period, the
// questionnaire versions and the table.
func handleFairnessSummary(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderFairness(c, uc, rnd, true)
	}
}

func renderFairness(c *fiber.Ctx, uc *app.App, rnd *renderer, print bool) error {
	q := adverseImpactQuery(c)
	if q.Decision == "" {
		q.Decision = "advanced"
	}
	if q.By == "" {
		q.By = "sex"
	}
	v := pageView(c, rnd.english.T("fairness.title"), "settings")
	page := fairnessPage{Print: print, DecisionText: decisionText(q.Decision), Today: uc.Now().Format("2006-01-02")}
	for _, d := range uc.Decisions() {
		page.Decisions = append(page.Decisions, choice{d, decisionLabel(d)})
	}
	for _, g := range app.Groupings {
		page.Groupings = append(page.Groupings, choice{g, groupingText[g]})
	}
	r, err := uc.AdverseImpact(c.UserContext(), actorOf(c), q)
	status := fiber.StatusOK
	switch {
	case errs.Code(err) == errs.CodeInvalid:
		v.Message, v.Errors, status = errs.Message(err), errs.FieldsOf(err), fiber.StatusBadRequest
	case err != nil:
		return err
	default:
		page.Report, page.Rows = r, impactRowsOf(r)
		page.Period = rnd.english.T("fairness.period", r.From.Format("2006-01-02"), r.To.AddDate(0, 0, -1).Format("2006-01-02"))
	}
	v.Form = map[string]string{"decision": q.Decision, "by": q.By, "from": q.From, "to": q.To}
	page.Query = url.Values{"decision": {q.Decision}, "by": {q.By}, "from": {q.From}, "to": {q.To}}.Encode()
	if v.Org != nil {
		page.Demo = v.Org.IsDemo
	}
	v.Data = page
	return rnd.render(c, status, "fairness", v)
}

// handleFairnessExport is the bias-audit export (admins): every decision
// by every grouping over the period, as CSV (?format=csv, the default) or
// XLSX.
func handleFairnessExport(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		e, err := uc.ExportBiasAudit(c.UserContext(), actorOf(c), app.BiasAuditQuery{From: c.Query("from"), To: c.Query("to"), Format: c.Query("format", app.FormatCSV)})
		if err != nil {
			return err
		}
		return sendExport(c, e)
	}
}
