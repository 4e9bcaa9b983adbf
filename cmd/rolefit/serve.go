package main

import (
	"context"
	"errors"
)

func runServe(ctx context.Context, args []string, cio commandIO) error {
	return errors.New("not built yet")
}
func runMigrate(ctx context.Context, args []string, cio commandIO) error {
	return errors.New("not built yet")
}
func runUser(ctx context.Context, args []string, cio commandIO) error {
	return errors.New("not built yet")
}
func runBackup(ctx context.Context, args []string, cio commandIO) error {
	return errors.New("not built yet")
}
