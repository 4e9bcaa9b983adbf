package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// usageFlags is the flag set of a command that prints its own usage text:
// usage goes to stdout on --help and to stderr with a message on a
// mistake, and parsing returns an exitCode(2) (or flag.ErrHelp) that run
// turns into the exit status.
type usageFlags struct {
	*flag.FlagSet
	name, text string
	cio        commandIO
}

func newUsageFlags(name, text string, cio commandIO) *usageFlags {
	fs := flag.NewFlagSet("rolefit "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // usage and errors are printed by usage and fail, each to its stream
	return &usageFlags{FlagSet: fs, name: name, text: text, cio: cio}
}

// usage writes the command's text and its flags to w.
func (f *usageFlags) usage(w io.Writer) {
	fmt.Fprint(w, f.text)
	f.SetOutput(w)
	f.PrintDefaults()
	f.SetOutput(io.Discard)
}

// fail says what is wrong on stderr, with the usage, and returns exit
// status 2.
func (f *usageFlags) fail(msg string, args ...any) error {
	fmt.Fprintf(f.cio.stderr, "rolefit "+f.name+": "+msg+"\n\n", args...)
	f.usage(f.cio.stderr)
	return exitCode(2)
}

// parse parses args and refuses arguments that are not flags.
func (f *usageFlags) parse(args []string) error {
	if err := f.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			f.usage(f.cio.stdout)
			return flag.ErrHelp
		}
		return f.fail("%v", err)
	}
	if f.NArg() > 0 {
		return f.fail("unexpected argument %q", f.Arg(0))
	}
	return nil
}
