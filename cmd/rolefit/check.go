package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"rolefit/internal/assess"
	"rolefit/questionnaires"
)

// checkSummary is the --help text of rolefit check.
const checkSummary = `Validates questionnaire definition files (YAML, the format of the shipped
questionnaires) and prints every problem found, one per line, as

  FILE:LINE: item ID: what is wrong

and, for each valid file,

  FILE: ok (ID vVERSION, N items, sha256:HASH)
  FILE: ok (ID vVERSION, N items in en, es, de, sha256:HASH)

the second for a questionnaire offered in several languages. Every text a
respondent reads may be a string in the source language or a mapping of
language tags to texts; check lists each missing or extra translation, a
translation whose {placeholders} differ from the source's, a language
offered but incomplete, and a translation without a note of how it was
made.

The hash is the canonical content hash stored with every response: it does
not change with comments or layout, and changes with any text, key or scale.
Files that define the same id and version with different content are an
error too.

An interview bank (kind: interview-bank) or a job questionnaire (kind:
job-questionnaire) is checked against the facets of the questionnaire it
names (one given before it on the command line, or a shipped one): an
unknown facet, a missing anchor at 1, 3 or 5, fewer than four questions to
a facet, a quality flag without probes, a repeated ID or a weight outside
(0, 1] is a problem. A valid one prints

  FILE: ok (ID vVERSION, interview bank for N facets, sha256:HASH)
  FILE: ok (ID vVERSION, job questionnaire of N statements, sha256:HASH)

Exit status: 0 when every file is valid, 1 when any is not, 2 on a usage
error.`

// runCheck validates questionnaire files: rolefit check FILE...
func runCheck(ctx context.Context, args []string, cio commandIO) error {
	flags := newFlagSet("check", "FILE...", checkSummary, cio)
	if err := parseFlags(flags, args, cio); err != nil {
		return err
	}
	files := flags.Args()
	if len(files) == 0 {
		fmt.Fprintf(cio.stderr, "rolefit check: no files given\n\n")
		flags.Usage()
		return exitCode(2)
	}
	catalog := assess.NewCatalog()
	invalid := 0
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if ok, err := checkExtraFile(name, catalog, cio.stdout); ok {
			if err != nil {
				fmt.Fprintln(cio.stderr, err)
				invalid++
			}
			continue
		}
		q, err := checkFile(name, catalog)
		if err != nil {
			fmt.Fprintln(cio.stderr, err)
			invalid++
			continue
		}
		in := ""
		if len(q.Languages) > 1 {
			in = " in " + strings.Join(q.Languages, ", ")
		}
		fmt.Fprintf(cio.stdout, "%s: ok (%s v%d, %d items%s, %s)\n", name, q.ID, q.Version, q.NumItems(), in, q.Hash)
	}
	if invalid > 0 {
		fmt.Fprintf(cio.stderr, "%d of %d files invalid\n", invalid, len(files))
		return exitCode(1)
	}
	return nil
}

// checkFile reads and parses one file and adds it to catalog, which
// catches two files defining one version differently.
func checkFile(name string, catalog *assess.Catalog) (*assess.Questionnaire, error) {
	data, err := readQuestionnaireFile(name)
	if err != nil {
		return nil, err
	}
	q, err := assess.Parse(name, data)
	if err != nil {
		return nil, err
	}
	if p := languageProblems(q); len(p) > 0 {
		return nil, &assess.LoadError{Problems: p}
	}
	if err := catalog.Add(q); err != nil {
		return nil, err
	}
	return q, nil
}

// checkExtraFile checks an interview bank or a job questionnaire and
// prints its ok line; ok is false for any other file (a questionnaire).
// Facets are looked up in catalog (the questionnaires checked so far),
// then among the shipped questionnaires.
func checkExtraFile(name string, catalog *assess.Catalog, stdout io.Writer) (ok bool, err error) {
	data, err := readQuestionnaireFile(name)
	if err != nil {
		return false, nil // checkFile says why it cannot be read
	}
	kind := assess.FileKind(data)
	if kind != assess.KindInterviewBank && kind != assess.KindJobQuestionnaire {
		return false, nil
	}
	shipped, _ := assess.LoadCatalog(questionnaires.FS)
	facetsOf := func(id string) (map[string]string, bool) {
		if f, ok := catalog.FacetsOf(id); ok {
			return f, true
		}
		if shipped != nil {
			return shipped.FacetsOf(id)
		}
		return nil, false
	}
	if kind == assess.KindInterviewBank {
		b, err := assess.ParseInterviewBank(name, data, facetsOf)
		if err != nil {
			return true, err
		}
		fmt.Fprintf(stdout, "%s: ok (%s, interview bank for %d facets, %s)\n", name, b, len(b.Facets), b.Hash)
		return true, nil
	}
	j, err := assess.ParseJobQuestionnaire(name, data, facetsOf)
	if err != nil {
		return true, err
	}
	fmt.Fprintf(stdout, "%s: ok (%s, job questionnaire of %d statements, %s)\n", name, j, len(j.Statements), j.Hash)
	return true, nil
}

// readQuestionnaireFile reads a file of at most assess.MaxFileSize bytes
// (one byte more, so that Parse can say it is too large).
func readQuestionnaireFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", name, pathErrReason(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, assess.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", name, pathErrReason(err))
	}
	return data, nil
}

// pathErrReason drops the path an *fs.PathError repeats.
func pathErrReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
