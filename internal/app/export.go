package app

import (
	"context"
	"fmt"
	"rolefit"
	"slices"
	"strings"
	"time"

	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// Export is a file an export makes: its name, media type and contents.
type Export struct {
	// Filename is safe to put in a Content-Disposition header: letters,
	// digits, '.', '-' and '_' only.
	Filename    string
	ContentType string
	Body        []byte
}

// The formats of the people export.
const (
	FormatCSV  = "csv"
	FormatXLSX = "xlsx"
)

// Media types of the exports.
const (
	ContentTypeCSV  = "text/csv; charset=utf-8"
	ContentTypeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	ContentTypeJSON = "application/json"
)

// PeopleExport says what the people export holds: its Format
// (FormatCSV or FormatXLSX) and, as the people list's filter of that name
// does, whether it holds the Earlier applicants ("" leaves them out,
// EarlierInclude keeps them, EarlierOnly exports them alone).
type PeopleExport struct {
	Format  string
	Earlier string
}

// ExportPeople writes every person of the organisation, with job title,
// profile class, composites, facets and quality flags, as a CSV or XLSX
// file; the earlier applicants only when asked, as the people list shows
// them. Scores come from the score rows, never from decoding stored
// results. The export is recorded in the audit log: it carries personal
// data out of rolefit.
func (a *App) ExportPeople(ctx context.Context, act Actor, q PeopleExport) (*Export, error) {
	format := q.Format
	if format != FormatCSV && format != FormatXLSX {
		return nil, errs.InvalidFields("Choose CSV or XLSX.", map[string]string{"format": "must be csv or xlsx"})
	}
	if q.Earlier != "" && !slices.Contains(store.EarlierFilters, q.Earlier) {
		return nil, errs.InvalidFields("Choose the export's filters from those offered.",
			map[string]string{"earlier": "must be " + strings.Join(store.EarlierFilters, " or ") + ", or left out"})
	}
	org := a.scope(act)
	ps, err := org.ExportPeople(ctx, q.Earlier)
	if err != nil {
		return nil, err
	}
	cut, err := a.cut(ctx, act)
	if err != nil {
		return nil, err
	}
	for i := range ps {
		ps[i].Composites = map[string]*float64{}
		for _, r := range ps[i].Scores {
			if r.Kind == store.ScaleComposite {
				ps[i].Composites[r.ScaleID] = r.Score
			}
		}
		withClass(&ps[i].PersonProfile, cut)
	}
	ocs, err := org.AllOutcomes(ctx)
	if err != nil {
		return nil, err
	}
	t := a.peopleTable(ps, outcomesText(ocs))
	name := "rolefit-people-" + a.now().Format("2006-01-02") + "." + format
	out := &Export{Filename: name}
	switch format {
	case FormatCSV:
		out.ContentType = ContentTypeCSV
		out.Body, err = t.csv()
	case FormatXLSX:
		out.ContentType = ContentTypeXLSX
		out.Body, err = t.xlsx("People")
	}
	if err != nil {
		return nil, fmt.Errorf("export people as %s: %w", format, err)
	}
	if err := org.Audit(ctx, act.Audit, "export", "people", "", fmt.Sprintf("%s, %d people", format, len(ps))); err != nil {
		return nil, err
	}
	return out, nil
}

// peopleColumns are the people export's first columns, named as the
// people import reads them where it reads them (name, email, kind,
// job_title), so an export can be cut down and imported elsewhere.
var peopleColumns = []string{"id", "name", "email", "kind", "job_title", "added_at",
	"questionnaire", "submitted_at", "class", "flags", "severity", "outcomes"}

// peopleTable lays out the people export: the columns above, then one
// column per composite and then per facet that any profile has, in the
// order the installed questionnaires define them.
func (a *App) peopleTable(ps []store.ExportedPerson, outcomes map[string]string) table {
	order := map[string]int{}
	for _, q := range a.cat.All() {
		for _, c := range q.Composites {
			if _, ok := order[c.ID]; !ok {
				order[c.ID] = len(order)
			}
		}
		for _, s := range q.Scales {
			if _, ok := order[s.ID]; !ok {
				order[s.ID] = len(order)
			}
		}
	}
	type scaleCol struct {
		id, kind string
	}
	seen := map[string]bool{}
	var scales []scaleCol
	for _, p := range ps {
		for _, r := range p.Scores {
			if !seen[r.ScaleID] {
				seen[r.ScaleID] = true
				scales = append(scales, scaleCol{r.ScaleID, r.Kind})
			}
		}
	}
	// Composites first, then facets; within each, definition order, and
	// scales no installed questionnaire defines any more last by ID.
	rank := func(id string) int {
		if i, ok := order[id]; ok {
			return i
		}
		return len(order)
	}
	slices.SortFunc(scales, func(x, y scaleCol) int {
		if (x.kind == store.ScaleComposite) != (y.kind == store.ScaleComposite) {
			if x.kind == store.ScaleComposite {
				return -1
			}
			return 1
		}
		if d := rank(x.id) - rank(y.id); d != 0 {
			return d
		}
		if x.id < y.id {
			return -1
		}
		return 1
	})
	t := table{header: slices.Clone(peopleColumns)}
	for _, s := range scales {
		t.header = append(t.header, s.id)
	}
	for _, p := range ps {
		row := make([]cell, 0, len(t.header))
		row = append(row, textCell(p.ID), textCell(p.Name), textCell(p.Email), textCell(string(p.Kind)), textCell(p.JobTitle),
			textCell(p.CreatedAt.UTC().Format(time.RFC3339)))
		if p.ProfileAt == nil {
			row = append(row, make([]cell, 5)...)
			row = append(row, textCell(outcomes[p.ID]))
			row = append(row, make([]cell, len(t.header)-len(row))...)
			t.rows = append(t.rows, row)
			continue
		}
		flags := float64(p.FlagCount)
		row = append(row, textCell(p.ProfileQuestionnaire), textCell(p.ProfileAt.UTC().Format(time.RFC3339)),
			textCell(p.ProfileClass), cell{num: &flags}, textCell(p.Severity), textCell(outcomes[p.ID]))
		by := make(map[string]*float64, len(p.Scores))
		for _, r := range p.Scores {
			by[r.ScaleID] = r.Score
		}
		for _, s := range scales {
			row = append(row, cell{num: by[s.id]})
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// safeName keeps the letters, digits, '-' and '_' of s, so it can stand in
// a file name in a header whatever an ID is made of.
func safeName(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			b = append(b, c)
		}
	}
	if len(b) == 0 {
		return "person"
	}
	return string(b)
}

// outcomesText writes each person's outcomes in one cell, earliest first:
// "advanced 2026-03-02; hired 2026-03-20".
func outcomesText(ocs []rolefit.Outcome) map[string]string {
	out := map[string]string{}
	for _, o := range ocs {
		s := string(o.Stage) + " " + o.ReachedAt.UTC().Format(time.DateOnly)
		if prev := out[o.PersonID]; prev != "" {
			s = prev + "; " + s
		}
		out[o.PersonID] = s
	}
	return out
}
