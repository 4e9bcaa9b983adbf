package server

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbook builds an XLSX file with rows on its first sheet.
func workbook(t *testing.T, rows ...[]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, rec := range rows {
		for j, v := range rec {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(f.GetSheetName(0), cell, v); err != nil {
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

func uploadRequest(csrf, name string, data []byte) *http.Request {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("_csrf", csrf)
	fw, _ := w.CreateFormFile("file", name)
	fw.Write(data)
	w.Close()
	req := httptest.NewRequest(http.MethodPost, "/people/import", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return req
}

// An Excel workbook is imported like CSV: a bad row is reported by its
// spreadsheet row with nothing added and no binary put in the text box; a
// good one adds its people. A semicolon CSV is read by its header.
func TestImportPeopleWorkbookAndSemicolons(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	b.get("/people")
	bad := workbook(t, []string{"name", "email", "kind"}, []string{"Ann", "ann@example.com", "staff"}, []string{"Bo", "", "intern"})
	resp, body := b.do(uploadRequest(b.csrf, "people.xlsx", bad))
	wantStatus(t, "workbook with a bad row", resp, http.StatusBadRequest, body)
	wantContains(t, "workbook report", body, "Nothing was added", "row 3: kind", `name="csv" rows="6" spellcheck="false" placeholder="name,email,kind,job_title&#10;Dana Diaz,dana@example.com,staff,Account manager"></textarea>`)
	if strings.Contains(body, "PK\x03\x04") {
		t.Error("the workbook's bytes were put back on the page")
	}
	if n, err := f.st.Scope(f.orgA.ID).CountPeople(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 0 {
		t.Fatalf("a refused workbook stored %d people", n)
	}

	resp, body = b.do(uploadRequest(b.csrf, "people.xlsx", workbook(t, []string{"Ann", "ann@example.com", "staff", "Seller"})))
	wantStatus(t, "good workbook", resp, http.StatusSeeOther, body)
	_, body = b.get("/people")
	wantContains(t, "after the workbook", body, "Added 1 person.", "Seller")

	resp, body = b.post("/people/import", url.Values{"csv": {"name;email;kind;job_title\nCy;cy@example.com;candidate;\nDi;;staff;Account manager\n"}})
	wantStatus(t, "semicolon CSV", resp, http.StatusSeeOther, body)
	_, body = b.get("/people")
	wantContains(t, "after the semicolon CSV", body, "Added 2 people.", "Cy", "Account manager")
	if n, err := f.st.Scope(f.orgA.ID).CountPeople(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 3 {
		t.Errorf("%d people after both imports, want 3", n)
	}
}

// bombWorkbook is the reported attack: a workbook of about 10 KB whose
// sheet has 100,000 rows, each one cell referring to a shared string of
// 1 MB, so that reading every cell would take 100 GB.
func bombWorkbook(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestCompression) })
	for _, p := range []struct {
		name, head, unit string
		times            int
		tail             string
	}{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`, "", 0, ""},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>`, "", 0, ""},
		{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`, "", 0, ""},
		{"xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>`, "A", 1 << 20, `</t></si></sst>`},
		{"xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`, `<row><c t="s"><v>0</v></c></row>`, 100_000, `</sheetData></worksheet>`},
	} {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.head+strings.Repeat(p.unit, p.times)+p.tail)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The bomb uploaded through the page is refused with a 400 that names the
// file, nothing is added, and the server goes on answering.
func TestImportPeopleRefusesWorkbookBomb(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	b.get("/people")
	bomb := bombWorkbook(t)
	if len(bomb) > 12<<10 {
		t.Fatalf("the bomb is %d bytes, want about 10 KB", len(bomb))
	}
	resp, body := b.do(uploadRequest(b.csrf, "people.xlsx", bomb))
	wantStatus(t, "workbook bomb", resp, http.StatusBadRequest, body)
	wantContains(t, "workbook bomb", body, "The file was not read", "unpacks to more than 100 times its size")
	if n, _ := f.st.Scope(f.orgA.ID).CountPeople(ctx); n != 0 {
		t.Fatalf("the bomb stored %d people", n)
	}
	resp, body = b.do(uploadRequest(b.csrf, "people.xlsx", workbook(t, []string{"Ann", "ann@example.com", "staff"})))
	wantStatus(t, "a good workbook after the bomb", resp, http.StatusSeeOther, body)
	resp, body = b.get("/people")
	wantStatus(t, "the people page after the bomb", resp, http.StatusOK, body)
	wantContains(t, "the people page after the bomb", body, "Added 1 person.")
}
