package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rolefit/internal/econ"
)

// decodeSimulate reads `rolefit simulate --format json`, refusing unknown
// fields so the printed shape is pinned to econ.Outputs.
func decodeSimulate(t *testing.T, stdout string) econ.Outputs {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	var out econ.Outputs
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("decoding %.300s: %v", stdout, err)
	}
	return out
}

// keys returns the sorted keys of a JSON object.
func keys(t *testing.T, data []byte) []string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%.200s: %v", data, err)
	}
	var k []string
	for name := range m {
		k = append(k, name)
	}
	slices.Sort(k)
	return k
}

func TestSimulateJSONShape(t *testing.T) {
	code, stdout, stderr := runRolefit(t, "simulate", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &top); err != nil {
		t.Fatal(err)
	}
	if got, want := keys(t, []byte(stdout)), []string{"breakeven_month", "months", "notes", "steady_state_accounts"}; !slices.Equal(got, want) {
		t.Errorf("top-level keys %v, want %v", got, want)
	}
	var months []json.RawMessage
	if err := json.Unmarshal(top["months"], &months); err != nil || len(months) != econ.DefaultMonths {
		t.Fatalf("%d months (%v), want %d", len(months), err, econ.DefaultMonths)
	}
	var first map[string]json.RawMessage
	if err := json.Unmarshal(months[1], &first); err != nil {
		t.Fatal(err)
	}
	if got, want := keys(t, months[1]), []string{"cumulative_difference", "dedicated", "difference", "month", "seller_serves"}; !slices.Equal(got, want) {
		t.Errorf("month keys %v, want %v", got, want)
	}
	policy := []string{"accounts", "contribution", "cost", "cumulative", "revenue", "sell_hours", "serve_hours"}
	seller := append(slices.Clone(policy), "service_share")
	dedicated := append(slices.Clone(policy), "hires", "service_people")
	slices.Sort(seller)
	slices.Sort(dedicated)
	if got := keys(t, first["seller_serves"]); !slices.Equal(got, seller) {
		t.Errorf("seller_serves keys %v, want %v", got, seller)
	}
	if got := keys(t, first["dedicated"]); !slices.Equal(got, dedicated) {
		t.Errorf("dedicated keys %v, want %v", got, dedicated)
	}

	out := decodeSimulate(t, stdout)
	want, err := econ.Simulate(econ.DefaultInputs())
	if err != nil {
		t.Fatal(err)
	}
	if out.BreakevenMonth == nil || *out.BreakevenMonth != 2 || *out.SteadyStateAccounts != *want.SteadyStateAccounts {
		t.Errorf("breakeven %v, steady state %v; want 2, %v", out.BreakevenMonth, out.SteadyStateAccounts, *want.SteadyStateAccounts)
	}
	if last := out.Months[len(out.Months)-1]; last != want.Months[len(want.Months)-1] {
		t.Errorf("last month %+v, want %+v", last, want.Months[len(want.Months)-1])
	}
}

// TestSimulateFlagsOverrideFile: the file sets inputs, and a flag given
// wins over the file whatever its place on the command line.
func TestSimulateFlagsOverrideFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "inputs.json")
	if err := os.WriteFile(file, []byte(`{"hours": 100, "churn": 0.05, "months": 10, "selling_cap": 80}`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runRolefit(t, "simulate", "--months", "5", "--input", file, "--format", "json", "--selling-cap", "90")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	out := decodeSimulate(t, stdout)
	if len(out.Months) != 5 {
		t.Errorf("%d months, want 5 (the flag)", len(out.Months))
	}
	// Month 1 sells min(100 hours from the file, cap 90 from the flag).
	if got := out.Months[0].SellerServes.SellHours; got != 90 {
		t.Errorf("month 1 sells %v hours, want 90", got)
	}
	// 100/(2 + 20 × 0.05) with the file's hours and churn.
	if got := *out.SteadyStateAccounts; got != 100.0/3 {
		t.Errorf("steady state %v, want %v", got, 100.0/3)
	}
}

func TestSimulateTable(t *testing.T) {
	code, stdout, stderr := runRolefit(t, "simulate", "--months", "3", "--selling-cap", "100")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	lines := strings.Split(stdout, "\n")
	// Two header lines, then month 2: 5 accounts, 100 h selling, 10 serving.
	if len(lines) < 5 || !strings.HasPrefix(strings.TrimSpace(lines[3]), "2 |") || !strings.Contains(lines[3], "357000") {
		t.Errorf("month 2 row %q in:\n%s", lines[3], stdout)
	}
	for _, want := range []string{"does not pull ahead within 3 months", "settles at 54.5 accounts", "capped at 100 a month"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in:\n%s", want, stdout)
		}
	}
}

func TestSimulateBadInput(t *testing.T) {
	badFile := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(badFile, []byte(`{"chrun": 0.05}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--churn", "1"}, 2, "--churn (churn): must be at least 0 and below 1"},
		{[]string{"--hours", "-3", "--margin", "2"}, 2, "--margin (margin): must be between 0 and 1"},
		{[]string{"--months", "601"}, 2, "--months (months): must be a whole number between 1 and 600"},
		{[]string{"--selling-cap", "-1"}, 2, "--selling-cap (selling_cap): must be between 0 and 744"},
		{[]string{"--new-rate", "NaN"}, 2, "not a number"},
		{[]string{"--new-rate", "5e3"}, 2, "not a number"},
		{[]string{"--new-rate", "0x1p4"}, 2, "not a number"},
		{[]string{"--new-rate", "1_000"}, 2, "not a number"},
		{[]string{"--new-rate", "10000000"}, 2, "--new-rate (new_rate): must be between 0 and 1,000,000"},
		{[]string{"--months", "2.5"}, 2, "not a whole number"},
		{[]string{"--hours", "many"}, 2, "not a number"},
		{[]string{"--format", "xml"}, 2, "want table or json"},
		{[]string{"extra"}, 2, `unexpected argument "extra"`},
		{[]string{"--input", badFile}, 1, `unknown field "chrun"`},
		{[]string{"--input", filepath.Join(t.TempDir(), "missing.json")}, 1, "no such file"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, stdout, stderr := runRolefit(t, append([]string{"simulate"}, tc.args...)...)
			if code != tc.code || !strings.Contains(stderr, tc.want) || stdout != "" {
				t.Errorf("exit %d, want %d; stderr %q, want %q in it; stdout %q", code, tc.code, stderr, tc.want, stdout)
			}
		})
	}
	// Both problems are named at once.
	_, _, stderr := runRolefit(t, "simulate", "--hours", "-3", "--margin", "2")
	if !strings.Contains(stderr, "--hours (hours): must be between 0 and 744") {
		t.Errorf("stderr %q names only one input", stderr)
	}
}

func TestSimulateHelp(t *testing.T) {
	code, stdout, _ := runRolefit(t, "simulate", "--help")
	if code != 0 || !strings.HasPrefix(stdout, "Usage: rolefit simulate") {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}
	for _, name := range []string{"hours", "new-rate", "service-rate", "service-hours-per-account", "selling-hours-per-account",
		"churn", "selling-cap", "margin", "start-accounts", "months", "service-person-hours", "service-person-rate",
		"service-person-cost", "service-person-cph", "input", "format"} {
		if !strings.Contains(stdout, "  -"+name+" ") {
			t.Errorf("no flag -%s in the help", name)
		}
	}
	var buf bytes.Buffer
	usage(&buf)
	if !strings.Contains(buf.String(), "simulate") {
		t.Error("rolefit --help does not list simulate")
	}
}

// TestSimulateFlagsAreTheJSONNames: every input's flag is its JSON name
// with "-" for "_", so the file, the API and the flags say the same.
func TestSimulateFlagsAreTheJSONNames(t *testing.T) {
	in := econ.DefaultInputs()
	in.SellingCap, in.ServicePersonRate = new(float64), new(float64)
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var flagNames []string
	for _, f := range simulateFlags() {
		flagNames = append(flagNames, strings.ReplaceAll(f.name, "-", "_"))
	}
	slices.Sort(flagNames)
	if got := keys(t, data); !slices.Equal(got, flagNames) {
		t.Errorf("JSON names %v, flags %v", got, flagNames)
	}
}

// TestSimulateFlagsFollowTheInputTable: every input of econ.InputSpecs
// is a flag whose help gives its range and default, whose value is read
// as the Costs page reads a box, and whose range is the table's: the end
// of it is accepted, just beyond it refused with the flag named.
func TestSimulateFlagsFollowTheInputTable(t *testing.T) {
	_, help, _ := runRolefit(t, "simulate", "--help")
	for _, s := range econ.InputSpecs() {
		flag := "--" + s.Flag()
		def := "(default --" + strings.ReplaceAll(s.Follows, "_", "-") + ")"
		if !s.Optional() {
			def = "(default " + strconv.FormatFloat(s.Default, 'f', -1, 64) + ")"
		}
		if i := strings.Index(help, "  -"+s.Flag()+" "); i < 0 {
			t.Errorf("no %s in the help", flag)
		} else if line := help[i:min(len(help), i+400)]; !strings.Contains(line, s.Range.Span()) || !strings.Contains(line, def) {
			t.Errorf("%s's help does not give its range %q and %s:\n%s", flag, s.Range.Span(), def, line)
		}
		max := s.Range.Max
		if s.Range.BelowMax {
			max = s.Range.Min
		}
		code, _, stderr := runRolefit(t, "simulate", "--format", "json", "--months", "2", flag, strconv.FormatFloat(max, 'f', -1, 64))
		if code != 0 {
			t.Errorf("%s %v (its range's end): exit %d\n%s", flag, max, code, stderr)
		}
		beyond := strconv.FormatFloat(s.Range.Max+1, 'f', -1, 64)
		if s.Range.Max >= 1e6 {
			beyond = strconv.FormatFloat(s.Range.Max*2, 'f', -1, 64)
		}
		code, _, stderr = runRolefit(t, "simulate", flag, beyond)
		if want := flag + " (" + s.Name + "): " + s.Range.Rule(); code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("%s %s: exit %d, stderr %q; want 2 and %q", flag, beyond, code, stderr, want)
		}
	}
}
