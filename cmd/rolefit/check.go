package main

import (
	"context"
	"errors"
)

// runCheck validates questionnaire files.
func runCheck(ctx context.Context, args []string, cio commandIO) error {
	return errors.New("not built yet")
}
