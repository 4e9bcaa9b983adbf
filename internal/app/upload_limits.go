package app

import (
	"fmt"

	"rolefit/internal/errs"
)

// The bounds every uploaded file is measured against before it is read
// into memory: its size, and for a workbook the ZIP archive's parts, so
// that a file of a few kilobytes cannot unpack to gigabytes (DESIGN.md
// §11: a 10 KB hostile upload is refused in at most 2 s and 300 MB).
// The row limit is maxImportRows (people_import.go).
const (
	// MaxUploadBytes bounds an uploaded file before anything reads it:
	// 8 MiB. A CSV of 10,000 people at 100 bytes a row is 1 MB, and a
	// workbook of them is smaller; the server's request limit (2 MiB
	// unless configured) is usually lower still.
	MaxUploadBytes = 8 << 20

	// maxImportColumns bounds a row's width: 256 columns, A to IV, the
	// width of an Excel 97–2003 sheet and far wider than a list of
	// people or months. A CSV reader builds a whole row at once, so one
	// line of a million separators would otherwise be a million cells.
	maxImportColumns = 256

	// maxCellChars bounds one cell: 32,767 characters, the most an Excel
	// cell holds (Microsoft, "Excel specifications and limits"). Nothing
	// a spreadsheet saves is longer.
	maxCellChars = 32_767

	// maxWorkbookParts bounds the members of a workbook's ZIP archive. A
	// workbook of a few sheets has a dozen or two; a thousand allows
	// many sheets, drawings and images.
	maxWorkbookParts = 1_000

	// maxPartBytes bounds what one part unpacks to: 25 MB, a sheet of
	// 10,000 rows and 100 columns of short cells.
	maxPartBytes = 25 << 20

	// maxUnpackedBytes bounds what all the parts unpack to together:
	// 50 MB.
	maxUnpackedBytes = 50 << 20

	// maxInflateRatio bounds how much a part may have been compressed:
	// 100 to 1, the default of Apache POI's ZipSecureFile (minimum
	// inflate ratio 0.01), which reads every Office file Java opens.
	// Spreadsheet XML compresses about 10 to 1; a bomb 1,000 to 1.
	maxInflateRatio = 100

	// inflateGraceBytes is the unpacked size below which a part's ratio
	// is not checked: 100 KB, as POI's GRACE_ENTRY_SIZE, since small
	// parts of repeated markup legitimately compress better.
	inflateGraceBytes = 100 << 10

	// maxSharedStrings bounds a workbook's table of shared text (the
	// count and uniqueCount it states, and the entries actually read):
	// 200,000, 10,000 rows of 20 columns of different text. The table
	// serves every sheet, so a workbook of many sheets can pass it;
	// saving the sheet of people alone brings it under.
	maxSharedStrings = 200_000
)

// refuseFile is the refusal of an upload that exceeds a bound, with a
// plain sentence for the manager who sent it; it names the field "file".
func refuseFile(problem string) error {
	return errs.InvalidFields("The file was not read: "+problem+".", map[string]string{"file": problem})
}

// damagedWorkbook is the refusal of a workbook whose parts do not hold
// what the archive says, as a damaged or tampered file does.
func damagedWorkbook(detail string) error {
	return errs.InvalidFields("The workbook is damaged. Save it again from your spreadsheet, as .xlsx or as CSV.",
		map[string]string{"file": "is a damaged workbook: " + detail})
}

// checkUploadSize refuses a file larger than MaxUploadBytes before it is
// read.
func checkUploadSize(data []byte) error {
	if len(data) > MaxUploadBytes {
		return refuseFile(fmt.Sprintf("the file is larger than %d MB; upload at most %d rows at a time", MaxUploadBytes>>20, maxImportRows))
	}
	return nil
}

// moreCharsThan reports whether s has more than n characters, reading at
// most n+1 of them: a cell shared by thousands of rows is measured as
// often, so its length must not cost its whole size each time.
func moreCharsThan(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	for range s {
		if n--; n < 0 {
			return true
		}
	}
	return false
}

// tooWide is the refusal of a row with cells past maxImportColumns.
func tooWide(where string) error {
	return refuseFile(fmt.Sprintf("%s has more than %d columns; keep only the columns rolefit reads", where, maxImportColumns))
}

// tooLongCell is the refusal of a cell longer than maxCellChars.
func tooLongCell(where string) error {
	return refuseFile(fmt.Sprintf("%s has a cell of more than %d characters, more than a spreadsheet cell holds", where, maxCellChars))
}

// checkCSVShape refuses CSV text with a row wider than maxImportColumns
// or a cell longer than maxCellChars, before a CSV reader builds any row
// of it. It follows RFC 4180 as encoding/csv reads it: a separator or
// line end inside a quoted cell belongs to the cell, and "" inside one is
// a quote. Text the reader would refuse anyway (a stray quote) is only
// measured. A refusal names the line the row starts on.
func checkCSVShape(text []byte, sep byte) error {
	line, rowLine, cols, chars := 1, 1, 1, 0
	quoted, atStart := false, true
	for i := 0; i < len(text); i++ {
		b := text[i]
		switch {
		case quoted && b == '"' && i+1 < len(text) && text[i+1] == '"':
			i++
			chars++
		case quoted && b == '"':
			quoted = false
		case quoted:
			if b == '\n' {
				line++
			}
			if b&0xC0 != 0x80 { // not a UTF-8 continuation byte
				chars++
			}
		case b == '"' && atStart:
			quoted, atStart = true, false
		case b == sep:
			cols, chars, atStart = cols+1, 0, true
		case b == '\n':
			line++
			rowLine, cols, chars, atStart = line, 1, 0, true
		case b == ' ' || b == '\t' || b == '\r':
			// Leading white space before a quote is trimmed by the reader.
			chars++
		default:
			atStart = false
			if b&0xC0 != 0x80 {
				chars++
			}
		}
		if cols > maxImportColumns {
			return tooWide(fmt.Sprintf("line %d", rowLine))
		}
		if chars > maxCellChars {
			return tooLongCell(fmt.Sprintf("line %d", rowLine))
		}
	}
	return nil
}
