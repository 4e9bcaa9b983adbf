package app

import (
	"context"
	"fmt"
	"strings"

	"rolefit/internal/errs"
	"rolefit/internal/fairness"
	"rolefit/internal/store"
)

// biasAuditColumns are the bias-audit export's columns: one row per group
// of every decision and grouping, then a row of the unknown, preceded by
// rows that say what the data is (section "about").
var biasAuditColumns = []string{"section", "decision", "grouping", "group", "assessed", "selected", "rate",
	"impact_ratio", "below_four_fifths", "fisher_p", "shortfall", "note"}

// BiasAuditQuery is the export's period (dates YYYY-MM-DD, as the report
// reads them) and format (FormatCSV or FormatXLSX).
type BiasAuditQuery struct {
	From, To string
	Format   string
}

// ExportBiasAudit writes the tables an independent auditor asks for, as a
// Local Law 144 bias audit sets them out (6 RCNY §5-301): for each
// decision (every outcome stage and the median of every composite) and
// each grouping (sex, race/ethnicity, age and the intersections of sex and
// race/ethnicity), every group's counts, rate, impact ratio, the
// four-fifths flag, Fisher's exact p and the shortfall, the count with no
// answer, the period and the questionnaire versions. A group of fewer
// than 5 shows no counts. The export is recorded in the audit log.
func (a *App) ExportBiasAudit(ctx context.Context, act Actor, q BiasAuditQuery) (*Export, error) {
	if q.Format != FormatCSV && q.Format != FormatXLSX {
		return nil, errs.InvalidFields("Choose CSV or XLSX.", map[string]string{"format": "must be csv or xlsx"})
	}
	from, to, f := periodOf(q.From, q.To, a.now())
	if len(f) > 0 {
		return nil, errs.InvalidFields("Please correct the highlighted fields.", f)
	}
	org := a.scope(act)
	o, err := org.Get(ctx)
	if err != nil {
		return nil, err
	}
	rowsOf := map[string][]store.FairnessRow{} // by composite
	t := table{header: biasAuditColumns}
	about := func(name, value string) {
		t.rows = append(t.rows, []cell{textCell("about"), {}, {}, textCell(name), {}, {}, {}, {}, {}, {}, {}, textCell(value)})
	}
	about("organisation", o.Name)
	about("generated_at", a.now().UTC().Format("2006-01-02T15:04:05Z"))
	about("period_from", from.Format("2006-01-02"))
	about("period_to", to.AddDate(0, 0, -1).Format("2006-01-02"))
	about("assessed", "people with a submitted self-report in the period; selected: those who reached the decision")
	about("rules", "impact ratio = rate / highest rate; below four fifths when under 0.8 (29 CFR 1607.4(D)); Fisher's exact test two-sided against the highest-rate group; groups of fewer than 5 and under 2% of those assessed are left out of the ratios")
	var versions []string
	for _, d := range a.Decisions() {
		c := decisionComposite(d)
		rows, ok := rowsOf[c]
		if !ok {
			var err error
			if rows, err = org.FairnessRows(ctx, from, to, c); err != nil {
				return nil, err
			}
			rowsOf[c] = rows
		}
		for _, by := range Groupings {
			rep := impactOf(rows, d, by, from, to)
			if c == "" && by == Groupings[0] {
				versions = rep.Versions
			}
			for _, g := range rep.Groups {
				t.rows = append(t.rows, biasAuditRow(d, by, g))
			}
			t.rows = append(t.rows, []cell{textCell("table"), textCell(d), textCell(by), textCell("unknown"), numCell(float64(rep.Unknown)),
				{}, {}, {}, {}, {}, {}, textCell("no answer or prefer not to say")})
		}
	}
	about("questionnaire_versions", strings.Join(versions, " "))
	name := "rolefit-bias-audit-" + a.now().Format("2006-01-02") + "." + q.Format
	out := &Export{Filename: name}
	switch q.Format {
	case FormatCSV:
		out.ContentType = ContentTypeCSV
		out.Body, err = t.csv()
	case FormatXLSX:
		out.ContentType = ContentTypeXLSX
		out.Body, err = t.xlsx("Bias audit")
	}
	if err != nil {
		return nil, fmt.Errorf("export bias audit as %s: %w", q.Format, err)
	}
	if err := org.Audit(ctx, act.Audit, "export", "organisation", act.OrgID, "bias audit "+q.Format); err != nil {
		return nil, err
	}
	return out, nil
}

// biasAuditRow is one group's row of the export.
func biasAuditRow(decision, by string, g fairness.Group) []cell {
	row := []cell{textCell("table"), textCell(decision), textCell(by), textCell(g.Group)}
	if g.Excluded == fairness.ReasonFewerThan5 {
		row = append(row, textCell("fewer than 5"), cell{}, cell{})
	} else {
		row = append(row, numCell(float64(g.Assessed)), numCell(float64(g.Selected)), numCell(g.Rate))
	}
	opt := func(x *float64) cell {
		if x == nil {
			return cell{}
		}
		return numCell(*x)
	}
	flag, shortfall := cell{}, cell{}
	if g.Ratio != nil && !g.Reference {
		flag, shortfall = textCell(map[bool]string{true: "yes", false: "no"}[g.BelowFourFifths]), numCell(float64(g.Shortfall))
	}
	note := g.Excluded
	if g.Reference {
		note = "highest rate (reference)"
	}
	if g.Excluded != "" {
		note = "not in the ratios: " + g.Excluded
	}
	return append(row, opt(g.Ratio), flag, opt(g.P), shortfall, textCell(note))
}

// numCell is a number cell.
func numCell(x float64) cell { return cell{num: &x} }
