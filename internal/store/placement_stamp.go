package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// PlacementStamp tells one state of everything an organisation's placement
// reads from another, so that a process may keep a solved placement until
// the stamp it reads in the database differs (internal/app's plan cache).
// Any number of processes on one database read the same stamps.
//
// It has two parts, because the writes a placement depends on are of two
// kinds:
//
//   - Version is organisations.placement_version, which every other write
//     of what placement reads adds one to in its own transaction: roles
//     and their profiles, a staff member's role today, performance records,
//     compensation plans, hiring periods and figures, the organisation's
//     settings, rescoring, erasure and purging, earlier responses.
//   - Responses is how many responses the organisation has. A submission
//     (a respondent's or the API's) inserts one and points the person's
//     profile at it in one transaction, so the count moves with every new
//     profile without the submission writing any shared row: on
//     PostgreSQL concurrent submissions would queue on that row's lock,
//     and on SQLite it would be one more page to every group commit.
//     Responses are deleted only by erasure and purging, which add to
//     Version, so a count that comes back to an earlier value after a
//     deletion never brings an old stamp back.
//
// Reading it is one indexed query: the version by the organisation's key,
// and the count from the (org_id, submitted_at) index of responses, which
// both databases count without reading the rows (docs/PERFORMANCE.md
// gives its cost at 10,000 responses).
type PlacementStamp struct {
	Version   int64
	Responses int64
}

// After reports whether s was read after a change that old was read
// before: both parts only grow, except that a deletion of responses comes
// with a larger Version.
func (s PlacementStamp) After(old PlacementStamp) bool {
	if s.Version != old.Version {
		return s.Version > old.Version
	}
	return s.Responses > old.Responses
}

// PlacementStamp reads the organisation's stamp. The caller reads it
// before the inputs it stamps, so a change made in between gives the
// next reader a different stamp rather than a plan older than its stamp.
func (o *Scope) PlacementStamp(ctx context.Context) (PlacementStamp, error) {
	var s PlacementStamp
	err := o.s.reader(ctx).Raw(`SELECT o.placement_version, (SELECT count(*) FROM responses r WHERE r.org_id = o.id)
FROM organisations o WHERE o.id = ?`, o.id).Row().Scan(&s.Version, &s.Responses)
	if errors.Is(err, sql.ErrNoRows) {
		return s, errs.NotFound("organisation")
	}
	if err != nil {
		return s, fmt.Errorf("read placement stamp: %w", err)
	}
	return s, nil
}

// placementChanged records, in a write's transaction, that something a
// placement reads has changed (PlacementStamp.Version). On PostgreSQL the
// update holds the organisation's row until the transaction ends, so
// writes that call it first run one after another in an organisation
// (CreateRole relies on that for its cap); submissions never call it.
func (o *Scope) placementChanged(tx *gorm.DB) error {
	if err := tx.Exec("UPDATE organisations SET placement_version = placement_version + 1 WHERE id = ?", o.id).Error; err != nil {
		return fmt.Errorf("record a change of placement inputs: %w", err)
	}
	return nil
}
