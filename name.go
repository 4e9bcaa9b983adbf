package rolefit

import (
	"fmt"
	"strings"

	"rolefit/internal/text"
)

// CleanName trims a name (of a person, a user, a role, an organisation)
// and says what is wrong with it, if anything: it is required, at most
// max bytes long, and free of characters that could disguise it
// (text.Problem).
func CleanName(name string, max int) (string, string) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return name, "is required"
	case len(name) > max:
		return name, fmt.Sprintf("must be at most %d characters", max)
	}
	return name, text.Problem(name)
}
