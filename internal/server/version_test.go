package server

import (
	"encoding/json"
	"net/http"
	"testing"
)

func TestVersionShown(t *testing.T) {
	for _, tc := range []struct{ set, want string }{{"", "dev"}, {"2.0.1", "2.0.1"}} {
		f := sqliteFixture(t, Config{Version: tc.set})
		resp, body := f.browser().get("/readyz")
		wantStatus(t, "readyz", resp, http.StatusOK, body)
		var got readiness
		if err := json.Unmarshal([]byte(body), &got); err != nil || got != (readiness{Status: "ready", Version: tc.want}) {
			t.Errorf("version %q: readyz said %s (%v), want ready and %q", tc.set, body, err, tc.want)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
			t.Errorf("readyz Content-Type %q, want application/json", ct)
		}
		_, body = f.browser().get("/login")
		wantContains(t, "login footer", body, `rolefit <span class="version">`+tc.want+`</span>`)
		f.st.Close()
		resp, body = f.browser().get("/readyz")
		wantStatus(t, "readyz without database", resp, http.StatusServiceUnavailable, body)
		if err := json.Unmarshal([]byte(body), &got); err != nil || got.Status != "database unavailable" || got.Version != tc.want {
			t.Errorf("readyz without database said %s (%v)", body, err)
		}
	}
}
