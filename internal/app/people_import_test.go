package app_test

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// xlsxOf builds a workbook whose first sheet holds rows, with the first
// cell of rows[i] at A(i+1); a nil row is left empty.
func xlsxOf(t *testing.T, rows [][]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	for i, rec := range rows {
		for j, v := range rec {
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// csvOf joins rows with sep, one line each, quoting a cell that holds the
// separator or a quote as CSV does; a nil row is an empty line.
func csvOf(sep string, rows [][]string) []byte {
	var b strings.Builder
	for _, rec := range rows {
		for j, c := range rec {
			if j > 0 {
				b.WriteString(sep)
			}
			if strings.Contains(c, sep) || strings.Contains(c, `"`) {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// The same people are read from an XLSX workbook and from CSV separated
// by commas, semicolons or tabs; a file with a bad row adds nobody and
// names the row as the spreadsheet numbers it.
func TestImportPeopleFormats(t *testing.T) {
	good := [][]string{
		{"name", "email", "kind", "job_title"},
		{"Dana Diaz", "dana@example.com", "staff", "Account manager"},
		nil, // a blank row: the next is still row 4
		{"Ed Ek", "", "staff", "Seller, \"field\""},
	}
	bad := [][]string{
		{"kind", "name", "email"},
		{"staff", "Ann", "ann@example.com"},
		{"intern", "Bo", "bo@example.com"},
		nil,
		{"candidate", "", "cy@example.com"},
	}
	wantBad := map[string]string{"row 3: kind": "must be candidate or staff", "row 5: name": "is required"}
	formats := []struct {
		name string
		file func([][]string) []byte
	}{
		{"xlsx", func(r [][]string) []byte { return xlsxOf(t, r) }},
		{"comma", func(r [][]string) []byte { return csvOf(",", r) }},
		{"semicolon", func(r [][]string) []byte { return csvOf(";", r) }},
		{"tab", func(r [][]string) []byte { return csvOf("\t", r) }},
	}
	for _, fm := range formats {
		t.Run(fm.name, func(t *testing.T) {
			w := sqliteWorld(t)
			_, err := w.uc.ImportPeople(ctx, w.mgr, fm.file(bad))
			if got := errs.FieldsOf(err); !maps.Equal(got, wantBad) {
				t.Errorf("bad file: got errors %v, want %v", got, wantBad)
			}
			if page, err := w.uc.People(ctx, w.mgr, app.PeopleQuery{}); err != nil {
				t.Fatalf("read: %v", err)
			} else if page.Total != 0 {
				t.Errorf("bad file: %d people stored, want 0", page.Total)
			}
			res, err := w.uc.ImportPeople(ctx, w.mgr, fm.file(good))
			if err != nil {
				t.Fatalf("good file: %v", err)
			}
			if got, want := res.Message(), "Added 2 people."; got != want {
				t.Errorf("good file: got message %q, want %q", got, want)
			}
			page, err := w.uc.People(ctx, w.mgr, app.PeopleQuery{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range page.Items {
				got = append(got, p.Name+"|"+p.Email+"|"+string(p.Kind)+"|"+p.JobTitle)
			}
			slices.Sort(got)
			want := []string{"Dana Diaz|dana@example.com|staff|Account manager", `Ed Ek||staff|Seller, "field"`}
			if !slices.Equal(got, want) {
				t.Errorf("good file: got people %q, want %q", got, want)
			}
		})
	}
}

// Without a header the separator is still found from the first row, and
// a row with too many columns is named.
func TestImportPeopleWithoutHeader(t *testing.T) {
	tests := []struct {
		name, text string
		wantAdded  int
		wantErrs   map[string]string
	}{
		{"semicolon", "Ann;ann@example.com;staff;Seller\nBo;;candidate\n", 2, nil},
		{"tab", "Ann\tann@example.com\tstaff\n", 1, nil},
		{"semicolon inside quotes", "\"Ann; the elder\",ann@example.com,staff\n", 1, nil},
		{"too many columns", "Ann;a@example.com;staff;Seller;extra\n", 0,
			map[string]string{"row 1": "has 5 columns; expected name,email,kind[,job_title]"}},
		{"file of one person", "Ann,,staff\n", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := sqliteWorld(t)
			res, err := w.uc.ImportPeople(ctx, w.mgr, []byte(tt.text))
			if got := errs.FieldsOf(err); !maps.Equal(got, tt.wantErrs) && len(got)+len(tt.wantErrs) > 0 {
				t.Errorf("got errors %v (%v), want %v", got, err, tt.wantErrs)
			}
			if res.Added != tt.wantAdded {
				t.Errorf("got %d added, want %d", res.Added, tt.wantAdded)
			}
			if tt.wantAdded == 1 && res.Message() != "Added 1 person." {
				t.Errorf("got message %q, want %q", res.Message(), "Added 1 person.")
			}
		})
	}
}

// A file that only looks like a workbook is refused as one, naming the file.
func TestImportPeopleBrokenWorkbook(t *testing.T) {
	w := sqliteWorld(t)
	_, err := w.uc.ImportPeople(ctx, w.mgr, []byte("PK\x03\x04 not really a zip"))
	if got := errs.FieldsOf(err)["file"]; got != "is not a readable .xlsx workbook" {
		t.Errorf("broken workbook: got file error %q (%v), want it named unreadable", got, err)
	}
	if !app.IsXLSX(xlsxOf(t, [][]string{{"name"}})) || app.IsXLSX([]byte("name,email,kind\n")) {
		t.Error("IsXLSX tells a workbook from CSV wrongly")
	}
}
