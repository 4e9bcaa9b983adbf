package app_test

import (
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"rolefit"
	"strings"
	"sync"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// receiver is a webhook receiver on loopback: it keeps every request and
// answers each with the next of its programmed answers (200 once they run
// out).
type receiver struct {
	srv *httptest.Server
	mu  sync.Mutex
	got []received
	// answers are the statuses to answer with, in turn; a status with
	// headers is given by answerHeaders at the same index.
	answers       []int
	answerHeaders []http.Header
}

// received is one request a receiver got.
type received struct {
	Method string
	Path   string
	Header http.Header
	Body   []byte
}

func newReceiver(t testing.TB, answers ...int) *receiver {
	r := &receiver{answers: answers}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		i := len(r.got)
		r.got = append(r.got, received{Method: req.Method, Path: req.URL.Path, Header: req.Header.Clone(), Body: b})
		status := http.StatusOK
		if i < len(r.answers) {
			status = r.answers[i]
		}
		if i < len(r.answerHeaders) {
			for k, vs := range r.answerHeaders[i] {
				w.Header()[k] = vs
			}
		}
		r.mu.Unlock()
		w.WriteHeader(status)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) URL() string { return r.srv.URL + "/hooks/rolefit" }

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

// hookWorld is a world whose use cases may send to loopback (as
// --allow-private-webhooks allows), retry without jitter, and e-mail
// through mailer when given; admin is an admin of the organisation.
type hookWorld struct {
	*world
	admin app.Actor
}

func newHookWorld(t testing.TB, st *store.Store, clock *storetest.Clock, mailer app.Mailer) *hookWorld {
	t.Helper()
	w := newWorld(t, st, clock)
	uc, err := app.New(app.Config{Store: st, Catalog: testCatalog(t), BaseURL: "https://rolefit.example.com", Now: clock.Now, Mailer: mailer,
		Outbound: app.Outbound{AllowPrivate: true, Jitter: func(d time.Duration) time.Duration { return d }}})
	if err != nil {
		t.Fatal(err)
	}
	w.uc = uc
	a, err := w.org.CreateUser(ctx, rolefit.NewUser{Email: "ada@acme.example", Name: "Ada", Access: rolefit.Admin, Password: "correct horse battery"}, w.mgr.Audit)
	if err != nil {
		t.Fatal(err)
	}
	return &hookWorld{world: w, admin: app.UserActor(a)}
}

// endpoint adds a webhook endpoint for events to url.
func (w *hookWorld) endpoint(t testing.TB, url string, events ...rolefit.EventType) *app.NewEndpoint {
	t.Helper()
	var names []string
	for _, e := range events {
		names = append(names, string(e))
	}
	e, err := w.uc.CreateWebhookEndpoint(ctx, w.admin, rolefit.NewWebhookEndpoint{URL: url, Events: names})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// answer has person p answer questionnaire sales-service through an
// invitation, from consent to submission, as on the respondent's pages.
func (w *hookWorld) answer(t testing.TB, p *rolefit.Person, rng *rand.Rand) *rolefit.Response {
	t.Helper()
	inv, err := w.uc.Invite(ctx, w.mgr, app.InviteInput{PersonID: p.ID, Questionnaire: "sales-service"})
	if err != nil {
		t.Fatal(err)
	}
	return w.submit(t, inv.URL, simulated(t, "sales-service", rng))
}

// submit answers through the link url with answers and submits.
func (w *hookWorld) submit(t testing.TB, url string, answers map[string]int) *rolefit.Response {
	t.Helper()
	rs, err := w.uc.Respondent(ctx, url[strings.LastIndex(url, "/")+1:])
	if err != nil {
		t.Fatal(err)
	}
	if err := rs.Consent(ctx, ""); err != nil {
		t.Fatal(err)
	}
	if err := rs.SavePage(ctx, -1, answers); err != nil {
		t.Fatal(err)
	}
	resp, err := rs.Submit(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// deliverAll makes delivery passes until nothing due is left.
func (w *hookWorld) deliverAll(t testing.TB) {
	t.Helper()
	for range 100 {
		n, err := w.uc.DeliverDue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
	t.Fatal("deliveries kept coming")
}

// deliveries lists an endpoint's deliveries, newest first.
func (w *hookWorld) deliveries(t testing.TB, endpointID string) []rolefit.Delivery {
	t.Helper()
	page, err := w.uc.EndpointDeliveries(ctx, w.admin, endpointID, 500, "")
	if err != nil {
		t.Fatal(err)
	}
	return page.Items
}

// event is a webhook's payload.
type event struct {
	Type      string         `json:"type"`
	Timestamp string         `json:"timestamp"`
	Data      map[string]any `json:"data"`
}

func eventOf(t testing.TB, body []byte) event {
	t.Helper()
	var e event
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("payload %s: %v", body, err)
	}
	return e
}
