package rolefit

import (
	"slices"
	"strings"
	"time"
)

// Declined is the answer "prefer not to say", offered for every question
// of a self-identification; the report counts it as unknown.
const Declined = "declined"

// The categories a person may self-identify with (DESIGN.md §15): sex, the
// EEO-1 race/ethnicity categories, and age 40 or over (the age the US Age
// Discrimination in Employment Act protects from).
var (
	Sexes           = []string{"female", "male", "another", Declined}
	RaceEthnicities = []string{"hispanic_or_latino", "white", "black_or_african_american", "asian",
		"native_hawaiian_or_pacific_islander", "american_indian_or_alaska_native", "two_or_more", Declined}
	AgeAnswers = []string{"yes", "no", Declined}
)

// SelfIdentification is what a person chose to say about themselves for
// the adverse-impact report. It is kept apart from their scores and
// profile, never shown with them, and read only as counts.
type SelfIdentification struct {
	PersonID      string
	OrgID         string
	Sex           string
	RaceEthnicity string
	// Age40OrOver is "yes", "no" or Declined.
	Age40OrOver string
	UpdatedAt   time.Time
}

// Clean reads the answers and says what is wrong with them, by field. An
// answer left out is "prefer not to say": answering is optional.
func (s SelfIdentification) Clean() (SelfIdentification, map[string]string) {
	f := map[string]string{}
	one := func(name string, v *string, allowed []string) {
		*v = strings.ToLower(strings.TrimSpace(*v))
		if *v == "" {
			*v = Declined
		}
		if !slices.Contains(allowed, *v) {
			f[name] = "must be one of " + strings.Join(allowed, ", ")
		}
	}
	one("sex", &s.Sex, Sexes)
	one("race_ethnicity", &s.RaceEthnicity, RaceEthnicities)
	one("age_40_or_over", &s.Age40OrOver, AgeAnswers)
	return s, f
}
