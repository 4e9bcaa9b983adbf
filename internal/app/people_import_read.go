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

// importRow is a row of an import file that has something in it.
type importRow struct {
	// num is the row's number as a spreadsheet shows it (the first is 1):
	// blank rows count.
	num int
	// cells are the row's cells from column A; a cell that was not asked
	// for may be left "".
	cells []string
	// width is how many columns the row spans: up to its last cell with
	// something in it for a workbook, every cell for CSV.
	width int
}

// rowReader reads the rows of an import file that have something in
// them, in order, without reading the whole file at once.
type rowReader interface {
	// next returns the next row, or io.EOF after the last. keep, when
	// not nil, says which columns (from 0) are wanted; a workbook's
	// other cells are never built.
	next(keep func(col int) bool) (importRow, error)
	// close releases the file.
	close() error
}

// importRows opens an import file (CSV or XLSX) for reading row by row,
// after measuring it against the bounds of upload_limits.go.
func importRows(data []byte) (rowReader, error) {
	if err := checkUploadSize(data); err != nil {
		return nil, err
	}
	if IsXLSX(data) {
		return openSheet(data)
	}
	return openCSV(data)
}

// csvRows reads CSV text with the separator its first row uses.
type csvRows struct {
	r        *csv.Reader
	row      int // the number of the row read last, blank rows counted
	lastLine int // the line the row read last ended on
}

// openCSV checks CSV text and opens it for reading.
func openCSV(text []byte) (*csvRows, error) {
	text = bytes.TrimPrefix(text, []byte("\ufeff")) // spreadsheet byte-order mark
	if !utf8.Valid(text) {
		return nil, errs.InvalidFields("The file is not UTF-8 text. Save it from your spreadsheet as “CSV UTF-8”.", map[string]string{"file": "is not UTF-8 text"})
	}
	sep := separatorOf(text)
	if err := checkCSVShape(text, byte(sep)); err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = sep
	r.FieldsPerRecord = -1
	// Trimming leading white space would take a tab separator for space
	// and close up an empty cell.
	r.TrimLeadingSpace = r.Comma != '\t'
	return &csvRows{r: r}, nil
}

func (c *csvRows) close() error { return nil }

// next reads the next row that is not blank. The reader skips empty
// lines, which a spreadsheet shows as empty rows, so rows are numbered
// from the lines they start on; a cell may span lines, so a row that
// does counts once.
func (c *csvRows) next(func(int) bool) (importRow, error) {
	for {
		rec, err := c.r.Read()
		if errors.Is(err, io.EOF) {
			return importRow{}, io.EOF
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return importRow{}, errs.InvalidFields("The file could not be read as CSV.",
				map[string]string{fmt.Sprintf("row %d", c.row+1+max(pe.StartLine-c.lastLine-1, 0)): pe.Err.Error()})
		}
		if err != nil {
			return importRow{}, errs.Invalid("The file could not be read: %v", err)
		}
		start, _ := c.r.FieldPos(0)
		c.row += 1 + max(start-c.lastLine-1, 0)
		end, _ := c.r.FieldPos(len(rec) - 1)
		c.lastLine = end + strings.Count(rec[len(rec)-1], "\n")
		if !blankRecord(rec) {
			return importRow{num: c.row, cells: rec, width: len(rec)}, nil
		}
	}
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
		if len(bytes.TrimSpace(line[:i])) > 0 {
			line = line[:i]
			break
		}
		line = line[i+1:]
	}
	counts := map[rune]int{}
	quoted := false
	for _, b := range line {
		switch {
		case b == '"':
			quoted = !quoted
		case !quoted && (b == ',' || b == ';' || b == '\t'):
			counts[rune(b)]++
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
