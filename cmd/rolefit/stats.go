package main

import (
	"context"
	"errors"
)

// runStats prints reliability statistics.
func runStats(ctx context.Context, args []string, cio commandIO) error {
	return errors.New("not built yet")
}
