package sso

import "testing"

// RFC 7636, appendix B: this verifier's S256 challenge.
func TestChallengeMatchesRFC7636(t *testing.T) {
	if got := Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"); got != "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" {
		t.Errorf("got %s", got)
	}
}
