package store

import (
	"context"
	"fmt"
	"rolefit"
	"sync"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// takeRespondent reads an invitation with its person and organisation in
// one statement, built once from GORM's schema of the three as takeRaw
// builds each: every respondent page, autosave and submission starts with
// them, and as three reads they were three round trips on PostgreSQL.
// The person is joined in the invitation's organisation, as Scope.person
// reads them. No row is "invitation not found". col names the
// invitation's column that arg is compared with.
//
// On SQLite, where a read is a call into the same process, three reads of
// their own are cheaper than the join (BenchmarkSubmissionReads), so it
// makes them.
func takeRespondent(db *gorm.DB, col string, arg any) (*rolefit.Invitation, *rolefit.Person, *rolefit.Organisation, error) {
	if Dialect(db.Dialector.Name()) == SQLite {
		return takeRespondentApart(db, col, arg)
	}
	return takeRespondentJoined(db, col, arg)
}

// takeRespondentApart reads the invitation, its person and its
// organisation one after another.
func takeRespondentApart(db *gorm.DB, col string, arg any) (*rolefit.Invitation, *rolefit.Person, *rolefit.Organisation, error) {
	inv, err := takeRaw[rolefit.Invitation](db, "invitation", col+" = ?", arg)
	if err != nil {
		return nil, nil, nil, err
	}
	p, err := takeRaw[rolefit.Person](db, "person", "org_id = ? AND id = ?", inv.OrgID, inv.PersonID)
	if err != nil {
		return nil, nil, nil, err
	}
	org, err := takeRaw[rolefit.Organisation](db, "organisation", "id = ?", inv.OrgID)
	if err != nil {
		return nil, nil, nil, err
	}
	return inv, p, org, nil
}

// takeRespondentJoined reads the three in one statement.
func takeRespondentJoined(db *gorm.DB, col string, arg any) (*rolefit.Invitation, *rolefit.Person, *rolefit.Organisation, error) {
	where := "i." + col + " = ?"
	mi, err := rawModelOf[rolefit.Invitation](db)
	if err != nil {
		return nil, nil, nil, err
	}
	mp, err := rawModelOf[rolefit.Person](db)
	if err != nil {
		return nil, nil, nil, err
	}
	mo, err := rawModelOf[rolefit.Organisation](db)
	if err != nil {
		return nil, nil, nil, err
	}
	q := respondentQuery(Dialect(db.Dialector.Name()), where, mi, mp, mo)
	rows, err := db.Statement.ConnPool.QueryContext(db.Statement.Context, q, arg)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("get invitation: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, nil, nil, fmt.Errorf("get invitation: %w", err)
		}
		return nil, nil, nil, errs.NotFound("invitation")
	}
	inv, p, org := new(rolefit.Invitation), new(rolefit.Person), new(rolefit.Organisation)
	dest := make([]any, 0, len(mi.fields)+len(mp.fields)+len(mo.fields))
	dest = mo.dest(org, mp.dest(p, mi.dest(inv, dest)))
	if err := rows.Scan(dest...); err != nil {
		return nil, nil, nil, fmt.Errorf("get invitation: %w", err)
	}
	return inv, p, org, rows.Close()
}

// respondentQueries holds takeRespondent's statements by dialect and
// condition (a fixed few).
var respondentQueries sync.Map

func respondentQuery(d Dialect, where string, mi, mp, mo *rawModel) string {
	k := struct {
		d     Dialect
		where string
	}{d, where}
	if q, ok := respondentQueries.Load(k); ok {
		return q.(string)
	}
	q := bindVars(d, "SELECT "+mi.columns("i")+", "+mp.columns("p")+", "+mo.columns("o")+
		" FROM "+mi.table+" i JOIN "+mp.table+" p ON p.id = i.person_id AND p.org_id = i.org_id"+
		" JOIN "+mo.table+" o ON o.id = i.org_id WHERE "+where+" LIMIT 1")
	respondentQueries.Store(k, q)
	return q
}

// PersonWithOrganisation returns one of the organisation's people and the
// organisation, in one statement: what a submission through the API reads
// before it scores (the person's kind decides the view, the organisation's
// cut the profile), one round trip on PostgreSQL instead of two.
//
// On SQLite, where a read is a call into the same process, the two reads
// of their own are cheaper than the join (15 and 18 µs against 62–83 µs
// a read in BenchmarkSubmissionReads), so it makes them.
func (o *Scope) PersonWithOrganisation(ctx context.Context, id string) (*rolefit.Person, *rolefit.Organisation, error) {
	db := o.s.reader(ctx)
	if o.s.dialect == SQLite {
		p, err := o.person(db, id)
		if err != nil {
			return nil, nil, err
		}
		org, err := o.Get(ctx)
		return p, org, err
	}
	return o.personWithOrganisationJoined(db, id)
}

// personWithOrganisationJoined is PersonWithOrganisation's one statement.
func (o *Scope) personWithOrganisationJoined(db *gorm.DB, id string) (*rolefit.Person, *rolefit.Organisation, error) {
	mp, err := rawModelOf[rolefit.Person](db)
	if err != nil {
		return nil, nil, err
	}
	mo, err := rawModelOf[rolefit.Organisation](db)
	if err != nil {
		return nil, nil, err
	}
	d := Dialect(db.Dialector.Name())
	q, ok := personOrgQueries.Load(d)
	if !ok {
		q, _ = personOrgQueries.LoadOrStore(d, bindVars(d, "SELECT "+mp.columns("p")+", "+mo.columns("o")+
			" FROM "+mp.table+" p JOIN "+mo.table+" o ON o.id = p.org_id WHERE p.org_id = ? AND p.id = ? LIMIT 1"))
	}
	rows, err := db.Statement.ConnPool.QueryContext(db.Statement.Context, q.(string), o.id, id)
	if err != nil {
		return nil, nil, fmt.Errorf("get person: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, nil, fmt.Errorf("get person: %w", err)
		}
		return nil, nil, errs.NotFound("person")
	}
	p, org := new(rolefit.Person), new(rolefit.Organisation)
	if err := rows.Scan(mo.dest(org, mp.dest(p, nil))...); err != nil {
		return nil, nil, fmt.Errorf("get person: %w", err)
	}
	return p, org, rows.Close()
}

// personOrgQueries holds PersonWithOrganisation's statement by dialect.
var personOrgQueries sync.Map
