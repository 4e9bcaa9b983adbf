package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"rolefit"
	"sync"
	"syscall"
	"testing"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/store"
	"rolefit/questionnaires"
)

// TestSubmissionsSurviveAKill builds the real binary, serves a SQLite file,
// sends concurrent submissions through the API and kills the process with
// SIGKILL while they are in flight. After a restart on the same file,
// every submission that was answered 201 must be stored with the answers
// sent and the result replied, its score rows beside it, and SQLite's
// integrity check must pass. Group commit answers a caller only after the
// commit that holds its write, so nothing answered may be missing.
func TestSubmissionsSurviveAKill(t *testing.T) {
	bin := buildRolefit(t)
	db := filepath.Join(t.TempDir(), "rolefit.db")
	key, people := seedCrashDB(t, db)

	q := salesService(t)
	base, proc := startBinary(t, bin, db)
	type sent struct {
		answers map[string]int
		reply   struct {
			ID       string          `json:"id"`
			PersonID string          `json:"person_id"`
			Result   json.RawMessage `json:"result"`
		}
	}
	var (
		mu    sync.Mutex
		acked []sent
	)
	killed := make(chan struct{})
	var wg sync.WaitGroup
	for c := range 16 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), 7))
			client := &http.Client{Timeout: 10 * time.Second}
			for i := 0; ; i++ {
				select {
				case <-killed:
					return
				default:
				}
				s := sent{answers: assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)}).Answers}
				body, _ := json.Marshal(map[string]any{"person_id": people[(c*31+i)%len(people)], "questionnaire": "sales-service", "answers": s.answers})
				req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/responses", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Authorization", "Bearer "+key)
				resp, err := client.Do(req)
				if err != nil {
					continue // the server is gone; stop when told
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusCreated {
					continue
				}
				if err := json.Unmarshal(b, &s.reply); err != nil {
					t.Errorf("a 201 reply that is not a response: %v\n%s", err, b)
					continue
				}
				mu.Lock()
				acked = append(acked, s)
				mu.Unlock()
			}
		})
	}
	// Kill once a few hundred are answered, with requests still in flight.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 300 || time.Now().After(deadline) {
			break
		}
	}
	if err := proc.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	proc.Wait()
	close(killed)
	wg.Wait()
	if len(acked) < 50 {
		t.Fatalf("only %d submissions answered before the kill; the test needs more to mean anything", len(acked))
	}

	// Restart on the same file: it must start, and take a submission.
	base, proc = startBinary(t, bin, db)
	body, _ := json.Marshal(map[string]any{"person_id": people[0], "questionnaire": "sales-service", "answers": acked[0].answers})
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/responses", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusCreated {
		t.Fatalf("a submission after the restart: %v %v", resp, err)
	}
	resp.Body.Close()
	proc.Process.Signal(syscall.SIGTERM)
	if err := proc.Wait(); err != nil {
		t.Errorf("restarted server did not stop cleanly: %v", err)
	}

	raw, err := sql.Open("sqlite3", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var check string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity check: got %q (%v), want ok", check, err)
	}
	st, err := store.Open(context.Background(), db, store.Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var orgID string
	if err := raw.QueryRow("SELECT org_id FROM people LIMIT 1").Scan(&orgID); err != nil {
		t.Fatal(err)
	}
	o := st.Scope(orgID)
	missing := 0
	for _, s := range acked {
		r, err := o.Response(context.Background(), s.reply.ID)
		if err != nil {
			missing++
			t.Errorf("answered submission %s: %v", s.reply.ID, err)
			continue
		}
		if r.PersonID != s.reply.PersonID || !maps.Equal(r.Answers, s.answers) || !bytes.Equal(r.Result, s.reply.Result) {
			t.Errorf("submission %s stored as person %s, %d answers, result of %d bytes; want %s, the %d answers sent and the %d bytes replied",
				r.ID, r.PersonID, len(r.Answers), len(r.Result), s.reply.PersonID, len(s.answers), len(s.reply.Result))
		}
		var rows int
		if err := raw.QueryRow("SELECT count(*) FROM response_scores WHERE response_id = ?", r.ID).Scan(&rows); err != nil || rows != len(q.Scales)+len(q.Composites) {
			t.Errorf("submission %s: got %d score rows (%v), want %d", r.ID, rows, err, len(q.Scales)+len(q.Composites))
		}
	}
	t.Logf("%d submissions answered before SIGKILL, %d of them missing after the restart", len(acked), missing)
}

// seedCrashDB creates an organisation with an API key and people to
// submit answers for, and returns the key and the people's IDs.
func seedCrashDB(t *testing.T, db string) (string, []string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	org, admin, err := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "ada@acme.example", Name: "Ada", Access: rolefit.Admin,
		Password: "correct horse battery"}, false)
	if err != nil {
		t.Fatal(err)
	}
	o, by := st.Scope(org.ID), rolefit.ActorOf(admin)
	_, key, err := o.CreateAPIKey(ctx, "load", by)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 40 {
		p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: fmt.Sprintf("Candidate %d", i), Kind: rolefit.Candidate}, by)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	return key, ids
}

// startBinary starts "rolefit serve" on db at a free loopback port and
// returns its base URL once it listens.
func startBinary(t *testing.T, bin, db string) (string, *exec.Cmd) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--db", db, "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "ROLEFIT_DB="+db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := listeningLine.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	select {
	case base := <-found:
		return base, cmd
	case <-time.After(30 * time.Second):
		t.Fatalf("rolefit serve did not listen within 30 s\n%s", stderr.String())
	}
	return "", nil
}

// salesService returns the shipped sales-service questionnaire.
func salesService(t *testing.T) *assess.Questionnaire {
	t.Helper()
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		t.Fatal(err)
	}
	q, ok := cat.Latest("sales-service")
	if !ok {
		t.Fatal("no sales-service questionnaire")
	}
	return q
}
