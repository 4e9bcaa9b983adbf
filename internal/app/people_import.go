package app

import (
	"context"
	"fmt"
	"strings"

	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// maxImportRows bounds one upload; larger lists can be split.
const maxImportRows = 10_000

// parsePeople reads people from an import file: an XLSX workbook (its
// first sheet) or CSV text separated by commas, semicolons or tabs (see
// importRecords), with the columns name,email,kind and an optional
// job_title. A first row naming those columns is a header and may put
// them in any order; without one, that order is assumed. A header column
// "role", the name used before job titles had their own word, is read as
// job_title, with a note saying so. Rows are numbered as a spreadsheet
// numbers them (the first line is row 1). It returns the people, the row
// number of each, and notes.
func parsePeople(data []byte) ([]store.NewPerson, []int, []string, error) {
	var notes []string
	records, err := importRecords(data)
	if err != nil {
		return nil, nil, nil, err
	}
	col := map[string]int{"name": 0, "email": 1, "kind": 2, "job_title": 3}
	first := 1
	if len(records) > 0 && isPeopleHeader(records[0]) {
		col = map[string]int{}
		for i, h := range records[0] {
			h = strings.ToLower(strings.TrimSpace(h))
			if h == "" {
				continue // an empty cell beside the header, as spreadsheets leave
			}
			if h == "role" {
				h = "job_title"
				notes = append(notes, `The column "role" was read as job_title; name it job_title next time.`)
			}
			if _, dup := col[h]; dup {
				return nil, nil, nil, errs.InvalidFields("The header names a column twice.", map[string]string{"row 1": "column " + h + " appears twice"})
			}
			col[h] = i
		}
		for _, need := range []string{"name", "kind"} {
			if _, ok := col[need]; !ok {
				return nil, nil, nil, errs.InvalidFields("The header lacks a column.", map[string]string{"row 1": "has no " + need + " column"})
			}
		}
		records, first = records[1:], 2
	}
	cell := func(rec []string, name string) string {
		i, ok := col[name]
		if !ok || i >= len(rec) {
			return ""
		}
		return rec[i]
	}
	var people []store.NewPerson
	var rows []int
	fields := map[string]string{}
	for i, rec := range records {
		if rec == nil {
			continue
		}
		if first == 1 && len(rec) > len(col) {
			fields[fmt.Sprintf("row %d", first+i)] = fmt.Sprintf("has %d columns; expected name,email,kind[,job_title]", len(rec))
		}
		people = append(people, store.NewPerson{Name: cell(rec, "name"), Email: cell(rec, "email"),
			Kind: store.PersonKind(cell(rec, "kind")), JobTitle: cell(rec, "job_title")})
		rows = append(rows, first+i)
	}
	if len(fields) > 0 {
		return nil, nil, nil, errs.InvalidFields("Nothing was added: some rows have the wrong number of columns.", fields)
	}
	if len(people) == 0 {
		return nil, nil, nil, errs.InvalidFields("The file has no people in it.", map[string]string{"file": "has no rows of people"})
	}
	if len(people) > maxImportRows {
		return nil, nil, nil, errs.InvalidFields("The file is too long.", map[string]string{"file": fmt.Sprintf("has %d people; upload at most %d at a time", len(people), maxImportRows)})
	}
	return people, rows, notes, nil
}

// isPeopleHeader reports whether a first row is a header naming columns.
func isPeopleHeader(rec []string) bool {
	for _, h := range rec {
		if strings.EqualFold(strings.TrimSpace(h), "name") {
			return true
		}
	}
	return false
}

// Imported says what an import added.
type Imported struct {
	// Added counts the people added.
	Added int
	// Notes say how the file was read, when that needs saying.
	Notes []string
}

// Message says what was done, in words a manager reads after an import.
func (im Imported) Message() string {
	msg := "Added 1 person."
	if im.Added != 1 {
		msg = fmt.Sprintf("Added %d people.", im.Added)
	}
	for _, n := range im.Notes {
		msg += " " + n
	}
	return msg
}

// ImportPeople adds people from a CSV or XLSX file (see parsePeople): all
// of them, or, when any row has a problem, none, with an error naming each
// row and column.
func (a *App) ImportPeople(ctx context.Context, act Actor, data []byte) (Imported, error) {
	people, rows, notes, err := parsePeople(data)
	if err != nil {
		return Imported{}, err
	}
	if _, err := a.org(act).ImportPeople(ctx, people, rows, act.Audit); err != nil {
		return Imported{}, err
	}
	return Imported{Added: len(people), Notes: notes}, nil
}
