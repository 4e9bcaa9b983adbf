package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"rolefit/internal/assess"
	"rolefit/questionnaires"
)

const statsUsage = `Usage: rolefit stats --questionnaire FILE|ID --responses FILE.csv [flags]

Reliability statistics of every scale and composite of a questionnaire over
a CSV of responses: n, number of items k, mean and SD of the scale score
(the mean of the answered items, on the response scale), Cronbach's alpha,
standardised alpha, Guttman's lambda-6 (G6), the average inter-item
correlation, the standard error of measurement of the sum score, and per item
the corrected item-total correlation and alpha if the item is dropped. The
figures agree with R's psych::alpha on the same (reversed) answers.

The CSV has a header row of item IDs and one row per respondent; an empty
cell or NA is an unanswered item. Columns that are not scored items of the
questionnaire (a name, an e-mail) are ignored. Reversed items are reversed on
the response scale (min+max-x) before the statistics.

Example, for the shipped questionnaire sales-service:

  rolefit stats --questionnaire sales-service --responses answers.csv --format json

Flags:
`

// runStats prints reliability statistics for a questionnaire over a CSV of
// responses (internal/assess/doc.go).
func runStats(ctx context.Context, args []string, cio commandIO) error {
	flags := newUsageFlags("stats", statsUsage, cio)
	questionnaire := flags.String("questionnaire", "", "questionnaire definition: a YAML `file`, or the ID of a shipped questionnaire (sales-service)")
	responses := flags.String("responses", "", "CSV `file` of responses")
	missing := flags.String("missing", "pairwise", "unanswered items: `mode` pairwise (each covariance over the respondents\nwho answered both items, as psych does by default) or listwise (only the\nrespondents who answered every item of the scale)")
	format := flags.String("format", "table", "output `format`: table or json")
	if err := flags.parse(args); err != nil {
		return err
	}
	if *questionnaire == "" {
		return flags.fail("--questionnaire is required")
	}
	if *responses == "" {
		return flags.fail("--responses is required")
	}
	mode, err := assess.ParseMissingMode(*missing)
	if err != nil {
		return flags.fail("--missing: %v", err)
	}
	if *format != "table" && *format != "json" {
		return flags.fail("--format %q: want table or json", *format)
	}

	q, err := statsQuestionnaire(*questionnaire)
	if err != nil {
		return err
	}
	f, err := os.Open(*responses)
	if err != nil {
		return err
	}
	defer f.Close()
	tab, err := assess.ReadResponses(f, q)
	if err != nil {
		return fmt.Errorf("%s: %w", *responses, err)
	}
	if len(tab.Ignored) > 0 {
		fmt.Fprintf(cio.stderr, "rolefit stats: note: ignoring columns that are not items of %s: %s\n", q, strings.Join(tab.Ignored, ", "))
	}
	if len(tab.Absent) > 0 {
		fmt.Fprintf(cio.stderr, "rolefit stats: note: no column for the scored items %s; their scales are computed over the items present, and a scale with none is left out\n", strings.Join(tab.Absent, ", "))
	}

	report, statsErr := assess.QuestionnaireReliability(q, tab, mode)
	if *format == "json" {
		enc := json.NewEncoder(cio.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(report); err != nil {
			return err
		}
	} else if err := writeReliabilityTable(cio.stdout, q, len(tab.Answers), mode, report); err != nil {
		return err
	}
	// The scales that could be computed are printed; the others fail the
	// command, each with its reason.
	return statsErr
}

// statsQuestionnaire reads and validates the questionnaire named by
// --questionnaire: a file, or else the ID of a shipped questionnaire (its
// latest version).
func statsQuestionnaire(name string) (*assess.Questionnaire, error) {
	data, err := os.ReadFile(name)
	if err == nil {
		return assess.Parse(name, data)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	shipped, cerr := assess.LoadCatalog(questionnaires.FS)
	if cerr != nil {
		return nil, fmt.Errorf("shipped questionnaires: %w", cerr)
	}
	if q, ok := shipped.Latest(name); ok {
		return q, nil
	}
	var ids []string
	for _, q := range shipped.All() {
		if !slices.Contains(ids, q.ID) {
			ids = append(ids, q.ID)
		}
	}
	return nil, fmt.Errorf("%w, and no shipped questionnaire has the ID %q (shipped: %s)", err, name, strings.Join(ids, ", "))
}

// writeReliabilityTable prints the report as aligned columns: one row per
// scale and composite, then the items of each.
func writeReliabilityTable(w io.Writer, q *assess.Questionnaire, respondents int, mode assess.MissingMode, r assess.ReliabilityReport) error {
	ew := &statsWriter{w: w}
	ew.printf("%s: %d respondents, %s missing-data handling\n\n", q, respondents, mode)
	if len(r.Scales) == 0 {
		ew.printf("No scale could be computed.\n")
		return ew.err
	}
	width := len("scale")
	for _, s := range r.Scales {
		width = max(width, len(s.ID))
	}
	ew.printf("%-*s %6s %3s %6s %6s %7s %9s %7s %7s %7s\n", width, "scale", "n", "k", "mean", "sd", "alpha", "std.alpha", "G6", "avg.r", "SEM")
	for _, s := range r.Scales {
		ew.printf("%-*s %6d %3d %6.3f %6.3f %7.4f %9.4f %7.4f %7.4f %7.3f\n", width, s.ID, s.N, s.K, s.Mean, s.SD, s.Alpha, s.StdAlpha, s.Lambda6, s.AverageR, s.SEM)
	}
	for _, s := range r.Scales {
		iw := len("item")
		for _, it := range s.Items {
			iw = max(iw, len(it.ID))
		}
		ew.printf("\n%s\n  %-*s %7s %16s\n", s.ID, iw, "item", "r.drop", "alpha if dropped")
		for _, it := range s.Items {
			dropped := "—"
			if it.AlphaIfDropped != nil {
				dropped = fmt.Sprintf("%.4f", *it.AlphaIfDropped)
			}
			ew.printf("  %-*s %7.4f %16s\n", iw, it.ID, it.RDrop, dropped)
		}
	}
	return ew.err
}

// statsWriter keeps the first write error, so a table is printed without a
// check on every line.
type statsWriter struct {
	w   io.Writer
	err error
}

func (e *statsWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
