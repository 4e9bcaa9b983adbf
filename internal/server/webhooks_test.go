package server

import (
	"encoding/json"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"rolefit"
	"strings"
	"testing"
	"time"
)

// The published verification snippet: the Python block of
// docs/INTEGRATIONS.md, which this test runs as it stands.
func verificationSnippet(t *testing.T) string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "INTEGRATIONS.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```python\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("docs/INTEGRATIONS.md has no Python block")
	}
	return string(m[1])
}

// runSnippet verifies a message with the published snippet and returns
// what it printed: the event's type, or the error.
func runSnippet(t *testing.T, secret string, h http.Header, body []byte, tolerance string) string {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3 to run the published snippet with")
	}
	dir := t.TempDir()
	headers := map[string]string{}
	for k := range h {
		headers[strings.ToLower(k)] = h.Get(k)
	}
	hb, _ := json.Marshal(headers)
	for name, content := range map[string][]byte{"headers.json": hb, "body": body, "secret": []byte(secret)} {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	driver := verificationSnippet(t) + `
import sys
d = sys.argv[1]
headers = json.load(open(d + "/headers.json"))
body = open(d + "/body", "rb").read()
secret = open(d + "/secret").read()
try:
    event = verify(secret, headers, body, tolerance=` + tolerance + `)
    print(event.get("type", "verified"))
except ValueError as e:
    print("refused:", e)
`
	if err := os.WriteFile(filepath.Join(dir, "verify.py"), []byte(driver), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, filepath.Join(dir, "verify.py"), dir).CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// Done as the issue asks: an admin adds a webhook on the settings page, a
// candidate submits through their link, and the receiver gets a signed
// response.submitted that the published snippet verifies.
func TestAWebhookTheReceiverVerifiesWithThePublishedSnippet(t *testing.T) {
	f, uc := outboundFixtureAt(t, nil, time.Now().UTC().Truncate(time.Second))
	rec := newHookReceiver(t, nil)
	admin := f.browser().signIn(f.adminA)
	resp, body := admin.get("/settings/webhooks")
	wantStatus(t, "webhooks page", resp, http.StatusOK, body)
	wantContains(t, "webhooks page", body, "Private addresses are allowed", "--allow-private-webhooks")
	resp, body = admin.post("/settings/webhooks", url.Values{"url": {rec.URL + "/hook"}, "events": {"response.submitted"}})
	wantStatus(t, "add an endpoint", resp, http.StatusCreated, body)
	m := regexp.MustCompile(`id="new-secret" class="key">([^<]+)<`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("the page does not show the new secret:\n%s", body)
	}
	secret := html.UnescapeString(m[1])
	_, body = admin.get("/settings/webhooks")
	if strings.Contains(body, secret) {
		t.Error("the secret is shown again")
	}
	_, _, link := f.invited(t)
	answerThroughPages(t, f, link)
	deliverAll(t, uc)
	got := rec.requests()
	if len(got) != 1 {
		t.Fatalf("the receiver got %d requests, want 1", len(got))
	}
	if out := runSnippet(t, secret, got[0].Header, got[0].Body, "300"); out != "response.submitted" {
		t.Errorf("the published snippet says %q, want response.submitted", out)
	}
	tampered := append([]byte(nil), got[0].Body...)
	tampered[len(tampered)-2] ^= 1
	if out := runSnippet(t, secret, got[0].Header, tampered, "300"); !strings.HasPrefix(out, "refused") {
		t.Errorf("the snippet accepted a changed body: %q", out)
	}
	// The snippet also checks the specification's published test vector.
	vector := http.Header{}
	vector.Set("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
	vector.Set("webhook-timestamp", "1614265330")
	vector.Set("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
	if out := runSnippet(t, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", vector, []byte(`{"test": 2432232314}`), "None"); out != "verified" {
		t.Errorf("the snippet on the test vector says %q", out)
	}
	// The endpoint's page lists the delivery.
	id := regexp.MustCompile(`href="/settings/webhooks/([A-Z2-7]{26})"`).FindStringSubmatch(body)
	if id == nil {
		t.Fatalf("no endpoint link on the page:\n%s", body)
	}
	resp, body = admin.get("/settings/webhooks/" + id[1])
	wantStatus(t, "deliveries page", resp, http.StatusOK, body)
	wantContains(t, "deliveries page", body, "response.submitted", "delivered", got[0].Header.Get("webhook-id"), "Send again")
}

// Without --allow-private-webhooks, plain HTTP and private addresses are
// refused at save with the reason, unknown event types too, and the page
// says nothing about private addresses; nothing is saved.
func TestWebhookEndpointsAreChecked(t *testing.T) {
	f := sqliteFixture(t, Config{})
	admin := f.browser().signIn(f.adminA)
	resp, body := admin.get("/settings/webhooks")
	wantStatus(t, "webhooks page", resp, http.StatusOK, body)
	if strings.Contains(body, "Private addresses are allowed") {
		t.Error("the page says private addresses are allowed")
	}
	for _, c := range []struct{ url, event, want string }{
		{"http://93.184.215.14/hook", "person.erased", "must start with https://"},
		{"https://127.0.0.1/hook", "person.erased", "loopback address"},
		{"https://10.1.2.3/hook", "person.erased", "private address"},
		{"https://169.254.169.254/latest", "person.erased", "link-local"},
		{"https://93.184.215.14/hook", "person.hired", "is not an event type"},
		{"https://93.184.215.14/hook", "", "choose at least one event type"},
	} {
		form := url.Values{"url": {c.url}}
		if c.event != "" {
			form.Set("events", c.event)
		}
		resp, body = admin.post("/settings/webhooks", form)
		wantStatus(t, c.url, resp, http.StatusBadRequest, body)
		wantContains(t, c.url, body, c.want)
	}
	key := f.apiKeyA(t)
	resp, body = f.apiRequest("POST", "/api/v1/webhooks", key, `{"url":"https://192.168.0.9/x","events":["invitation.sent","nope"]}`)
	wantStatus(t, "API", resp, http.StatusBadRequest, body)
	wantContains(t, "API", body, `"url"`, "private address", `"events"`, "is not an event type")
	_, body = f.apiRequest("GET", "/api/v1/webhooks", key, "")
	if !strings.Contains(body, `"items":[]`) {
		t.Errorf("endpoints were saved: %s", body)
	}
	// A manager's key may not manage webhooks.
	_, mgrKey, err := f.st.Scope(f.orgA.ID).CreateAPIKey(ctx, "m", rolefit.ActorOf(f.mgrA))
	if err != nil {
		t.Fatal(err)
	}
	resp, body = f.apiRequest("GET", "/api/v1/webhooks", mgrKey, "")
	wantStatus(t, "a manager's key", resp, http.StatusForbidden, body)
}

// An endpoint disabled after 410 Gone is shown to the organisation's
// admins on Home, not to its managers, until an admin enables it.
func TestHomeTellsAdminsOfADisabledEndpoint(t *testing.T) {
	f, uc := outboundFixture(t, nil)
	gone := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) }))
	defer gone.Close()
	key := f.apiKeyA(t)
	resp, body := f.apiRequest("POST", "/api/v1/webhooks", key, `{"url":"`+gone.URL+`","events":["invitation.sent"]}`)
	wantStatus(t, "add", resp, http.StatusCreated, body)
	id := decode[apiNewWebhook](t, body).ID
	f.invited(t)
	deliverAll(t, uc)
	admin, manager := f.browser().signIn(f.adminA), f.browser().signIn(f.mgrA)
	resp, body = admin.get("/")
	wantStatus(t, "admin's Home", resp, http.StatusOK, body)
	wantContains(t, "admin's Home", body, "rolefit stopped sending events to a webhook endpoint", gone.URL, "410 Gone", "/settings/webhooks/"+id)
	_, body = manager.get("/")
	if strings.Contains(body, "stopped sending events") {
		t.Error("a manager's Home shows the webhook notice")
	}
	_, body = admin.get("/settings/webhooks/" + id)
	wantContains(t, "endpoint page", body, "Enable the endpoint")
	resp, _ = admin.post("/settings/webhooks/"+id+"/enable", nil)
	wantStatus(t, "enable", resp, http.StatusSeeOther, "")
	_, body = admin.get("/")
	if strings.Contains(body, "stopped sending events") {
		t.Error("Home still shows the notice after the endpoint was enabled")
	}
}
