package server

import (
	"fmt"
	"html"
	"math"
	"math/rand/v2"
	"net/http"
	"regexp"
	"rolefit"
	"strconv"
	"strings"
	"testing"
	"time"

	usecases "rolefit/internal/app"
	"rolefit/internal/assess"
)

func TestOrdinal(t *testing.T) {
	for _, tc := range []struct {
		p    float64
		want string
	}{{0, "0th"}, {1, "1st"}, {2.4, "2nd"}, {2.5, "3rd"}, {4, "4th"}, {11, "11th"}, {12, "12th"}, {13, "13th"},
		{21, "21st"}, {22, "22nd"}, {23, "23rd"}, {99.6, "100th"}, {101, "101st"}, {111, "111th"}} {
		if got := ordinal(tc.p); got != tc.want {
			t.Errorf("ordinal(%v): got %q, want %q", tc.p, got, tc.want)
		}
	}
}

// The profile's chart and table show, for every composite and facet, the
// score, band and percentile that assess gave the response: the chart's
// bar ends at the score on the 1–5 axis, its whisker spans the band, and
// the table's row prints the same figures.
func TestProfileChartAndTableAgreeWithAssess(t *testing.T) {
	f := sqliteFixture(t, Config{})
	uc := useCases(t, f.st, f.clock, nil, "")
	a := usecases.UserActor(f.adminA)
	q, _ := testCatalog(t).Latest("sales-service")
	rng := rand.New(rand.NewPCG(8, 9))
	// Enough earlier responses that bands and percentiles exist.
	var last *rolefit.Person
	for i := range 45 {
		// Past the scoring references' minute, so the last response is
		// scored against all the others.
		f.clock.Advance(2 * time.Minute)
		p, err := uc.AddPerson(ctx, a, rolefit.NewPerson{Name: fmt.Sprintf("Person %02d", i), Kind: rolefit.Candidate})
		if err != nil {
			t.Fatal(err)
		}
		ans := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers
		if _, err := uc.RecordResponse(ctx, a, usecases.RecordInput{PersonID: p.ID, Questionnaire: q.ID, Answers: ans}); err != nil {
			t.Fatal(err)
		}
		last = p
	}
	d, err := uc.Person(ctx, a, last.ID)
	if err != nil {
		t.Fatal(err)
	}
	res := d.Profile.Scored
	if res.Composites[0].Band == nil || res.Composites[0].Norm == nil {
		t.Fatalf("the fixture gives no bands or norms: %+v", res.Composites[0])
	}
	b := f.browser().signIn(f.mgrA)
	resp, body := b.get("/people/" + last.ID)
	wantStatus(t, "person page", resp, http.StatusOK, body)
	chart := body[strings.Index(body, `<svg class="chart score-chart"`):]
	chart = chart[:strings.Index(chart, `</svg>`)]
	rowRE := regexp.MustCompile(`<g class="bar-row bar-(\w+)" data-scale="(\w+)"([^>]*)>(.*?)</g>`)
	attrRE := regexp.MustCompile(`data-(\w+)="([^"]+)"`)
	rows := rowRE.FindAllStringSubmatch(chart, -1)
	all := append(append([]assess.ScaleScore{}, res.Composites...), res.Scales...)
	if len(rows) != len(all) {
		t.Fatalf("chart has %d rows, want %d", len(rows), len(all))
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	x := func(v float64) string { return coord(scorePlotLeft + (v-1)/4*scorePlotW) }
	for i, s := range all {
		row := rows[i]
		kind := "facet"
		if i < len(res.Composites) {
			kind = "composite"
		}
		if row[1] != kind || row[2] != s.ID {
			t.Errorf("row %d: got %s %s, want %s %s", i, row[1], row[2], kind, s.ID)
		}
		attrs := map[string]float64{}
		for _, m := range attrRE.FindAllStringSubmatch(row[3], -1) {
			attrs[m[1]] = num(m[2])
		}
		want := map[string]float64{"score": *s.Score, "low": s.Band.Low, "high": s.Band.High, "percentile": s.Norm.Percentile}
		for k, w := range want {
			if attrs[k] != w {
				t.Errorf("%s %s: got %v, want %v", s.ID, k, attrs[k], w)
			}
		}
		// The bar's end and the whisker's ends on the axis.
		if w := `width="` + coord(num(x(*s.Score))-scorePlotLeft) + `"`; !strings.Contains(row[4], `class="bar" x="`+strconv.Itoa(scorePlotLeft)+`"`) || !strings.Contains(row[4], w) {
			t.Errorf("%s: bar %q does not end at the score (%s)", s.ID, row[4], w)
		}
		if w := "M" + x(s.Band.Low) + " "; !strings.Contains(row[4], w) || !strings.Contains(row[4], "H"+x(s.Band.High)) {
			t.Errorf("%s: whisker %q does not span %v–%v", s.ID, row[4], s.Band.Low, s.Band.High)
		}
		if w := `class="bar-score"`; !strings.Contains(row[4], w) || !strings.Contains(row[4], ">"+strconv.FormatFloat(*s.Score, 'f', 2, 64)+"<") {
			t.Errorf("%s: chart score %q, want %.2f", s.ID, row[4], *s.Score)
		}
		pct := strconv.Itoa(int(math.Round(s.Norm.Percentile)))
		if !strings.Contains(row[4], `class="bar-pct"`) || !strings.Contains(row[4], ">"+pct) {
			t.Errorf("%s: chart percentile %q, want %s", s.ID, row[4], pct)
		}
		// The table's row for the same scale.
		th := `>` + html.EscapeString(s.Name) + `</th>`
		at := strings.Index(body, th)
		if at < 0 {
			t.Fatalf("no table row for %s", s.Name)
		}
		tr := body[at : at+strings.Index(body[at:], "</tr>")]
		for _, w := range []string{
			`data-label="Score">` + strconv.FormatFloat(*s.Score, 'f', 2, 64) + `<`,
			fmt.Sprintf("%.2f–%.2f", s.Band.Low, s.Band.High),
			">" + ordinal(s.Norm.Percentile) + " percentile",
		} {
			if !strings.Contains(tr, w) {
				t.Errorf("%s: table row %q lacks %q", s.ID, tr, w)
			}
		}
	}
	// The cut is drawn where the profile's cut lies, and the reading is there.
	if w := `<line class="cut" x1="` + x(res.Profile.Cut) + `"`; !strings.Contains(chart, w) {
		t.Errorf("chart has no cut line at %v", res.Profile.Cut)
	}
	wantContains(t, "person page", body, "What it means for placement", "Keep in mind", "self-report")
}
