package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
	"rolefit/internal/text"
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
	ID        string     `json:"id"`
	OrgID     string     `json:"-"`
	Name      string     `json:"name"`
	Email     string     `json:"email"`
	Kind      PersonKind `json:"kind"`
	JobTitle  string     `json:"job_title"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
	// ProfileResponseID is the person's latest self-report, nil before
	// they have one: their profile. A manager's rating never takes its place.
	ProfileResponseID *string `json:"-"`
	// CurrentRoleID is a staff member's placement role today, nil for
	// none (see SetCurrentRole).
	CurrentRoleID *string `json:"-"`
}

// TableName tells GORM the table.
func (Person) TableName() string { return "people" }

// NewPerson is what a manager enters to add a person.
type NewPerson struct {
	Name  string
	Email string // optional
	Kind  PersonKind
	// JobTitle is free text, staff only (a candidate has none yet).
	JobTitle string
}

// validate cleans a new person and returns what is wrong, keyed by field
// name after prefix (such as "row 7: ").
func (np NewPerson) validate(prefix string) (NewPerson, map[string]string) {
	fields := map[string]string{}
	np.Name = strings.TrimSpace(np.Name)
	switch {
	case np.Name == "":
		fields[prefix+"name"] = "is required"
	case len(np.Name) > 200:
		fields[prefix+"name"] = "must be at most 200 characters"
	default:
		if msg := text.Problem(np.Name); msg != "" {
			fields[prefix+"name"] = msg
		}
	}
	if strings.TrimSpace(np.Email) != "" {
		var msg string
		if np.Email, msg = normaliseEmail(np.Email); msg != "" {
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

// CreatePerson adds a person to the organisation.
func (o *Scope) CreatePerson(ctx context.Context, np NewPerson, by Actor) (*Person, error) {
	ps, err := o.ImportPeople(ctx, []NewPerson{np}, nil, by)
	if err != nil {
		return nil, err
	}
	return &ps[0], nil
}

// ImportPeople adds several people at once, all or none. When rows is
// given, nps[i] comes from row rows[i] of a file and errors are keyed
// "row N: field"; otherwise by field name alone.
func (o *Scope) ImportPeople(ctx context.Context, nps []NewPerson, rows []int, by Actor) ([]Person, error) {
	fields := map[string]string{}
	prefix := func(i int) string {
		if rows != nil {
			return fmt.Sprintf("row %d: ", rows[i])
		}
		return ""
	}
	if rows != nil && len(rows) != len(nps) {
		return nil, fmt.Errorf("import people: %d row numbers for %d people", len(rows), len(nps))
	}
	seen := map[string]int{}
	for i := range nps {
		var f map[string]string
		nps[i], f = nps[i].validate(prefix(i))
		for k, v := range f {
			fields[k] = v
		}
		if e := nps[i].Email; e != "" {
			if j, dup := seen[e]; dup {
				fields[prefix(i)+"email"] = "is given twice in the list"
				if rows != nil {
					fields[prefix(i)+"email"] = fmt.Sprintf("is also on row %d", rows[j])
				}
			} else {
				seen[e] = i
			}
		}
	}
	if len(nps) == 0 {
		return nil, errs.Invalid("There is nobody to add.")
	}
	var people []Person
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		if len(seen) > 0 {
			emails := make([]string, 0, len(seen))
			for e := range seen {
				emails = append(emails, e)
			}
			var taken []string
			for chunk := range chunks(emails, 500) {
				var got []string
				// "email <> ''" lets SQLite use the partial unique index
				// people_org_email instead of reading every person of the
				// organisation (docs/PERFORMANCE.md).
				if err := o.scope(tx.Model(&Person{})).Where("email <> '' AND email IN ?", chunk).Pluck("email", &got).Error; err != nil {
					return fmt.Errorf("check e-mail addresses: %w", err)
				}
				taken = append(taken, got...)
			}
			for _, e := range taken {
				fields[prefix(seen[e])+"email"] = "already belongs to someone in your organisation"
			}
			// One person whose only problem is a taken address is a
			// conflict with what is stored, not a malformed request.
			if rows == nil && len(fields) == 1 && len(taken) == 1 {
				return &errs.Error{Code: errs.CodeConflict, Message: "Someone in your organisation already has that e-mail address.", Fields: fields}
			}
		}
		if len(fields) > 0 {
			msg := "Please correct the highlighted fields."
			if rows != nil {
				msg = fmt.Sprintf("Nothing was added: %d problems in the file. Fix them and upload it again.", len(fields))
			}
			return errs.InvalidFields(msg, fields)
		}
		now := o.s.now()
		people = make([]Person, len(nps))
		for i, np := range nps {
			people[i] = Person{ID: newID(), OrgID: o.id, Name: np.Name, Email: np.Email, Kind: np.Kind, JobTitle: np.JobTitle,
				CreatedAt: now, UpdatedAt: now}
		}
		if err := tx.CreateInBatches(people, 200).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return errs.Conflict("Someone with one of these e-mail addresses was added at the same moment. Please try again.")
			}
			return fmt.Errorf("add people: %w", err)
		}
		detail := people[0].Name
		if len(people) > 1 {
			detail = fmt.Sprintf("%d people from a file", len(people))
		}
		return o.audit(tx, by, "create", "person", people[0].ID, detail)
	})
	if err != nil {
		return nil, err
	}
	return people, nil
}

// chunks yields s in pieces of at most n, to keep IN lists short.
func chunks[T any](s []T, n int) func(func([]T) bool) {
	return func(yield func([]T) bool) {
		for len(s) > 0 {
			k := min(n, len(s))
			if !yield(s[:k]) {
				return
			}
			s = s[k:]
		}
	}
}

// Person returns one of the organisation's people.
func (o *Scope) Person(ctx context.Context, id string) (*Person, error) {
	return o.person(o.s.reader(ctx), id)
}

func (o *Scope) person(db *gorm.DB, id string) (*Person, error) {
	return takeRaw[Person](db, "person", "org_id = ? AND id = ?", o.id, id)
}

// CountPeople counts the organisation's people.
func (o *Scope) CountPeople(ctx context.Context) (int64, error) {
	var n int64
	err := o.scope(o.s.reader(ctx).Model(&Person{})).Count(&n).Error
	return n, err
}

// ErasePerson deletes a person with all their invitations, saved answers
// and responses. The audit log records that it happened and who did it,
// but keeps nothing of the person but the ID.
func (o *Scope) ErasePerson(ctx context.Context, id string, by Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		if _, err := o.person(tx, id); err != nil {
			return err
		}
		return o.erase(tx, id, by, "person, invitations, answers and scores deleted")
	})
}

// erase deletes a person inside tx, and with them (by the schema's ON
// DELETE CASCADE) every invitation, saved answer, response and score row,
// and records it. ErasePerson and the retention purge both erase through
// it, so a purge removes exactly what an erasure does.
//
// The audit log keeps who did what to the person and when, by their ID,
// but not the details written beside those entries: the entry that added
// someone holds their name.
func (o *Scope) erase(tx *gorm.DB, id string, by Actor, detail string) error {
	if err := o.scope(tx).Where("id = ?", id).Delete(&Person{}).Error; err != nil {
		return fmt.Errorf("erase person: %w", err)
	}
	if err := o.placementChanged(tx); err != nil {
		return err
	}
	if err := o.scope(tx.Model(&AuditEntry{})).Where("subject_type = ? AND subject_id = ?", "person", id).Update("detail", "").Error; err != nil {
		return fmt.Errorf("erase person's audit details: %w", err)
	}
	return o.audit(tx, by, "erase", "person", id, detail)
}
