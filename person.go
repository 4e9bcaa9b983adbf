package rolefit

import (
	"rolefit/internal/text"
	"strings"
	"time"
)

// PersonKind says whether a person is a candidate or already on the staff.
type PersonKind string

// The kinds of person.
const (
	Candidate PersonKind = "candidate"
	Staff     PersonKind = "staff"
)

// Person is a candidate or staff member whom a manager assesses.
type Person struct {
	ID        string
	OrgID     string
	Name      string
	Email     string
	Kind      PersonKind
	JobTitle  string
	CreatedAt time.Time
	UpdatedAt time.Time
	// ProfileResponseID is the person's latest self-report, nil before
	// they have one: their profile. A manager's rating never takes its place.
	ProfileResponseID *string
	// CurrentRoleID is a staff member's placement role today, nil for
	// none (see SetCurrentRole).
	CurrentRoleID *string
}

// NewPerson is what a manager enters to add a person.
type NewPerson struct {
	Name  string
	Email string // optional
	Kind  PersonKind
	// JobTitle is free text, staff only (a candidate has none yet).
	JobTitle string
}

// Clean trims a new person's fields and returns it with what is wrong,
// keyed by field name after prefix (such as "row 7: ").
func (np NewPerson) Clean(prefix string) (NewPerson, map[string]string) {
	fields := map[string]string{}
	var msg string
	if np.Name, msg = CleanName(np.Name, 200); msg != "" {
		fields[prefix+"name"] = msg
	}
	if strings.TrimSpace(np.Email) != "" {
		if np.Email, msg = NormaliseEmail(np.Email); msg != "" {
			fields[prefix+"email"] = msg
		}
	} else {
		np.Email = ""
	}
	np.Kind = PersonKind(strings.ToLower(strings.TrimSpace(string(np.Kind))))
	if np.Kind != Candidate && np.Kind != Staff {
		fields[prefix+"kind"] = "must be candidate or staff"
	}
	np.JobTitle = strings.TrimSpace(np.JobTitle)
	switch {
	case len(np.JobTitle) > 100:
		fields[prefix+"job_title"] = "must be at most 100 characters"
	case text.Problem(np.JobTitle) != "":
		fields[prefix+"job_title"] = text.Problem(np.JobTitle)
	case np.JobTitle != "" && np.Kind == Candidate:
		fields[prefix+"job_title"] = "is only for staff; leave it empty for a candidate"
	}
	return np, fields
}

// PersonChange changes some of a person's details; a nil field keeps its
// value. A person's kind is not changed this way: a candidate hired
// becomes staff through their own record, not an edit.
type PersonChange struct {
	Name     *string
	Email    *string
	JobTitle *string
}

// Apply returns p's details with the change made and cleaned as a new
// person's are (NewPerson.Clean), with what is wrong by field.
func (c PersonChange) Apply(p Person) (NewPerson, map[string]string) {
	np := NewPerson{Name: p.Name, Email: p.Email, Kind: p.Kind, JobTitle: p.JobTitle}
	if c.Name != nil {
		np.Name = *c.Name
	}
	if c.Email != nil {
		np.Email = *c.Email
	}
	if c.JobTitle != nil {
		np.JobTitle = *c.JobTitle
	}
	return np.Clean("")
}
