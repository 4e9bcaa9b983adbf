package app

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"rolefit/internal/errs"
)

// csvTable is an uploaded CSV file read into records, with the line each
// starts on and the column of each name.
type csvTable struct {
	records [][]string
	lines   []int
	col     map[string]int
	// header says the first row named the columns; without one they are
	// taken in the order given.
	header bool
}

// readCSVTable reads an upload of the given columns, measured before it is
// read (checkUploadSize, checkCSVShape) and stopped after maxImportRows
// rows. A first row naming any of keys is a header, which must name every
// column once.
func readCSVTable(text []byte, columns []string, keys ...string) (*csvTable, error) {
	if err := checkUploadSize(text); err != nil {
		return nil, err
	}
	text = bytes.TrimPrefix(text, []byte("\ufeff")) // spreadsheet byte-order mark
	if !utf8.Valid(text) {
		return nil, errs.InvalidFields("The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.", map[string]string{"file": "is not UTF-8 text"})
	}
	if err := checkCSVShape(text, ','); err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var records [][]string
	var lines []int // the line each record starts on: csv skips blank lines
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, errs.InvalidFields("The file could not be read as CSV.", map[string]string{fmt.Sprintf("row %d", pe.Line): pe.Err.Error()})
		}
		if err != nil {
			return nil, errs.Invalid("The file could not be read: %v", err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a line of spaces
		}
		// A header and maxImportRows months; reading stops at the row after.
		if len(records) > maxImportRows {
			return nil, errs.InvalidFields("The file is too long.", map[string]string{"file": fmt.Sprintf("has more than %d rows; upload at most %d at a time", maxImportRows, maxImportRows)})
		}
		line, _ := r.FieldPos(0)
		records, lines = append(records, rec), append(lines, line)
	}
	col := map[string]int{}
	for i, c := range columns {
		col[c] = i
	}
	header := false
	if len(records) > 0 && headerNames(records[0], keys) {
		col = map[string]int{}
		for i, h := range records[0] {
			h = strings.ToLower(strings.TrimSpace(h))
			if _, dup := col[h]; dup {
				return nil, errs.InvalidFields("The header names a column twice.", map[string]string{"row 1": "column " + h + " appears twice"})
			}
			col[h] = i
		}
		var missing []string
		for _, c := range columns {
			if _, ok := col[c]; !ok {
				missing = append(missing, c)
			}
		}
		if len(missing) > 0 {
			return nil, errs.InvalidFields("The header lacks a column.", map[string]string{"row 1": "has no " + strings.Join(missing, ", ") + " column"})
		}
		records, lines, header = records[1:], lines[1:], true
	}
	return &csvTable{records: records, lines: lines, col: col, header: header}, nil
}

// headerNames reports whether a row names any of the columns, as a header does.
func headerNames(rec []string, names []string) bool {
	for _, n := range names {
		if hasColumn(rec, n) {
			return true
		}
	}
	return false
}
