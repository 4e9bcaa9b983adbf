package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// responseRow is a response as stored: its answers, page times and
// result as JSON text.
type responseRow struct {
	ID                   string
	OrgID                string
	PersonID             string
	InvitationID         *string
	Source               string
	QuestionnaireID      string
	QuestionnaireVersion int
	QuestionnaireHash    string
	Answers              string
	PageSeconds          string
	Result               string
	View                 string
	RatedBy              string
	FlagCount            int
	Severity             string
	ScoringVersion       int
	Language             string
	SubmittedAt          time.Time
	LookedAt             *time.Time
}

func (responseRow) TableName() string { return "responses" }

// decode returns the response a row holds, its JSON decoded.
func (row *responseRow) decode() (rolefit.Response, error) {
	r := rolefit.Response{ID: row.ID, OrgID: row.OrgID, PersonID: row.PersonID, InvitationID: row.InvitationID, Source: row.Source,
		QuestionnaireID: row.QuestionnaireID, QuestionnaireVersion: row.QuestionnaireVersion, QuestionnaireHash: row.QuestionnaireHash,
		View: row.View, RatedBy: row.RatedBy, FlagCount: row.FlagCount, Severity: row.Severity, ScoringVersion: row.ScoringVersion,
		Language: row.Language, SubmittedAt: row.SubmittedAt, LookedAt: row.LookedAt, Result: json.RawMessage(row.Result)}
	var err error
	if r.Answers, err = decodeAnswers(row.Answers); err != nil {
		return r, fmt.Errorf("response %s: answers: %w", row.ID, err)
	}
	if err := json.Unmarshal([]byte(row.PageSeconds), &r.PageSeconds); err != nil {
		return r, fmt.Errorf("response %s: page seconds: %w", row.ID, err)
	}
	return r, nil
}

// encodedResponse is a response ready to store: the response, and its row
// with the JSON encoded.
type encodedResponse struct {
	resp rolefit.Response
	row  responseRow
}

// responseInsertSQL stores a response row: the columns of Response that
// are stored, in its order.
const responseInsertSQL = `INSERT INTO responses (id, org_id, person_id, invitation_id, source,
 questionnaire_id, questionnaire_version, questionnaire_hash, answers, page_seconds, result,
 view, rated_by, flag_count, severity, scoring_version, language, submitted_at)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// scoreRowColumns are the columns of ScoreRow, in its order.
var scoreRowColumns = []string{"response_id", "org_id", "questionnaire_id", "questionnaire_version", "language", "scale_id", "kind",
	"score", "band_low", "band_high", "percentile"}

// insertResponse stores a scored response inside tx.
func insertResponse(tx *gorm.DB, now func() time.Time, r rolefit.Response, given map[string]int, secs []float64, sc Scored) (*rolefit.Response, error) {
	e, err := encodeResponse(r, given, secs, sc)
	if err != nil {
		return nil, err
	}
	return insertEncoded(tx, now, e, sc.Scores)
}

// encodeResponse gives r an ID and encodes its stored columns from the
// answers, the page seconds and the scores. It needs no transaction, so a
// caller who has the answers before the transaction encodes them outside
// it: inside, on SQLite, it would hold up every write of the group.
func encodeResponse(r rolefit.Response, given map[string]int, secs []float64, sc Scored) (encodedResponse, error) {
	if secs == nil {
		secs = []float64{}
	}
	a, err := json.Marshal(given)
	if err != nil {
		return encodedResponse{}, err
	}
	p, err := json.Marshal(secs)
	if err != nil {
		return encodedResponse{}, err
	}
	r.ID = newTimeID()
	r.FlagCount, r.Severity, r.ScoringVersion = sc.FlagCount, sc.Severity, sc.ScoringVersion
	if r.View == "" {
		r.View = rolefit.ViewSelf
	}
	if r.Language == "" {
		// Before a questionnaire could be translated, every response was
		// in English; a caller that does not say is one of those.
		r.Language = "en"
	}
	r.Answers, r.PageSeconds, r.Result = given, secs, sc.Result
	row := responseRow{ID: r.ID, OrgID: r.OrgID, PersonID: r.PersonID, InvitationID: r.InvitationID, Source: r.Source,
		QuestionnaireID: r.QuestionnaireID, QuestionnaireVersion: r.QuestionnaireVersion, QuestionnaireHash: r.QuestionnaireHash,
		Answers: string(a), PageSeconds: string(p), Result: string(sc.Result), View: r.View, RatedBy: r.RatedBy,
		FlagCount: r.FlagCount, Severity: r.Severity, ScoringVersion: r.ScoringVersion, Language: r.Language}
	return encodedResponse{resp: r, row: row}, nil
}

// insertEncoded stores a response encoded by encodeResponse, with its
// score rows, inside tx, and makes a self-report the person's profile.
func insertEncoded(tx *gorm.DB, now func() time.Time, e encodedResponse, scores []ScoreRow) (*rolefit.Response, error) {
	r, row := e.resp, e.row
	r.SubmittedAt = now()
	if _, err := execRaw(tx, responseInsertSQL, row.ID, row.OrgID, row.PersonID, nullable(row.InvitationID), row.Source,
		row.QuestionnaireID, row.QuestionnaireVersion, row.QuestionnaireHash, row.Answers, row.PageSeconds, row.Result,
		row.View, row.RatedBy, row.FlagCount, row.Severity, row.ScoringVersion, row.Language, r.SubmittedAt); err != nil {
		return nil, fmt.Errorf("store response: %w", err)
	}
	if err := insertScoreRows(tx, &r, scores); err != nil {
		return nil, err
	}
	if r.View == rolefit.ViewSelf {
		// The newest self-report is the person's profile. The
		// organisation in the condition makes this the check that the
		// person is the organisation's: no row, no response.
		// updated_at as GORM's Update set it, from the store's clock.
		res, err := execRaw(tx, "UPDATE people SET profile_response_id = ?, updated_at = ? WHERE id = ? AND org_id = ?",
			r.ID, tx.NowFunc(), r.PersonID, r.OrgID)
		if err != nil {
			return nil, fmt.Errorf("update profile: %w", err)
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return nil, errs.NotFound("person")
		}
	}
	return &r, nil
}

// NewResponse is a complete set of answers given outside an invitation (a
// paper form, an import), scored by the caller.
type NewResponse struct {
	PersonID             string
	QuestionnaireID      string
	QuestionnaireVersion int
	QuestionnaireHash    string
	Answers              map[string]int
	// PageSeconds are the seconds per page when known, else nil.
	PageSeconds []float64
	// View is ViewSelf for the person's own answers or ViewManager for a
	// manager's rating; RatedBy names the rater of a rating.
	View    string
	RatedBy string
	Scored  Scored
	// Language is the language the answers were given in; "" means the
	// questionnaire's source language was English and the answers are in it.
	Language string
}

// RecordResponse stores a response given outside an invitation. The
// caller has usually just read the person (to decide the view), so the
// person is not read again inside the transaction: a self-report's profile
// update finds the person in this organisation or stops the whole write,
// and a rating checks the person with one query. A person erased in the
// meantime fails the response's foreign key. Either way an unknown person
// is "not found" and nothing is stored.
func (o *Scope) RecordResponse(ctx context.Context, nr NewResponse, by rolefit.Actor) (*rolefit.Response, error) {
	r := rolefit.Response{OrgID: o.id, PersonID: nr.PersonID, Source: rolefit.SourceAPI,
		QuestionnaireID: nr.QuestionnaireID, QuestionnaireVersion: nr.QuestionnaireVersion, QuestionnaireHash: nr.QuestionnaireHash,
		View: nr.View, RatedBy: nr.RatedBy, Language: nr.Language}
	e, err := encodeResponse(r, nr.Answers, nr.PageSeconds, nr.Scored)
	if err != nil {
		return nil, err
	}
	audit := fmt.Sprintf("%s v%d", nr.QuestionnaireID, nr.QuestionnaireVersion)
	if o.s.dialect == Postgres {
		return o.recordAtOnce(ctx, e, nr.Scored.Scores, by, audit)
	}
	var resp *rolefit.Response
	err = o.s.groupTx(ctx, func(tx *gorm.DB) error {
		if nr.View != "" && nr.View != rolefit.ViewSelf {
			if _, err := o.person(tx, nr.PersonID); err != nil {
				return err
			}
		}
		var err error
		resp, err = insertEncoded(tx, o.s.now, e, nr.Scored.Scores)
		if errors.Is(err, gorm.ErrForeignKeyViolated) {
			return errs.NotFound("person")
		}
		if err != nil {
			return err
		}
		if err := o.emit(tx, rolefit.EventResponseSubmitted, responseEvent(resp)); err != nil {
			return err
		}
		return o.audit(tx, by, "record_response", "person", nr.PersonID, audit)
	})
	return resp, err
}

// PersonResponses lists a person's responses, newest first.
func (o *Scope) PersonResponses(ctx context.Context, personID string) ([]rolefit.Response, error) {
	var rows []responseRow
	if err := o.scope(o.s.reader(ctx)).Where("person_id = ?", personID).Order("submitted_at DESC, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list responses: %w", err)
	}
	rs := make([]rolefit.Response, len(rows))
	for i := range rows {
		var err error
		if rs[i], err = rows[i].decode(); err != nil {
			return nil, err
		}
	}
	return rs, nil
}

// Response returns one of the organisation's responses.
func (o *Scope) Response(ctx context.Context, id string) (*rolefit.Response, error) {
	row, err := take[responseRow](o.scope(o.s.reader(ctx)).Where("id = ?", id), "response")
	if err != nil {
		return nil, err
	}
	r, err := row.decode()
	return &r, err
}

// insertScoreRows stores a response's score rows inside tx.
func insertScoreRows(tx *gorm.DB, r *rolefit.Response, scores []ScoreRow) error {
	if len(scores) == 0 {
		return nil
	}
	// One statement for all of them, as GORM's Create of a slice wrote it.
	args := make([]any, 0, len(scores)*len(scoreRowColumns))
	for _, row := range scores {
		args = append(args, r.ID, r.OrgID, r.QuestionnaireID, r.QuestionnaireVersion, r.Language, row.ScaleID, row.Kind,
			nullable(row.Score), nullable(row.BandLow), nullable(row.BandHigh), nullable(row.Percentile))
	}
	if _, err := execRaw(tx, valuesSQL("response_scores", scoreRowColumns, len(scores)), args...); err != nil {
		return fmt.Errorf("store scores: %w", err)
	}
	return nil
}

// responseEvent is the data of response.submitted: whose response to
// which questionnaire, whose view it is, and the quality checks' overall
// severity ("likely" careless, worth a "look", or null when nothing was
// flagged).
func responseEvent(r *rolefit.Response) map[string]any {
	var severity any
	if r.Severity != "" {
		severity = r.Severity
	}
	return map[string]any{"response_id": r.ID, "person_id": r.PersonID, "invitation_id": r.InvitationID,
		"questionnaire": r.QuestionnaireID, "questionnaire_version": r.QuestionnaireVersion, "view": r.View,
		"quality_severity": severity, "submitted_at": r.SubmittedAt.UTC().Format(time.RFC3339)}
}
