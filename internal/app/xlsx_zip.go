package app

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"rolefit/internal/errs"
)

// An uploaded workbook is a ZIP archive of XML parts. Its central
// directory says what each part unpacks to; it is checked against the
// bounds of upload_limits.go before any part is unpacked, and the bytes
// actually unpacked are counted too, since the directory can lie.

// workbookArchive is an uploaded XLSX file whose central directory has
// been checked.
type workbookArchive struct {
	parts map[string]*zip.File // by name in lower case: names are matched as Excel does, ignoring case
	left  int64                // bytes the parts may still unpack to, of maxUnpackedBytes
}

// openWorkbookArchive reads a workbook's central directory and refuses it
// when a part would unpack to more than maxPartBytes or more than
// maxInflateRatio times its packed size, when all of them would unpack to
// more than maxUnpackedBytes, or when it has more than maxWorkbookParts.
func openWorkbookArchive(data []byte) (*workbookArchive, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, unreadableWorkbook()
	}
	if len(zr.File) > maxWorkbookParts {
		return nil, refuseFile(fmt.Sprintf("the workbook has more than %d parts; save only the sheet of people", maxWorkbookParts))
	}
	wa := &workbookArchive{parts: make(map[string]*zip.File, len(zr.File)), left: maxUnpackedBytes}
	var total uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		if size > maxPartBytes {
			return nil, refuseFile(fmt.Sprintf("a part of the workbook unpacks to more than %d MB; save only the sheet of people", maxPartBytes>>20))
		}
		if overInflated(size, f.CompressedSize64) {
			return nil, refuseFile(fmt.Sprintf("a part of the workbook unpacks to more than %d times its size, as no spreadsheet saves; save it again from your spreadsheet", maxInflateRatio))
		}
		if total += size; total > maxUnpackedBytes {
			return nil, refuseFile(fmt.Sprintf("the workbook unpacks to more than %d MB; save only the sheet of people", maxUnpackedBytes>>20))
		}
		wa.parts[strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))] = f
	}
	return wa, nil
}

// overInflated reports whether a part of packed bytes unpacking to size
// bytes was compressed more than maxInflateRatio allows.
func overInflated(size, packed uint64) bool {
	return size > inflateGraceBytes && size > maxInflateRatio*packed
}

// unreadableWorkbook is the refusal of a file that starts as a ZIP archive
// but is none.
func unreadableWorkbook() error {
	return errs.InvalidFields("The file could not be read as an Excel workbook. Save it again as .xlsx, or as CSV.",
		map[string]string{"file": "is not a readable .xlsx workbook"})
}

// has reports whether the workbook has a part of that name.
func (wa *workbookArchive) has(name string) bool {
	_, ok := wa.parts[strings.ToLower(name)]
	return ok
}

// open unpacks a part as a stream of XML. What it unpacks is counted: a
// part that unpacks to more than the directory said, more than
// maxPartBytes, more than the workbook's total allows or more than
// maxInflateRatio times its packed size is refused when it does, before
// any more is unpacked. The caller closes the part.
func (wa *workbookArchive) open(name string) (*xmlScanner, io.Closer, error) {
	f, ok := wa.parts[strings.ToLower(name)]
	if !ok {
		return nil, nil, damagedWorkbook("it has no part " + name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, damagedWorkbook("part " + name + " cannot be unpacked")
	}
	pr := &partReader{r: rc, wa: wa, name: name, packed: f.CompressedSize64,
		limit: min(f.UncompressedSize64, maxPartBytes)}
	return newXMLScanner(pr), rc, nil
}

// partReader counts the bytes a part unpacks to and stops at its bounds.
type partReader struct {
	r      io.Reader
	wa     *workbookArchive
	name   string
	packed uint64 // the part's packed size
	limit  uint64 // the most it may unpack to: its declared size, at most maxPartBytes
	read   uint64
	err    error
}

func (p *partReader) Read(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	// Reading one byte past the limit shows whether there is more.
	if room := p.limit + 1 - p.read; uint64(len(b)) > room {
		b = b[:room]
	}
	n, err := p.r.Read(b)
	p.read += uint64(n)
	p.wa.left -= int64(n)
	switch {
	case p.read > p.limit || errors.Is(err, zip.ErrFormat):
		// archive/zip stops at the declared size with ErrFormat; the
		// limit stops it here too, whatever reads the part.
		p.err = damagedWorkbook("part " + p.name + " unpacks to more than the archive says")
	case p.wa.left < 0:
		p.err = refuseFile(fmt.Sprintf("the workbook unpacks to more than %d MB; save only the sheet of people", maxUnpackedBytes>>20))
	case overInflated(p.read, p.packed):
		p.err = refuseFile(fmt.Sprintf("a part of the workbook unpacks to more than %d times its size, as no spreadsheet saves; save it again from your spreadsheet", maxInflateRatio))
	case err != nil && err != io.EOF:
		p.err = damagedWorkbook("part " + p.name + " cannot be unpacked")
	default:
		return n, err
	}
	return 0, p.err
}
