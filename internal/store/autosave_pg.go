package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// autosaveSQL holds, by the number of answers, the one statement that
// saves a click's answers on PostgreSQL (autosaveQuery).
var autosaveSQL sync.Map

// autosaveQuery is SaveAnswers for answers without a page's time (a
// click's autosave) as one statement, for PostgreSQL: the invitation is
// locked and checked (open, not expired, consented) in the same
// statement that writes the answers, so a save is one round trip in its
// own transaction instead of BEGIN, a locked read, the write and COMMIT.
// The lock keeps what it kept before: a submission holds the invitation
// while it reads the answers and deletes them, so a save waits for it and
// then finds the invitation submitted and writes nothing.
func autosaveQuery(n int) string {
	if q, ok := autosaveSQL.Load(n); ok {
		return q.(string)
	}
	var b strings.Builder
	b.WriteString(`WITH inv AS (SELECT id FROM invitations WHERE id = ? AND org_id = ? AND status IN ('sent', 'started')
 AND expires_at > ? AND consented_at IS NOT NULL FOR UPDATE)
INSERT INTO draft_answers (invitation_id, item_id, value, answered_at)
 SELECT inv.id, v.item_id, v.value, ? FROM inv, (VALUES `)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?::text, ?::integer)")
	}
	b.WriteString(`) AS v (item_id, value)
 ON CONFLICT (invitation_id, item_id) DO UPDATE SET value = excluded.value, answered_at = excluded.answered_at`)
	q := bindVars(Postgres, b.String())
	autosaveSQL.Store(n, q)
	return q
}

// saveAtOnce saves answers with autosaveQuery and reports whether it did;
// false means the invitation is not open to answers (closed, expired or
// not yet agreed to), which the caller's transaction then explains.
func (r *Respondent) saveAtOnce(ctx context.Context, answers map[string]int) (bool, error) {
	ids := make([]string, 0, len(answers))
	for id := range answers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	now := r.s.now()
	args := make([]any, 0, 4+2*len(ids))
	args = append(args, r.Inv.ID, r.Inv.OrgID, now, now)
	for _, id := range ids {
		args = append(args, id, answers[id])
	}
	db := r.s.write.WithContext(ctx)
	res, err := db.Statement.ConnPool.ExecContext(ctx, autosaveQuery(len(ids)), args...)
	if err != nil {
		return false, fmt.Errorf("save answers: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("save answers: %w", err)
	}
	return n > 0, nil
}
