// Package mail sends rolefit's e-mail (invitation links) through an SMTP
// server named by one URL setting.
package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"
)

// Message is one plain-text e-mail.
type Message struct {
	To      string
	Subject string
	Body    string
}

// SMTP sends mail through one SMTP server. Build it with ParseURL.
type SMTP struct {
	addr     string // host:port
	host     string
	user     string
	password string
	from     string
	// implicitTLS is set for smtps:// (port 465 style); otherwise STARTTLS
	// is used whenever the server offers it.
	implicitTLS bool
	timeout     time.Duration
	// Now is the clock for the Date header; nil means time.Now.
	Now func() time.Time
}

func (m *SMTP) now() time.Time {
	if m.Now == nil {
		return time.Now()
	}
	return m.Now()
}

// ParseURL reads the SMTP setting, for example
//
//	smtp://user:password@mail.example.com:587?from=rolefit@example.com
//	smtps://user:password@mail.example.com?from=Acme%20Hiring%20<hiring@acme.example>
//
// smtp:// uses STARTTLS when the server offers it (port 587 by default);
// smtps:// connects with TLS from the start (port 465 by default). The
// from parameter is required.
func ParseURL(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, errors.New("SMTP URL is not a URL like smtp://user:password@host:587?from=rolefit@example.com")
	}
	m := &SMTP{timeout: 20 * time.Second}
	port := "587"
	switch u.Scheme {
	case "smtp":
	case "smtps":
		m.implicitTLS, port = true, "465"
	default:
		return nil, fmt.Errorf("SMTP URL must start with smtp:// or smtps://, not %q", u.Scheme+"://")
	}
	m.host = u.Hostname()
	if m.host == "" {
		return nil, errors.New("SMTP URL needs a host, e.g. smtp://mail.example.com:587?from=rolefit@example.com")
	}
	if p := u.Port(); p != "" {
		port = p
	}
	m.addr = net.JoinHostPort(m.host, port)
	if u.User != nil {
		m.user = u.User.Username()
		m.password, _ = u.User.Password()
	}
	from := u.Query().Get("from")
	if from == "" {
		return nil, errors.New("SMTP URL needs a sender: add ?from=rolefit@example.com")
	}
	a, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("SMTP URL: from=%q is not an e-mail address", from)
	}
	m.from = a.String()
	return m, nil
}

// Send delivers msg. It gives up after the SMTP timeout or when ctx ends.
func (m *SMTP) Send(ctx context.Context, msg Message) error {
	to, err := mail.ParseAddress(msg.To)
	if err != nil {
		return fmt.Errorf("recipient %q is not an e-mail address", msg.To)
	}
	from, _ := mail.ParseAddress(m.from)
	ctx, cancel := context.WithTimeout(ctx, m.timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", m.addr)
	if err != nil {
		return fmt.Errorf("connect to mail server %s: %w", m.addr, err)
	}
	if deadline, ok := ctx.Deadline(); ok {
		conn.SetDeadline(deadline)
	}
	if m.implicitTLS {
		conn = tls.Client(conn, &tls.Config{ServerName: m.host, MinVersion: tls.VersionTLS12})
	}
	c, err := smtp.NewClient(conn, m.host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("mail server %s: %w", m.addr, err)
	}
	defer c.Close()
	if !m.implicitTLS {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(&tls.Config{ServerName: m.host, MinVersion: tls.VersionTLS12}); err != nil {
				return fmt.Errorf("mail server %s: STARTTLS: %w", m.addr, err)
			}
		}
	}
	if m.user != "" {
		// net/smtp refuses PLAIN auth without TLS except to localhost.
		if err := c.Auth(smtp.PlainAuth("", m.user, m.password, m.host)); err != nil {
			return fmt.Errorf("mail server %s: sign-in: %w", m.addr, err)
		}
	}
	if err := c.Mail(from.Address); err != nil {
		return fmt.Errorf("mail server %s refused the sender: %w", m.addr, err)
	}
	if err := c.Rcpt(to.Address); err != nil {
		return fmt.Errorf("mail server %s refused %s: %w", m.addr, to.Address, err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("mail server %s: %w", m.addr, err)
	}
	if _, err := w.Write(compose(m.from, to.String(), msg, m.now())); err != nil {
		return fmt.Errorf("send mail: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("mail server %s did not accept the message: %w", m.addr, err)
	}
	return c.Quit()
}

// compose writes the message in RFC 5322 form, with a quoted-printable
// UTF-8 body so any language survives old relays.
func compose(from, to string, msg Message, now time.Time) []byte {
	var b bytes.Buffer
	id := make([]byte, 12)
	rand.Read(id)
	domain := "rolefit.invalid"
	if a, err := mail.ParseAddress(from); err == nil {
		if i := strings.LastIndex(a.Address, "@"); i >= 0 {
			domain = a.Address[i+1:]
		}
	}
	h := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	h("From", from)
	h("To", to)
	h("Subject", mime.QEncoding.Encode("utf-8", msg.Subject))
	h("Date", now.Format(time.RFC1123Z))
	h("Message-ID", "<"+hex.EncodeToString(id)+"@"+domain+">")
	h("MIME-Version", "1.0")
	h("Content-Type", "text/plain; charset=utf-8")
	h("Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	qp := quotedprintable.NewWriter(&b)
	qp.Write([]byte(strings.ReplaceAll(msg.Body, "\n", "\r\n")))
	qp.Close()
	return b.Bytes()
}
