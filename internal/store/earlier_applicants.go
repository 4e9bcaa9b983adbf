package store

import (
	"context"
	"fmt"
)

// Earlier applicants are candidates whose only answers are earlier
// responses (RecordEarlierResponses: the history an organisation brings,
// or the demo's 250 applicants of the two years before): no profile, no
// invitation, at least one self-report. They count in the norms and the
// reliability figures, but they are history, not people a manager is
// working with, so the people list and the export leave them out unless
// asked. Inviting one makes them a candidate like any other; staff are
// never earlier applicants.

// The people list's and the export's values for earlier applicants; the
// empty value leaves them out.
const (
	// EarlierInclude lists earlier applicants with everyone else.
	EarlierInclude = "include"
	// EarlierOnly lists earlier applicants alone.
	EarlierOnly = "only"
)

// EarlierFilters are the values the earlier-applicant filter takes
// besides the empty default.
var EarlierFilters = []string{EarlierInclude, EarlierOnly}

// neverAsked is the condition that person alias was never invited and has
// no answers of their own: no profile and no self-report, earlier or not.
// The dashboard's "not invited yet" and the people list's "not invited"
// filter both ask it, so they count the same people.
func neverAsked(alias string) string {
	return alias + `.profile_response_id IS NULL
	AND NOT EXISTS (SELECT 1 FROM invitations ni WHERE ni.person_id = ` + alias + `.id)
	AND NOT EXISTS (SELECT 1 FROM responses nr WHERE nr.person_id = ` + alias + `.id AND nr.view = 'self')`
}

// earlierApplicant is the condition that person alias is an earlier
// applicant: a candidate never invited, without a profile, with an
// earlier self-report. Each subquery is one probe of an index on the
// person (invitations_person, responses_person_view).
func earlierApplicant(alias string) string {
	return alias + `.kind = 'candidate' AND ` + alias + `.profile_response_id IS NULL
	AND NOT EXISTS (SELECT 1 FROM invitations ei WHERE ei.person_id = ` + alias + `.id)
	AND EXISTS (SELECT 1 FROM responses er WHERE er.person_id = ` + alias + `.id AND er.view = 'self')`
}

// CountEarlierApplicants counts the organisation's earlier applicants.
func (o *Scope) CountEarlierApplicants(ctx context.Context) (int64, error) {
	var n int64
	err := o.s.reader(ctx).Raw(`SELECT COUNT(*) FROM people p WHERE p.org_id = ? AND `+earlierApplicant("p"), o.id).Scan(&n).Error
	if err != nil {
		return 0, fmt.Errorf("count earlier applicants: %w", err)
	}
	return n, nil
}
