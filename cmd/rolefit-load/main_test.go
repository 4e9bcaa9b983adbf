package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"rolefit"
	"strings"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/server"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
	"rolefit/questionnaires"
)

// A short run of every scenario against a real rolefit on a loopback port
// reports requests and no errors.
func TestLoadAgainstARealServer(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "load.db"), storetest.Options(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	org, admin, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "ada@acme.example", Name: "Ada", Access: rolefit.Admin, Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	_, key, err := st.Scope(org.ID).CreateAPIKey(ctx, "load", rolefit.ActorOf(admin))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	uc, err := app.New(app.Config{Store: st, Catalog: cat, BaseURL: base, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	web, err := server.New(server.Config{Now: time.Now}, uc, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	go web.Listener(ln)
	defer web.Shutdown()

	var out bytes.Buffer
	err = run(ctx, []string{"--url", base, "--key", key, "--concurrency", "4", "--duration", "2s", "--requests", "40",
		"--people", "5", "--json"}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var rep report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("report: %v\n%s", err, out.String())
	}
	results := rep.Scenarios
	if len(results) != 5 {
		t.Fatalf("%d scenarios reported, want 5:\n%s", len(results), out.String())
	}
	for _, r := range results {
		if r.Requests == 0 || r.Errors != 0 || r.PerSecond <= 0 || r.P99ms < r.P50ms {
			t.Errorf("%s: %+v", r.Scenario, r)
		}
		if r.Scenario != "healthz" && r.OfHealthz <= 0 {
			t.Errorf("%s: no ratio to /healthz", r.Scenario)
		}
		// The server runs in this process: its CPU is not told apart.
		if r.ServerCPUms != nil || r.ClientCPUms == nil {
			t.Errorf("%s: server CPU %v, client CPU %v; want none and a figure", r.Scenario, r.ServerCPUms, r.ClientCPUms)
		}
	}
	if rep.CPUs < 1 || rep.Server != "" || rep.GroupCommit != "" {
		t.Errorf("report conditions %+v: want CPUs, and no started server", rep)
	}

	// A second run on the same database uses the candidates of the first,
	// and makes only the ones more it asks for.
	out.Reset()
	if err := run(ctx, []string{"--url", base, "--key", key, "--concurrency", "2", "--duration", "300ms", "--requests", "10",
		"--people", "7", "--scenarios", "submit"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	page, _, err := st.Scope(org.ID).People(ctx, store.PeopleQuery{Search: "Load test person", Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(page) != 7 {
		t.Errorf("%d load test people after runs with --people 5 and 7, want 7", len(page))
	}
}

// Only this machine is load-tested, and every bound is checked.
func TestRefusesOtherAddressesAndUnboundedRuns(t *testing.T) {
	for _, args := range [][]string{
		{"--url", "http://192.0.2.1:8080", "--key", "k"},
		{"--url", "http://example.com", "--key", "k"},
		{"--url", "http://127.0.0.1:8080"},
		{"--url", "http://127.0.0.1:8080", "--key", "k", "--duration", "10m"},
		{"--url", "http://127.0.0.1:8080", "--key", "k", "--concurrency", "0"},
		{"--url", "http://127.0.0.1:8080", "--key", "k", "--requests", "0"},
		{"--url", "http://127.0.0.1:8080", "--key", "k", "--scenarios", "healthz,login"},
		{"--start", "rolefit", "--duration", "10m"},
		{"--start", "rolefit", "--people", "10001"},
	} {
		if err := run(context.Background(), args, &bytes.Buffer{}, io.Discard); err == nil {
			t.Errorf("%s: accepted", strings.Join(args, " "))
		}
	}
}
