package main

import (
	"context"
	"fmt"
	"strings"

	"rolefit/internal/errs"
)

// runAPIKey dispatches "rolefit apikey SUBCOMMAND".
func runAPIKey(ctx context.Context, args []string, cio commandIO) error {
	return runAdd("apikey", args, cio, func(rest []string) error { return runAPIKeyAdd(ctx, rest, cio) })
}

// runAPIKeyAdd creates an API key for an existing organisation, so a
// program (an integration, the load harness) gets one without a browser.
// The secret alone is the first line of stdout, for KEY=$(rolefit apikey
// add …); what was done goes to stderr.
func runAPIKeyAdd(ctx context.Context, args []string, cio commandIO) error {
	fs := newFlagSet("apikey add", "",
		"Create an API key for an organisation and print it on standard output. It is shown once; only its hash is kept.\n"+
			"The key is the organisation's, made by no user: it has an admin's rights until it is revoked under Settings → API keys.", cio)
	var d dbFlags
	d.register(fs, cio.getenv)
	org := fs.String("org", "", "organisation name or ID (required)")
	name := fs.String("name", "", "what the key is for, such as the program that will use it (required)")
	if err := parseFlags(fs, args, cio); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(cio.stderr, "rolefit apikey add: unexpected argument %q\n", fs.Arg(0))
		return exitCode(2)
	}
	if strings.TrimSpace(*org) == "" {
		fmt.Fprintln(cio.stderr, "rolefit apikey add: --org is required (the organisation's name or ID)")
		return exitCode(2)
	}
	// The organisation must exist already, so a mistyped --db does not
	// leave an empty database file behind.
	uc, closeStore, err := d.openUseCases(ctx, cio, true)
	if err != nil {
		return err
	}
	defer closeStore()
	target, k, secret, err := uc.AddOrganisationKey(ctx, *org, *name, "rolefit apikey add")
	if f := errs.FieldsOf(err); f["organisation"] != "" {
		fmt.Fprintf(cio.stderr, "rolefit apikey add: --org: there is no organisation %q\n", *org)
		return exitCode(2)
	}
	if err != nil {
		if len(errs.FieldsOf(err)) > 0 {
			fmt.Fprintf(cio.stderr, "rolefit apikey add: %v\n", describe(err))
			return exitCode(2)
		}
		return err
	}
	fmt.Fprintln(cio.stdout, secret)
	fmt.Fprintf(cio.stderr, "created API key %s for organisation %s; it is shown once\n", k.Name, target.Name)
	return nil
}
