package mail_test

import (
	"context"
	"strings"
	"testing"

	"rolefit/internal/mail"
	"rolefit/internal/mail/mailtest"
)

func TestParseURL(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"smtp://mail.example.com?from=r@example.com", ""},
		{"smtps://u:p@mail.example.com?from=r@example.com", ""},
		{"http://mail.example.com?from=r@example.com", "smtp:// or smtps://"},
		{"smtp://?from=r@example.com", "needs a host"},
		{"smtp://mail.example.com", "needs a sender"},
		{"smtp://mail.example.com?from=nobody", "not an e-mail address"},
	} {
		_, err := mail.ParseURL(tc.url)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("mail.ParseURL(%q) = %v", tc.url, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("mail.ParseURL(%q) = %v, want an error about %q", tc.url, err, tc.want)
		}
	}
}

func TestSendThroughARealSMTPServer(t *testing.T) {
	srv := mailtest.StartTestServer(t)
	m, err := mail.ParseURL(srv.URL("Acme Hiring <hiring@acme.example>"))
	if err != nil {
		t.Fatal(err)
	}
	body := "Hello Zoë,\nplease answer: https://rolefit.example/i/TOKEN\n" + strings.Repeat("long line ", 20)
	if err := m.Send(context.Background(), mail.Message{To: "zoe@example.com", Subject: "Your questionnaire — Acme", Body: body}); err != nil {
		t.Fatal(err)
	}
	got := srv.Messages()
	if len(got) != 1 {
		t.Fatalf("received %d messages", len(got))
	}
	g := got[0]
	if g.From != "hiring@acme.example" || g.To != "zoe@example.com" {
		t.Errorf("envelope from %q to %q", g.From, g.To)
	}
	if !strings.Contains(g.Body, "Hello Zoë") || !strings.Contains(g.Body, "https://rolefit.example/i/TOKEN") || !strings.Contains(g.Body, strings.Repeat("long line ", 20)) {
		t.Errorf("body = %q", g.Body)
	}
	if s := g.Header.Get("Subject"); !strings.Contains(s, "utf-8") {
		t.Errorf("subject header %q is not encoded", s)
	}
	if err := m.Send(context.Background(), mail.Message{To: "not an address", Subject: "x", Body: "y"}); err == nil {
		t.Error("sending to a bad address succeeded")
	}
}

func TestSendToAServerThatIsDown(t *testing.T) {
	m, _ := mail.ParseURL("smtp://127.0.0.1:1?from=r@example.com")
	err := m.Send(context.Background(), mail.Message{To: "a@example.com", Subject: "x", Body: "y"})
	if err == nil || !strings.Contains(err.Error(), "connect to mail server") {
		t.Errorf("Send to a closed port = %v", err)
	}
}
