package server

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"rolefit"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// readExport reads a CSV or XLSX people export into rows by column name,
// keyed by person ID.
func readExport(t *testing.T, format, body string) map[string]map[string]string {
	t.Helper()
	var recs [][]string
	var err error
	switch format {
	case "csv":
		recs, err = csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	case "xlsx":
		var f *excelize.File
		if f, err = excelize.OpenReader(strings.NewReader(body)); err == nil {
			defer f.Close()
			recs, err = f.GetRows("People", excelize.Options{RawCellValue: true})
		}
	}
	if err != nil || len(recs) == 0 {
		t.Fatalf("read %s export: %v", format, err)
	}
	rows := map[string]map[string]string{}
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			if i < len(rec) {
				m[h] = rec[i]
			}
		}
		rows[m["id"]] = m
	}
	return rows
}

func TestPeopleExportThroughTheApp(t *testing.T) {
	tw := newTeamWorld(t)
	key := tw.f.apiKeyA(t)
	b := tw.f.browser().signIn(tw.f.mgrA)
	for _, c := range []struct {
		via, format, contentType string
	}{
		{"api", "csv", "text/csv; charset=utf-8"},
		{"api", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"page", "csv", "text/csv; charset=utf-8"},
		{"page", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	} {
		t.Run(c.via+" "+c.format, func(t *testing.T) {
			var resp *http.Response
			var body string
			if c.via == "api" {
				resp, body = tw.f.apiRequest("GET", "/api/v1/people/export?format="+c.format, key, "")
			} else {
				resp, body = b.get("/people/export?format=" + c.format)
			}
			wantStatus(t, "export", resp, http.StatusOK, body)
			if got := resp.Header.Get("Content-Type"); got != c.contentType {
				t.Errorf("Content-Type %q, want %q", got, c.contentType)
			}
			wantDisposition := `attachment; filename="rolefit-people-` + tw.f.clock.Now().UTC().Format("2006-01-02") + "." + c.format + `"`
			if got := resp.Header.Get("Content-Disposition"); got != wantDisposition {
				t.Errorf("Content-Disposition %q, want %q", got, wantDisposition)
			}
			if got := resp.Header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control %q, want no-store", got)
			}
			rows := readExport(t, c.format, body)
			if len(rows) != 5 {
				t.Errorf("%d rows, want A's 5 people and not B's", len(rows))
			}
			if _, ok := rows[tw.zed.ID]; ok {
				t.Error("B's person is in A's export")
			}
			if got := rows[tw.assessed[2].ID]["name"]; got != evilName {
				t.Errorf("name %q, want %q", got, evilName)
			}
			// The same numbers as the profile API.
			for _, p := range tw.assessed {
				resp, body := tw.f.apiRequest("GET", "/api/v1/people/"+p.ID+"/profile", key, "")
				wantStatus(t, "profile", resp, http.StatusOK, body)
				prof := decode[apiProfile](t, body)
				row := rows[p.ID]
				for _, s := range prof.SelfReport.Scales {
					want := *s.Score
					if c.format == "xlsx" { // Excel keeps 15 significant digits
						want, _ = strconv.ParseFloat(strconv.FormatFloat(want, 'g', 15, 64), 64)
					}
					if got, err := strconv.ParseFloat(row[s.ID], 64); err != nil || got != want {
						t.Errorf("%s %s: got %q, want %v", p.Name, s.ID, row[s.ID], want)
					}
				}
				if row["class"] != prof.SelfReport.Class || row["flags"] != strconv.Itoa(len(prof.SelfReport.Flags)) || row["severity"] != prof.SelfReport.Severity {
					t.Errorf("%s: class %q flags %q severity %q, want %+v", p.Name, row["class"], row["flags"], row["severity"], prof.SelfReport)
				}
			}
		})
	}
	resp, body := tw.f.apiRequest("GET", "/api/v1/people/export?format=pdf", key, "")
	wantStatus(t, "format=pdf", resp, http.StatusBadRequest, body)
	wantContains(t, "format=pdf", body, `"format":"must be csv or xlsx"`)
	resp, body = b.get("/people/export")
	wantStatus(t, "no format", resp, http.StatusOK, body)
	if resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Errorf("without a format: Content-Type %q, want CSV", resp.Header.Get("Content-Type"))
	}

	log, _ := tw.f.st.Scope(tw.f.orgA.ID).AuditLog(ctx, 100)
	exports := 0
	for _, e := range log {
		if e.Action == "export" && e.SubjectType == "people" {
			exports++
		}
	}
	if exports != 5 {
		t.Errorf("%d people exports audited, want 5 (the refused one is not)", exports)
	}
}

func TestPersonExportThroughTheApp(t *testing.T) {
	tw := newTeamWorld(t)
	key := tw.f.apiKeyA(t)
	_, keyB, _ := tw.f.st.Scope(tw.f.orgB.ID).CreateAPIKey(ctx, "b", rolefit.ActorOf(tw.f.adminB))
	p := tw.rated
	for _, via := range []string{"api", "page"} {
		var resp *http.Response
		var body string
		if via == "api" {
			resp, body = tw.f.apiRequest("GET", "/api/v1/people/"+p.ID+"/export", key, "")
		} else {
			resp, body = tw.f.browser().signIn(tw.f.mgrA).get("/people/" + p.ID + "/export")
		}
		wantStatus(t, via, resp, http.StatusOK, body)
		if got := resp.Header.Get("Content-Type"); got != "application/json" {
			t.Errorf("%s: Content-Type %q", via, got)
		}
		if got, want := resp.Header.Get("Content-Disposition"), `attachment; filename="rolefit-person-`+p.ID+"-"+tw.f.clock.Now().UTC().Format("2006-01-02")+`.json"`; got != want {
			t.Errorf("%s: Content-Disposition %q, want %q", via, got, want)
		}
		if got := resp.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", via, got)
		}
		var got struct {
			Person struct {
				ID string `json:"id"`
			} `json:"person"`
			Responses []struct {
				View    string         `json:"view"`
				Answers map[string]int `json:"answers"`
			} `json:"responses"`
			Invitations []json.RawMessage `json:"invitations"`
		}
		if err := json.Unmarshal([]byte(body), &got); err != nil {
			t.Fatalf("%s: %v", via, err)
		}
		if got.Person.ID != p.ID || len(got.Responses) != 2 || len(got.Responses[0].Answers) == 0 || got.Invitations == nil {
			t.Errorf("%s: %s", via, body[:min(len(body), 400)])
		}
	}
	// Another organisation's key and user get "not found", and nothing is
	// audited for them.
	resp, body := tw.f.apiRequest("GET", "/api/v1/people/"+p.ID+"/export", keyB, "")
	wantStatus(t, "B's key", resp, http.StatusNotFound, body)
	resp, body = tw.f.browser().signIn(tw.f.adminB).get("/people/" + p.ID + "/export")
	wantStatus(t, "B's admin", resp, http.StatusNotFound, body)
	if strings.Contains(body, p.Name) {
		t.Error("B's error page names A's person")
	}
	log, _ := tw.f.st.Scope(tw.f.orgB.ID).AuditLog(ctx, 100)
	for _, e := range log {
		if e.Action == "export" {
			t.Errorf("B's log has %+v", e)
		}
	}
	n := 0
	logA, _ := tw.f.st.Scope(tw.f.orgA.ID).AuditLog(ctx, 100)
	for _, e := range logA {
		if e.Action == "export" && e.SubjectType == "person" && e.SubjectID == p.ID {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d exports of the person audited, want 2", n)
	}
}

func TestExportLinksOnPages(t *testing.T) {
	tw := newTeamWorld(t)
	b := tw.f.browser().signIn(tw.f.mgrA)
	_, body := b.get("/people")
	wantContains(t, "people page", body, `href="/people/export?format=csv"`, `href="/people/export?format=xlsx"`)
	_, body = b.get("/people/" + tw.rated.ID)
	wantContains(t, "person page", body, `href="/people/`+tw.rated.ID+`/export"`, "data (JSON)</a>")
	// An organisation with nobody in it has nothing to export.
	f := sqliteFixture(t, Config{})
	_, body = f.browser().signIn(f.adminA).get("/people")
	if strings.Contains(body, "/people/export") {
		t.Error("an empty people page offers an export")
	}
}
