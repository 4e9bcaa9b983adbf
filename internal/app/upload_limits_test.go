package app_test

import (
	"fmt"
	"io"
	"math/rand/v2"
	"rolefit"
	"runtime"
	"strings"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// maxUploadAlloc is the memory a hostile upload may cost (DESIGN.md §11:
// refused within 300 MB). It is measured as bytes allocated, which does
// not depend on timing or on the collector, so the bound is exact.
const maxUploadAlloc = 300 << 20

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// letters is n pseudo-random lower-case letters: text that compresses
// only about 1.7 to 1, so a part of it passes the compression bound.
func letters(n int) string {
	rng := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + rng.IntN(26))
	}
	return string(b)
}

// rowsOfSharedText is a sheet of n rows numbered from 1, each with cells
// in columns A and C referring to shared strings 0 and 1.
func rowsOfSharedText(n int) func(io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, sheetHead)
		for r := 1; r <= n; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="s"><v>0</v></c><c r="C%d" t="s"><v>1</v></c></row>`, r, r, r)
		}
		io.WriteString(w, sheetTail)
	}
}

// Hostile workbooks are refused, naming the file, within the memory bound,
// and nobody is added.
func TestImportRefusesHostileWorkbooks(t *testing.T) {
	huge := strings.Repeat("A", 1<<20)
	tests := []struct {
		name string
		book func(t *testing.T) []byte
		// want is in the file's error; wantRows, when set, instead expects
		// each of those fields.
		want     string
		wantRows []string
		wantMsg  string
	}{
		{"100,000 rows referring to a string of 1 MB (the reported attack, 10 KB)", func(t *testing.T) []byte {
			return workbookOf(t, repeated(sheetHead, `<row><c t="s"><v>0</v></c></row>`, 100_000, sheetTail), sharedStrings(huge), nil)
		}, "unpacks to more than 100 times its size", nil, ""},
		{"the same packed loosely: 10,000 rows referring to a string of 32,000 letters", func(t *testing.T) []byte {
			cells := `<c t="s"><v>0</v></c><c t="s"><v>0</v></c><c t="s"><v>0</v></c><c t="s"><v>0</v></c>`
			return workbookOf(t, func(w io.Writer) {
				io.WriteString(w, sheetHead)
				for r := 1; r <= 10_000; r++ {
					fmt.Fprintf(w, `<row r="%d">%s</row>`, r, cells)
				}
				io.WriteString(w, sheetTail)
			}, sharedStrings(letters(32_000)), nil)
		}, "", []string{"row 1: name", "row 1: email", "row 1: kind", "row 1: job_title"}, "Nothing was added: 40000 problems"},
		{"a sheet that says 2 KB and unpacks to 200 MB", func(t *testing.T) []byte {
			return workbookOf(t, repeated(sheetHead, `<row><c t="s"><v>0</v></c></row>`, 200<<20/33, sheetTail), sharedStrings("Ann"),
				map[string]uint64{"xl/worksheets/sheet1.xml": 2 << 10})
		}, "unpacks to more than the archive says", nil, ""},
		{"a cell in column XFD on each of 5,000 rows", func(t *testing.T) []byte {
			return workbookOf(t, func(w io.Writer) {
				io.WriteString(w, sheetHead)
				for r := 1; r <= 5_000; r++ {
					fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="s"><v>0</v></c><c r="XFD%d" t="s"><v>1</v></c></row>`, r, r, r)
				}
				io.WriteString(w, sheetTail)
			}, sharedStrings("Ann", "staff"), nil)
		}, "row 1 has more than 256 columns", nil, ""},
		{"shared strings that say there are 5 million", func(t *testing.T) []byte {
			return workbookOf(t, sheetRows([]string{"Ann", "", "staff"}),
				text(sstHead+` count="5000000" uniqueCount="5000000"><si><t>Ann</t></si></sst>`), nil)
		}, "more than 200000 pieces of text", nil, ""},
		{"a million shared strings that do not say so", func(t *testing.T) []byte {
			return workbookOf(t, sheetRows([]string{"Ann", "", "staff"}), func(w io.Writer) {
				io.WriteString(w, sstHead+">")
				for i := range 1_000_000 {
					fmt.Fprintf(w, "<si><t>%x</t></si>", i)
				}
				io.WriteString(w, "</sst>")
			}, nil)
		}, "more than 200000 pieces of text", nil, ""},
		{"300,000 rows of people", func(t *testing.T) []byte {
			return workbookOf(t, rowsOfSharedText(300_000), sharedStrings("Ann", "staff"), nil)
		}, "has more than 10000 people", nil, ""},
		{"a shared string longer than a cell holds", func(t *testing.T) []byte {
			return workbookOf(t, rowsOfSharedText(1), sharedStrings(letters(40_000), "staff"), nil)
		}, "more than 32767 characters", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := sqliteWorld(t)
			book := tc.book(t)
			var err error
			start := time.Now()
			alloc := allocated(func() { _, err = w.uc.ImportPeople(ctx, w.mgr, book) })
			t.Logf("%d bytes: refused in %v with %d MB allocated", len(book), time.Since(start).Round(time.Millisecond), alloc>>20)
			if errs.Code(err) != errs.CodeInvalid {
				t.Fatalf("got %v, want the file refused as invalid", err)
			}
			fields := errs.FieldsOf(err)
			if tc.want != "" && !strings.Contains(fields["file"], tc.want) {
				t.Errorf("got file error %q (%v), want it to say %q", fields["file"], err, tc.want)
			}
			if !strings.Contains(errs.Message(err), tc.wantMsg) {
				t.Errorf("got message %q, want it to say %q", errs.Message(err), tc.wantMsg)
			}
			for _, f := range tc.wantRows {
				if fields[f] == "" {
					t.Errorf("no error for %q; got %v", f, err)
				}
			}
			if alloc > maxUploadAlloc {
				t.Errorf("allocated %d MB, want at most %d MB", alloc>>20, maxUploadAlloc>>20)
			}
			if page, _ := w.uc.People(ctx, w.mgr, app.PeopleQuery{}); page.Total != 0 {
				t.Errorf("%d people stored from a refused file", page.Total)
			}
		})
	}
}

// Hostile CSV files are refused before they are parsed, for people and
// for performance months alike, within the memory bound.
func TestImportRefusesHostileCSV(t *testing.T) {
	const perfHeader = "person,month,new_business_hours,new_business_revenue,service_hours,service_revenue\n"
	tests := []struct {
		name   string
		people string
		perf   string
		want   string
	}{
		{"a line longer than any upload", "name,email,kind\n" + strings.Repeat("a", app.MaxUploadBytes),
			perfHeader + strings.Repeat("a", app.MaxUploadBytes), "larger than 8 MB"},
		{"a cell of a million characters", "name,email,kind\n" + strings.Repeat("a", 1<<20) + ",,staff\n",
			perfHeader + strings.Repeat("a", 1<<20) + ",2026-01,1,1,0,0\n", "line 2 has a cell of more than 32767 characters"},
		{"a quoted cell of a million characters over many lines", "name,email,kind\n\"" + strings.Repeat("a\n", 1<<19) + "\",,staff\n",
			perfHeader + "\"" + strings.Repeat("a\n", 1<<19) + "\",2026-01,1,1,0,0\n", "line 2 has a cell of more than 32767 characters"},
		{"a million columns", "name,email,kind\nAnn,,staff" + strings.Repeat(",", 1<<20) + "\n",
			perfHeader + "x" + strings.Repeat(",", 1<<20) + "\n", "line 2 has more than 256 columns"},
		{"20,000 rows", "name,email,kind\n" + strings.Repeat("Ann,,staff\n", 20_000),
			perfHeader + strings.Repeat("sam@example.com,2026-01,1,1,0,0\n", 20_000), "more than 10000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := sqliteWorld(t)
			w.person(t, "Sam", rolefit.Staff)
			for _, up := range []struct {
				what string
				file []byte
				read func([]byte) error
			}{
				{"people", []byte(tc.people), func(b []byte) error { _, err := w.uc.ImportPeople(ctx, w.mgr, b); return err }},
				{"performance", []byte(tc.perf), func(b []byte) error { _, err := w.uc.ImportPerformance(ctx, w.mgr, b, false); return err }},
			} {
				var err error
				alloc := allocated(func() { err = up.read(up.file) })
				if got := errs.FieldsOf(err)["file"]; errs.Code(err) != errs.CodeInvalid || !strings.Contains(got, tc.want) {
					t.Errorf("%s: got file error %q (%v), want it to say %q", up.what, got, err, tc.want)
				}
				if alloc > maxUploadAlloc {
					t.Errorf("%s: allocated %d MB, want at most %d MB", up.what, alloc>>20, maxUploadAlloc>>20)
				}
			}
			if page, _ := w.uc.People(ctx, w.mgr, app.PeopleQuery{}); page.Total != 1 {
				t.Errorf("%d people stored, want only Sam", page.Total)
			}
		})
	}
}

// Separators and line ends inside a quoted cell belong to the cell: the
// bound on columns does not count them. A name holding 95 commas is
// read, and a job title of 300 commas over 300 lines is one cell of row 3
// (refused by the person's own rule, at most 100 characters).
func TestImportCSVQuotedSeparatorsAreOneCell(t *testing.T) {
	w := sqliteWorld(t)
	name := `"` + strings.Repeat("a,", 95) + `"`
	title := `"` + strings.Repeat(",\n", 300) + `"`
	_, err := w.uc.ImportPeople(ctx, w.mgr, []byte("name,email,kind,job_title\n"+name+",,staff,\nBo,,staff,"+title+"\n"))
	if got := errs.FieldsOf(err); len(got) != 1 || got["row 3: job_title"] == "" {
		t.Errorf("got %v, want only row 3's job title refused", err)
	}
}
