package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// pgCluster is a throw-away PostgreSQL cluster the harness started for a
// run, in a temporary folder of its own, listening only on loopback. It
// keeps PostgreSQL's defaults (fsync and synchronous_commit on), so its
// figures are those of a durable database.
type pgCluster struct {
	bin, dir string
	url      string
	// owner runs PostgreSQL's commands: "" for the harness's own user,
	// else the user to become (PostgreSQL will not run as root).
	owner string
}

// postgresBin finds the folder of PostgreSQL's server programs: the one
// pg_config names, else the newest of Debian's /usr/lib/postgresql/N/bin,
// else initdb's on PATH.
func postgresBin() (string, error) {
	if out, err := exec.Command("pg_config", "--bindir").Output(); err == nil {
		dir := strings.TrimSpace(string(out))
		if _, err := os.Stat(filepath.Join(dir, "initdb")); err == nil {
			return dir, nil
		}
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	slices.SortFunc(found, func(a, b string) int { return pgVersion(a) - pgVersion(b) })
	if len(found) > 0 {
		return filepath.Dir(found[len(found)-1]), nil
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("--start-db postgres: PostgreSQL's initdb was not found (on Debian: apt-get install postgresql)")
}

// pgVersion is the major version in a path like /usr/lib/postgresql/15/bin.
func pgVersion(path string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return n
}

// startPostgres makes a cluster in a new temporary folder, starts it on a
// free loopback port and returns it; on an error nothing is left running
// or on disk.
func startPostgres(ctx context.Context) (c *pgCluster, err error) {
	bin, err := postgresBin()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "rolefit-load-pg-")
	if err != nil {
		return nil, err
	}
	c = &pgCluster{bin: bin, dir: dir}
	defer func() {
		if err != nil {
			c.stop()
		}
	}()
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return c, errors.New("--start-db postgres: running as root, and there is no postgres user to run PostgreSQL as")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return c, err
		}
		c.owner = "postgres"
	}
	addr, err := freeLoopbackAddr()
	if err != nil {
		return c, err
	}
	port := addr[strings.LastIndex(addr, ":")+1:]
	data := filepath.Join(dir, "data")
	if out, err := c.run(ctx, "initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"); err != nil {
		return c, fmt.Errorf("initdb: %w\n%s", err, out)
	}
	opts := fmt.Sprintf("-h 127.0.0.1 -p %s -k %s -c max_connections=200", port, dir)
	if out, err := c.run(ctx, "pg_ctl", "-D", data, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60", "-o", opts, "start"); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
		return c, fmt.Errorf("pg_ctl start: %w\n%s%s", err, out, log)
	}
	c.url = fmt.Sprintf("postgres://postgres@127.0.0.1:%s/postgres?sslmode=disable", port)
	return c, nil
}

// run runs one of PostgreSQL's programs as the cluster's owner.
func (c *pgCluster) run(ctx context.Context, prog string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	path := filepath.Join(c.bin, prog)
	var cmd *exec.Cmd
	if c.owner == "" {
		cmd = exec.CommandContext(ctx, path, args...)
	} else {
		quoted := make([]string, 0, len(args)+1)
		for _, a := range append([]string{path}, args...) {
			quoted = append(quoted, "'"+strings.ReplaceAll(a, "'", `'\''`)+"'")
		}
		cmd = exec.CommandContext(ctx, "su", c.owner, "-s", "/bin/sh", "-c", "cd / && exec "+strings.Join(quoted, " "))
	}
	return cmd.CombinedOutput()
}

// stop stops the cluster, if it runs, and removes its folder.
func (c *pgCluster) stop() error {
	var err error
	if c.url != "" {
		if out, e := c.run(context.Background(), "pg_ctl", "-D", filepath.Join(c.dir, "data"), "-m", "fast", "-w", "stop"); e != nil {
			err = fmt.Errorf("pg_ctl stop: %w\n%s", e, out)
		}
		c.url = ""
	}
	return errors.Join(err, os.RemoveAll(c.dir))
}
