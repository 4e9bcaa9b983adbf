package app

import (
	"context"
	"fmt"
	"rolefit"
	"strings"

	"rolefit/internal/errs"
	"rolefit/internal/quantity"
)

// Performance is a staff member's recorded months with the observed
// revenue per hour on each activity over all of them.
type Performance struct {
	// Months are oldest first.
	Months []rolefit.PerformanceMonth
	// NewBusinessRate and ServiceRate are total revenue over total hours
	// on that activity (store.PerformanceTotals.Rates); nil without hours.
	NewBusinessRate *float64
	ServiceRate     *float64
}

// performanceOf summarises recorded months.
func performanceOf(ms []rolefit.PerformanceMonth) *Performance {
	p := &Performance{Months: ms}
	p.NewBusinessRate, p.ServiceRate = rolefit.TotalOf(ms).Rates()
	return p
}

// RecordPerformance records one month of a staff member's work. A month
// already recorded is a conflict unless replace is set, when the new
// figures take the old ones' place: re-entering a month is a correction,
// never an addition (README.md, "Performance records").
func (a *App) RecordPerformance(ctx context.Context, act Actor, personID string, in rolefit.PerformanceInput, replace bool) (*rolefit.PerformanceMonth, error) {
	in.Person = personID
	ms, err := a.scope(act).RecordPerformance(ctx, []rolefit.PerformanceInput{in}, nil, replace, act.Audit)
	if err != nil {
		return nil, err
	}
	return &ms[0], nil
}

// PersonPerformance returns a staff member's months and observed rates;
// a candidate has none and gets an empty record.
func (a *App) PersonPerformance(ctx context.Context, act Actor, personID string) (*Performance, error) {
	org := a.scope(act)
	p, err := org.Person(ctx, personID)
	if err != nil {
		return nil, err
	}
	ms, err := org.PerformanceMonths(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	if err := org.AuditRead(ctx, act.Audit, "view", "person", p.ID, "performance"); err != nil {
		return nil, err
	}
	return performanceOf(ms), nil
}

// CheckPerson finds the person personID in the actor's organisation, or
// fails with not found. It shows nothing of them, so it records no view:
// a form posted from a person's page checks the page with it, and the
// page shown afterwards records its own view.
func (a *App) CheckPerson(ctx context.Context, act Actor, personID string) error {
	_, err := a.scope(act).Person(ctx, personID)
	return err
}

// ImportedPerformance says what a performance import recorded.
type ImportedPerformance struct {
	Months int
	People int
}

// Message says what was done, in words a manager reads after an import.
func (im ImportedPerformance) Message() string {
	months, people := "months", "people"
	if im.Months == 1 {
		months = "month"
	}
	if im.People == 1 {
		people = "person"
	}
	return fmt.Sprintf("Recorded %d %s of performance for %d %s.", im.Months, months, im.People, people)
}

// performanceColumns are the columns of a performance file, in the order
// assumed when it has no header.
var performanceColumns = []string{"person", "month", "new_business_hours", "new_business_revenue", "service_hours", "service_revenue"}

// ImportPerformance records months of performance from a CSV file with
// the columns performanceColumns (a header row naming them is optional
// and may order them any way; the person is an ID or an e-mail address):
// all of them, or, when any row has a problem, none, with an error naming
// each row and column. replace lets the file's months overwrite months
// already recorded; without it they are an error on their row.
func (a *App) ImportPerformance(ctx context.Context, act Actor, text []byte, replace bool) (ImportedPerformance, error) {
	ins, rows, err := parsePerformanceCSV(text)
	if err != nil {
		return ImportedPerformance{}, err
	}
	ms, err := a.scope(act).RecordPerformance(ctx, ins, rows, replace, act.Audit)
	if err != nil {
		return ImportedPerformance{}, err
	}
	people := map[string]bool{}
	for _, m := range ms {
		people[m.PersonID] = true
	}
	return ImportedPerformance{Months: len(ms), People: len(people)}, nil
}

// parsePerformanceCSV reads months from CSV text. Rows are numbered as a
// spreadsheet numbers them (the first line is row 1, blank lines count);
// a number that does not read is reported on its row and column.
func parsePerformanceCSV(text []byte) ([]rolefit.PerformanceInput, []int, error) {
	t, err := readCSVTable(text, performanceColumns, "person", "month")
	if err != nil {
		return nil, nil, err
	}
	records, lines, col, header := t.records, t.lines, t.col, t.header
	var ins []rolefit.PerformanceInput
	var rows []int
	fields := map[string]string{}
	for i, rec := range records {
		row := lines[i]
		if !header && len(rec) != len(performanceColumns) {
			fields[fmt.Sprintf("row %d", row)] = fmt.Sprintf("has %d columns; expected %s", len(rec), strings.Join(performanceColumns, ","))
			continue
		}
		cell := func(name string) string {
			if j := col[name]; j < len(rec) {
				return strings.TrimSpace(rec[j])
			}
			return ""
		}
		number := func(name string) float64 {
			s := cell(name)
			if s == "" {
				return 0 // an empty cell is none
			}
			v, err := quantity.Parse(s)
			if err != nil {
				fields[fmt.Sprintf("row %d: %s", row, name)] = quantity.NotANumber + " (no currency sign)"
				return 0
			}
			return v
		}
		ins = append(ins, rolefit.PerformanceInput{Person: cell("person"), Month: cell("month"),
			NewBusinessHours: number("new_business_hours"), NewBusinessRevenue: number("new_business_revenue"),
			ServiceHours: number("service_hours"), ServiceRevenue: number("service_revenue")})
		rows = append(rows, row)
	}
	if len(fields) > 0 {
		return nil, nil, errs.InvalidFields(fmt.Sprintf("Nothing was recorded: %d problems in the file. Fix them and upload it again.", len(fields)), fields)
	}
	if len(ins) == 0 {
		return nil, nil, errs.InvalidFields("The file has no months in it.", map[string]string{"file": "has no rows of performance"})
	}
	if len(ins) > maxImportRows {
		return nil, nil, errs.InvalidFields("The file is too long.", map[string]string{"file": fmt.Sprintf("has %d rows; upload at most %d at a time", len(ins), maxImportRows)})
	}
	return ins, rows, nil
}

// hasColumn reports whether a row names the column, as a header does.
func hasColumn(rec []string, name string) bool {
	for _, h := range rec {
		if strings.EqualFold(strings.TrimSpace(h), name) {
			return true
		}
	}
	return false
}
