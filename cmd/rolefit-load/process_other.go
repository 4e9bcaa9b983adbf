//go:build !unix

package main

import (
	"os"
	"os/exec"
	"time"
)

func ownProcessGroup(*exec.Cmd) {}

// terminate stops the process; without SIGTERM it cannot finish in order.
func terminate(p *os.Process) { p.Kill() }

// selfCPU is unknown here.
func selfCPU() (time.Duration, bool) { return 0, false }
