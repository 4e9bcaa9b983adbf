package rolefit

import (
	"slices"
	"strings"
	"time"
)

// Stage is a hiring outcome a candidate reached.
type Stage string

// The hiring outcomes, in the order a hiring usually runs.
const (
	StageAdvanced Stage = "advanced"
	StageOffered  Stage = "offered"
	StageHired    Stage = "hired"
	StageRejected Stage = "rejected"
	StageWithdrew Stage = "withdrew"
)

// Stages are every outcome stage, in the order forms and reports list them.
var Stages = []Stage{StageAdvanced, StageOffered, StageHired, StageRejected, StageWithdrew}

// Outcome is one stage a person reached and when: the decisions the
// adverse-impact report counts (DESIGN.md §15).
type Outcome struct {
	ID        string
	OrgID     string
	PersonID  string
	Stage     Stage
	ReachedAt time.Time
	CreatedBy string
	CreatedAt time.Time
}

// OutcomeInput is an outcome as a manager, a file or the API gives it.
type OutcomeInput struct {
	// Person is the person's ID or, in a file, their e-mail address.
	Person string
	Stage  string
	// At is a date (YYYY-MM-DD) or an RFC 3339 time.
	At string
}

// Check reads an outcome's stage and date and says what is wrong with
// them, keyed by field after prefix ("row 7: "). added is when the person
// was added: an outcome before it, or after now, cannot have happened. A
// bare date compares by calendar day in UTC, so an outcome recorded on
// the day the person was added is allowed.
func (in OutcomeInput) Check(now, added time.Time, prefix string) (Stage, time.Time, map[string]string) {
	f := map[string]string{}
	st := Stage(strings.ToLower(strings.TrimSpace(in.Stage)))
	switch {
	case st == "":
		f[prefix+"stage"] = "is required: " + stageList()
	case !slices.Contains(Stages, st):
		f[prefix+"stage"] = "must be one of " + stageList()
	}
	s := strings.TrimSpace(in.At)
	var at time.Time
	dateOnly := false
	if s == "" {
		f[prefix+"at"] = "is required, a date written YYYY-MM-DD"
		return st, at, f
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		at, dateOnly = t, true
	} else if t, err := time.Parse(time.RFC3339, s); err == nil {
		at = t.UTC()
	} else {
		f[prefix+"at"] = "must be a date written YYYY-MM-DD, such as " + now.UTC().Format(time.DateOnly)
		return st, at, f
	}
	day := func(t time.Time) string { return t.UTC().Format(time.DateOnly) }
	switch {
	case dateOnly && day(at) > day(now), !dateOnly && at.After(now):
		f[prefix+"at"] = "is in the future; today is " + day(now)
	case dateOnly && day(at) < day(added), !dateOnly && at.Before(added):
		f[prefix+"at"] = "is before the person was added (" + day(added) + ")"
	}
	return st, at, f
}

func stageList() string {
	names := make([]string, len(Stages))
	for i, s := range Stages {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}
