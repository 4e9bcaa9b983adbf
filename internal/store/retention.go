package store

import (
	"context"
	"database/sql"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// Retention returns how many days the organisation keeps candidates who
// were not hired after their last activity; 0 means it keeps them until
// someone erases them.
func (o *Scope) Retention(ctx context.Context) (int, error) {
	var days sql.NullInt64
	err := o.s.reader(ctx).Model(&rolefit.Organisation{}).Where("id = ?", o.id).Select("retention_days").Row().Scan(&days)
	if err == sql.ErrNoRows {
		return 0, errs.NotFound("organisation")
	}
	if err != nil {
		return 0, fmt.Errorf("read retention period: %w", err)
	}
	return int(days.Int64), nil
}

// SetRetention sets the retention period in days, from 1 to
// rolefit.MaxRetentionDays, or 0 to keep candidates until someone erases them.
func (o *Scope) SetRetention(ctx context.Context, days int, by rolefit.Actor) error {
	if days < 0 || days > rolefit.MaxRetentionDays {
		return errs.InvalidFields("The retention period must be from 1 day to 10 years.",
			map[string]string{"retention_days": fmt.Sprintf("must be a whole number of days from 1 to %d, or empty to keep candidates", rolefit.MaxRetentionDays)})
	}
	var v any
	detail := "off: candidates are kept until erased"
	if days > 0 {
		v, detail = days, fmt.Sprintf("candidates not hired are purged %d days after their last activity", days)
	}
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Model(&rolefit.Organisation{}).Where("id = ?", o.id).Update("retention_days", v).Error; err != nil {
			return fmt.Errorf("set retention period: %w", err)
		}
		return o.audit(tx, by, "change_retention", "organisation", o.id, detail)
	})
}

// RetentionSetting is an organisation's retention period, for the job
// that purges.
type RetentionSetting struct {
	OrgID string
	Days  int
}

// RetentionSettings lists the organisations that have set a retention
// period. It is the one query of the purge that spans organisations; the
// purge itself goes through each organisation's Scope.
func (s *Store) RetentionSettings(ctx context.Context) ([]RetentionSetting, error) {
	var rs []RetentionSetting
	err := s.reader(ctx).Model(&rolefit.Organisation{}).Select("id AS org_id, retention_days AS days").
		Where("retention_days IS NOT NULL").Order("id").Scan(&rs).Error
	if err != nil {
		return nil, fmt.Errorf("read retention periods: %w", err)
	}
	return rs, nil
}

// staleCandidates restricts a query on people to candidates (never staff)
// with no activity at or after before and no link open at now. A person's
// activity is their creation, each invitation's creation, consent, start
// and submission, and each response recorded; a candidate whose link is
// still open is in the middle of being assessed, however old the
// invitation, and is kept.
func (o *Scope) staleCandidates(db *gorm.DB, before, now time.Time) *gorm.DB {
	return o.scope(db.Model(&rolefit.Person{})).
		Where("kind = ? AND created_at < ?", rolefit.Candidate, before).
		Where(`NOT EXISTS (SELECT 1 FROM invitations i WHERE i.person_id = people.id AND (
			i.created_at >= ? OR i.consented_at >= ? OR i.started_at >= ? OR i.submitted_at >= ?
			OR (i.withdrawn_at IS NULL AND i.submitted_at IS NULL AND i.expires_at > ?)))`, before, before, before, before, now).
		Where("NOT EXISTS (SELECT 1 FROM responses r WHERE r.person_id = people.id AND r.submitted_at >= ?)", before)
}

// StaleCandidates returns the IDs of the candidates whose last activity
// was before before (see staleCandidates), oldest first, at most limit.
func (o *Scope) StaleCandidates(ctx context.Context, before time.Time, limit int) ([]string, error) {
	var ids []string
	err := o.staleCandidates(o.s.reader(ctx), before, o.s.now()).Order("people.created_at, people.id").Limit(limit).Pluck("people.id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("find candidates past retention: %w", err)
	}
	return ids, nil
}

// PurgeCandidate erases a candidate whose last activity was before before,
// as ErasePerson does, and records that the retention period did it. It
// checks again inside the transaction, so a candidate invited or hired
// since they were found is kept (a conflict), and it never erases a staff
// member (a conflict naming why).
func (o *Scope) PurgeCandidate(ctx context.Context, id string, before time.Time, days int, by rolefit.Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		p, err := o.person(tx, id)
		if err != nil {
			return err
		}
		if p.Kind != rolefit.Candidate {
			return errs.Conflict("Retention never purges staff: %s is a staff member and was kept.", p.Name)
		}
		var n int64
		if err := o.staleCandidates(tx, before, o.s.now()).Where("people.id = ?", id).Count(&n).Error; err != nil {
			return fmt.Errorf("check candidate past retention: %w", err)
		}
		if n == 0 {
			return errs.Conflict("The candidate has been active within the retention period and was kept.")
		}
		return o.erase(tx, id, by, fmt.Sprintf("retention: no activity for %d days; person, invitations, answers and scores deleted", days))
	})
}
