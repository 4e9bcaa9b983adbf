// Package mailtest runs a real SMTP server on 127.0.0.1 for tests of
// rolefit's e-mail.
package mailtest

import (
	"bufio"
	"io"
	"mime/quotedprintable"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"
)

// Received is a message as an SMTP test server got it.
type Received struct {
	From, To string
	Header   textproto.MIMEHeader
	Body     string // decoded
}

// TestServer is a small real SMTP server on 127.0.0.1 for tests: it speaks
// enough of RFC 5321 for rolefit's client and keeps what it receives.
type TestServer struct {
	Addr string
	ln   net.Listener
	mu   sync.Mutex
	got  []Received
	wg   sync.WaitGroup
}

// StartTestServer starts a test SMTP server, stopped when the test ends.
func StartTestServer(t testing.TB) *TestServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &TestServer{Addr: ln.Addr().String(), ln: ln}
	s.wg.Add(1)
	go s.serve()
	t.Cleanup(func() { ln.Close(); s.wg.Wait() })
	return s
}

// URL is the SMTP setting that points rolefit at the server.
func (s *TestServer) URL(from string) string { return "smtp://" + s.Addr + "?from=" + from }

// Messages returns what was received so far.
func (s *TestServer) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.got...)
}

func (s *TestServer) serve() {
	defer s.wg.Done()
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer conn.Close()
			s.session(textproto.NewConn(conn))
		}()
	}
}

func (s *TestServer) session(c *textproto.Conn) {
	var from, to string
	c.PrintfLine("220 rolefit-test ESMTP")
	for {
		line, err := c.ReadLine()
		if err != nil {
			return
		}
		verb := strings.ToUpper(strings.Fields(line + " x")[0])
		switch verb {
		case "EHLO", "HELO":
			c.PrintfLine("250-rolefit-test")
			c.PrintfLine("250 8BITMIME")
		case "MAIL":
			from = addrOf(line)
			c.PrintfLine("250 ok")
		case "RCPT":
			to = addrOf(line)
			c.PrintfLine("250 ok")
		case "DATA":
			c.PrintfLine("354 go ahead")
			r := bufio.NewReader(c.DotReader())
			tp := textproto.NewReader(r)
			h, _ := tp.ReadMIMEHeader()
			raw, _ := io.ReadAll(r)
			body, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(string(raw))))
			s.mu.Lock()
			s.got = append(s.got, Received{From: from, To: to, Header: h, Body: strings.ReplaceAll(string(body), "\r\n", "\n")})
			s.mu.Unlock()
			c.PrintfLine("250 queued")
		case "RSET", "NOOP":
			c.PrintfLine("250 ok")
		case "QUIT":
			c.PrintfLine("221 bye")
			return
		default:
			c.PrintfLine("502 %s not implemented", verb)
		}
	}
}

func addrOf(line string) string {
	i, j := strings.Index(line, "<"), strings.Index(line, ">")
	if i < 0 || j < i {
		return ""
	}
	return line[i+1 : j]
}
