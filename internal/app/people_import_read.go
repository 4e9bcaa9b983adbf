package app

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"rolefit/internal/errs"
)

// Reading an import file into rows of cells, whatever the spreadsheet
// saved it as: an XLSX workbook, or CSV with commas, semicolons (the
// default of spreadsheets where the decimal mark is a comma, much of
// Europe) or tabs.

// xlsxMagic begins every ZIP archive, and so every XLSX workbook; no
// UTF-8 CSV of people starts with it.
var xlsxMagic = []byte("PK\x03\x04")

// IsXLSX reports whether an uploaded file is an XLSX workbook rather than
// CSV text.
func IsXLSX(data []byte) bool { return bytes.HasPrefix(data, xlsxMagic) }

// importRecords reads the rows of an import file. Row i of the result is
// row i+1 of the file as a spreadsheet numbers it; a blank row is nil, kept
// so numbers still match.
func importRecords(data []byte) ([][]string, error) {
	if IsXLSX(data) {
		return xlsxRecords(data)
	}
	return csvRecords(data)
}

// xlsxRecords reads the first sheet of a workbook, cells as the
// spreadsheet shows them.
func xlsxRecords(data []byte) ([][]string, error) {
	// Bounds on unzipping, so a small upload cannot expand to gigabytes.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, errs.InvalidFields("The file could not be read as an Excel workbook. Save it again as .xlsx, or as CSV.", map[string]string{"file": "is not a readable .xlsx workbook"})
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errs.InvalidFields("The workbook has no sheets.", map[string]string{"file": "has no sheets"})
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, errs.InvalidFields("The workbook's first sheet could not be read.", map[string]string{"file": "sheet " + sheets[0] + " could not be read"})
	}
	for i, rec := range rows {
		if blankRecord(rec) {
			rows[i] = nil
		}
	}
	return rows, nil
}

// csvRecords reads CSV text with the separator its first row uses.
func csvRecords(text []byte) ([][]string, error) {
	text = bytes.TrimPrefix(text, []byte("\ufeff")) // spreadsheet byte-order mark
	if !utf8.Valid(text) {
		return nil, errs.InvalidFields("The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.", map[string]string{"file": "is not UTF-8 text"})
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = separatorOf(text)
	r.FieldsPerRecord = -1
	// Trimming leading white space would take a tab separator for space
	// and close up an empty cell.
	r.TrimLeadingSpace = r.Comma != '\t'
	var records [][]string
	lastLine := 0 // the line the previous record ended on
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, errs.InvalidFields("The file could not be read as CSV.",
				map[string]string{fmt.Sprintf("row %d", len(records)+1+max(pe.StartLine-lastLine-1, 0)): pe.Err.Error()})
		}
		if err != nil {
			return nil, errs.Invalid("The file could not be read: %v", err)
		}
		// The reader skips empty lines, which a spreadsheet shows as empty
		// rows: keep them as nil so row numbers match the spreadsheet's.
		// A cell may span lines, so rows are counted, not lines.
		start, _ := r.FieldPos(0)
		for ; start > lastLine+1; lastLine++ {
			records = append(records, nil)
		}
		end, _ := r.FieldPos(len(rec) - 1)
		lastLine = end + strings.Count(rec[len(rec)-1], "\n")
		if blankRecord(rec) {
			rec = nil
		}
		records = append(records, rec)
	}
	return records, nil
}

// separatorOf picks the separator of CSV text from its first non-blank
// row (the header, when there is one): the most frequent of comma,
// semicolon and tab outside quotes, a comma when there is none or a tie.
// A header has no separator inside its names, so its count is exact.
func separatorOf(text []byte) rune {
	line := text
	for len(line) > 0 {
		i := bytes.IndexByte(line, '\n')
		if i < 0 {
			break
		}
		if strings.TrimSpace(string(line[:i])) != "" {
			line = line[:i]
			break
		}
		line = line[i+1:]
	}
	counts := map[rune]int{}
	quoted := false
	for _, r := range string(line) {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ',' || r == ';' || r == '\t'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// blankRecord reports whether a row has no content at all.
func blankRecord(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
