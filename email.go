package rolefit

import (
	"net/mail"
	"strings"
)

// NormaliseEmail trims and lower-cases an e-mail address and says what is
// wrong with it, if anything.
func NormaliseEmail(email string) (string, string) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return email, "is required"
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || !strings.Contains(email[strings.LastIndex(email, "@")+1:], ".") {
		return email, "is not an e-mail address like name@example.com"
	}
	if len(email) > 254 {
		return email, "must be at most 254 characters"
	}
	return email, ""
}
