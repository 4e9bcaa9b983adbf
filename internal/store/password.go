package store

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alexedwards/argon2id"
)

// PasswordParams is the argon2id cost of hashing a password.
type PasswordParams = argon2id.Params

// DefaultPasswordParams follows the OWASP Password Storage Cheat Sheet's
// argon2id setting of 19 MiB memory, 2 iterations, 1 thread: about 20 ms
// a login on a small server, costly for an attacker with a stolen table.
var DefaultPasswordParams = argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// MinPasswordLength is the shortest password rolefit accepts (NIST SP
// 800-63B asks for at least 8 characters; rolefit asks for a little more
// because its accounts guard personal data).
const MinPasswordLength = 10

//go:embed common_passwords.txt
var commonPasswordList string

// commonPasswords is the set of commonPasswordList, lower-case.
var commonPasswords = func() map[string]bool {
	set := map[string]bool{}
	for line := range strings.Lines(commonPasswordList) {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			set[line] = true
		}
	}
	return set
}()

// checkPassword reports why a new password is not acceptable, or "". Past
// the length, it refuses what an attacker tries first (NIST SP 800-63B
// section 5.1.1.2): blanks, one character over and over, and passwords on
// a list of the most common ones, compared without regard to case.
func checkPassword(p string) string {
	switch n := utf8.RuneCountInString(p); {
	case n < MinPasswordLength:
		return fmt.Sprintf("must be at least %d characters", MinPasswordLength)
	case len(p) > 256:
		return "must be at most 256 bytes"
	case strings.TrimFunc(p, unicode.IsSpace) == "":
		return "must not be only spaces"
	case strings.Count(p, string([]rune(p)[:1])) == n:
		return "must not be one character repeated; choose one that is harder to guess"
	case commonPasswords[strings.ToLower(p)]:
		return "is one of the most common passwords, which attackers try first; choose another"
	}
	return ""
}

func (s *Store) hashPassword(p string) (string, error) {
	params := s.pwd
	return argon2id.CreateHash(p, &params)
}

// dummyCompare checks p against a hash of nothing when an e-mail address
// is unknown, so a failed login takes as long whether or not the account
// exists and timing does not reveal who has one.
func (s *Store) dummyCompare(p string) {
	s.dummyOnce.Do(func() {
		s.dummyHash, _ = s.hashPassword(NewToken())
	})
	_, _ = argon2id.ComparePasswordAndHash(p, s.dummyHash)
}
