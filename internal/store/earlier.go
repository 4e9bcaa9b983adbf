package store

import (
	"context"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// EarlierResponse is a self-report given before it reached rolefit (kept
// in an earlier system, or the demo's history of earlier applicants),
// with the time it was given.
type EarlierResponse struct {
	NewResponse
	SubmittedAt time.Time
}

// RecordEarlierResponses stores self-reports given at earlier times, one
// for each of people without a profile yet, all in one transaction: all
// of them or none. Each is dated when it was given and counts in the
// organisation's norms and reliability, but it is history, not a
// profile: the person's page lists it among earlier responses, and the
// person is not on the team map or in placement until they answer again.
// One audit entry records the import.
func (o *Scope) RecordEarlierResponses(ctx context.Context, rs []EarlierResponse, by rolefit.Actor) error {
	if len(rs) == 0 {
		return errs.Invalid("There are no responses to record.")
	}
	ids := make([]string, len(rs))
	seen := map[string]bool{}
	for i, r := range rs {
		if seen[r.PersonID] {
			return errs.InvalidFields("Each person may have one earlier response.", map[string]string{fmt.Sprintf("responses.%d.person_id", i): "is given twice"})
		}
		seen[r.PersonID], ids[i] = true, r.PersonID
		if r.View != "" && r.View != rolefit.ViewSelf {
			return errs.InvalidFields("Earlier responses are self-reports.", map[string]string{fmt.Sprintf("responses.%d.view", i): "must be self"})
		}
	}
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		if err := o.placementChanged(tx); err != nil {
			return err
		}
		var fresh int64
		for chunk := range chunks(ids, 500) {
			var n int64
			if err := o.scope(tx.Model(&rolefit.Person{})).Where("id IN ? AND profile_response_id IS NULL", chunk).Count(&n).Error; err != nil {
				return fmt.Errorf("check people: %w", err)
			}
			fresh += n
		}
		if fresh != int64(len(ids)) {
			return errs.Invalid("Earlier responses can be recorded only for the organisation's people who have no profile yet.")
		}
		for _, r := range rs {
			at := r.SubmittedAt.UTC()
			_, err := insertResponse(tx, func() time.Time { return at }, rolefit.Response{OrgID: o.id, PersonID: r.PersonID, Source: rolefit.SourceAPI,
				QuestionnaireID: r.QuestionnaireID, QuestionnaireVersion: r.QuestionnaireVersion, QuestionnaireHash: r.QuestionnaireHash, View: rolefit.ViewSelf, Language: r.Language},
				r.Answers, r.PageSeconds, r.Scored)
			if err != nil {
				return err
			}
		}
		// insertResponse made each the person's profile, as a new
		// self-report is; an earlier one is not.
		for chunk := range chunks(ids, 500) {
			if err := o.scope(tx.Model(&rolefit.Person{})).Where("id IN ?", chunk).Update("profile_response_id", nil).Error; err != nil {
				return fmt.Errorf("keep earlier responses out of profiles: %w", err)
			}
		}
		return o.audit(tx, by, "record_response", "person", rs[0].PersonID, fmt.Sprintf("%d earlier responses", len(rs)))
	})
}
