package main

import (
	"context"
	"fmt"
	"strings"

	"rolefit/internal/store"
)

// runRestore puts a SQLite copy made by 'rolefit backup' back in place of
// the database, keeping the old file aside.
func runRestore(ctx context.Context, args []string, cio commandIO) error {
	fs := newFlagSet("restore", "FILE",
		"Put back a SQLite copy made by 'rolefit backup' as the database named by --db. Stop rolefit first:\n"+
			"restore refuses a database a running rolefit holds, and a copy whose schema is newer than this rolefit.\n"+
			"The old database is kept beside it as DB.before-restore-TIME. For PostgreSQL, use pg_restore (docs/DEPLOY.md).", cio)
	var d dbFlags
	d.register(fs, cio.getenv)
	if err := parseFlags(fs, args, cio); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(cio.stderr, "rolefit restore: name one copy to restore, e.g. rolefit restore --db rolefit.db rolefit-2026-11-28.db")
		return exitCode(2)
	}
	if strings.Contains(d.db, "://") {
		return fmt.Errorf("restore puts back SQLite copies; for PostgreSQL use pg_restore (see docs/DEPLOY.md)")
	}
	aside, err := store.Restore(ctx, fs.Arg(0), d.db, cio.now())
	if err != nil {
		return err
	}
	if aside != "" {
		fmt.Fprintf(cio.stdout, "kept the old database as %s\n", aside)
	}
	fmt.Fprintf(cio.stdout, "restored %s to %s; start rolefit again (it applies any newer migrations)\n", fs.Arg(0), d.db)
	return nil
}
