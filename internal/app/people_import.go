package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"rolefit"
	"strings"

	"rolefit/internal/errs"
)

// maxImportRows bounds one upload, of people or of performance months;
// larger lists can be split. Reading stops at the row after it.
const maxImportRows = 10_000

// maxPeopleCellChars bounds a cell of a people file: no field of a person
// is longer (store.NewPerson: a name at most 200 characters, an e-mail
// address 254, a job title 100), so a longer cell is refused on its row
// before the person is checked, which would copy it to normalise it.
const maxPeopleCellChars = 1_000

// peopleFileColumns are the columns of a people file, in the order assumed
// when it has no header.
var peopleFileColumns = []string{"name", "email", "kind", "job_title"}

// parsePeople reads people from an import file: an XLSX workbook (its
// first sheet) or CSV text separated by commas, semicolons or tabs (see
// importRows), with the columns name,email,kind and an optional
// job_title. A first row naming those columns is a header and may put
// them in any order; without one, that order is assumed. A header column
// "role", the name used before job titles had their own word, is read as
// job_title, with a note saying so. Rows are numbered as a spreadsheet
// numbers them (the first line is row 1). It returns the people, the row
// number of each, and notes. The file is read row by row, only the
// columns above are kept, and reading stops past maxImportRows people.
func parsePeople(data []byte) ([]rolefit.NewPerson, []int, []string, error) {
	rows, err := importRows(data)
	if err != nil {
		return nil, nil, nil, err
	}
	defer rows.close()
	rec, err := rows.next(nil)
	if errors.Is(err, io.EOF) {
		return nil, nil, nil, errs.InvalidFields("The file has no people in it.", map[string]string{"file": "has no rows of people"})
	}
	if err != nil {
		return nil, nil, nil, err
	}
	var notes []string
	col := map[string]int{}
	for i, c := range peopleFileColumns {
		col[c] = i
	}
	header := rec.num == 1 && isPeopleHeader(rec.cells)
	if header {
		col = map[string]int{}
		for i, h := range rec.cells {
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
	}
	keep := func(i int) bool {
		for _, name := range peopleFileColumns {
			if j, ok := col[name]; ok && j == i {
				return true
			}
		}
		return false
	}
	cell := func(rec []string, name string) string {
		i, ok := col[name]
		if !ok || i >= len(rec) {
			return ""
		}
		return rec[i]
	}
	var people []rolefit.NewPerson
	var nums []int
	fields := map[string]string{}
	for {
		if !header || rec.num > 1 {
			if !header && rec.width > len(peopleFileColumns) {
				fields[fmt.Sprintf("row %d", rec.num)] = fmt.Sprintf("has %d columns; expected name,email,kind[,job_title]", rec.width)
			}
			for _, name := range peopleFileColumns {
				if moreCharsThan(cell(rec.cells, name), maxPeopleCellChars) {
					fields[fmt.Sprintf("row %d: %s", rec.num, name)] = fmt.Sprintf("is longer than %d characters", maxPeopleCellChars)
				}
			}
			if len(people) == maxImportRows {
				return nil, nil, nil, errs.InvalidFields("The file is too long.", map[string]string{"file": fmt.Sprintf("has more than %d people; upload at most %d at a time", maxImportRows, maxImportRows)})
			}
			people = append(people, rolefit.NewPerson{Name: cell(rec.cells, "name"), Email: cell(rec.cells, "email"),
				Kind: rolefit.PersonKind(cell(rec.cells, "kind")), JobTitle: cell(rec.cells, "job_title")})
			nums = append(nums, rec.num)
		}
		if rec, err = rows.next(keep); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, nil, nil, err
		}
	}
	if len(fields) > 0 {
		return nil, nil, nil, errs.InvalidFields(fmt.Sprintf("Nothing was added: %d problems in the file. Fix them and upload it again.", len(fields)), fields)
	}
	if len(people) == 0 {
		return nil, nil, nil, errs.InvalidFields("The file has no people in it.", map[string]string{"file": "has no rows of people"})
	}
	return people, nums, notes, nil
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
	// Added counts the people added; People are they, in the file's
	// order.
	Added  int
	People []rolefit.Person
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
	added, err := a.scope(act).ImportPeople(ctx, people, rows, act.Audit)
	if err != nil {
		return Imported{}, err
	}
	return Imported{Added: len(added), People: added, Notes: notes}, nil
}
