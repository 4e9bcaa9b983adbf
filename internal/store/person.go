package store

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
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
	Role      string     `json:"role"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
}

// TableName tells GORM the table.
func (Person) TableName() string { return "people" }

// NewPerson is what a manager enters to add a person.
type NewPerson struct {
	Name  string
	Email string // optional
	Kind  PersonKind
	Role  string // current role, staff only
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
	np.Role = strings.TrimSpace(np.Role)
	switch {
	case len(np.Role) > 100:
		fields[prefix+"role"] = "must be at most 100 characters"
	case np.Role != "" && np.Kind == Candidate:
		fields[prefix+"role"] = "is only for staff; leave it empty for a candidate"
	}
	return np, fields
}

// CreatePerson adds a person to the organisation.
func (o *Org) CreatePerson(ctx context.Context, np NewPerson, by Actor) (*Person, error) {
	ps, err := o.ImportPeople(ctx, []NewPerson{np}, nil, by)
	if err != nil {
		return nil, err
	}
	return &ps[0], nil
}

// ImportPeople adds several people at once, all or none. When rows is
// given, nps[i] comes from row rows[i] of a file and errors are keyed
// "row N: field"; otherwise by field name alone.
func (o *Org) ImportPeople(ctx context.Context, nps []NewPerson, rows []int, by Actor) ([]Person, error) {
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
				if err := o.scope(tx.Model(&Person{})).Where("email IN ?", chunk).Pluck("email", &got).Error; err != nil {
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
			people[i] = Person{ID: newID(), OrgID: o.id, Name: np.Name, Email: np.Email, Kind: np.Kind, Role: np.Role,
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
func (o *Org) Person(ctx context.Context, id string) (*Person, error) {
	return o.person(o.s.reader(ctx), id)
}

func (o *Org) person(db *gorm.DB, id string) (*Person, error) {
	return take[Person](o.scope(db).Where("id = ?", id), "person")
}

// PeopleQuery selects a page of people.
type PeopleQuery struct {
	// Limit is the page size: default 50, at most 500.
	Limit int
	// Cursor continues after the last person of an earlier page.
	Cursor string
	// Search matches name or e-mail, case-insensitively.
	Search string
	// Kind keeps only candidates or only staff; empty keeps both.
	Kind PersonKind
}

// limit clamps a requested page size to 1..500, default 50.
func limit(n int) int {
	switch {
	case n <= 0:
		return 50
	case n > 500:
		return 500
	}
	return n
}

// People returns a page of the organisation's people in the order they
// were added, and the cursor of the next page ("" on the last page).
func (o *Org) People(ctx context.Context, q PeopleQuery) ([]Person, string, error) {
	n := limit(q.Limit)
	db := o.scope(o.s.reader(ctx))
	if q.Cursor != "" {
		at, id, err := decodeCursor(q.Cursor)
		if err != nil {
			return nil, "", err
		}
		db = db.Where("created_at > ? OR (created_at = ? AND id > ?)", at, at, id)
	}
	if s := strings.TrimSpace(q.Search); s != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(s)) + "%"
		db = db.Where(`(LOWER(name) LIKE ? ESCAPE '\' OR email LIKE ? ESCAPE '\')`, like, like)
	}
	if q.Kind != "" {
		db = db.Where("kind = ?", q.Kind)
	}
	var ps []Person
	if err := db.Order("created_at, id").Limit(n + 1).Find(&ps).Error; err != nil {
		return nil, "", fmt.Errorf("list people: %w", err)
	}
	next := ""
	if len(ps) > n {
		ps = ps[:n]
		last := ps[n-1]
		next = encodeCursor(last.CreatedAt, last.ID)
	}
	return ps, next, nil
}

// CountPeople counts the organisation's people.
func (o *Org) CountPeople(ctx context.Context) (int64, error) {
	var n int64
	err := o.scope(o.s.reader(ctx).Model(&Person{})).Count(&n).Error
	return n, err
}

// encodeCursor makes an opaque cursor from a row's sort key.
func encodeCursor(at time.Time, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(at.UTC().Format(time.RFC3339Nano) + "|" + id))
}

func decodeCursor(c string) (time.Time, string, error) {
	bad := errs.InvalidFields("The list cursor is not one rolefit made.", map[string]string{"cursor": "is not valid"})
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return time.Time{}, "", bad
	}
	ts, id, ok := strings.Cut(string(b), "|")
	if !ok {
		return time.Time{}, "", bad
	}
	at, err := time.Parse(time.RFC3339Nano, ts)
	if err != nil {
		return time.Time{}, "", bad
	}
	return at, id, nil
}

// ErasePerson deletes a person with all their invitations, saved answers
// and responses. The audit log records that it happened and who did it,
// but keeps nothing of the person but the ID.
func (o *Org) ErasePerson(ctx context.Context, id string, by Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		if _, err := o.person(tx, id); err != nil {
			return err
		}
		if err := o.scope(tx).Where("id = ?", id).Delete(&Person{}).Error; err != nil {
			return fmt.Errorf("erase person: %w", err)
		}
		return o.audit(tx, by, "erase", "person", id, "person, invitations, answers and scores deleted")
	})
}
