//go:build unix

package main

import (
	"os"
	"os/exec"
	"syscall"
	"time"
)

// ownProcessGroup puts the server in a process group of its own, so a
// Ctrl-C in the terminal reaches the harness only, and the harness stops
// the server in order.
func ownProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// terminate asks the process to stop as rolefit's service manager would.
func terminate(p *os.Process) { p.Signal(syscall.SIGTERM) }

// selfCPU is the CPU time (user and system) this process has used.
func selfCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
