package server

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"regexp"
	"rolefit"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	usecases "rolefit/internal/app"
	"rolefit/internal/demo"
	"rolefit/internal/store"
)

// impactWorld is organisation A with 48 candidates assessed in the last
// month: 20 women (6 hired), 20 men (12 hired), 3 who said "another" (all
// hired), 4 without a self-identification and 1 who declined; their
// hunter scores are 1, 2, 3, … in the order added.
func impactWorld(t *testing.T) (*fixture, string) {
	t.Helper()
	f := sqliteFixture(t, Config{})
	o := f.st.Scope(f.orgA.ID)
	by := rolefit.ActorOf(f.adminA)
	type who struct {
		sex   string
		hired bool
	}
	var people []who
	add := func(sex string, n, hired int) {
		for i := range n {
			people = append(people, who{sex, i < hired})
		}
	}
	add("female", 20, 6)
	add("male", 20, 12)
	add("another", 3, 3)
	add("", 4, 0)
	add("declined", 1, 0)
	nps := make([]rolefit.NewPerson, len(people))
	for i := range people {
		nps[i] = rolefit.NewPerson{Name: fmt.Sprintf("Person %d", i+1), Kind: rolefit.Candidate}
	}
	ps, err := o.ImportPeople(ctx, nps, nil, by)
	if err != nil {
		t.Fatal(err)
	}
	q := salesService(t)
	var rs []store.EarlierResponse
	for i, p := range ps {
		score := float64(i + 1)
		rs = append(rs, store.EarlierResponse{SubmittedAt: f.clock.Now().AddDate(0, 0, -7), NewResponse: store.NewResponse{PersonID: p.ID,
			QuestionnaireID: q.ID, QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash, Answers: map[string]int{"x": 1},
			Scored: store.Scored{Result: []byte(`{}`), Scores: []store.ScoreRow{{ScaleID: "hunter", Kind: store.ScaleComposite, Score: &score}}}}})
	}
	if err := o.RecordEarlierResponses(ctx, rs, by); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(time.Hour)
	var outcomes []rolefit.OutcomeInput
	var rows []int
	for i, p := range ps {
		if people[i].sex != "" {
			if err := o.SetSelfIdentification(ctx, rolefit.SelfIdentification{PersonID: p.ID, Sex: people[i].sex}, by); err != nil {
				t.Fatal(err)
			}
		}
		if people[i].hired {
			outcomes = append(outcomes, rolefit.OutcomeInput{Person: p.ID, Stage: "hired", At: f.clock.Now().Format(time.RFC3339)})
			rows = append(rows, i+1)
		}
	}
	if _, err := o.RecordOutcomes(ctx, outcomes, rows, by); err != nil {
		t.Fatal(err)
	}
	return f, f.apiKeyA(t)
}

func TestAdverseImpactReport(t *testing.T) {
	f, key := impactWorld(t)
	resp, body := f.apiRequest("GET", "/api/v1/adverse-impact?decision=hired&by=sex", key, "")
	wantStatus(t, "report", resp, http.StatusOK, body)
	r := decode[apiAdverseImpact](t, body)
	if r.Decision != "hired" || r.By != "sex" || r.Unknown != 5 {
		t.Errorf("decision %q by %q unknown %d, want hired, sex, 5 (4 without an answer, 1 declined)", r.Decision, r.By, r.Unknown)
	}
	groups := map[string]apiImpactGroup{}
	for _, g := range r.Groups {
		groups[g.Group] = g
	}
	male, female, another := groups["male"], groups["female"], groups["another"]
	if male.Assessed == nil || *male.Assessed != 20 || *male.Selected != 12 || *male.Rate != 0.6 || *male.ImpactRatio != 1 || male.FisherP != nil || male.BelowFourFifths {
		t.Errorf("male = %s, want the reference: 12 of 20, rate 0.6, ratio 1, no p", body)
	}
	// By hand: 0.3 / 0.6 = 0.5; ⌈0.8 · 0.6 · 20⌉ − 6 = ⌈9.6⌉ − 6 = 4.
	// SciPy 1.10.1: fisher_exact([[12, 8], [6, 14]])[1] = 0.1109695370274758.
	if female.Assessed == nil || *female.Assessed != 20 || *female.Selected != 6 || *female.Rate != 0.3 ||
		math.Abs(*female.ImpactRatio-0.5) > 1e-12 || !female.BelowFourFifths || female.Shortfall != 4 ||
		female.FisherP == nil || math.Abs(*female.FisherP-0.1109695370274758) > 1e-9 {
		t.Errorf("female = %s, want 6 of 20, ratio 0.5, flagged, shortfall 4, p 0.110970", body)
	}
	// Three people: shown as fewer than 5, no counts, not in the ratios
	// (their 100% would otherwise be the reference).
	if another.Assessed != nil || another.Selected != nil || another.Rate != nil || another.ImpactRatio != nil || another.FisherP != nil {
		t.Errorf("another = %s, want no counts and no ratio", body)
	}
	if len(r.Excluded) != 1 || r.Excluded[0].Group != "another" || r.Excluded[0].Reason != "fewer than 5" {
		t.Errorf("excluded = %+v, want another as fewer than 5", r.Excluded)
	}

	// Scored at or above the median of the 48 scores 1…48: 24.5. The
	// women scored 1–20 (none selected), the men 21–40 (16 of them,
	// 25–40), so the men are the reference at 0.8 and the women's ratio is 0.
	resp, body = f.apiRequest("GET", "/api/v1/adverse-impact?decision=median:hunter&by=sex", key, "")
	wantStatus(t, "median report", resp, http.StatusOK, body)
	r = decode[apiAdverseImpact](t, body)
	for _, g := range r.Groups {
		groups[g.Group] = g
	}
	if m, w := groups["male"], groups["female"]; m.Selected == nil || *m.Selected != 16 || w.Selected == nil || *w.Selected != 0 ||
		*w.ImpactRatio != 0 || w.Shortfall != 13 {
		// ⌈0.8 · 0.8 · 20⌉ − 0 = ⌈12.8⌉ = 13.
		t.Errorf("median report = %s, want men 16 selected, women 0 with shortfall 13", body)
	}

	// A period before anyone answered has no groups.
	resp, body = f.apiRequest("GET", "/api/v1/adverse-impact?decision=hired&by=sex&from=2025-01-01&to=2025-12-31", key, "")
	wantStatus(t, "an empty period", resp, http.StatusOK, body)
	wantContains(t, "an empty period", body, `"groups":[]`, `"unknown":0`)

	for _, bad := range []struct{ query, field string }{
		{"decision=promoted&by=sex", "decision"},
		{"decision=median:charm&by=sex", "decision"},
		{"decision=hired&by=height", "by"},
		{"decision=hired&by=sex&from=2026-13-01", "from"},
		{"decision=hired&by=sex&from=2026-03-01&to=2026-01-01", "from"},
	} {
		resp, body := f.apiRequest("GET", "/api/v1/adverse-impact?"+bad.query, key, "")
		wantStatus(t, bad.query, resp, http.StatusBadRequest, body)
		wantContains(t, bad.query, body, `"`+bad.field+`":`)
	}

	// A manager's key may not read it.
	_, mgrKey, err := f.st.Scope(f.orgA.ID).CreateAPIKey(ctx, "manager", rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	resp, body = f.apiRequest("GET", "/api/v1/adverse-impact?decision=hired&by=sex", mgrKey, "")
	wantStatus(t, "a manager's key", resp, http.StatusForbidden, body)

	// The page shows the same figures to an admin, and nothing to a manager.
	b := f.browser().signIn(f.adminA)
	resp, body = b.get("/settings/fairness?decision=hired&by=sex")
	wantStatus(t, "the page", resp, http.StatusOK, body)
	wantContains(t, "the page", body, "<td class=\"num\" data-label=\"Impact ratio\">0.50</td>", "0.111", "fewer than 5",
		`<strong class="tag-bad">yes</strong>`, "sales-service:")
	resp, body = b.get("/settings/fairness/summary?decision=hired&by=sex")
	wantStatus(t, "the summary", resp, http.StatusOK, body)
	wantContains(t, "the summary", body, "Summary of a bias audit", "Date of this summary", "2026-03-02", "Data from")
	// The auditor's tables: every decision by every grouping, the period
	// and the versions, as CSV and as a workbook with the same cells.
	resp, body = b.get("/settings/fairness/export?format=csv&from=2026-01-01&to=2026-03-02")
	wantStatus(t, "the audit tables", resp, http.StatusOK, body)
	wantContains(t, "the audit tables", body, "section,decision,grouping,group,assessed,selected,rate,impact_ratio,below_four_fifths,fisher_p,shortfall,note",
		"table,hired,sex,female,20,6,0.3,0.5,yes,0.11096953702747", "table,hired,sex,male,20,12,0.6,1,,,,highest rate (reference)",
		"table,hired,sex,another,fewer than 5,,,,,,,not in the ratios: fewer than 5", "table,hired,sex,unknown,5,",
		"table,median:hunter,sex_race,", "table,advanced,age,unknown,48,", "table,advanced,sex,female,20,0,0,,,,,\n", "about,,,period_from,,,,,,,,2026-01-01", "about,,,period_to,,,,,,,,2026-03-02",
		"about,,,questionnaire_versions,,,,,,,,sales-service:")
	if strings.Contains(body, "Person ") {
		t.Error("the audit tables name a person")
	}
	resp, body = b.get("/settings/fairness/export?format=xlsx")
	wantStatus(t, "the audit workbook", resp, http.StatusOK, body)
	book, err := excelize.OpenReader(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	cells, err := book.GetRows("Bias audit")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range cells {
		if len(r) > 10 && strings.Join(r[:9], ",") == "table,hired,sex,female,20,6,0.3,0.5,yes" && strings.HasPrefix(r[9], "0.11096953702747") && r[10] == "4" {
			found = true
		}
	}
	if !found {
		t.Errorf("the workbook has no row for women hired: %v", cells)
	}
	resp, _ = b.get("/settings/fairness/export?format=pdf")
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("export as pdf: %d, want 400", resp.StatusCode)
	}

	resp, _ = f.browser().signIn(f.mgrA).get("/settings/fairness")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("a manager opens the report: %d, want 403", resp.StatusCode)
	}
	if strings.Contains(body, "Person 1") {
		t.Error("the summary names a person")
	}
}

// The "done": in the demo an admin opens the adverse-impact
// report, sees the flagged group with its ratio, exact test and shortfall,
// labelled made-up, and exports the audit tables.
func TestDemoFairnessPage(t *testing.T) {
	f, _ := demoFixture(t)
	b := f.browser()
	b.get("/login")
	resp, body := b.post("/login", url.Values{"email": {demo.Admin.Email}, "password": {demo.Admin.Password}})
	wantStatus(t, "admin signs in", resp, http.StatusSeeOther, body)
	_, body = b.get("/settings")
	wantContains(t, "settings", body, `href="/settings/fairness"`)
	resp, body = b.get("/settings/fairness")
	wantStatus(t, "the report", resp, http.StatusOK, body)
	row := between(body, `<tr class="flagged">`, "</tr>")
	if row == "" || !strings.Contains(row, "female") || !strings.Contains(row, `<strong class="tag-bad">yes</strong>`) {
		t.Fatalf("no flagged row for women on the demo's report:\n%s", between(body, "<table", "</table>"))
	}
	if m := regexp.MustCompile(`Impact ratio">0\.[67]\d<`).FindString(row); m == "" {
		t.Errorf("the flagged row has no ratio between 0.60 and 0.79: %s", row)
	}
	if m := regexp.MustCompile(`Fisher(?:'|&#39;)s exact p">0\.\d{3}<`).FindString(row); m == "" {
		t.Errorf("the flagged row has no exact test: %s", row)
	}
	if m := regexp.MustCompile(`Shortfall">[1-9]\d*<`).FindString(row); m == "" {
		t.Errorf("the flagged row has no shortfall: %s", row)
	}
	wantContains(t, "the report", body, "Made-up data", "describe no real people")
	resp, body = b.get("/settings/fairness/export?format=xlsx")
	wantStatus(t, "the audit tables", resp, http.StatusOK, body)
	if resp.Header.Get("Content-Type") != usecases.ContentTypeXLSX {
		t.Errorf("export content type %q", resp.Header.Get("Content-Type"))
	}
}

// The Reliability page compares the statements between self-identified
// groups once each has 100 respondents, and says "not enough data" until
// then: on the demo, women and men are compared, Hispanic or Latino and
// White respondents not yet.
func TestDemoItemFairness(t *testing.T) {
	_, b := demoFixture(t)
	resp, body := b.get("/settings/reliability")
	wantStatus(t, "reliability", resp, http.StatusOK, body)
	section := between(body, `<h2 id="item-fairness">Item fairness</h2>`, "</main>")
	if section == "" {
		t.Fatal("the Reliability page has no Item fairness section")
	}
	sex := between(section, "<h3>sex: female and male</h3>", "</section>")
	if sex == "" || strings.Contains(sex, "Not enough data") || !regexp.MustCompile(`\d+ female and \d+ male respondents\.`).MatchString(sex) {
		t.Errorf("women and men are not compared on the demo:\n%s", sex)
	}
	hisp := between(section, "<h3>race/ethnicity: hispanic or latino and white</h3>", "</section>")
	if !strings.Contains(hisp, "Not enough data") || !strings.Contains(hisp, "each group needs 100") {
		t.Errorf("Hispanic or Latino respondents are compared with too few:\n%s", hisp)
	}
}
