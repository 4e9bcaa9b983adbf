package store

import (
	"context"
	"fmt"
	"rolefit"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// RecordOutcomes stores hiring outcomes, all or none, and tells webhook
// endpoints of each (outcome.recorded) in the same transaction. When rows
// is nil, ins holds one outcome of the person whose ID it names: an
// unknown person is not found and errors are keyed by field. When rows is
// given, ins[i] comes from row rows[i] of a file and names its person by
// ID or e-mail; every problem, an unknown person included, is reported as
// "row N: field" and nothing is stored.
func (o *Scope) RecordOutcomes(ctx context.Context, ins []rolefit.OutcomeInput, rows []int, by rolefit.Actor) ([]rolefit.Outcome, error) {
	if rows != nil && len(rows) != len(ins) {
		return nil, fmt.Errorf("record outcomes: %d row numbers for %d outcomes", len(rows), len(ins))
	}
	if len(ins) == 0 {
		return nil, errs.Invalid("There are no outcomes to record.")
	}
	prefix := rowPrefix(rows)
	now := o.s.now()
	var out []rolefit.Outcome
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		refs := make([]string, 0, len(ins))
		for i := range ins {
			ins[i].Person = strings.TrimSpace(ins[i].Person)
			refs = append(refs, ins[i].Person)
		}
		people, err := o.peopleByRef(tx, refs)
		if err != nil {
			return err
		}
		fields := map[string]string{}
		out = make([]rolefit.Outcome, 0, len(ins))
		for i, in := range ins {
			p, ok := people[in.Person]
			if !ok {
				p, ok = people[strings.ToLower(in.Person)]
			}
			switch {
			case !ok && rows == nil:
				return errs.NotFound("person")
			case in.Person == "":
				fields[prefix(i)+"person"] = "is required (the person's ID or e-mail address)"
			case !ok:
				fields[prefix(i)+"person"] = "is no one in your organisation (give the person's ID or e-mail address)"
			}
			st, at, f := in.Check(now, p.CreatedAt, prefix(i))
			if !ok {
				delete(f, prefix(i)+"at") // no person, no date to compare with
			}
			for k, v := range f {
				fields[k] = v
			}
			if ok && len(f) == 0 {
				out = append(out, rolefit.Outcome{ID: newID(), OrgID: o.id, PersonID: p.ID, Stage: st, ReachedAt: at,
					CreatedBy: by.ID, CreatedAt: now})
			}
		}
		if len(fields) > 0 {
			msg := "Please correct the highlighted fields."
			if rows != nil {
				msg = fmt.Sprintf("Nothing was recorded: %d problems in the file. Fix them and upload it again.", len(fields))
			}
			return errs.InvalidFields(msg, fields)
		}
		if err := tx.CreateInBatches(out, 200).Error; err != nil {
			return fmt.Errorf("record outcomes: %w", err)
		}
		for _, oc := range out {
			if err := o.audit(tx, by, "update", "person", oc.PersonID, "outcome "+string(oc.Stage)); err != nil {
				return err
			}
			if err := o.emit(tx, rolefit.EventOutcomeRecorded, map[string]any{"outcome_id": oc.ID, "person_id": oc.PersonID,
				"stage": oc.Stage, "at": oc.ReachedAt.UTC().Format(time.RFC3339)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// peopleByRef finds the people that refs name, by ID or by e-mail address,
// keyed by ID and by lower-cased e-mail address.
func (o *Scope) peopleByRef(tx *gorm.DB, refs []string) (map[string]rolefit.Person, error) {
	ins := make([]rolefit.PerformanceInput, len(refs))
	for i, r := range refs {
		ins[i].Person = r
	}
	return o.performancePeople(tx, ins)
}

// Outcomes returns a person's outcomes, earliest first.
func (o *Scope) Outcomes(ctx context.Context, personID string) ([]rolefit.Outcome, error) {
	var out []rolefit.Outcome
	if err := o.scope(o.s.reader(ctx)).Where("person_id = ?", personID).Order("reached_at, created_at").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("read outcomes: %w", err)
	}
	return out, nil
}

// AllOutcomes returns every outcome of the organisation, by person and
// date, for the people export.
func (o *Scope) AllOutcomes(ctx context.Context) ([]rolefit.Outcome, error) {
	var out []rolefit.Outcome
	if err := o.scope(o.s.reader(ctx)).Order("person_id, reached_at, created_at").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("read outcomes: %w", err)
	}
	return out, nil
}
