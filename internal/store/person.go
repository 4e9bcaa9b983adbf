package store

import (
	"context"
	"errors"
	"fmt"
	"rolefit"
	"strings"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// CreatePerson adds a person to the organisation.
func (o *Scope) CreatePerson(ctx context.Context, np rolefit.NewPerson, by rolefit.Actor) (*rolefit.Person, error) {
	ps, err := o.ImportPeople(ctx, []rolefit.NewPerson{np}, nil, by)
	if err != nil {
		return nil, err
	}
	return &ps[0], nil
}

// ImportPeople adds several people at once, all or none. When rows is
// given, nps[i] comes from row rows[i] of a file and errors are keyed
// "row N: field"; otherwise by field name alone.
func (o *Scope) ImportPeople(ctx context.Context, nps []rolefit.NewPerson, rows []int, by rolefit.Actor) ([]rolefit.Person, error) {
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
		nps[i], f = nps[i].Clean(prefix(i))
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
	var people []rolefit.Person
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
				if err := o.scope(tx.Model(&rolefit.Person{})).Where("email <> '' AND email IN ?", chunk).Pluck("email", &got).Error; err != nil {
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
		people = make([]rolefit.Person, len(nps))
		for i, np := range nps {
			people[i] = rolefit.Person{ID: newID(), OrgID: o.id, Name: np.Name, Email: np.Email, Kind: np.Kind, JobTitle: np.JobTitle,
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
func (o *Scope) Person(ctx context.Context, id string) (*rolefit.Person, error) {
	return o.person(o.s.reader(ctx), id)
}

func (o *Scope) person(db *gorm.DB, id string) (*rolefit.Person, error) {
	return takeRaw[rolefit.Person](db, "person", "org_id = ? AND id = ?", o.id, id)
}

// CountPeople counts the organisation's people.
func (o *Scope) CountPeople(ctx context.Context) (int64, error) {
	var n int64
	err := o.scope(o.s.reader(ctx).Model(&rolefit.Person{})).Count(&n).Error
	return n, err
}

// ErasePerson deletes a person with all their invitations, saved answers
// and responses. The audit log records that it happened and who did it,
// but keeps nothing of the person but the ID.
func (o *Scope) ErasePerson(ctx context.Context, id string, by rolefit.Actor) error {
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
func (o *Scope) erase(tx *gorm.DB, id string, by rolefit.Actor, detail string) error {
	if err := o.scope(tx).Where("id = ?", id).Delete(&rolefit.Person{}).Error; err != nil {
		return fmt.Errorf("erase person: %w", err)
	}
	if err := o.placementChanged(tx); err != nil {
		return err
	}
	if err := o.scope(tx.Model(&rolefit.AuditEntry{})).Where("subject_type = ? AND subject_id = ?", "person", id).Update("detail", "").Error; err != nil {
		return fmt.Errorf("erase person's audit details: %w", err)
	}
	if err := o.emit(tx, rolefit.EventPersonErased, map[string]any{"person_id": id}); err != nil {
		return err
	}
	return o.audit(tx, by, "erase", "person", id, detail)
}

// UpdatePerson changes some of a person's details, checked as a new
// person's are; an e-mail address that another person of the
// organisation has is a conflict.
func (o *Scope) UpdatePerson(ctx context.Context, id string, c rolefit.PersonChange, by rolefit.Actor) (*rolefit.Person, error) {
	var out *rolefit.Person
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		p, err := o.person(tx, id)
		if err != nil {
			return err
		}
		np, fields := c.Apply(*p)
		if len(fields) > 0 {
			return errs.InvalidFields("Please correct the highlighted fields.", fields)
		}
		var changed []string
		for _, f := range []struct {
			name     string
			old, new string
		}{{"name", p.Name, np.Name}, {"email", p.Email, np.Email}, {"job_title", p.JobTitle, np.JobTitle}} {
			if f.old != f.new {
				changed = append(changed, f.name)
			}
		}
		if len(changed) == 0 {
			out = p
			return nil
		}
		if np.Email != "" && np.Email != p.Email {
			var n int64
			if err := o.scope(tx.Model(&rolefit.Person{})).Where("email <> '' AND email = ? AND id <> ?", np.Email, id).Count(&n).Error; err != nil {
				return fmt.Errorf("check e-mail address: %w", err)
			}
			if n > 0 {
				return &errs.Error{Code: errs.CodeConflict, Message: "Someone in your organisation already has that e-mail address.",
					Fields: map[string]string{"email": "already belongs to someone in your organisation"}}
			}
		}
		p.Name, p.Email, p.JobTitle, p.UpdatedAt = np.Name, np.Email, np.JobTitle, o.s.now()
		err = o.scope(tx.Model(&rolefit.Person{})).Where("id = ?", id).
			Updates(map[string]any{"name": p.Name, "email": p.Email, "job_title": p.JobTitle, "updated_at": p.UpdatedAt}).Error
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			return errs.Conflict("Someone with that e-mail address was added at the same moment. Please try again.")
		}
		if err != nil {
			return fmt.Errorf("update person: %w", err)
		}
		// Placement shows people by name.
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		out = p
		return o.audit(tx, by, "change", "person", id, strings.Join(changed, ", "))
	})
	return out, err
}
