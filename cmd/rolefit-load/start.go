package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// demoOrgName is the organisation `rolefit serve --demo` creates, where
// --start makes its API key. It is demo.OrgName, written out because
// importing internal/demo would build the store and GORM into the
// harness; a test checks the two agree.
const demoOrgName = "Northwind Supplies (demo)"

// Bounds of starting and stopping the server.
const (
	readyTimeout = 60 * time.Second
	stopTimeout  = 30 * time.Second
)

// startedServer is a rolefit the harness started, with its own temporary folder
// holding its log (and its database unless --start-db names one).
type startedServer struct {
	base string
	key  string
	pid  int

	dir  string
	logf *os.File
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited

	stopOnce    sync.Once
	groupCommit string
	stopErr     error
}

// startServer runs `BIN serve --demo` on a free loopback port (with
// --cpu-profile profile when profile is not ""), waits for /readyz and
// creates an API key in orgName with `BIN apikey add`. On an error
// nothing is left running or on disk.
func startServer(ctx context.Context, bin, db, orgName, profile string) (s *startedServer, err error) {
	// A name without a slash is looked up on PATH, as a shell would.
	bin, err = exec.LookPath(bin)
	if err != nil {
		return nil, fmt.Errorf("--start: %w", err)
	}
	dir, err := os.MkdirTemp("", "rolefit-load-")
	if err != nil {
		return nil, err
	}
	s = &startedServer{dir: dir, done: make(chan struct{})}
	defer func() {
		if err != nil {
			s.stop()
		}
	}()
	if db == "" {
		db = filepath.Join(dir, "load.db")
	}
	addr, err := freeLoopbackAddr()
	if err != nil {
		return s, err
	}
	s.base = "http://" + addr
	if s.logf, err = os.Create(filepath.Join(dir, "server.log")); err != nil {
		return s, err
	}
	// The log level is named so that ROLEFIT_LOG_LEVEL in the environment
	// cannot hide the group commit line read at the end.
	args := []string{"serve", "--demo", "--db", db, "--addr", addr, "--log-level", "info"}
	if profile != "" {
		args = append(args, "--cpu-profile", profile)
	}
	s.cmd = exec.Command(bin, args...)
	s.cmd.Stdout, s.cmd.Stderr = s.logf, s.logf
	ownProcessGroup(s.cmd)
	if err := s.cmd.Start(); err != nil {
		close(s.done)
		return s, fmt.Errorf("start %s: %w", bin, err)
	}
	s.pid = s.cmd.Process.Pid
	go func() {
		s.cmd.Wait()
		close(s.done)
	}()
	if err := s.waitReady(ctx); err != nil {
		return s, err
	}
	key := exec.CommandContext(ctx, bin, "apikey", "add", "--db", db, "--org", orgName, "--name", "load")
	var stderr bytes.Buffer
	key.Stderr = &stderr
	out, err := key.Output()
	if err != nil {
		return s, fmt.Errorf("%s apikey add: %w\n%s", bin, err, stderr.Bytes())
	}
	s.key, _, _ = strings.Cut(string(out), "\n")
	return s, nil
}

// freeLoopbackAddr returns a loopback address no one listens on now.
func freeLoopbackAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// waitReady polls /readyz until it answers 200, the process exits or
// readyTimeout passes; a failure carries the server's output.
func (s *startedServer) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	client := &http.Client{Timeout: time.Second}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.base+"/readyz", nil)
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-s.done:
			return fmt.Errorf("rolefit exited before it was ready (%s):\n%s", s.cmd.ProcessState, s.output())
		case <-ctx.Done():
			return fmt.Errorf("rolefit was not ready at %s/readyz within %v: %w\n%s", s.base, readyTimeout, context.Cause(ctx), s.output())
		case <-tick.C:
		}
	}
}

// output is what the server has printed so far.
func (s *startedServer) output() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "server.log"))
	return string(b)
}

// stop ends the server with SIGTERM (SIGKILL if it has not exited within
// stopTimeout), waits for it, keeps its group commit line and removes the
// temporary folder. Calling it again does nothing more.
func (s *startedServer) stop() (string, error) {
	s.stopOnce.Do(func() {
		if s.cmd != nil && s.cmd.Process != nil {
			select {
			case <-s.done:
			default:
				terminate(s.cmd.Process)
				select {
				case <-s.done:
				case <-time.After(stopTimeout):
					s.cmd.Process.Kill()
					<-s.done
					s.stopErr = fmt.Errorf("rolefit did not stop within %v of SIGTERM and was killed", stopTimeout)
				}
			}
			s.groupCommit = groupCommitLine(s.output())
		}
		if s.logf != nil {
			s.logf.Close()
		}
		if err := os.RemoveAll(s.dir); err != nil {
			s.stopErr = errors.Join(s.stopErr, err)
		}
	})
	return s.groupCommit, s.stopErr
}

// groupCommitLine is the last log line with the SQLite group committer's
// statistics, which rolefit writes as it closes the database, or "".
func groupCommitLine(log string) string {
	line := ""
	sc := bufio.NewScanner(strings.NewReader(log))
	for sc.Scan() {
		if strings.Contains(sc.Text(), `msg="group commit"`) {
			line = sc.Text()
		}
	}
	return line
}
