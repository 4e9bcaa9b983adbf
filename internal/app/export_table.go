package app

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// table is an export's header and rows, written as CSV or XLSX.
type table struct {
	header []string
	rows   [][]cell
}

// cell is one value of an export: a number when num is set, otherwise
// text ("" for an empty cell).
type cell struct {
	text string
	num  *float64
}

// textCell is a text cell.
func textCell(s string) cell { return cell{text: s} }

// formulaStarts are the first characters with which a spreadsheet may
// read a cell as a formula (or, with tab and carriage return, hide one
// after white space): OWASP, "CSV Injection"
// (https://owasp.org/www-community/attacks/CSV_Injection).
const formulaStarts = "=+-@\t\r"

// Neutralise returns s with a single quote in front when it begins with a
// character a spreadsheet could take as the start of a formula, so the
// cell is shown as the text it is and never run.
func Neutralise(s string) string {
	if s != "" && bytes.IndexByte([]byte(formulaStarts), s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// value is a cell's text in a CSV file: numbers in full precision, the
// same digits the API gives, and every cell neutralised.
func (c cell) value() string {
	if c.num != nil {
		return Neutralise(strconv.FormatFloat(*c.num, 'f', -1, 64))
	}
	return Neutralise(c.text)
}

// excelDigits rounds v to 15 significant digits, the precision Excel
// keeps ("Excel specifications and limits"). excelize cuts longer numbers
// off at 15 digits rather than rounding them, so a score of 1.6666666666666667
// would read 1.66666666666666; rounded first, it reads 1.66666666666667,
// the same as the CSV to Excel's precision.
func excelDigits(v float64) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// utf8BOM starts the CSV file so that Excel reads it as UTF-8 rather than
// the system's code page, which would garble names such as "Zoë".
const utf8BOM = "\ufeff"

// csv writes the table as CSV (RFC 4180 but for line ends: encoding/csv's
// CRLF mode would drop a lone carriage return inside a cell, and
// spreadsheets read LF line ends as well).
func (t table) csv() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	w := csv.NewWriter(&buf)
	rec := make([]string, len(t.header))
	for i, h := range t.header {
		rec[i] = Neutralise(h)
	}
	if err := w.Write(rec); err != nil {
		return nil, err
	}
	for _, row := range t.rows {
		rec = rec[:0]
		for _, c := range row {
			rec = append(rec, c.value())
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// xlsx writes the table as a workbook of one sheet. Numbers are number
// cells; text is written as (inline) strings after neutralising, never as
// formulas. The stream writer keeps memory flat for thousands of rows.
func (t table) xlsx(sheet string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	// The stream writer copies the sheet's dimension as it starts and
	// leaves it "A1"; readers that trust it (openpyxl in read-only mode)
	// would then see one cell. The range is known before writing.
	if ref := t.dimension(); ref != "" {
		if err := f.SetSheetDimension(sheet, ref); err != nil {
			return nil, err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	// The header stays in view while scrolling.
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	vals := make([]any, len(t.header))
	for i, h := range t.header {
		vals[i] = excelize.Cell{StyleID: bold, Value: Neutralise(h)}
	}
	if err := sw.SetRow("A1", vals); err != nil {
		return nil, err
	}
	for r, row := range t.rows {
		vals = vals[:0]
		for _, c := range row {
			switch {
			case c.num != nil:
				vals = append(vals, excelDigits(*c.num))
			case c.text == "":
				vals = append(vals, nil)
			default:
				vals = append(vals, Neutralise(c.text))
			}
		}
		ref, err := excelize.CoordinatesToCellName(1, r+2)
		if err != nil {
			return nil, err
		}
		if err := sw.SetRow(ref, vals); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// dimension is the range the table fills on a sheet ("A1:F11": the header
// and every row, as wide as the widest), or "" when it has no cells.
func (t table) dimension() string {
	width := len(t.header)
	for _, row := range t.rows {
		width = max(width, len(row))
	}
	if width == 0 {
		return ""
	}
	end, err := excelize.CoordinatesToCellName(width, len(t.rows)+1)
	if err != nil {
		return ""
	}
	return "A1:" + end
}
