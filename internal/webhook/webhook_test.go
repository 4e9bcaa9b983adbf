package webhook

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// The test vector Standard Webhooks publishes with its specification and
// every reference library (standard-webhooks/standard-webhooks, the
// libraries' tests): this secret, id, timestamp and body sign to this
// signature.
const (
	vectorSecret    = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
	vectorID        = "msg_p5jXN8AQM9LWM0D4loKWxJek"
	vectorTimestamp = 1614265330
	vectorBody      = `{"test": 2432232314}`
	vectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
)

func TestSignMatchesThePublishedVector(t *testing.T) {
	got, err := Sign(vectorSecret, vectorID, time.Unix(vectorTimestamp, 0), []byte(vectorBody))
	if err != nil {
		t.Fatal(err)
	}
	if got != vectorSignature {
		t.Errorf("got %s, want %s", got, vectorSignature)
	}
}

func TestVerify(t *testing.T) {
	at := time.Unix(vectorTimestamp, 0)
	h, err := Headers(vectorSecret, vectorID, at, []byte(vectorBody))
	if err != nil {
		t.Fatal(err)
	}
	if h.Get(HeaderSignature) != vectorSignature || h.Get(HeaderTimestamp) != "1614265330" || h.Get(HeaderID) != vectorID {
		t.Fatalf("headers %v", h)
	}
	if err := Verify(vectorSecret, h, []byte(vectorBody), at.Add(time.Minute)); err != nil {
		t.Errorf("the vector does not verify: %v", err)
	}
	// Several signatures, as while a secret is rotated: any v1 that matches.
	several := h.Clone()
	several.Set(HeaderSignature, "v1a,abc v1,bm9wZQ== "+vectorSignature)
	if err := Verify(vectorSecret, several, []byte(vectorBody), at); err != nil {
		t.Errorf("several signatures: %v", err)
	}
	for _, c := range []struct {
		name   string
		change func(h http.Header) []byte
		now    time.Time
		want   string
	}{
		{"another body", func(h http.Header) []byte { return []byte(`{"test": 2432232315}`) }, at, "no signature matches"},
		{"another id", func(h http.Header) []byte { h.Set(HeaderID, "msg_other"); return []byte(vectorBody) }, at, "no signature matches"},
		{"too old", func(h http.Header) []byte { return []byte(vectorBody) }, at.Add(6 * time.Minute), "away from now"},
		{"from the future", func(h http.Header) []byte { return []byte(vectorBody) }, at.Add(-6 * time.Minute), "away from now"},
		{"no signature", func(h http.Header) []byte { h.Del(HeaderSignature); return []byte(vectorBody) }, at, "missing"},
	} {
		hh := h.Clone()
		body := c.change(hh)
		err := Verify(vectorSecret, hh, body, c.now)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error with %q", c.name, err, c.want)
		}
	}
}

func TestNewSecret(t *testing.T) {
	a, b := NewSecret(), NewSecret()
	if a == b || !strings.HasPrefix(a, "whsec_") {
		t.Fatalf("secrets %q and %q", a, b)
	}
	k, err := key(a)
	if err != nil || len(k) != secretBytes {
		t.Fatalf("key of %q: %d bytes, %v", a, len(k), err)
	}
	if _, err := Sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "id", time.Now(), nil); err == nil {
		t.Error("a secret without whsec_ signed")
	}
}
