package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"rolefit/internal/errs"
	"rolefit/internal/placement"
)

const placeUsage = `Usage: rolefit place --values FILE.csv --seats FILE.csv [--format table|json]

The optimal assignment of people to roles for your own estimates of what
each person is worth in each role: one role or none per person, every role
filled to at least its minimum and at most its maximum, the total value as
large as possible. The answer is exact, not greedy, and the same input gives
the same answer (ties are broken by fixed rules on the order of the rows
and columns). Values are optimised in whole cents.

The values CSV has the header person,ROLE1,ROLE2,... and one row per person
with a number (a monthly value, in any currency) per role; an empty cell
means the person may not take that role. Not placing a person is worth 0.

The seats CSV has the header role,min,max and one row per role of the
values file, with whole numbers 0 <= min <= max.

JSON output: {"total": number, "assignment": {"PERSON": "ROLE" or ""}},
every person of the values file included; "" means not placed.

Example:

  rolefit place --values values.csv --seats seats.csv --format json

Flags:
`

// runPlace solves a team placement from CSV files of values and seats
// (internal/placement/doc.go), with every person alike: no fit model, no
// staff-or-candidate rule.
func runPlace(ctx context.Context, args []string, cio commandIO) error {
	flags := newUsageFlags("place", placeUsage, cio)
	valuesFile := flags.String("values", "", "CSV `file` of values: person,ROLE1,ROLE2,...")
	seatsFile := flags.String("seats", "", "CSV `file` of seats: role,min,max")
	format := flags.String("format", "table", "output `format`: table or json")
	if err := flags.parse(args); err != nil {
		return err
	}
	switch {
	case *valuesFile == "":
		return flags.fail("--values is required")
	case *seatsFile == "":
		return flags.fail("--seats is required")
	case *format != "table" && *format != "json":
		return flags.fail("--format %q: want table or json", *format)
	}

	people, roles, values, err := readValuesFile(*valuesFile)
	if err != nil {
		return err
	}
	seats, err := readSeatsFile(*seatsFile, roles)
	if err != nil {
		return err
	}
	sol, err := placement.SolveMatrix(placement.Matrix{Values: values, Seats: seats, PersonNames: people, RoleNames: roles})
	if err != nil {
		return err
	}
	if *format == "json" {
		return writePlaceJSON(cio.stdout, people, roles, sol)
	}
	return writePlaceTable(cio.stdout, people, roles, values, seats, sol)
}

// placeProblems collects what is wrong with a CSV file, each under its row
// and column, and stops listing after a screenful.
type placeProblems struct {
	fields map[string]string
	more   int
}

func (p *placeProblems) add(where, format string, args ...any) {
	if len(p.fields) >= 20 {
		p.more++
		return
	}
	p.fields[where] = fmt.Sprintf(format, args...)
}

func (p *placeProblems) err(file string) error {
	if len(p.fields) == 0 {
		return nil
	}
	msg := file + " is not valid"
	if p.more > 0 {
		msg += fmt.Sprintf(" (%d more problems not listed)", p.more)
	}
	return errs.InvalidFields(msg, p.fields)
}

func openCSV(name string) (*csv.Reader, *os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	// A spreadsheet may start the file with a UTF-8 byte order mark.
	br := bufio.NewReader(f)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\ufeff" {
		br.Discard(3)
	}
	r := csv.NewReader(br)
	r.FieldsPerRecord = -1 // ragged rows are reported below with their row
	r.ReuseRecord = true
	return r, f, nil
}

// readValuesFile reads person,ROLE1,ROLE2,... with one row per person.
// Rows are numbered as a spreadsheet shows them: the header is row 1.
func readValuesFile(name string) (people, roles []string, values [][]float64, err error) {
	r, f, err := openCSV(name)
	if err != nil {
		return nil, nil, nil, err
	}
	defer f.Close()
	probs := &placeProblems{fields: map[string]string{}}
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("empty file: want a header row of person and the role names")
		}
		return nil, nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(header) < 2 || strings.TrimSpace(header[0]) != "person" {
		return nil, nil, nil, errs.InvalidFields(name+" is not valid", map[string]string{"row 1": "the header must be person,ROLE1,ROLE2,... (at least one role)"})
	}
	seen := map[string]int{}
	for c, h := range header[1:] {
		role := strings.TrimSpace(h)
		switch {
		case role == "":
			probs.add(fmt.Sprintf("row 1, column %d", c+2), "the role has no name")
		case seen[role] > 0:
			probs.add(fmt.Sprintf("row 1, column %d", c+2), "the role %q is also column %d", role, seen[role])
		default:
			seen[role] = c + 2
		}
		roles = append(roles, role)
	}
	rowOf := map[string]int{}
	for row := 2; ; row++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(rec) != len(header) {
			probs.add(fmt.Sprintf("row %d", row), "%d cells, the header has %d", len(rec), len(header))
			continue
		}
		person := strings.TrimSpace(rec[0])
		switch {
		case person == "":
			probs.add(fmt.Sprintf("row %d, column person", row), "the person has no name")
		case rowOf[person] > 0:
			probs.add(fmt.Sprintf("row %d, column person", row), "%q is also row %d", person, rowOf[person])
		default:
			rowOf[person] = row
		}
		vs := make([]float64, len(roles))
		for c, cell := range rec[1:] {
			cell = strings.TrimSpace(cell)
			if cell == "" {
				vs[c] = math.NaN()
				continue
			}
			v, err := strconv.ParseFloat(cell, 64)
			switch {
			case err != nil && !errors.Is(err, strconv.ErrRange) || math.IsNaN(v) || math.IsInf(v, 0) && err == nil:
				probs.add(fmt.Sprintf("row %d, column %s", row, roles[c]), "%q is not a number", cell)
				continue
			case math.Abs(v) > placement.MaxValue:
				probs.add(fmt.Sprintf("row %d, column %s", row, roles[c]), "%q is larger in size than %g", cell, float64(placement.MaxValue))
				continue
			}
			vs[c] = v
		}
		people = append(people, person)
		values = append(values, vs)
	}
	if err := probs.err(name); err != nil {
		return nil, nil, nil, err
	}
	return people, roles, values, nil
}

// readSeatsFile reads role,min,max with one row for each role of the
// values file, and returns the seats in the values file's role order.
func readSeatsFile(name string, roles []string) ([]placement.Seats, error) {
	r, f, err := openCSV(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	probs := &placeProblems{fields: map[string]string{}}
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("empty file: want the header role,min,max")
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(header) != 3 || strings.TrimSpace(header[0]) != "role" || strings.TrimSpace(header[1]) != "min" || strings.TrimSpace(header[2]) != "max" {
		return nil, errs.InvalidFields(name+" is not valid", map[string]string{"row 1": "the header must be role,min,max"})
	}
	column := map[string]int{}
	for j, role := range roles {
		column[role] = j
	}
	seats := make([]placement.Seats, len(roles))
	rowOf := map[string]int{}
	for row := 2; ; row++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(rec) != 3 {
			probs.add(fmt.Sprintf("row %d", row), "%d cells, want role,min,max", len(rec))
			continue
		}
		role := strings.TrimSpace(rec[0])
		j, known := column[role]
		switch {
		case !known:
			probs.add(fmt.Sprintf("row %d, column role", row), "%q is not a role of the values file", role)
			continue
		case rowOf[role] > 0:
			probs.add(fmt.Sprintf("row %d, column role", row), "%q is also row %d", role, rowOf[role])
			continue
		}
		rowOf[role] = row
		var n [2]int
		ok := true
		for k, col := range []string{"min", "max"} {
			cell := strings.TrimSpace(rec[k+1])
			v, err := strconv.Atoi(cell)
			if err != nil || v < 0 {
				probs.add(fmt.Sprintf("row %d, column %s", row, col), "%q is not a whole number of at least 0", cell)
				ok = false
			}
			n[k] = v
		}
		if ok && n[0] > n[1] {
			probs.add(fmt.Sprintf("row %d", row), "min %d is above max %d", n[0], n[1])
		}
		seats[j] = placement.Seats{Min: n[0], Max: n[1]}
	}
	for _, role := range roles {
		if rowOf[role] == 0 && role != "" {
			probs.add("role "+role, "no row for this role of the values file")
		}
	}
	if err := probs.err(name); err != nil {
		return nil, err
	}
	return seats, nil
}

// roundCents rounds money to cents for printing, so a total reads 1234.5
// rather than 1234.4999999999998.
func roundCents(v float64) float64 { return math.Round(v*100) / 100 }

func writePlaceJSON(w io.Writer, people, roles []string, sol *placement.Solution) error {
	out := struct {
		Total      float64           `json:"total"`
		Assignment map[string]string `json:"assignment"`
	}{Total: roundCents(sol.Total), Assignment: make(map[string]string, len(people))}
	for i, p := range people {
		out.Assignment[p] = ""
		if j := sol.Role[i]; j != placement.NotPlaced {
			out.Assignment[p] = roles[j]
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writePlaceTable prints one row per person in the file's order, then one
// per role with its seats, and the total.
func writePlaceTable(w io.Writer, people, roles []string, values [][]float64, seats []placement.Seats, sol *placement.Solution) error {
	ew := &statsWriter{w: w}
	pw, rw := len("person"), len("(not placed)")
	for _, p := range people {
		pw = max(pw, len(p))
	}
	for _, r := range roles {
		rw = max(rw, len(r))
	}
	ew.printf("%-*s  %-*s  %14s\n", pw, "person", rw, "role", "value")
	for i, p := range people {
		role, value := "(not placed)", 0.0
		if j := sol.Role[i]; j != placement.NotPlaced {
			role, value = roles[j], values[i][j]
		}
		ew.printf("%-*s  %-*s  %14.2f\n", pw, p, rw, role, value)
	}
	ew.printf("\n%-*s  %5s  %5s  %6s\n", rw, "role", "min", "max", "placed")
	for j, r := range roles {
		ew.printf("%-*s  %5d  %5d  %6d\n", rw, r, seats[j].Min, seats[j].Max, sol.Filled[j])
	}
	ew.printf("\ntotal %.2f\n", roundCents(sol.Total))
	return ew.err
}
