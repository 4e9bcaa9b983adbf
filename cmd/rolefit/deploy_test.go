package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSystemdUnitsVerify checks the shipped systemd units with
// systemd-analyze verify, as an operator's machine would load them. The
// units name /usr/local/bin/rolefit, which a build machine lacks, so
// copies point at this test's own executable instead.
func TestSystemdUnitsVerify(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("systemd-analyze is not installed: the units in deploy/ were not verified")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	units, err := filepath.Glob(filepath.Join("..", "..", "deploy", "*.*"))
	if err != nil || len(units) < 3 {
		t.Fatalf("units in deploy/: %v, %v; want rolefit.service, rolefit-backup.service and its timer", units, err)
	}
	dir := t.TempDir()
	var paths []string
	for _, u := range units {
		b, err := os.ReadFile(u)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if strings.HasSuffix(u, ".service") {
			for _, want := range []string{"User=rolefit", "NoNewPrivileges=yes", "ProtectSystem=strict", "ReadWritePaths=/var/lib/rolefit", "UMask=0077"} {
				if !strings.Contains(text, want) {
					t.Errorf("%s lacks %s", filepath.Base(u), want)
				}
			}
		}
		p := filepath.Join(dir, filepath.Base(u))
		if err := os.WriteFile(p, []byte(strings.ReplaceAll(text, "/usr/local/bin/rolefit", self)), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	out, err := exec.Command(analyze, append([]string{"verify"}, paths...)...).CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}
