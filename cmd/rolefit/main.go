// Command rolefit runs the rolefit web application and its maintenance
// subcommands. main only adapts the process to run, so tests can run the
// whole program with their own arguments, environment and output.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
	// Organisations choose their time zone by IANA name; the zone
	// database is built in, so a machine without one (a minimal
	// container) still knows every zone.
	_ "time/tzdata"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// commandIO is what every subcommand may touch of the outside world.
type commandIO struct {
	getenv func(string) string
	stdout io.Writer
	stderr io.Writer
	// now is the one clock every part of rolefit reads.
	now func() time.Time
}

// command is one subcommand of rolefit.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, cio commandIO) error
}

// exitCode makes run exit with a code without printing anything more: the
// subcommand has already said what went wrong.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func commands() []command {
	return []command{
		{"serve", "run the web app (the default)", runServe},
		{"migrate", "apply database migrations and exit", runMigrate},
		{"user", "manage users: rolefit user add", runUser},
		{"apikey", "manage API keys: rolefit apikey add", runAPIKey},
		{"backup", "write a consistent copy of the database to FILE", runBackup},
		{"restore", "put a copy made by backup back in place of the database", runRestore},
		{"check", "validate questionnaire files", runCheck},
		{"rescore", "score stored responses again from their answers with the current rules", runRescore},
		{"stats", "reliability statistics for a questionnaire over a CSV of responses", runStats},
		{"simulate", "the seller-capacity model: a seller who serves against hiring service", runSimulate},
		{"place", "the optimal assignment of people to roles from CSV files of values and seats", runPlace},
		{"version", "print rolefit's version", runVersion},
	}
}

// run is the whole program: it returns the process exit code.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	cio := commandIO{getenv: getenv, stdout: stdout, stderr: stderr, now: time.Now}
	if len(args) > 0 {
		switch args[0] {
		case "help", "-h", "-help", "--help":
			usage(stdout)
			return 0
		case "-version", "--version":
			args = append([]string{"version"}, args[1:]...)
		}
	}
	name := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, args = args[0], args[1:]
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		err := c.run(ctx, args, cio)
		var code exitCode
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &code):
			return int(code)
		default:
			fmt.Fprintf(stderr, "rolefit %s: %v\n", name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "rolefit: unknown command %q\n\n", name)
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: rolefit [command] [flags]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'rolefit COMMAND --help' for a command's flags.")
}
