package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"rolefit"
	"strings"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// runUser dispatches "rolefit user SUBCOMMAND".
func runUser(ctx context.Context, args []string, cio commandIO) error {
	return runAdd("user", args, cio, func(rest []string) error { return runUserAdd(ctx, rest, cio, os.Stdin) })
}

// runAdd dispatches "rolefit NAME add …", the one subcommand of user and
// apikey, to add; anything else is a usage error.
func runAdd(name string, args []string, cio commandIO, add func(rest []string) error) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := cio.stdout
		if len(args) == 0 {
			w = cio.stderr
		}
		fmt.Fprintf(w, "Usage: rolefit %s add [flags]\n\nRun 'rolefit %s add --help' for its flags.\n", name, name)
		if len(args) == 0 {
			return exitCode(2)
		}
		return nil
	}
	if args[0] != "add" {
		fmt.Fprintf(cio.stderr, "rolefit %s: unknown subcommand %q (try 'rolefit %s add')\n", name, args[0], name)
		return exitCode(2)
	}
	return add(args[1:])
}

// runUserAdd creates a user, and the organisation too when it is new:
// that is how the first admin of an install is made without a browser.
func runUserAdd(ctx context.Context, args []string, cio commandIO, stdin io.Reader) error {
	fs := newFlagSet("user add", "",
		"Create a user. When no organisation has the --org name, it is created with this user as its admin.\n"+
			"The password is read from standard input with --password-stdin; otherwise one is generated and printed once.", cio)
	var d dbFlags
	d.register(fs, cio.getenv)
	org := fs.String("org", "", "organisation name or ID (required)")
	email := fs.String("email", "", "the user's e-mail address, used to sign in (required)")
	name := fs.String("name", "", "the user's name (required)")
	access := fs.String("access", "admin", "what the user may do: admin or manager")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	if err := parseFlags(fs, args, cio); err != nil {
		return err
	}
	if strings.TrimSpace(*org) == "" {
		fmt.Fprintln(cio.stderr, "rolefit user add: --org is required (the organisation's name or ID)")
		return exitCode(2)
	}
	password, generated := "", false
	if *fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read password: %w", err)
		}
		password = strings.TrimRight(line, "\r\n")
	} else {
		password, generated = app.NewToken()[:20], true
	}
	uc, closeStore, err := d.openUseCases(ctx, cio, false)
	if err != nil {
		return err
	}
	defer closeStore()
	nu := rolefit.NewUser{Email: *email, Name: *name, Access: rolefit.Access(*access), Password: password}
	o, created, u, err := uc.AddUserFromConsole(ctx, *org, nu, "rolefit user add")
	if err != nil {
		return describe(err)
	}
	if created {
		fmt.Fprintf(cio.stdout, "created organisation %q (%s)\n", o.Name, o.ID)
	}
	fmt.Fprintf(cio.stdout, "created %s %s <%s>\n", u.Access, u.Name, u.Email)
	if generated {
		fmt.Fprintf(cio.stdout, "password: %s\n(shown once; they can change it under Settings)\n", password)
	}
	return nil
}

// describe turns a field error into a message that names the flags.
func describe(err error) error {
	f := errs.FieldsOf(err)
	if len(f) == 0 {
		return err
	}
	var parts []string
	for _, k := range []string{"organisation", "email", "name", "access", "password"} {
		if m, ok := f[k]; ok {
			flag := "--" + k
			if k == "organisation" {
				flag = "--org"
			}
			parts = append(parts, flag+" "+m)
		}
	}
	return errors.New(strings.Join(parts, "; "))
}
