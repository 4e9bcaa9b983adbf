package server

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// maxImportRows bounds one upload; larger lists can be split.
const maxImportRows = 10_000

// parsePeopleCSV reads people from CSV text with the columns
// name,email,kind and an optional role. A first row naming those columns
// is a header and may put them in any order; without one, that order is
// assumed. Rows are numbered as a spreadsheet numbers them (the first line
// is row 1). It returns the people and the row number of each.
func parsePeopleCSV(text []byte) ([]store.NewPerson, []int, error) {
	text = bytes.TrimPrefix(text, []byte("\ufeff")) // spreadsheet byte-order mark
	if !utf8.Valid(text) {
		return nil, nil, errs.InvalidFields("The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.", map[string]string{"file": "is not UTF-8 text"})
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
			return nil, nil, errs.InvalidFields("The file could not be read as CSV.",
				map[string]string{fmt.Sprintf("row %d", pe.Line): pe.Err.Error()})
		}
		if err != nil {
			return nil, nil, errs.Invalid("The file could not be read: %v", err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			rec = nil // a blank line, kept so row numbers match the file
		}
		records = append(records, rec)
	}
	col := map[string]int{"name": 0, "email": 1, "kind": 2, "role": 3}
	first := 1
	if len(records) > 0 && isPeopleHeader(records[0]) {
		col = map[string]int{}
		for i, h := range records[0] {
			h = strings.ToLower(strings.TrimSpace(h))
			if _, dup := col[h]; dup {
				return nil, nil, errs.InvalidFields("The header names a column twice.", map[string]string{"row 1": "column " + h + " appears twice"})
			}
			col[h] = i
		}
		for _, need := range []string{"name", "kind"} {
			if _, ok := col[need]; !ok {
				return nil, nil, errs.InvalidFields("The header lacks a column.", map[string]string{"row 1": "has no " + need + " column"})
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
			fields[fmt.Sprintf("row %d", first+i)] = fmt.Sprintf("has %d columns; expected name,email,kind[,role]", len(rec))
		}
		people = append(people, store.NewPerson{Name: cell(rec, "name"), Email: cell(rec, "email"),
			Kind: store.PersonKind(cell(rec, "kind")), Role: cell(rec, "role")})
		rows = append(rows, first+i)
	}
	if len(fields) > 0 {
		return nil, nil, errs.InvalidFields("Nothing was added: some rows have the wrong number of columns.", fields)
	}
	if len(people) == 0 {
		return nil, nil, errs.InvalidFields("The file has no people in it.", map[string]string{"file": "has no rows of people"})
	}
	if len(people) > maxImportRows {
		return nil, nil, errs.InvalidFields("The file is too long.", map[string]string{"file": fmt.Sprintf("has %d people; upload at most %d at a time", len(people), maxImportRows)})
	}
	return people, rows, nil
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

// readImport gets the CSV from an uploaded file or from the text box.
func readImport(c *fiber.Ctx) ([]byte, error) {
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		f, err := fh.Open()
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(io.LimitReader(f, 8<<20))
	}
	return []byte(c.FormValue("csv")), nil
}

// handlePeopleImport adds people from a CSV: all of them, or, when any row
// has a problem, none, with a report naming each row and column.
func handlePeopleImport(st *store.Store, rnd *renderer, now func() time.Time) fiber.Handler {
	return func(c *fiber.Ctx) error {
		text, err := readImport(c)
		if err != nil {
			return err
		}
		people, rows, err := parsePeopleCSV(text)
		if err == nil {
			_, err = orgOf(c, st).ImportPeople(c.UserContext(), people, rows, actorOf(c))
		}
		if code := errs.Code(err); code == errs.CodeInvalid || code == errs.CodeConflict {
			v := pageView(c, "People", "people")
			v.Message, v.Errors = errs.Message(err), errs.FieldsOf(err)
			return renderPeople(c, st, rnd, now, statusOf[code], v, string(text))
		}
		if err != nil {
			return err
		}
		flash(c, fmt.Sprintf("Added %d people.", len(people)))
		return c.Redirect("/people", fiber.StatusSeeOther)
	}
}
