package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"rolefit"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// A submission through the API on PostgreSQL, in one statement. As a
// transaction it was seven round trips (BEGIN, the response, its score
// rows, the profile, the organisation's webhook endpoints, the audit
// entry, COMMIT), each a wait on the network and on PostgreSQL, with the
// connection idle in transaction in between. Here data-modifying CTEs do
// it all in one statement, its own transaction: the person is checked
// (and, for a self-report, made to point at the response as their
// profile), the response, its score rows and its audit entry are
// inserted from that row, so with no person nothing is written, and a
// delivery is queued for each endpoint that subscribed to
// response.submitted. PostgreSQL checks the foreign keys at the end of
// the statement, when the response the profile points at exists.
// SQLite keeps the group committer's transaction (RecordResponse).

// recordSQL holds the statement by its shape (recordShape).
var recordSQL sync.Map

type recordShape struct {
	scores int
	self   bool
}

// recordQuery returns the statement for a response with n score rows,
// a self-report or not.
func recordQuery(sh recordShape) string {
	if q, ok := recordSQL.Load(sh); ok {
		return q.(string)
	}
	var b strings.Builder
	// $1 response ID, $2 organisation, $3 person, $4 now.
	if sh.self {
		b.WriteString(`WITH p AS (UPDATE people SET profile_response_id = ?, updated_at = ? WHERE id = ? AND org_id = ? RETURNING id),`)
	} else {
		b.WriteString(`WITH p AS (SELECT id FROM people WHERE id = ? AND org_id = ?),`)
	}
	b.WriteString(`
r AS (INSERT INTO responses (id, org_id, person_id, invitation_id, source,
 questionnaire_id, questionnaire_version, questionnaire_hash, answers, page_seconds, result,
 view, rated_by, flag_count, severity, scoring_version, language, submitted_at)
 SELECT ?, ?, p.id, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM p RETURNING id, org_id, questionnaire_id, questionnaire_version, language),
a AS (INSERT INTO audit_entries (id, org_id, actor_id, actor_name, action, subject_type, subject_id, detail, created_at)
 SELECT ?, r.org_id, ?, ?, ?, ?, ?, ?, ? FROM r),
d AS (INSERT INTO deliveries (id, org_id, kind, endpoint_id, message_id, event_type, target, body, status,
 attempts, next_attempt_at, last_status, last_error, created_at)
 SELECT (?::text[])[e.n], r.org_id, ?, e.id, ?, ?, '', ?, ?, 0, ?, 0, '', ? FROM r,
 (SELECT id, row_number() OVER (ORDER BY id) AS n FROM webhook_endpoints WHERE org_id = ? AND ? = ANY (string_to_array(events, ' '))) AS e)`)
	if sh.scores > 0 {
		b.WriteString(`,
s AS (INSERT INTO response_scores (response_id, org_id, questionnaire_id, questionnaire_version, language, scale_id, kind,
 score, band_low, band_high, percentile)
 SELECT r.id, r.org_id, r.questionnaire_id, r.questionnaire_version, r.language, v.scale_id, v.kind, v.score, v.band_low, v.band_high, v.percentile
 FROM r, (VALUES `)
		for i := range sh.scores {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?::text, ?::text, ?::float8, ?::float8, ?::float8, ?::float8)")
		}
		b.WriteString(`) AS v (scale_id, kind, score, band_low, band_high, percentile))`)
	}
	b.WriteString(`
SELECT count(*) FROM r`)
	q := bindVars(Postgres, b.String())
	recordSQL.Store(sh, q)
	return q
}

// recordAtOnce stores e, its score rows, its audit entry and its event in
// one statement on PostgreSQL (see above), and returns the response as
// stored.
func (o *Scope) recordAtOnce(ctx context.Context, e encodedResponse, scores []ScoreRow, by rolefit.Actor, detail string) (*rolefit.Response, error) {
	r, row := e.resp, e.row
	now := o.s.now()
	r.SubmittedAt = now
	sh := recordShape{scores: len(scores), self: r.View == rolefit.ViewSelf}
	body, err := json.Marshal(eventPayload{Type: rolefit.EventResponseSubmitted, Timestamp: now.Format(time.RFC3339), Data: responseEvent(&r)})
	if err != nil {
		return nil, fmt.Errorf("encode event: %w", err)
	}
	deliveryIDs := make([]string, rolefit.MaxWebhookEndpoints)
	for i := range deliveryIDs {
		deliveryIDs[i] = newTimeID()
	}
	args := make([]any, 0, 48+6*len(scores))
	if sh.self {
		args = append(args, row.ID, now, row.PersonID, row.OrgID)
	} else {
		args = append(args, row.PersonID, row.OrgID)
	}
	args = append(args, row.ID, row.OrgID, row.Source, row.QuestionnaireID, row.QuestionnaireVersion, row.QuestionnaireHash,
		row.Answers, row.PageSeconds, row.Result, row.View, row.RatedBy, row.FlagCount, row.Severity, row.ScoringVersion, row.Language, now)
	args = append(args, newTimeID(), by.ID, by.Name, "record_response", "person", row.PersonID, detail, now)
	args = append(args, pgTextArray(deliveryIDs), string(rolefit.DeliveryWebhook), "msg_"+newID(), string(rolefit.EventResponseSubmitted),
		string(body), string(rolefit.DeliveryPending), now, now, row.OrgID, string(rolefit.EventResponseSubmitted))
	for _, s := range scores {
		args = append(args, s.ScaleID, s.Kind, nullable(s.Score), nullable(s.BandLow), nullable(s.BandHigh), nullable(s.Percentile))
	}
	db := o.s.write.WithContext(ctx)
	var n int
	if err := db.Statement.ConnPool.QueryRowContext(ctx, recordQuery(sh), args...).Scan(&n); err != nil {
		if t, ok := db.Dialector.(gorm.ErrorTranslator); ok {
			err = t.Translate(err)
		}
		if errors.Is(err, gorm.ErrForeignKeyViolated) {
			return nil, errs.NotFound("person")
		}
		return nil, fmt.Errorf("store response: %w", err)
	}
	if n != 1 {
		// No such person in this organisation: nothing was written.
		return nil, errs.NotFound("person")
	}
	return &r, nil
}

// pgTextArray writes ss as a PostgreSQL text array literal. The strings
// are IDs (A–Z, 2–7), which need no quoting.
func pgTextArray(ss []string) string {
	return "{" + strings.Join(ss, ",") + "}"
}
