package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rolefit/internal/demo"
)

// buildRolefit builds the rolefit binary into a temporary folder, or skips
// the test when there is no go command to build it with.
func buildRolefit(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command on PATH to build rolefit with")
	}
	bin := filepath.Join(t.TempDir(), "rolefit")
	if out, err := exec.Command(gobin, "build", "-o", bin, "../rolefit").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// One command starts rolefit on a demo database, loads it, reports the
// server's CPU a request, and leaves no server and no files behind.
func TestStartRunsAndStopsItsOwnServer(t *testing.T) {
	bin := buildRolefit(t)
	tmp := filepath.Join(t.TempDir(), "tmp")
	if err := os.Mkdir(tmp, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", tmp) // where the harness makes its temporary folder

	var out bytes.Buffer
	err := run(context.Background(), []string{"--start", bin, "--duration", "300ms", "--scenarios", "healthz,submit",
		"--people", "2", "--concurrency", "2", "--json"}, &out, io.Discard)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	var rep report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("report: %v\n%s", err, out.String())
	}
	if len(rep.Scenarios) != 2 || rep.Scenarios[0].Scenario != "healthz" || rep.Scenarios[1].Scenario != "submit" {
		t.Fatalf("got scenarios %+v, want healthz and submit", rep.Scenarios)
	}
	for _, r := range rep.Scenarios {
		if r.Requests == 0 || r.Errors != 0 {
			t.Errorf("%s: %d requests, %d errors (%s); want some and none", r.Scenario, r.Requests, r.Errors, r.FirstError)
		}
		if r.ServerCPUms == nil || *r.ServerCPUms < 0 || r.ClientCPUms == nil {
			t.Errorf("%s: server CPU %v, client CPU %v ms a request; want both", r.Scenario, r.ServerCPUms, r.ClientCPUms)
		}
	}
	if s := rep.Scenarios[1].ServerCPUms; s != nil && *s <= 0 {
		t.Errorf("submit: server CPU %v ms a request, want above 0", *s)
	}
	if !strings.Contains(rep.GroupCommit, "groups=") {
		t.Errorf("group commit line %q, want the server's statistics", rep.GroupCommit)
	}
	if !strings.HasPrefix(rep.Server, "http://127.0.0.1:") {
		t.Fatalf("server %q, want a loopback address", rep.Server)
	}
	if c, err := net.DialTimeout("tcp", strings.TrimPrefix(rep.Server, "http://"), time.Second); err == nil {
		c.Close()
		t.Errorf("something still listens at %s after the run", rep.Server)
	}
	if left, err := os.ReadDir(tmp); err != nil || len(left) != 0 {
		t.Errorf("temporary folder after the run: %v %v, want empty", left, err)
	}
}

// --start is refused beside --url or --key, its own flags without it,
// and a binary that is not there; nothing is left behind.
func TestStartRefusals(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--start", "rolefit", "--url", "http://127.0.0.1:8080"}, "leave out --url and --key"},
		{[]string{"--start", "rolefit", "--key", "rf_x"}, "leave out --url and --key"},
		{[]string{"--start-db", "x.db", "--url", "http://127.0.0.1:8080", "--key", "k"}, "need --start"},
		{[]string{"--start-org", "Acme", "--url", "http://127.0.0.1:8080", "--key", "k"}, "need --start"},
		{[]string{"--start", ""}, "--start needs the path"},
		{[]string{"--start", "rolefit", "--scenarios", "healthz,nope"}, `unknown scenario "nope"`},
		{[]string{"--start", filepath.Join(tmp, "no-such-rolefit")}, "no-such-rolefit"},
		{[]string{"--start", "rolefit", "extra"}, `unexpected argument "extra"`},
		{[]string{"--start", "rolefit", "--start-db", " "}, "name a database"},
		{[]string{"--profile", "prof", "--url", "http://127.0.0.1:8080", "--key", "k"}, "need --start"},
		{[]string{"--start", "rolefit", "--profile", ""}, "--profile needs a folder"},
		{[]string{"--start", "rolefit", "--sizes", "1000,100"}, "100 after 1000"},
		{[]string{"--start", "rolefit", "--sizes", "200000"}, "from 1 to 100000"},
		{[]string{"--start", "rolefit", "--scenarios", "placement-warm"}, `unknown scenario "placement-warm"`},
	} {
		err := run(context.Background(), tc.args, &bytes.Buffer{}, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want an error with %q", tc.args, err, tc.want)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("refused runs left %v behind", left)
	}
}

// The organisation --start makes its key in is the one the demo creates.
func TestStartOrgIsTheDemoOrganisation(t *testing.T) {
	if demoOrgName != demo.OrgName {
		t.Errorf("got %q, want demo.OrgName %q", demoOrgName, demo.OrgName)
	}
}

func TestParseStatCPU(t *testing.T) {
	// Fields 14 and 15 (utime 250, stime 50 ticks) after a command name
	// with spaces and parentheses, as proc(5) allows.
	const stat = "4242 (rolefit (x) y) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 50 0 0 20 0 9 0 123 456 789"
	for _, tc := range []struct {
		stat  string
		ticks int64
		want  time.Duration
		bad   bool
	}{
		{stat, 100, 3 * time.Second, false},
		{stat, 1000, 300 * time.Millisecond, false},
		{"4242 (rolefit) S 1 2 3", 100, 0, true},
		{"no command name", 100, 0, true},
		{strings.Replace(stat, " 250 ", " x ", 1), 100, 0, true},
	} {
		got, err := parseStatCPU(tc.stat, tc.ticks)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("parseStatCPU(%q, %d): got %v, %v; want %v, error %v", tc.stat, tc.ticks, got, err, tc.want, tc.bad)
		}
	}
}

// The table says "—" for a figure it does not know, and carries the
// conditions and the group commit line.
func TestReportTable(t *testing.T) {
	one := 1.25
	rep := report{Server: "http://127.0.0.1:9", CPUs: 2, LoadStart: "1.00 0.50 0.25", LoadEnd: "2.00 1.00 0.50",
		Scenarios: []result{
			{Scenario: "healthz", Requests: 10, PerSecond: 100, ClientCPUms: &one},
			{Scenario: "submit", Requests: 4, PerSecond: 10, OfHealthz: 0.1, ServerCPUms: &one},
		},
		GroupCommit: `level=INFO msg="group commit" groups=3`}
	var out bytes.Buffer
	if err := rep.print(&out, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	want := []string{
		"rolefit started at http://127.0.0.1:9; 2 CPUs; load average 1.00 0.50 0.25 at the start, 2.00 1.00 0.50 at the end",
		"server CPU ms/req",
		"         —             1.250",
		"     10.0%             1.250                 —",
		`server at stop: level=INFO msg="group commit" groups=3`,
	}
	if len(lines) != 5 {
		t.Fatalf("got %d lines, want 5:\n%s", len(lines), out.String())
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("line %d: got %q, want it to contain %q", i+1, lines[i], w)
		}
	}
}
