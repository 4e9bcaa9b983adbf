package main

import (
	"context"
	"fmt"

	"rolefit/internal/app"
	"rolefit/internal/assess"
)

// runRescore scores stored responses again from their raw answers with
// the current scoring rules.
func runRescore(ctx context.Context, args []string, cio commandIO) error {
	fs := newFlagSet("rescore", "", fmt.Sprintf("Score every stored response made by scoring rules older than version %d again from its raw answers, "+
		"replacing its scores and quality flags; each batch is recorded in its organisation's audit log. Answers are never changed.", assess.ScoringVersion), cio)
	var d dbFlags
	d.register(fs, cio.getenv)
	qdir := fs.String("questionnaires", envOr(cio.getenv, "ROLEFIT_QUESTIONNAIRES", ""),
		"folder of extra questionnaire files (*.yaml) the responses may have been answered on (env ROLEFIT_QUESTIONNAIRES)")
	if err := parseFlags(fs, args, cio); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(cio.stderr, "rolefit rescore: unexpected argument %q\n", fs.Arg(0))
		return exitCode(2)
	}
	cat, err := loadCatalog(*qdir)
	if err != nil {
		return err
	}
	st, log, err := d.open(ctx, cio, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.CheckSchema(ctx); err != nil {
		return err
	}
	uc, err := app.New(app.Config{Store: st, Catalog: cat, Now: cio.now, Log: log})
	if err != nil {
		return err
	}
	rep, err := uc.Rescore(ctx, func(done int) { fmt.Fprintf(cio.stderr, "rescored %d\n", done) })
	for _, s := range rep.Skipped {
		fmt.Fprintf(cio.stdout, "left as it was: %s\n", s)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(cio.stdout, "%d responses scored again with scoring rules version %d; %d left as they were\n", rep.Rescored, assess.ScoringVersion, len(rep.Skipped))
	return nil
}
