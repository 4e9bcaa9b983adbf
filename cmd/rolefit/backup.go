package main

import (
	"context"
	"fmt"
)

// runBackup writes a consistent copy of a live SQLite database.
func runBackup(ctx context.Context, args []string, cio commandIO) error {
	fs := newFlagSet("backup", "FILE",
		"Write a consistent copy of the SQLite database to FILE while rolefit keeps running.\nRefuses to overwrite an existing file. For PostgreSQL, use pg_dump.", cio)
	var d dbFlags
	d.register(fs, cio.getenv)
	if err := parseFlags(fs, args, cio); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(cio.stderr, "rolefit backup: name one file to write, e.g. rolefit backup rolefit-2026-11-28.db")
		return exitCode(2)
	}
	st, _, err := d.open(ctx, cio, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.CheckSchema(ctx); err != nil {
		return err
	}
	if err := st.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(cio.stdout, "wrote %s\n", fs.Arg(0))
	return nil
}
