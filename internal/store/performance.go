package store

import (
	"context"
	"fmt"
	"rolefit"
	"strings"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// RecordPerformance stores months of performance, all or none. When rows
// is nil, ins holds one month of the person whose ID it names: an unknown
// person is not found, a month already stored is a conflict unless
// replace is set, and errors are keyed by field. When rows is given,
// ins[i] comes from row rows[i] of a file and names its person by ID or
// e-mail; every problem, an unknown person included, is reported as
// "row N: field" and nothing is stored. replace lets a month already
// stored be overwritten; a month given twice in one file is always an
// error.
func (o *Scope) RecordPerformance(ctx context.Context, ins []rolefit.PerformanceInput, rows []int, replace bool, by rolefit.Actor) ([]rolefit.PerformanceMonth, error) {
	if rows != nil && len(rows) != len(ins) {
		return nil, fmt.Errorf("record performance: %d row numbers for %d months", len(rows), len(ins))
	}
	if len(ins) == 0 {
		return nil, errs.Invalid("There are no months to record.")
	}
	prefix := rowPrefix(rows)
	now := o.s.now()
	fields := map[string]string{}
	for i := range ins {
		var f map[string]string
		ins[i], f = ins[i].Check(now, prefix(i))
		for k, v := range f {
			fields[k] = v
		}
	}
	var out []rolefit.PerformanceMonth
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		people, err := o.performancePeople(tx, ins)
		if err != nil {
			return err
		}
		if err := o.placementChanged(tx); err != nil {
			return err
		}

		out = make([]rolefit.PerformanceMonth, 0, len(ins))
		seen := map[string]int{}
		for i, in := range ins {
			if in.Person == "" {
				continue
			}
			p, ok := people[in.Person]
			if !ok {
				p, ok = people[strings.ToLower(in.Person)]
			}
			switch {
			case !ok && rows == nil:
				return errs.NotFound("person")
			case !ok:
				fields[prefix(i)+"person"] = "is no one in your organisation (give the person's ID or e-mail address)"
				continue
			case p.Kind != rolefit.Staff:
				fields[prefix(i)+"person"] = "is a candidate: performance is recorded for staff only"
				continue
			}
			key := p.ID + "|" + in.Month
			if j, dup := seen[key]; dup && fields[prefix(i)+"month"] == "" {
				fields[prefix(i)+"month"] = fmt.Sprintf("%s for %s is also on row %d", in.Month, p.Name, rows[j])
				continue
			}
			seen[key] = i
			out = append(out, rolefit.PerformanceMonth{OrgID: o.id, PersonID: p.ID, Month: in.Month,
				NewBusinessHours: in.NewBusinessHours, NewBusinessRevenue: in.NewBusinessRevenue,
				ServiceHours: in.ServiceHours, ServiceRevenue: in.ServiceRevenue, CreatedAt: now, UpdatedAt: now})
		}
		stored, err := o.storedMonths(tx, out)
		if err != nil {
			return err
		}
		if !replace {
			for _, pm := range out {
				if stored[pm.PersonID+"|"+pm.Month] {
					i := seen[pm.PersonID+"|"+pm.Month]
					fields[prefix(i)+"month"] = fmt.Sprintf("%s is already recorded for this person; choose replace to overwrite it", pm.Month)
					if rows == nil && len(fields) == 1 {
						return &errs.Error{Code: errs.CodeConflict, Message: "That month is already recorded. Choose replace to overwrite it.", Fields: fields}
					}
				}
			}
		}
		if len(fields) > 0 {
			msg := "Please correct the highlighted fields."
			if rows != nil {
				msg = fmt.Sprintf("Nothing was recorded: %d problems in the file. Fix them and upload it again.", len(fields))
			}
			return errs.InvalidFields(msg, fields)
		}
		replaced := 0
		for _, pm := range out {
			if !stored[pm.PersonID+"|"+pm.Month] {
				continue
			}
			res := o.scope(tx).Where("person_id = ? AND month = ?", pm.PersonID, pm.Month).Delete(&rolefit.PerformanceMonth{})
			if res.Error != nil {
				return fmt.Errorf("replace performance month: %w", res.Error)
			}
			replaced++
		}
		if err := tx.CreateInBatches(out, 200).Error; err != nil {
			return fmt.Errorf("record performance: %w", err)
		}
		if rows == nil {
			detail := "performance " + out[0].Month
			if replaced > 0 {
				detail += " (replaced)"
			}
			return o.audit(tx, by, "update", "person", out[0].PersonID, detail)
		}
		// One entry per person, so each person's own audit trail (their
		// data-access export) says who recorded their months.
		perPerson := map[string]int{}
		var order []string
		for _, pm := range out {
			if perPerson[pm.PersonID] == 0 {
				order = append(order, pm.PersonID)
			}
			perPerson[pm.PersonID]++
		}
		for _, id := range order {
			if err := o.audit(tx, by, "update", "person", id, fmt.Sprintf("performance: %d months from a file", perPerson[id])); err != nil {
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

// performancePeople finds the people the inputs name, by ID or by e-mail
// address, keyed by ID and by lower-cased e-mail address.
func (o *Scope) performancePeople(tx *gorm.DB, ins []rolefit.PerformanceInput) (map[string]rolefit.Person, error) {
	refs := map[string]bool{}
	for _, in := range ins {
		if in.Person != "" {
			refs[in.Person] = true
		}
	}
	list := make([]string, 0, len(refs))
	for r := range refs {
		list = append(list, r)
	}
	out := map[string]rolefit.Person{}
	for chunk := range chunks(list, 400) {
		// E-mail addresses are stored lower-cased; IDs are compared as given.
		emails := make([]string, len(chunk))
		for i, r := range chunk {
			emails[i] = strings.ToLower(r)
		}
		var ps []rolefit.Person
		if err := o.scope(tx).Where("id IN ? OR (email <> '' AND email IN ?)", chunk, emails).Find(&ps).Error; err != nil {
			return nil, fmt.Errorf("find people of performance records: %w", err)
		}
		for _, p := range ps {
			out[p.ID] = p
			if p.Email != "" {
				out[p.Email] = p
			}
		}
	}
	return out, nil
}

// storedMonths reports which of the months are already stored, keyed
// "personID|month".
func (o *Scope) storedMonths(tx *gorm.DB, ms []rolefit.PerformanceMonth) (map[string]bool, error) {
	ids := map[string]bool{}
	for _, m := range ms {
		ids[m.PersonID] = true
	}
	list := make([]string, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	stored := map[string]bool{}
	for chunk := range chunks(list, 400) {
		var got []rolefit.PerformanceMonth
		if err := o.scope(tx).Select("person_id", "month").Where("person_id IN ?", chunk).Find(&got).Error; err != nil {
			return nil, fmt.Errorf("read stored performance months: %w", err)
		}
		for _, g := range got {
			stored[g.PersonID+"|"+g.Month] = true
		}
	}
	return stored, nil
}

// PerformanceMonths returns a person's recorded months, oldest first.
func (o *Scope) PerformanceMonths(ctx context.Context, personID string) ([]rolefit.PerformanceMonth, error) {
	var ms []rolefit.PerformanceMonth
	if err := o.scope(o.s.reader(ctx)).Where("person_id = ?", personID).Order("month").Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("read performance months: %w", err)
	}
	return ms, nil
}

// RecentPerformance returns, for every person of the organisation with
// records, the totals of their latest months recorded months (all of them
// when they have fewer), keyed by person ID: where a seller stands today
// (econ.SplitMonths), read the same way by placement, the costs and the
// exposure.
func (o *Scope) RecentPerformance(ctx context.Context, months int) (map[string]rolefit.PerformanceTotals, error) {
	var ts []rolefit.PerformanceTotals
	err := o.s.reader(ctx).Raw(`SELECT person_id, COUNT(*) AS months, SUM(new_business_hours) AS new_business_hours,
		SUM(new_business_revenue) AS new_business_revenue, SUM(service_hours) AS service_hours,
		SUM(service_revenue) AS service_revenue
		FROM (SELECT person_id, new_business_hours, new_business_revenue, service_hours, service_revenue,
			ROW_NUMBER() OVER (PARTITION BY person_id ORDER BY month DESC) AS latest
			FROM performance_months WHERE org_id = ?) recent
		WHERE latest <= ? GROUP BY person_id`, o.id, months).Scan(&ts).Error
	if err != nil {
		return nil, fmt.Errorf("sum performance: %w", err)
	}
	out := make(map[string]rolefit.PerformanceTotals, len(ts))
	for _, t := range ts {
		out[t.PersonID] = t
	}
	return out, nil
}

// rowPrefix names the row of the i-th of several inputs in an error
// ("row 7: "), for inputs read from a file's rows; nothing when rows is
// nil (the inputs came from a form or the API).
func rowPrefix(rows []int) func(i int) string {
	return func(i int) string {
		if rows != nil {
			return fmt.Sprintf("row %d: ", rows[i])
		}
		return ""
	}
}
