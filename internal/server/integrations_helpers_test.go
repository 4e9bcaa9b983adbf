package server

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	usecases "rolefit/internal/app"
	"rolefit/internal/store/storetest"
)

// outboundFixture is a fixture on a SQLite file whose use cases may send
// to loopback (as --allow-private-webhooks allows), retry without jitter,
// and e-mail through mailer when given; it returns the use cases too, to
// run the outbound queue's passes.
func outboundFixture(t *testing.T, mailer usecases.Mailer) (*fixture, *usecases.App) {
	t.Helper()
	return outboundFixtureAt(t, mailer, testStart)
}

// outboundFixtureAt is outboundFixture with its clock started at start.
func outboundFixtureAt(t *testing.T, mailer usecases.Mailer, start time.Time) (*fixture, *usecases.App) {
	t.Helper()
	clock := storetest.NewClock(start)
	st := storetest.SQLite(t, clock)
	uc, err := usecases.New(usecases.Config{Store: st, Catalog: testCatalog(t), Mailer: mailer, BaseURL: testBaseURL, Now: clock.Now,
		Outbound: usecases.Outbound{AllowPrivate: true, Jitter: func(d time.Duration) time.Duration { return d }}})
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, st, clock, Config{})
	app, err := New(Config{Now: clock.Now}, uc, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	f.app = app
	return f, uc
}

// deliverAll runs the outbound queue until nothing due is left.
func deliverAll(t *testing.T, uc *usecases.App) {
	t.Helper()
	for range 50 {
		n, err := uc.DeliverDue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
	t.Fatal("deliveries kept coming")
}

// answerThroughPages consents, answers every page and submits through
// the respondent's pages of link (/i/TOKEN).
func answerThroughPages(t *testing.T, f *fixture, link string) {
	t.Helper()
	q := salesService(t)
	r := f.browser()
	r.get(link)
	if resp, body := r.post(link+"/consent", url.Values{"consent": {"yes"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("consent: %d %s", resp.StatusCode, body)
	}
	for p := range q.Pages {
		r.get(fmt.Sprintf("%s/page/%d", link, p+1))
		form := pageAnswers(q, p)
		form.Set("action", "next")
		if resp, body := r.post(fmt.Sprintf("%s/page/%d", link, p+1), form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("page %d: %d %s", p+1, resp.StatusCode, body)
		}
	}
	if resp, body := r.post(link+"/submit", nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("submit: %d %s", resp.StatusCode, body)
	}
}

// hookReceiver keeps the requests a webhook receiver on loopback got.
type hookReceiver struct {
	*httptest.Server
	mu  sync.Mutex
	got []hookRequest
}

type hookRequest struct {
	Method, Path string
	Header       http.Header
	Body         []byte
}

func newHookReceiver(t *testing.T, then func(r hookRequest)) *hookReceiver {
	rec := &hookReceiver{}
	rec.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		hr := hookRequest{Method: r.Method, Path: r.URL.Path, Header: r.Header.Clone(), Body: b}
		rec.mu.Lock()
		rec.got = append(rec.got, hr)
		rec.mu.Unlock()
		if then != nil {
			then(hr)
		}
	}))
	t.Cleanup(rec.Close)
	return rec
}

func (rec *hookReceiver) requests() []hookRequest {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]hookRequest(nil), rec.got...)
}

// linkIn returns the first rolefit link in an e-mail's body.
func linkIn(t *testing.T, body string) string {
	t.Helper()
	i := strings.Index(body, testBaseURL+"/i/")
	if i < 0 {
		t.Fatalf("no link in:\n%s", body)
	}
	return strings.TrimPrefix(strings.Fields(body[i:])[0], testBaseURL)
}
