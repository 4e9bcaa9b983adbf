package server

import (
	"bytes"
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
	if n, err := f.st.Org(f.orgA.ID).CountPeople(ctx); err != nil {
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
	if n, err := f.st.Org(f.orgA.ID).CountPeople(ctx); err != nil {
		t.Fatalf("read: %v", err)
	} else if n != 3 {
		t.Errorf("%d people after both imports, want 3", n)
	}
}
