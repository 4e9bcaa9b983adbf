package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// writeFile writes content to name in dir and returns its path.
func writeFile(t testing.TB, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

type placeJSON struct {
	Total      float64           `json:"total"`
	Assignment map[string]string `json:"assignment"`
}

func decodePlace(t *testing.T, stdout string) placeJSON {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	var out placeJSON
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("decoding %.300s: %v", stdout, err)
	}
	return out
}

// TestPlaceByHand: dana is worth most in ae, whose one seat must be filled;
// lee may not take cs and is not needed; sam takes cs.
func TestPlaceByHand(t *testing.T) {
	dir := t.TempDir()
	values := writeFile(t, dir, "values.csv", "person,ae,cs\ndana,100,20\nlee,50,\nsam,,30.5\n")
	seats := writeFile(t, dir, "seats.csv", "role,min,max\nae,1,1\ncs,0,2\n")
	code, stdout, stderr := runRolefit(t, "place", "--values", values, "--seats", seats, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	got := decodePlace(t, stdout)
	want := placeJSON{Total: 130.5, Assignment: map[string]string{"dana": "ae", "lee": "", "sam": "cs"}}
	if got.Total != want.Total || fmt.Sprint(got.Assignment) != fmt.Sprint(want.Assignment) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// The same files saved by a spreadsheet with a byte order mark.
	bom := writeFile(t, dir, "bom.csv", "\ufeffperson,ae,cs\ndana,100,20\nlee,50,\nsam,,30.5\n")
	code, stdout, stderr = runRolefit(t, "place", "--values", bom, "--seats", seats, "--format", "json")
	if got := decodePlace(t, stdout); code != 0 || got.Total != want.Total {
		t.Errorf("with a byte order mark: exit %d, %+v, stderr %s", code, got, stderr)
	}
	code, stdout, _ = runRolefit(t, "place", "--values", values, "--seats", seats)
	for _, line := range []string{"lee     (not placed)            0.00", "sam     cs                     30.50", "cs                0      2       1", "total 130.50"} {
		if code != 0 || !strings.Contains(stdout, line) {
			t.Errorf("exit %d, the table does not have the line %q:\n%s", code, line, stdout)
		}
	}
}

// bruteTotal is the best total of a values matrix (NaN: not allowed) within
// the seats, by trying every assignment; ok is false when none keeps them.
func bruteTotal(values [][]float64, min, max []int) (best float64, ok bool) {
	count := make([]int, len(min))
	var try func(i int, sum float64)
	try = func(i int, sum float64) {
		if i == len(values) {
			for j := range count {
				if count[j] < min[j] {
					return
				}
			}
			if !ok || sum > best {
				best, ok = sum, true
			}
			return
		}
		try(i+1, sum)
		for j, v := range values[i] {
			if !math.IsNaN(v) && count[j] < max[j] {
				count[j]++
				try(i+1, sum+v)
				count[j]--
			}
		}
	}
	try(0, 0)
	return best, ok
}

// TestPlaceMatchesBruteForce runs the command on random small files and
// compares its total with trying every assignment, and its assignment with
// its total.
func TestPlaceMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	dir := t.TempDir()
	for c := range 150 {
		n, m := 1+r.IntN(5), 1+r.IntN(3)
		var vb, sb strings.Builder
		vb.WriteString("person")
		values := make([][]float64, n)
		min, max := make([]int, m), make([]int, m)
		for j := range m {
			fmt.Fprintf(&vb, ",r%d", j)
		}
		vb.WriteString("\n")
		for i := range n {
			fmt.Fprintf(&vb, "p%d", i)
			values[i] = make([]float64, m)
			for j := range m {
				values[i][j] = math.NaN()
				vb.WriteString(",")
				if r.IntN(5) > 0 {
					values[i][j] = float64(r.IntN(20000)-5000) / 100
					vb.WriteString(strconv.FormatFloat(values[i][j], 'f', 2, 64))
				}
			}
			vb.WriteString("\n")
		}
		sb.WriteString("role,min,max\n")
		for j := range m {
			min[j] = r.IntN(2)
			max[j] = min[j] + r.IntN(3)
			fmt.Fprintf(&sb, "r%d,%d,%d\n", j, min[j], max[j])
		}
		vf := writeFile(t, dir, "v.csv", vb.String())
		sf := writeFile(t, dir, "s.csv", sb.String())
		want, ok := bruteTotal(values, min, max)
		code, stdout, stderr := runRolefit(t, "place", "--values", vf, "--seats", sf, "--format", "json")
		if !ok {
			if code != 1 || !strings.Contains(stderr, "cannot be filled") {
				t.Fatalf("case %d: no assignment keeps the seats; got exit %d, stderr %q", c, code, stderr)
			}
			continue
		}
		if code != 0 {
			t.Fatalf("case %d: exit %d, stderr %s", c, code, stderr)
		}
		got := decodePlace(t, stdout)
		if math.Abs(got.Total-want) > 1e-6 {
			t.Fatalf("case %d:\n%s%s: got total %v, want %v", c, vb.String(), sb.String(), got.Total, want)
		}
		sum := 0.0
		for i := range n {
			if role := got.Assignment[fmt.Sprintf("p%d", i)]; role != "" {
				j, _ := strconv.Atoi(strings.TrimPrefix(role, "r"))
				sum += values[i][j]
			}
		}
		if len(got.Assignment) != n || math.Abs(sum-got.Total) > 1e-6 {
			t.Fatalf("case %d: %d people in the assignment, worth %v; want %d and the total %v", c, len(got.Assignment), sum, n, got.Total)
		}
	}
}

// TestPlaceBadInput checks that every bad file is refused with the row and
// column named, and an infeasible minimum with the role named.
func TestPlaceBadInput(t *testing.T) {
	goodValues := "person,ae,cs\ndana,100,20\nlee,50,\n"
	goodSeats := "role,min,max\nae,0,1\ncs,0,2\n"
	tests := []struct {
		name, values, seats, stderr string
	}{
		{"not a number", "person,ae,cs\ndana,1x,20\n", goodSeats, `row 2, column ae: "1x" is not a number`},
		{"NaN", "person,ae,cs\ndana,NaN,20\n", goodSeats, `row 2, column ae: "NaN" is not a number`},
		{"ragged row", "person,ae,cs\ndana,1\n", goodSeats, "row 2: 2 cells, the header has 3"},
		{"duplicate person", "person,ae,cs\ndana,1,2\ndana,3,4\n", goodSeats, `row 3, column person: "dana" is also row 2`},
		{"duplicate role", "person,ae,ae\ndana,1,2\n", goodSeats, `row 1, column 3: the role "ae" is also column 2`},
		{"bad header", "name,ae\ndana,1\n", goodSeats, "row 1: the header must be person,ROLE1,ROLE2,..."},
		{"empty values", "", goodSeats, "empty file"},
		{"seats header", goodValues, "ae,0,1\n", "row 1: the header must be role,min,max"},
		{"unknown role in seats", goodValues, goodSeats + "sdr,0,1\n", `row 4, column role: "sdr" is not a role of the values file`},
		{"role without seats", goodValues, "role,min,max\nae,0,1\n", "role cs: no row for this role of the values file"},
		{"min above max", goodValues, "role,min,max\nae,2,1\ncs,0,1\n", "row 2: min 2 is above max 1"},
		{"negative seats", goodValues, "role,min,max\nae,-1,1\ncs,0,1\n", `row 2, column min: "-1" is not a whole number of at least 0`},
		{"fractional seats", goodValues, "role,min,max\nae,0,1.5\ncs,0,1\n", `row 2, column max: "1.5" is not a whole number of at least 0`},
		{"duplicate seats row", goodValues, goodSeats + "ae,0,1\n", `row 4, column role: "ae" is also row 2`},
		{"infeasible minimum", goodValues, "role,min,max\nae,0,1\ncs,2,2\n", "the minimum seats of cs cannot be filled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			code, stdout, stderr := runRolefit(t, "place", "--values", writeFile(t, dir, "v.csv", tt.values), "--seats", writeFile(t, dir, "s.csv", tt.seats))
			if code != 1 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr does not say %q:\n%s", tt.stderr, stderr)
			}
		})
	}
}

func TestPlaceUsage(t *testing.T) {
	dir := t.TempDir()
	v := writeFile(t, dir, "v.csv", "person,ae\ndana,1\n")
	s := writeFile(t, dir, "s.csv", "role,min,max\nae,0,1\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no values", []string{"--seats", s}, 2, "rolefit place: --values is required"},
		{"no seats", []string{"--values", v}, 2, "rolefit place: --seats is required"},
		{"bad format", []string{"--values", v, "--seats", s, "--format", "xml"}, 2, `--format "xml": want table or json`},
		{"stray argument", []string{"--values", v, "--seats", s, "extra"}, 2, `unexpected argument "extra"`},
		{"missing file", []string{"--values", "no-such.csv", "--seats", s}, 1, "open no-such.csv: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runRolefit(t, append([]string{"place"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tt.code, tt.stderr)
			}
		})
	}
	code, stdout, _ := runRolefit(t, "place", "--help")
	if code != 0 || !strings.Contains(stdout, "Usage: rolefit place --values FILE.csv --seats FILE.csv") {
		t.Errorf("help: exit %d, %q", code, stdout)
	}
}

// writeSquareCSVs writes the values and seats files of n people × n roles
// of one seat each, every cell allowed, values with cents.
func writeSquareCSVs(t testing.TB, dir string, n int) (values, seats string) {
	r := rand.New(rand.NewPCG(11, 12))
	var vb, sb bytes.Buffer
	vb.WriteString("person")
	sb.WriteString("role,min,max\n")
	for j := range n {
		fmt.Fprintf(&vb, ",role%d", j)
		fmt.Fprintf(&sb, "role%d,0,1\n", j)
	}
	vb.WriteString("\n")
	for i := range n {
		fmt.Fprintf(&vb, "person%d", i)
		for range n {
			vb.WriteString(",")
			vb.WriteString(strconv.FormatFloat(float64(r.IntN(10_000_000))/100, 'f', -1, 64))
		}
		vb.WriteString("\n")
	}
	return writeFile(t, dir, "values.csv", vb.String()), writeFile(t, dir, "seats.csv", sb.String())
}

// BenchmarkPlaceCommand runs rolefit place on 1,000 people × 1,000 roles
// of one seat each, reading both CSV files and writing JSON, in process.
func BenchmarkPlaceCommand(b *testing.B) {
	values, seats := writeSquareCSVs(b, b.TempDir(), 1000)
	for b.Loop() {
		var out, errOut bytes.Buffer
		if code := run(context.Background(), []string{"place", "--values", values, "--seats", seats, "--format", "json"}, os.Getenv, &out, &errOut); code != 0 {
			b.Fatalf("exit %d: %s", code, errOut.String())
		}
	}
}
