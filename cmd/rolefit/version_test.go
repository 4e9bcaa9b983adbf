package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestVersionCommand(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, stderr := runRolefit(t, args...)
		if want := "rolefit dev (" + runtime.Version(); code != 0 || !strings.HasPrefix(stdout, want) {
			t.Errorf("rolefit %s: exit %d, got %q, want it to start %q\n%s", args[0], code, stdout, want, stderr)
		}
	}
	if code, _, stderr := runRolefit(t, "version", "extra"); code != 2 || !strings.Contains(stderr, `unexpected argument "extra"`) {
		t.Errorf("rolefit version extra: exit %d, %q", code, stderr)
	}
}

// TestVersionInReadyz runs the server with a version as a release build
// sets it and reads it back from /readyz and a page's footer.
func TestVersionInReadyz(t *testing.T) {
	old := version
	version = "1.2.3-test"
	t.Cleanup(func() { version = old })
	db := filepath.Join(t.TempDir(), "rolefit.db")
	base, _, _, stop := startServe(t, map[string]string{"ROLEFIT_DB": db})
	defer stop()
	waitHealthy(t, base)
	resp, err := http.Get(base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Status, Version string }
	err = json.NewDecoder(resp.Body).Decode(&got)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || got.Status != "ready" || got.Version != "1.2.3-test" {
		t.Errorf("readyz: status %d, %+v, %v; want 200, ready, 1.2.3-test", resp.StatusCode, got, err)
	}
	resp, err = http.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), `rolefit <span class="version">1.2.3-test</span>`) {
		t.Errorf("the login page's footer does not show the version:\n%s", page)
	}
}

// TestVersionSetByLinker builds rolefit as the README says a release is
// built and checks the binary reports the version it was given.
func TestVersionSetByLinker(t *testing.T) {
	if testing.Short() {
		t.Skip("builds rolefit; skipped with -short")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to build rolefit with")
	}
	bin := filepath.Join(t.TempDir(), "rolefit")
	build := exec.Command(gobin, "build", "-ldflags", "-X main.version=9.8.7", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if want := "rolefit 9.8.7 ("; err != nil || !strings.HasPrefix(string(out), want) {
		t.Errorf("built binary says %q (%v), want it to start %q", out, err, want)
	}
}
