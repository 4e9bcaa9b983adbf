package app

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"rolefit/internal/errs"
)

// Reading the first sheet of a workbook row by row (ECMA-376 Part 1,
// §18.3 worksheets, §18.4 shared strings), keeping only the cells asked
// for: a sheet is never held whole, a cell far to the right is never
// built, and a cell that refers to shared text shares it rather than
// copying it.

// excelMaxRows is the last row of a sheet (Excel specifications and
// limits: 1,048,576 rows).
const excelMaxRows = 1 << 20

// sheetReader reads the rows of a workbook's first sheet.
type sheetReader struct {
	sc     *xmlScanner
	part   io.Closer
	shared []string
	last   int // the number of the row read last
	inData bool
	cell   []byte // the text of the cell being read
}

// openSheet opens the first sheet of an uploaded workbook, after reading
// its shared text.
func openSheet(data []byte) (*sheetReader, error) {
	wa, err := openWorkbookArchive(data)
	if err != nil {
		return nil, err
	}
	book := "xl/workbook.xml"
	if wa.has("_rels/.rels") {
		rels, err := wa.relationships("_rels/.rels")
		if err != nil {
			return nil, err
		}
		if t := rels.target("/officeDocument"); t != "" {
			book = t
		}
	}
	sheetID, err := wa.firstSheetID(book)
	if err != nil {
		return nil, err
	}
	rels, err := wa.relationships(path.Join(path.Dir(book), "_rels", path.Base(book)+".rels"))
	if err != nil {
		return nil, err
	}
	sheet := rels.byID[sheetID]
	if sheetID == "" || sheet == "" {
		return nil, errs.InvalidFields("The workbook has no sheets.", map[string]string{"file": "has no sheets"})
	}
	sr := &sheetReader{}
	if sst := rels.target("/sharedStrings"); sst != "" && wa.has(sst) {
		if sr.shared, err = wa.sharedStrings(sst); err != nil {
			return nil, err
		}
	}
	if sr.sc, sr.part, err = wa.open(sheet); err != nil {
		return nil, err
	}
	return sr, nil
}

// close closes the sheet's part.
func (s *sheetReader) close() error { return s.part.Close() }

// next reads the next row with content (see rowReader). A cell with
// content past maxImportColumns refuses the file; other cells not kept
// are read past without being built.
func (s *sheetReader) next(keep func(col int) bool) (importRow, error) {
	var row importRow
	col, typ := -1, ""
	inCell, inValue, inInline, inT, phonetic := false, false, false, false, 0
	for {
		kind, err := s.sc.next()
		if err != nil {
			return importRow{}, xmlFailure(err)
		}
		switch kind {
		case xmlEOF:
			return importRow{}, io.EOF
		case xmlStart:
			switch name := string(s.sc.name); {
			case name == "sheetData":
				s.inData = true
			case !s.inData:
			case name == "row":
				num := s.last + 1
				if v, ok := s.sc.attr("r"); ok {
					if num, err = strconv.Atoi(string(v)); err != nil || num <= s.last || num > excelMaxRows {
						return importRow{}, damagedWorkbook("its rows are out of order")
					}
				}
				s.last, row, col = num, importRow{num: num}, -1
			case name == "c":
				col++
				if v, ok := s.sc.attr("r"); ok {
					if col, ok = columnOf(v); !ok {
						return importRow{}, damagedWorkbook("a cell has no place on the sheet")
					}
				}
				t, _ := s.sc.attr("t")
				typ, inCell, s.cell = string(t), true, s.cell[:0]
			case name == "v":
				inValue = inCell
			case name == "is":
				inInline = inCell
			case name == "t":
				inT = inInline
			case name == "rPh":
				phonetic++
			}
		case xmlText:
			if (inValue || inT && phonetic == 0) && inCell {
				if s.cell = append(s.cell, s.sc.text...); len(s.cell) > 4*maxCellChars {
					return importRow{}, tooLongCell(fmt.Sprintf("row %d", row.num))
				}
			}
		case xmlEnd:
			switch string(s.sc.name) {
			case "sheetData":
				return importRow{}, io.EOF
			case "row":
				if row.width > 0 {
					return row, nil
				}
			case "c":
				if err := s.endCell(&row, col, typ, keep); err != nil {
					return importRow{}, err
				}
				inCell = false
			case "v":
				inValue = false
			case "is":
				inInline = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		}
	}
}

// endCell adds the cell just read to row: to its width when it has
// content, and to its cells when keep wants it.
func (s *sheetReader) endCell(row *importRow, col int, typ string, keep func(int) bool) error {
	var value string
	raw := s.cell
	switch typ {
	case "s":
		i, err := strconv.Atoi(string(bytes.TrimSpace(raw)))
		if err != nil || i < 0 || i >= len(s.shared) {
			return damagedWorkbook("a cell refers to text the workbook does not hold")
		}
		value = s.shared[i]
		if strings.TrimSpace(value) == "" {
			return nil
		}
	default:
		if len(bytes.TrimSpace(raw)) == 0 {
			return nil
		}
		if utf8.RuneCount(raw) > maxCellChars {
			return tooLongCell(fmt.Sprintf("row %d", row.num))
		}
	}
	if col >= maxImportColumns {
		return tooWide(fmt.Sprintf("row %d", row.num))
	}
	row.width = max(row.width, col+1)
	if keep != nil && !keep(col) {
		return nil
	}
	if typ != "s" {
		value = cellText(typ, raw)
	}
	for len(row.cells) <= col {
		row.cells = append(row.cells, "")
	}
	row.cells[col] = value
	return nil
}

// cellText is a cell's value as text by its type (ECMA-376 Part 1,
// §18.18.11): booleans as a spreadsheet shows them, numbers to Excel's
// 15 significant digits, everything else as written. Number formats such
// as dates are not applied: the columns imported are text.
func cellText(typ string, raw []byte) string {
	switch typ {
	case "b":
		if string(bytes.TrimSpace(raw)) == "1" {
			return "TRUE"
		}
		return "FALSE"
	case "", "n":
		s := string(bytes.TrimSpace(raw))
		if v, err := strconv.ParseFloat(s, 64); err == nil && v > -1e15 && v < 1e15 {
			return strconv.FormatFloat(excelDigits(v), 'f', -1, 64)
		}
		return s
	}
	return string(raw)
}

// columnOf is the column (from 0) of a cell reference such as "XFD7",
// refusing columns past XFD, the last of a sheet.
func columnOf(ref []byte) (int, bool) {
	col, letters := 0, 0
	for _, b := range ref {
		switch {
		case 'A' <= b && b <= 'Z':
			col = col*26 + int(b-'A') + 1
		case 'a' <= b && b <= 'z':
			col = col*26 + int(b-'a') + 1
		default:
			return col - 1, letters > 0 && col <= 16_384
		}
		if letters++; letters > 3 {
			return 0, false
		}
	}
	return col - 1, letters > 0 && col <= 16_384
}
