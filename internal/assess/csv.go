package assess

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// maxCSVProblems bounds the problems a CSVError lists; the rest are counted.
const maxCSVProblems = 50

// ResponseTable holds the answers to a questionnaire's scored items, one row
// per respondent, as read from a CSV by ReadResponses. It can also be built
// directly from stored responses.
type ResponseTable struct {
	// Items are the IDs of the scored items that have answers, in the
	// questionnaire's page order.
	Items []string
	// Answers holds one row per respondent, one raw answer (as given, not
	// reversed) per entry of Items, NaN where the item was not answered.
	Answers [][]float64
	// Ignored lists the header columns that are not items of the
	// questionnaire (a respondent's name or e-mail), in file order. Columns
	// of its check, virtue and choice items are skipped without a mention:
	// they belong in an export of responses but have no reliability.
	Ignored []string
	// Absent lists the questionnaire's scored items that have no column, in
	// page order. Their scales are computed over the items present.
	Absent []string
}

// CSVProblem is one problem with a responses CSV. Row counts the header as
// row 1, as a spreadsheet numbers rows; Column is the header of the cell, or
// empty for a problem with a whole row.
type CSVProblem struct {
	Row    int
	Column string
	Msg    string
}

// String formats the problem as `row 7, column inf2: "x" is not a number`.
func (p CSVProblem) String() string {
	switch {
	case p.Row == 0:
		return p.Msg
	case p.Column == "":
		return fmt.Sprintf("row %d: %s", p.Row, p.Msg)
	}
	return fmt.Sprintf("row %d, column %s: %s", p.Row, p.Column, p.Msg)
}

// CSVError lists every problem found in a responses CSV, up to 50; Omitted
// counts the problems beyond those.
type CSVError struct {
	Problems []CSVProblem
	Omitted  int
}

func (e *CSVError) Error() string {
	var b strings.Builder
	if total := len(e.Problems) + e.Omitted; total == 1 {
		b.WriteString("1 problem in the responses:")
	} else {
		fmt.Fprintf(&b, "%d problems in the responses:", total)
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	if e.Omitted > 0 {
		fmt.Fprintf(&b, "\n  and %d more", e.Omitted)
	}
	return b.String()
}

// csvProblems collects problems up to the cap.
type csvProblems struct{ err CSVError }

func (c *csvProblems) add(row int, column, format string, args ...any) {
	if len(c.err.Problems) >= maxCSVProblems {
		c.err.Omitted++
		return
	}
	c.err.Problems = append(c.err.Problems, CSVProblem{Row: row, Column: column, Msg: fmt.Sprintf(format, args...)})
}

func (c *csvProblems) result() error {
	if len(c.err.Problems) == 0 {
		return nil
	}
	e := c.err
	return &e
}

// ReadResponses reads answers to q from a CSV: a header row of column names,
// then one row per respondent. Columns named after q's scored items are
// read; an empty cell or NA is an unanswered item, any other cell must be a
// whole number on q's response scale. Columns of q's check, virtue and
// choice items are skipped; other columns (a name, an e-mail, a respondent
// number) are ignored and listed in the table's Ignored.
//
// A column that looks like an item of q but is not one is an error rather
// than ignored, since it nearly always means answers to another version of
// the questionnaire or a misspelt header: its name is one of q's item IDs in
// another case ("INF1"), or it ends in digits after the same stem as one of
// q's items ("inf7" beside inf1..inf6). So is a header without any of q's
// scored items, and an item column named twice.
//
// Every problem is collected, up to 50, into a *CSVError whose lines name
// the row and the column, e.g. `row 3, column drv1: 9 is outside the
// response scale 1–5`.
func ReadResponses(r io.Reader, q *Questionnaire) (*ResponseTable, error) {
	var problems csvProblems
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // row lengths are checked below, with a row number
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		problems.add(0, "", "the file is empty: want a header row of item IDs")
		return nil, problems.result()
	}
	if err != nil {
		problems.add(1, "", "%s", csvReadMessage(err))
		return nil, problems.result()
	}
	header = append([]string(nil), header...)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff") // spreadsheet byte-order mark
	}

	scored := map[string]int{} // scored item ID → position in page order
	known := map[string]bool{} // every item ID
	var order []string
	for _, it := range q.Items() {
		known[it.ID] = true
		if it.Kind == KindScored {
			scored[it.ID] = len(order)
			order = append(order, it.ID)
		}
	}
	look := newItemLookalikes(q)

	t := &ResponseTable{}
	colOf := make([]int, len(header)) // header column → position in order, or −1
	seen := map[string]bool{}
	found := 0
	for c, h := range header {
		h = strings.TrimSpace(h)
		header[c] = h
		colOf[c] = -1
		pos, ok := scored[h]
		switch {
		case ok && seen[h]:
			problems.add(1, h, "the column appears more than once")
		case ok:
			seen[h] = true
			colOf[c] = pos
			found++
		case !known[h] && look.isItemLike(h):
			problems.add(1, h, "unknown item column: %s has no item %s", q, h)
		case !known[h]:
			t.Ignored = append(t.Ignored, h)
		}
	}
	if found == 0 && len(problems.err.Problems) == 0 {
		problems.add(1, "", "the header names none of the scored items of %s (want columns such as %s)", q, exampleIDs(order))
	}
	if len(problems.err.Problems) > 0 {
		return nil, problems.result()
	}

	// Keep the present items in page order; colOf maps into that order.
	present := make([]bool, len(order))
	for _, p := range colOf {
		if p >= 0 {
			present[p] = true
		}
	}
	compact := make([]int, len(order))
	for p, id := range order {
		if present[p] {
			compact[p] = len(t.Items)
			t.Items = append(t.Items, id)
		} else {
			t.Absent = append(t.Absent, id)
		}
	}
	for c, p := range colOf {
		if p >= 0 {
			colOf[c] = compact[p]
		}
	}

	lo, hi := q.Scale.Min, q.Scale.Max
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			problems.add(row, "", "%s", csvReadMessage(err))
			break // the reader cannot resynchronise after a syntax error
		}
		if len(rec) != len(header) {
			problems.add(row, "", "%d cells, but the header has %d columns", len(rec), len(header))
			continue
		}
		answers := make([]float64, len(t.Items))
		for j := range answers {
			answers[j] = math.NaN()
		}
		for c, cell := range rec {
			j := colOf[c]
			if j < 0 {
				continue
			}
			v, msg := parseAnswer(cell, lo, hi)
			if msg != "" {
				problems.add(row, header[c], "%s", msg)
				continue
			}
			answers[j] = v
		}
		t.Answers = append(t.Answers, answers)
	}
	if err := problems.result(); err != nil {
		return nil, err
	}
	return t, nil
}

// parseAnswer reads one cell: NaN for empty or NA, else a whole number in
// lo..hi. It returns a message for a bad cell.
func parseAnswer(cell string, lo, hi int) (float64, string) {
	s := strings.TrimSpace(cell)
	if s == "" || s == "NA" {
		return math.NaN(), ""
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Sprintf("%q is not a number", cell)
	}
	if v != math.Trunc(v) {
		return 0, fmt.Sprintf("%s is not a whole number; answers are points %d–%d of the response scale", s, lo, hi)
	}
	if v < float64(lo) || v > float64(hi) {
		return 0, fmt.Sprintf("%s is outside the response scale %d–%d", s, lo, hi)
	}
	return v, ""
}

// csvReadMessage turns a CSV syntax error into words without the reader's
// own line numbers, which count lines rather than rows.
func csvReadMessage(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return "not valid CSV: " + pe.Err.Error()
	}
	return err.Error()
}

// exampleIDs names up to three item IDs for a message.
func exampleIDs(ids []string) string {
	if len(ids) > 3 {
		return strings.Join(ids[:3], ", ") + ", …"
	}
	return strings.Join(ids, ", ")
}

// itemLookalikes tells header columns that look like item IDs of a
// questionnaire from other columns.
type itemLookalikes struct {
	folded map[string]bool // every item ID, lower case
	stems  map[string]bool // lower-case stems of item IDs that end in digits
}

func newItemLookalikes(q *Questionnaire) itemLookalikes {
	l := itemLookalikes{folded: map[string]bool{}, stems: map[string]bool{}}
	for _, it := range q.Items() {
		id := strings.ToLower(it.ID)
		l.folded[id] = true
		if stem := strings.TrimRight(id, "0123456789"); stem != "" && stem != id {
			l.stems[stem] = true
		}
	}
	return l
}

// isItemLike reports whether a column that is not one of the questionnaire's
// items looks as if it were meant to be one.
func (l itemLookalikes) isItemLike(h string) bool {
	h = strings.ToLower(h)
	if l.folded[h] {
		return true
	}
	stem := strings.TrimRight(h, "0123456789")
	return stem != "" && stem != h && l.stems[stem]
}
