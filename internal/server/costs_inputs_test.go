package server

import (
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"

	"rolefit/internal/econ"
	"rolefit/internal/i18n"
)

// Every input of the model is on the page, once.
func TestCostsInputsCoverTheModel(t *testing.T) {
	var names []string
	for _, g := range costsGroups() {
		for _, ci := range g.Inputs {
			names = append(names, ci.Name)
		}
	}
	want := []string{}
	ty := reflect.TypeFor[econ.Inputs]()
	for i := range ty.NumField() {
		tag := ty.Field(i).Tag.Get("json")
		for j, c := range tag {
			if c == ',' {
				tag = tag[:j]
				break
			}
		}
		want = append(want, tag)
	}
	slices.Sort(names)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("got inputs %v, want %v", names, want)
	}
}

func TestParseCostsInputs(t *testing.T) {
	// A scenario's link reads back as the same inputs.
	in := econ.DefaultInputs()
	capHours, rate := 75.5, 900.0
	in.Hours, in.Churn, in.Months, in.SellingCap, in.ServicePersonRate = 140, 0.025, 48, &capHours, &rate
	q, _ := url.ParseQuery(costsQuery(in))
	got, typed, bad := parseCostsInputs(q.Get)
	if len(bad) != 0 || !reflect.DeepEqual(got, in) {
		t.Errorf("round trip: got %+v (problems %v), want %+v", got, bad, in)
	}
	if typed["selling_cap"] != "75.5" || typed["months"] != "48" {
		t.Errorf("typed: %v", typed)
	}

	// Missing and empty inputs keep the founding case; optional ones stay unset.
	got, typed, bad = parseCostsInputs(url.Values{"hours": {" "}, "new_rate": {"6,000"}}.Get)
	want := econ.DefaultInputs()
	want.NewRate = 6000
	if len(bad) != 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("defaults: got %+v (problems %v), want %+v", got, bad, want)
	}
	if typed["hours"] != "120" || typed["selling_cap"] != "" || typed["new_rate"] != "6,000" {
		t.Errorf("defaults typed: %v", typed)
	}

	_, typed, bad = parseCostsInputs(url.Values{"months": {"3.5"}, "churn": {"1%"}, "margin": {"0.6"}}.Get)
	if bad["months"] == "" || bad["churn"] == "" || len(bad) != 2 {
		t.Errorf("problems: got %v, want months and churn", bad)
	}
	if typed["churn"] != "1%" || typed["months"] != "3.5" {
		t.Errorf("typed values not kept: %v", typed)
	}
}

func TestShownMonths(t *testing.T) {
	every := func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = i + 1
		}
		return s
	}
	for _, tc := range []struct {
		total, breakeven int
		want             []int
	}{
		{1, 0, []int{1}},
		{36, 7, every(36)},
		{40, 0, append(every(24), 30, 36, 40)},
		{40, 33, append(every(24), 30, 33, 36, 40)},
		{60, 12, append(every(24), 30, 36, 42, 48, 54, 60)},
	} {
		if got := shownMonths(tc.total, tc.breakeven); !slices.Equal(got, tc.want) {
			t.Errorf("shownMonths(%d, %d): got %v, want %v", tc.total, tc.breakeven, got, tc.want)
		}
	}
	if got := len(shownMonths(600, 0)); got != 24+96 {
		t.Errorf("600 months: got %d rows, want %d", got, 24+96)
	}
}

// The capacity model's inputs are described once (econ.InputSpecs): the
// Costs form, its validation and the API's schema list the same inputs
// with the table's labels, hints, ranges and defaults, read over HTTP as
// a person and an integrator see them. (The command's flags are checked
// against the same table in cmd/rolefit.)
func TestCapacityInputsDescribedOnce(t *testing.T) {
	f := sqliteFixture(t, Config{})
	b := f.browser().signIn(f.mgrA)
	_, page := b.get("/costs")
	resp, body := f.apiRequest("GET", "/api/v1/openapi.json", "", "")
	wantStatus(t, "openapi", resp, http.StatusOK, body)
	var doc struct {
		Paths map[string]map[string]struct {
			RequestBody struct {
				Content map[string]struct {
					Schema map[string]any `json:"schema"`
				} `json:"content"`
			} `json:"requestBody"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]map[string]any `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Paths["/api/v1/simulate"]["post"].RequestBody.Content["application/json"].Schema["$ref"]; got != "#/components/schemas/SimulateInputs" {
		t.Fatalf("POST /api/v1/simulate's body is %v, want the SimulateInputs schema", got)
	}
	schema := doc.Components.Schemas["SimulateInputs"].Properties
	specs := econ.InputSpecs()
	if len(schema) != len(specs) {
		t.Errorf("the API's schema has %d inputs, the table %d", len(schema), len(specs))
	}
	for _, s := range specs {
		// The form: the box, its label, hint and range.
		ci := costsInput{s}
		for _, want := range []string{`name="` + s.Name + `"`, html.EscapeString(s.Label), html.EscapeString(s.Hint()), html.EscapeString(ci.Bounds(i18n.Shipped().Printer(i18n.Source, nil))),
			`data-min="` + formatInput(s.Range.Min) + `"`, `data-max="` + formatInput(s.Range.Max) + `"`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the form does not have %s", s.Name, want)
			}
		}
		// The validation: the end of the range runs, beyond it is refused
		// beside the box with the range's rule.
		end := s.Range.Max
		if s.Range.BelowMax {
			end = s.Range.Min
		}
		resp, body := b.get("/costs?months=2&" + s.Name + "=" + formatInput(end))
		wantStatus(t, s.Name+" at the end of its range", resp, http.StatusOK, body)
		beyond := s.Range.Max * 2
		if s.Range.Max < 1e6 {
			beyond = s.Range.Max + 1
		}
		resp, body = b.get("/costs?" + s.Name + "=" + formatInput(beyond))
		wantStatus(t, s.Name+" beyond its range", resp, http.StatusBadRequest, body)
		wantContains(t, s.Name+" beyond its range", body, `id="e-`+s.Name+`"`, html.EscapeString(s.Range.Rule()))
		// The API's schema: the same bounds and default.
		p := schema[s.Name]
		if s.Optional() {
			one, _ := p["oneOf"].([]any)
			if len(one) != 2 {
				t.Errorf("%s: optional input's schema %v is not nullable", s.Name, p)
				continue
			}
			p = one[0].(map[string]any)
		}
		max := p["maximum"]
		if s.Range.BelowMax {
			max = p["exclusiveMaximum"]
		}
		if p["minimum"] != s.Range.Min || max != s.Range.Max {
			t.Errorf("%s: the API's schema says %v to %v, the table %s", s.Name, p["minimum"], max, s.Range.Span())
		}
		if _, has := p["default"]; has == s.Optional() || !s.Optional() && p["default"] != s.Default {
			t.Errorf("%s: the API's default %v, the table's %v", s.Name, p["default"], s.Default)
		}
	}
}
