package app_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"testing"
)

// Workbooks built by hand, part by part, so a test can make one that no
// spreadsheet would save: parts that unpack to far more than they say,
// sheets that refer to one huge string a million times.

// part is one member of a hand-built workbook. Its content is written by
// body, so a part that unpacks to hundreds of megabytes is never held in
// memory; declared, when set, is the unpacked size the archive claims
// instead of the true one.
type part struct {
	name     string
	body     func(w io.Writer)
	declared uint64
}

// text is a part's body holding s.
func text(s string) func(io.Writer) {
	return func(w io.Writer) { io.WriteString(w, s) }
}

// repeated is a part's body: head, then unit n times, then tail.
func repeated(head, unit string, n int, tail string) func(io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, head)
		u := []byte(strings.Repeat(unit, 1024))
		for ; n >= 1024; n -= 1024 {
			w.Write(u)
		}
		io.WriteString(w, strings.Repeat(unit, n))
		io.WriteString(w, tail)
	}
}

// countingWriter counts the bytes written through it.
type countingWriter struct{ n uint64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += uint64(len(p)); return len(p), nil }

// zipOf packs parts into a ZIP archive, each deflated at the best
// compression, with the central directory saying what each part declares.
func zipOf(t testing.TB, parts ...part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		var packed bytes.Buffer
		fw, err := flate.NewWriter(&packed, flate.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		crc, size := crc32.NewIEEE(), &countingWriter{}
		p.body(io.MultiWriter(fw, crc, size))
		if err := fw.Close(); err != nil {
			t.Fatal(err)
		}
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc.Sum32(),
			CompressedSize64: uint64(packed.Len()), UncompressedSize64: size.n}
		if p.declared > 0 {
			h.UncompressedSize64 = p.declared
		}
		w, err := zw.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(packed.Bytes())
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The parts every workbook has, around its first sheet and shared strings.
const (
	contentTypesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`
	rootRelsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	workbookXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>`
	workbookRelsXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
	sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	sheetTail = `</sheetData></worksheet>`
	sstHead   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
)

// workbookOf is a workbook whose first sheet and shared strings are
// written by sheet and sst; declare sets the sizes some parts claim.
func workbookOf(t testing.TB, sheet, sst func(io.Writer), declare map[string]uint64) []byte {
	t.Helper()
	parts := []part{
		{name: "[Content_Types].xml", body: text(contentTypesXML)},
		{name: "_rels/.rels", body: text(rootRelsXML)},
		{name: "xl/workbook.xml", body: text(workbookXML)},
		{name: "xl/_rels/workbook.xml.rels", body: text(workbookRelsXML)},
		{name: "xl/worksheets/sheet1.xml", body: sheet},
		{name: "xl/sharedStrings.xml", body: sst},
	}
	for i := range parts {
		parts[i].declared = declare[parts[i].name]
	}
	return zipOf(t, parts...)
}

// sharedStrings is an sst part holding strs, with the counts it states.
func sharedStrings(strs ...string) func(io.Writer) {
	var b strings.Builder
	fmt.Fprintf(&b, `%s count="%d" uniqueCount="%d">`, sstHead, len(strs), len(strs))
	for _, s := range strs {
		fmt.Fprintf(&b, "<si><t>%s</t></si>", s)
	}
	b.WriteString("</sst>")
	return text(b.String())
}

// sheetRows is a sheet part of the rows given, each cell an inline string,
// numbered from 1.
func sheetRows(rows ...[]string) func(io.Writer) {
	var b strings.Builder
	b.WriteString(sheetHead)
	for i, rec := range rows {
		fmt.Fprintf(&b, `<row r="%d">`, i+1)
		for j, c := range rec {
			fmt.Fprintf(&b, `<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+j, i+1, c)
		}
		b.WriteString("</row>")
	}
	b.WriteString(sheetTail)
	return text(b.String())
}
