package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// checkCPUProfile fails t unless path is a gzip'd CPU profile that only
// its owner may read, and, where a go command is on PATH, one that
// `go tool pprof -raw` reads as CPU nanoseconds.
func checkCPUProfile(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("no profile: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("profile mode %v, want 0600", fi.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("profile of %d bytes is not gzip'd: %v", len(b), err)
	}
	raw, err := io.ReadAll(zr) // reading to the end checks the CRC
	if err != nil || len(raw) == 0 {
		t.Fatalf("profile: %d bytes unzipped, %v", len(raw), err)
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		return
	}
	out, err := exec.Command(gobin, "tool", "pprof", "-raw", path).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "PeriodType: cpu nanoseconds") {
		t.Errorf("go tool pprof -raw: %v\n%.500s", err, out)
	}
}

// serve --cpu-profile writes a CPU profile of the run when it stops,
// readable by its owner only, over a file that was there before.
func TestServeWritesACPUProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "serve.pprof")
	if err := os.WriteFile(prof, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	base, _, stderr, stop := startServe(t, map[string]string{"ROLEFIT_DB": filepath.Join(dir, "rolefit.db")}, "--cpu-profile", prof)
	waitHealthy(t, base)
	for range 200 {
		if resp, err := http.Get(base + "/readyz"); err == nil {
			resp.Body.Close()
		}
	}
	if code := stop(); code != 0 {
		t.Fatalf("serve exited with %d\n%s", code, stderr)
	}
	checkCPUProfile(t, prof)
}

// A profile that cannot be created stops serve before it listens.
func TestServeRefusesAnUnwritableCPUProfile(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runRolefit(t, "serve", "--db", filepath.Join(dir, "rolefit.db"), "--addr", "127.0.0.1:0",
		"--cpu-profile", filepath.Join(dir, "no-such-folder", "serve.pprof"))
	if code == 0 || !strings.Contains(stderr, "--cpu-profile") {
		t.Errorf("exit %d, stderr %q; want a failure naming --cpu-profile", code, stderr)
	}
}
