package app_test

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"rolefit"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/errs"
)

// exportedRows reads an export back, CSV or XLSX, into one map of column
// to cell text per row, keyed by the person's ID.
func exportedRows(t *testing.T, format string, body []byte) (header []string, rows map[string]map[string]string) {
	t.Helper()
	var recs [][]string
	switch format {
	case app.FormatCSV:
		if !bytes.HasPrefix(body, []byte("\ufeff")) {
			t.Error("the CSV does not start with a UTF-8 byte order mark")
		}
		var err error
		if recs, err = csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff")))).ReadAll(); err != nil {
			t.Fatalf("read CSV back: %v", err)
		}
	case app.FormatXLSX:
		f, err := excelize.OpenReader(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("open XLSX: %v", err)
		}
		defer f.Close()
		if recs, err = f.GetRows("People", excelize.Options{RawCellValue: true}); err != nil {
			t.Fatalf("read XLSX rows: %v", err)
		}
	}
	if len(recs) == 0 {
		t.Fatal("the export is empty")
	}
	header, rows = recs[0], map[string]map[string]string{}
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range header {
			if i < len(rec) {
				m[h] = rec[i]
			}
		}
		rows[m["id"]] = m
	}
	return header, rows
}

// wantNumber checks that an exported cell holds exactly the number want
// (or is empty for nil): in full in a CSV file, rounded to Excel's 15
// significant digits in an XLSX file.
func wantNumber(t *testing.T, format, what, got string, want *float64) {
	t.Helper()
	if want == nil {
		if got != "" {
			t.Errorf("%s: got %q, want an empty cell", what, got)
		}
		return
	}
	w := *want
	if format == app.FormatXLSX {
		w, _ = strconv.ParseFloat(strconv.FormatFloat(w, 'g', 15, 64), 64)
	}
	v, err := strconv.ParseFloat(got, 64)
	if err != nil || v != w {
		t.Errorf("%s: got %q, want %v", what, got, w)
	}
}

func TestExportPeopleMatchesAssess(t *testing.T) {
	for _, format := range []string{app.FormatCSV, app.FormatXLSX} {
		t.Run(format, func(t *testing.T) {
			tm := newTeam(t)
			odd, err := tm.uc.AddPerson(ctx, tm.mgr, rolefit.NewPerson{Name: "=HYPERLINK(\"http://evil.example\")", Kind: rolefit.Staff, JobTitle: "+Seller"})
			if err != nil {
				t.Fatal(err)
			}
			tm.clock.Advance(time.Second) // the export's audit entry is the newest
			e, err := tm.uc.ExportPeople(ctx, tm.mgr, app.PeopleExport{Format: format})
			if err != nil {
				t.Fatal(err)
			}
			log, _ := tm.org.AuditLog(ctx, 1)
			if len(log) != 1 || log[0].Action != "export" || log[0].SubjectType != "people" || log[0].Detail != format+", 42 people" {
				t.Errorf("last audit entry %+v, want export of 42 people as %s", log, format)
			}
			header, rows := exportedRows(t, format, e.Body)
			if want := "rolefit-people-" + tm.clock.Now().UTC().Format("2006-01-02") + "." + format; e.Filename != want {
				t.Errorf("file name %q, want %q", e.Filename, want)
			}
			if len(rows) != len(tm.people)+2 {
				t.Fatalf("%d rows, want %d (everyone, assessed or not)", len(rows), len(tm.people)+2)
			}
			// The list the people page and API show, for the same numbers.
			page, err := tm.uc.People(ctx, tm.mgr, app.PeopleQuery{Limit: 500})
			if err != nil {
				t.Fatal(err)
			}
			listed := map[string]app.PersonRow{}
			for _, r := range page.Items {
				listed[r.ID] = r
			}
			for _, p := range tm.people {
				row := rows[p.ID]
				d, err := tm.uc.Person(ctx, tm.mgr, p.ID)
				if err != nil {
					t.Fatal(err)
				}
				q, _ := testCatalog(t).Get(d.Profile.QuestionnaireID, d.Profile.QuestionnaireVersion)
				fresh := assess.Score(q, assess.Response{Answers: d.Profile.Answers}, assess.Options{})
				for _, s := range append(append([]assess.ScaleScore{}, fresh.Composites...), fresh.Scales...) {
					wantNumber(t, format, p.Name+" "+s.ID, row[s.ID], s.Score)
				}
				for _, id := range []string{"hunter", "farmer"} {
					wantNumber(t, format, p.Name+" "+id+" as listed", row[id], listed[p.ID].Composites[id])
				}
				stored := d.Profile.Scored
				if row["class"] != string(stored.Profile.Class) || row["flags"] != strconv.Itoa(len(stored.Quality.Flags)) ||
					row["severity"] != string(stored.Quality.Severity) {
					t.Errorf("%s: class %q flags %q severity %q, want %s %d %q", p.Name, row["class"], row["flags"], row["severity"],
						stored.Profile.Class, len(stored.Quality.Flags), stored.Quality.Severity)
				}
				if row["name"] != p.Name || row["kind"] != string(p.Kind) || row["job_title"] != p.JobTitle ||
					row["questionnaire"] != "sales-service" || row["submitted_at"] != d.Profile.SubmittedAt.UTC().Format(time.RFC3339) {
					t.Errorf("%s: row %v", p.Name, row)
				}
			}
			// The composites come first after the person's fixed columns
			// (the hiring outcomes last of them), in the questionnaire's order.
			if i := strings.Index(strings.Join(header, ","), "severity,outcomes,hunter,farmer,"); i < 0 {
				t.Errorf("header %v, want outcomes, hunter and farmer right after severity", header)
			}
			if got := rows[tm.ghost.ID]; got["name"] != "Nobody Yet" || got["class"] != "" || got["hunter"] != "" || got["flags"] != "" {
				t.Errorf("person without a profile: %v", got)
			}
			if got := rows[odd.ID]; got["name"] != `'=HYPERLINK("http://evil.example")` || got["job_title"] != "'+Seller" {
				t.Errorf("formula-like text: name %q job title %q, want each behind a single quote", got["name"], got["job_title"])
			}
		})
	}
}

func TestExportXLSXWritesNumbersAndNoFormulas(t *testing.T) {
	tm := newTeam(t)
	if _, err := tm.uc.AddPerson(ctx, tm.mgr, rolefit.NewPerson{Name: "@SUM(1,2)", Kind: rolefit.Candidate}); err != nil {
		t.Fatal(err)
	}
	e, err := tm.uc.ExportPeople(ctx, tm.mgr, app.PeopleExport{Format: app.FormatXLSX})
	if err != nil {
		t.Fatal(err)
	}
	if e.ContentType != app.ContentTypeXLSX {
		t.Errorf("content type %q", e.ContentType)
	}
	f, err := excelize.OpenReader(bytes.NewReader(e.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("People")
	hunterCol := -1
	for i, h := range rows[0] {
		if h == "hunter" {
			hunterCol = i + 1
		}
	}
	if hunterCol < 0 {
		t.Fatal("no hunter column")
	}
	// The sheet says the range it fills, the header and one row a person,
	// so a reader that trusts the dimension sees every cell.
	end, _ := excelize.CoordinatesToCellName(len(rows[0]), len(rows))
	if got, _ := f.GetSheetDimension("People"); got != "A1:"+end {
		t.Errorf("dimension %q for %d rows of %d columns, want A1:%s", got, len(rows), len(rows[0]), end)
	}
	for r := 1; r <= len(rows); r++ {
		for c := 1; c <= len(rows[0]); c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r)
			if fm, err := f.GetCellFormula("People", ref); err != nil {
				t.Fatalf("read: %v", err)
			} else if fm != "" {
				t.Errorf("%s holds the formula %q", ref, fm)
			}
		}
	}
	ref, _ := excelize.CoordinatesToCellName(hunterCol, 2)
	if typ, err := f.GetCellType("People", ref); err != nil {
		t.Fatalf("read: %v", err)
	} else if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("hunter score %s has type %v, want a number", ref, typ)
	}
}

func TestExportPerson(t *testing.T) {
	tm := newTeam(t)
	p := tm.rated                             // two self-reports and a manager's rating
	d, err := tm.uc.Person(ctx, tm.mgr, p.ID) // a view to find in the audit
	if err != nil {
		t.Fatal(err)
	}
	tm.clock.Advance(time.Second) // the export's audit entry is the newest
	got, err := tm.uc.ExportPerson(ctx, tm.mgr, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if fn := got.Filename(); !strings.HasPrefix(fn, "rolefit-person-"+p.ID+"-") || !strings.HasSuffix(fn, ".json") {
		t.Errorf("file %q", fn)
	}
	if got.Person.ID != p.ID || got.Person.Name != p.Name || got.Person.ProfileResponseID == nil || *got.Person.ProfileResponseID != d.Profile.ID {
		t.Errorf("person %+v, want %s %s with profile %s", got.Person, p.ID, p.Name, d.Profile.ID)
	}
	if len(got.Responses) != 3 {
		t.Fatalf("%d responses, want 3 (two self-reports and a rating)", len(got.Responses))
	}
	stored, _ := tm.org.PersonResponses(ctx, p.ID)
	profiles, ratings := 0, 0
	for i, r := range got.Responses {
		want := stored[i]
		if r.ID != want.ID || !reflect.DeepEqual(r.Answers, want.Answers) || string(r.Result) != string(want.Result) {
			t.Errorf("response %d: %s with %d answers, want %s with %d, the same result", i, r.ID, len(r.Answers), want.ID, len(want.Answers))
		}
		if r.Profile {
			profiles++
		}
		if r.View == rolefit.ViewManager {
			ratings++
		}
	}
	if profiles != 1 || ratings != 1 {
		t.Errorf("%d profiles and %d ratings marked, want 1 and 1", profiles, ratings)
	}
	viewed := false
	for _, a := range got.Audit {
		if a.SubjectID != p.ID {
			t.Errorf("audit entry about %s in %s's data", a.SubjectID, p.ID)
		}
		viewed = viewed || a.Action == "view"
	}
	if !viewed {
		t.Errorf("audit %+v, want the view recorded before the export", got.Audit)
	}
	log, _ := tm.org.AuditLog(ctx, 1)
	if len(log) != 1 || log[0].Action != "export" || log[0].SubjectType != "person" || log[0].SubjectID != p.ID {
		t.Errorf("last audit entry %+v, want export of person %s", log, p.ID)
	}
}

func TestExportBadInputAndOtherOrganisation(t *testing.T) {
	tm := newTeam(t)
	other := newWorld(t, tm.st, tm.clock)
	before, _ := tm.org.AuditLog(ctx, 1)
	for _, format := range []string{"", "xls", "CSV", "json"} {
		_, err := tm.uc.ExportPeople(ctx, tm.mgr, app.PeopleExport{Format: format})
		if errs.Code(err) != errs.CodeInvalid || errs.FieldsOf(err)["format"] == "" {
			t.Errorf("format %q: got %v, want invalid format", format, err)
		}
	}
	if _, err := other.uc.ExportPerson(ctx, other.mgr, tm.people[0].ID); errs.Code(err) != errs.CodeNotFound {
		t.Errorf("another organisation's person: got %v, want not found", err)
	}
	e, err := other.uc.ExportPeople(ctx, other.mgr, app.PeopleExport{Format: app.FormatCSV})
	if err != nil {
		t.Fatal(err)
	}
	if _, rows := exportedRowsOrEmpty(t, e.Body); len(rows) != 0 {
		t.Errorf("another organisation's export has %d rows, want none", len(rows))
	}
	after, _ := tm.org.AuditLog(ctx, 1)
	if before[0].ID != after[0].ID {
		t.Errorf("refused and other organisations' exports were audited in this one: %+v", after)
	}
}

// exportedRowsOrEmpty reads a CSV export that may hold only its header.
func exportedRowsOrEmpty(t *testing.T, body []byte) ([]string, [][]string) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\ufeff")))).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("read CSV: %v", err)
	}
	return recs[0], recs[1:]
}
