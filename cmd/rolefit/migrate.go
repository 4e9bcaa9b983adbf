package main

import (
	"context"
	"fmt"
)

// runMigrate applies pending database migrations and exits.
func runMigrate(ctx context.Context, args []string, cio commandIO) error {
	fs := newFlagSet("migrate", "", "Apply pending database migrations and exit.", cio)
	var d dbFlags
	d.register(fs, cio.getenv)
	if err := parseFlags(fs, args, cio); err != nil {
		return err
	}
	st, _, err := d.open(ctx, cio, false)
	if err != nil {
		return err
	}
	defer st.Close()
	applied, err := st.Migrate(ctx)
	if err != nil {
		return err
	}
	v, err := st.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintf(cio.stdout, "%s: schema is up to date (version %d)\n", st.Source(), v)
		return nil
	}
	for _, m := range applied {
		fmt.Fprintf(cio.stdout, "applied %s\n", m)
	}
	fmt.Fprintf(cio.stdout, "%s: schema is now version %d\n", st.Source(), v)
	return nil
}
