package main

import (
	"context"
	"fmt"
	"runtime"
)

// version is rolefit's version, set when it is built:
//
//	go build -ldflags "-X main.version=1.4.0" ./cmd/rolefit
//
// A build without it says "dev".
var version = "dev"

// runVersion prints the version and the Go release it was built with.
func runVersion(ctx context.Context, args []string, cio commandIO) error {
	fs := newFlagSet("version", "", "Print rolefit's version and the Go release it was built with.", cio)
	if err := parseFlags(fs, args, cio); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(cio.stderr, "rolefit version: unexpected argument %q\n", fs.Arg(0))
		return exitCode(2)
	}
	fmt.Fprintf(cio.stdout, "rolefit %s (%s, %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
