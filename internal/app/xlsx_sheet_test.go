package app

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"rolefit/internal/errs"
)

// bookOf packs parts (name, content) into a ZIP archive.
func bookOf(t *testing.T, parts ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p[1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A workbook as other spreadsheets write them: prefixed names, the parts
// elsewhere than Excel puts them, rich and phonetic text, entities, CDATA,
// comments, numbers, booleans, cached formula results, gaps between rows.
const (
	oddRels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/book/main.xml"/></Relationships>`
	oddWorkbook = `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<x:sheets><x:sheet name="People &amp; roles" sheetId="7" rel:id="s1"/><x:sheet name="Other" sheetId="1" rel:id="s2"/></x:sheets></x:workbook>`
	oddWorkbookRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id='s2' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="other.xml"/>` +
		`<Relationship Id="s1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/people.xml"/>` +
		`<Relationship Id="s3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="../text.xml"/></Relationships>`
	oddStrings = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="3">` +
		`<si><t>name</t></si>` +
		`<si><r><rPr><b/></rPr><t>Zo</t></r><r><t xml:space="preserve">ë &amp; Co</t></r><rPh sb="0" eb="1"><t>ゾ</t></rPh></si>` +
		`<si><t>  </t></si></sst>`
	oddSheet = `<?xml version="1.0"?><!-- written by hand --><?app hint?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<x:dimension ref="A1"/><x:sheetData>` +
		`<x:row r="1" spans="1:4"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>email</x:t></x:is></x:c><x:c r="D1" t="inlineStr"><x:is><x:t><![CDATA[a<b>]]></x:t></x:is></x:c></x:row>` +
		`<x:row r="2"><x:c r="A2" t="s"><x:v>1</x:v></x:c><x:c r="B2"><x:v>1.50</x:v></x:c><x:c r="C2" t="b"><x:v>1</x:v></x:c><x:c r="D2" t="str"><x:f>A1&amp;"x"</x:f><x:v>namex</x:v></x:c></x:row>` +
		`<x:row r="3"/><x:row r="4"><x:c r="B4" t="s"><x:v>2</x:v></x:c><x:c r="C4" s="3"/></x:row>` +
		`<x:row r="6" x14ac:dyDescent='0.25' note="a > b"><x:c r="C6"><x:v>0.30000000000000004</x:v></x:c><x:c r="E6" t="inlineStr"><x:is><x:t>Caf&#233; &#x4E2D;&#13;&#10;line</x:t></x:is></x:c></x:row>` +
		`</x:sheetData></x:worksheet>`
)

func TestSheetReaderReadsWhatSpreadsheetsWrite(t *testing.T) {
	book := bookOf(t, [2]string{"_rels/.rels", oddRels}, [2]string{"book/main.xml", oddWorkbook},
		[2]string{"book/_rels/main.xml.rels", oddWorkbookRels}, [2]string{"book/sheets/people.xml", oddSheet},
		[2]string{"book/other.xml", "<worksheet/>"}, [2]string{"text.xml", oddStrings})
	sr, err := openSheet(book)
	if err != nil {
		t.Fatal(err)
	}
	defer sr.close()
	want := []importRow{
		{num: 1, cells: []string{"name", "email", "", "a<b>"}, width: 4},
		{num: 2, cells: []string{"Zoë & Co", "1.5", "TRUE", "namex"}, width: 4},
		{num: 6, cells: []string{"", "", "0.3", "", "Café 中\r\nline"}, width: 5},
	}
	for i, w := range want {
		got, err := sr.next(nil)
		if err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		if got.num != w.num || got.width != w.width || !slices.Equal(got.cells, w.cells) {
			t.Errorf("got row %d %q (width %d), want row %d %q (width %d)", got.num, got.cells, got.width, w.num, w.cells, w.width)
		}
	}
	if _, err := sr.next(nil); !errors.Is(err, io.EOF) {
		t.Errorf("after the last row: %v, want io.EOF", err)
	}
}

// Columns not kept are measured but not built.
func TestSheetReaderKeepsOnlyColumnsAskedFor(t *testing.T) {
	sheet := `<worksheet><sheetData><row><c t="inlineStr"><is><t>Ann</t></is></c><c r="C1" t="inlineStr"><is><t>staff</t></is></c>` +
		`<c r="IV1" t="inlineStr"><is><t>note</t></is></c></row></sheetData></worksheet>`
	book := bookOf(t, [2]string{"xl/workbook.xml", `<workbook><sheets><sheet r:id="rId1"/></sheets></workbook>`},
		[2]string{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`},
		[2]string{"xl/worksheets/sheet1.xml", sheet})
	sr, err := openSheet(book)
	if err != nil {
		t.Fatal(err)
	}
	defer sr.close()
	got, err := sr.next(func(c int) bool { return c == 2 })
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"", "", "staff"}; !slices.Equal(got.cells, want) || got.width != 256 {
		t.Errorf("got %q (width %d), want %q (width 256)", got.cells, got.width, want)
	}
}

// Markup a workbook never holds is refused as damage, naming the file.
func TestSheetReaderRefusesMalformedParts(t *testing.T) {
	for name, sheet := range map[string]string{
		"a document type":          `<!DOCTYPE lol [<!ENTITY lol "lol">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&lol;</t></is></c></row></sheetData></worksheet>`,
		"an unknown entity":        `<worksheet><sheetData><row><c t="inlineStr"><is><t>&lol;</t></is></c></row></sheetData></worksheet>`,
		"rows out of order":        `<worksheet><sheetData><row r="2"><c><v>1</v></c></row><row r="1"><c><v>1</v></c></row></sheetData></worksheet>`,
		"a column past XFD":        `<worksheet><sheetData><row><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`,
		"a missing shared string":  `<worksheet><sheetData><row><c t="s"><v>3</v></c></row></sheetData></worksheet>`,
		"a tag that never ends":    `<worksheet><sheetData><row><c r="A1` + strings.Repeat(" ", 100<<10),
		"a row past Excel's last":  `<worksheet><sheetData><row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>`,
		"a comment that never end": `<worksheet><sheetData><!-- ` + strings.Repeat("-", 400<<10),
	} {
		book := bookOf(t, [2]string{"xl/workbook.xml", `<workbook><sheets><sheet r:id="rId1"/></sheets></workbook>`},
			[2]string{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`},
			[2]string{"xl/worksheets/sheet1.xml", sheet})
		sr, err := openSheet(book)
		if err == nil {
			for err == nil {
				_, err = sr.next(nil)
			}
			sr.close()
		}
		if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)["file"] == "" {
			t.Errorf("%s: got %v, want the file refused", name, err)
		}
	}
}

// BenchmarkSheetReader reads a sheet of 20 MB, 30 cells a row referring to
// shared text, keeping two columns: the cost of the largest sheet the
// upload bounds let through.
//
//	go test -run '^$' -bench BenchmarkSheetReader -benchmem ./internal/app/
func BenchmarkSheetReader(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<worksheet><sheetData>`)
	for r := 1; sb.Len() < 20<<20; r++ {
		fmt.Fprintf(&sb, `<row r="%d" spans="1:30">`, r)
		for c := range 30 {
			fmt.Fprintf(&sb, `<c r="%c%d" s="1" t="s"><v>%d</v></c>`, 'A'+c%26, r, c%3)
		}
		sb.WriteString(`</row>`)
	}
	sb.WriteString(`</sheetData></worksheet>`)
	sheet := []byte(sb.String())
	b.SetBytes(int64(len(sheet)))
	for b.Loop() {
		sr := &sheetReader{sc: newXMLScanner(bytes.NewReader(sheet)), shared: []string{"Ann", "staff", "Seller"}}
		for {
			if _, err := sr.next(func(c int) bool { return c < 2 }); err != nil {
				break
			}
		}
	}
}
