package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// maxImportRows bounds one upload; larger lists can be split.
const maxImportRows = 10_000

// parsePeopleCSV reads people from CSV text with the columns
// name,email,kind and an optional job_title. A first row naming those
// columns is a header and may put them in any order; without one, that
// order is assumed. A header column "role", the name used before job
// titles had their own word, is read as job_title, with a note saying so.
// Rows are numbered as a spreadsheet numbers them (the first line is row
// 1). It returns the people, the row number of each, and notes.
func parsePeopleCSV(text []byte) ([]store.NewPerson, []int, []string, error) {
	var notes []string
	text = bytes.TrimPrefix(text, []byte("\ufeff")) // spreadsheet byte-order mark
	if !utf8.Valid(text) {
		return nil, nil, nil, errs.InvalidFields("The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.", map[string]string{"file": "is not UTF-8 text"})
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var records [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, nil, nil, errs.InvalidFields("The file could not be read as CSV.",
				map[string]string{fmt.Sprintf("row %d", pe.Line): pe.Err.Error()})
		}
		if err != nil {
			return nil, nil, nil, errs.Invalid("The file could not be read: %v", err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			rec = nil // a blank line, kept so row numbers match the file
		}
		records = append(records, rec)
	}
	col := map[string]int{"name": 0, "email": 1, "kind": 2, "job_title": 3}
	first := 1
	if len(records) > 0 && isPeopleHeader(records[0]) {
		col = map[string]int{}
		for i, h := range records[0] {
			h = strings.ToLower(strings.TrimSpace(h))
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

// ImportPeople adds people from a CSV file: all of them, or, when any row
// has a problem, none, with an error naming each row and column.
func (a *App) ImportPeople(ctx context.Context, act Actor, text []byte) (Imported, error) {
	people, rows, notes, err := parsePeopleCSV(text)
	if err != nil {
		return Imported{}, err
	}
	if _, err := a.org(act).ImportPeople(ctx, people, rows, act.Audit); err != nil {
		return Imported{}, err
	}
	return Imported{Added: len(people), Notes: notes}, nil
}
