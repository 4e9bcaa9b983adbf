package app

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestNeutralise(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"", ""},
		{"Ann", "Ann"},
		{"a=1", "a=1"},
		{" =1", " =1"}, // only the first character counts
		{"'=1", "'=1"},
	} {
		if got := Neutralise(c.in); got != c.want {
			t.Errorf("Neutralise(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestExportTableNeutralises writes a cell starting with each dangerous
// character in both formats and reads it back.
func TestExportTableNeutralises(t *testing.T) {
	starts := []string{"=", "+", "-", "@", "\t", "\r"}
	tb := table{header: []string{"value", "number"}}
	for _, s := range starts {
		tb.rows = append(tb.rows, []cell{textCell(s + "HYPERLINK(\"http://evil.example\")"), {}})
	}
	n := 3.25
	tb.rows = append(tb.rows, []cell{textCell("plain"), {num: &n}})
	want := func(i int) string {
		if i < len(starts) {
			return "'" + starts[i] + "HYPERLINK(\"http://evil.example\")"
		}
		return "plain"
	}

	b, err := tb.csv()
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(utf8BOM)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(tb.rows)+1 {
		t.Fatalf("CSV has %d records, want %d", len(recs), len(tb.rows)+1)
	}
	for i := range tb.rows {
		got := recs[i+1][0]
		if w := want(i); got != w {
			t.Errorf("CSV row %d: got %q, want %q", i+1, got, w)
		}
	}
	if recs[len(recs)-1][1] != "3.25" {
		t.Errorf("CSV number: got %q, want 3.25", recs[len(recs)-1][1])
	}

	x, err := tb.xlsx("People")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(x))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i := range tb.rows {
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		got, _ := f.GetCellValue("People", ref)
		if w := want(i); got != w {
			t.Errorf("XLSX %s: got %q, want %q", ref, got, w)
		}
		if fm, err := f.GetCellFormula("People", ref); err != nil {
			t.Fatalf("read: %v", err)
		} else if fm != "" {
			t.Errorf("XLSX %s is the formula %q", ref, fm)
		}
		if typ, err := f.GetCellType("People", ref); err != nil {
			t.Fatalf("read: %v", err)
		} else if typ != excelize.CellTypeInlineString {
			t.Errorf("XLSX %s has type %v, want an inline string", ref, typ)
		}
	}
	ref, _ := excelize.CoordinatesToCellName(2, len(tb.rows)+1)
	if typ, err := f.GetCellType("People", ref); err != nil {
		t.Fatalf("read: %v", err)
	} else if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("XLSX number %s has type %v", ref, typ)
	}
	if v, err := f.GetCellValue("People", ref); err != nil {
		t.Fatalf("read: %v", err)
	} else if v != "3.25" {
		t.Errorf("XLSX number %s: got %q, want 3.25", ref, v)
	}
}

// sheetDimension returns the ref of the <dimension> element of a
// workbook's first sheet, as a reader that trusts it (openpyxl in
// read-only mode) sees it.
func sheetDimension(t *testing.T, book []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<dimension ref="([^"]*)"\s*(?:/>|></dimension>)`).FindSubmatch(sheet)
	if m == nil {
		t.Fatalf("the sheet has no dimension element: %.300s", sheet)
	}
	return string(m[1])
}

// The sheet's dimension is the range written: the header and every row,
// as wide as the widest row.
func TestExportTableDimension(t *testing.T) {
	for _, tc := range []struct {
		name       string
		cols, rows int
		want       string
	}{
		{"six columns, ten rows", 6, 10, "A1:F11"},
		{"header only", 3, 0, "A1:C1"},
		{"one column", 1, 4, "A1:A5"},
		{"past Z", 28, 2, "A1:AB3"},
	} {
		tb := table{}
		for c := range tc.cols {
			tb.header = append(tb.header, fmt.Sprintf("h%d", c))
		}
		for r := range tc.rows {
			row := make([]cell, tc.cols)
			for c := range row {
				v := float64(r*tc.cols + c)
				row[c] = cell{num: &v}
			}
			tb.rows = append(tb.rows, row)
		}
		book, err := tb.xlsx("People")
		if err != nil {
			t.Fatal(err)
		}
		if got := sheetDimension(t, book); got != tc.want {
			t.Errorf("%s: dimension %q, want %q", tc.name, got, tc.want)
		}
	}
}
