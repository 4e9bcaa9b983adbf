package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// Whose view a response is.
const (
	ViewSelf    = "self"    // the person's own answers: their profile
	ViewManager = "manager" // a manager's rating of a staff member
)

// Where a response came from.
const (
	SourceInvitation = "invitation" // answered through an invitation link
	SourceAPI        = "api"        // recorded in one call, e.g. from a paper form
)

// Response is a submitted questionnaire. Answers and PageSeconds are the
// record; Result is its scoring at submission, as JSON.
type Response struct {
	ID                   string          `json:"id"`
	OrgID                string          `json:"-"`
	PersonID             string          `json:"person_id"`
	InvitationID         *string         `json:"invitation_id"`
	Source               string          `json:"source"`
	QuestionnaireID      string          `json:"questionnaire"`
	QuestionnaireVersion int             `json:"questionnaire_version"`
	QuestionnaireHash    string          `json:"questionnaire_hash"`
	AnswersJSON          string          `json:"-" gorm:"column:answers"`
	PageSecondsJSON      string          `json:"-" gorm:"column:page_seconds"`
	ResultJSON           string          `json:"-" gorm:"column:result"`
	View                 string          `json:"view"`
	RatedBy              string          `json:"rated_by,omitempty"`
	FlagCount            int             `json:"-"`
	Severity             string          `json:"-"`
	ScoringVersion       int             `json:"scoring_version"`
	SubmittedAt          time.Time       `json:"submitted_at"`
	Answers              map[string]int  `json:"answers" gorm:"-"`
	PageSeconds          []float64       `json:"page_seconds" gorm:"-"`
	Result               json.RawMessage `json:"result" gorm:"-"`
}

// TableName tells GORM the table.
func (Response) TableName() string { return "responses" }

// decode fills the decoded fields from the stored JSON.
func (r *Response) decode() error {
	var err error
	if r.Answers, err = decodeAnswers(r.AnswersJSON); err != nil {
		return fmt.Errorf("response %s: answers: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(r.PageSecondsJSON), &r.PageSeconds); err != nil {
		return fmt.Errorf("response %s: page seconds: %w", r.ID, err)
	}
	r.Result = json.RawMessage(r.ResultJSON)
	return nil
}

// responseInsertSQL stores a response row: the columns of Response that
// are stored, in its order.
const responseInsertSQL = `INSERT INTO responses (id, org_id, person_id, invitation_id, source,
 questionnaire_id, questionnaire_version, questionnaire_hash, answers, page_seconds, result,
 view, rated_by, flag_count, severity, scoring_version, submitted_at)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// scoreRowColumns are the columns of ScoreRow, in its order.
var scoreRowColumns = []string{"response_id", "org_id", "questionnaire_id", "questionnaire_version", "scale_id", "kind",
	"score", "band_low", "band_high", "percentile"}

// insertResponse stores a scored response inside tx.
func insertResponse(tx *gorm.DB, now func() time.Time, r Response, answers map[string]int, secs []float64, sc Scored) (*Response, error) {
	if err := r.encode(answers, secs, sc); err != nil {
		return nil, err
	}
	return insertEncoded(tx, now, r, sc.Scores)
}

// encode fills in r's ID and its stored columns from the answers, the
// page seconds and the scores. It needs no transaction, so a caller who
// has the answers before the transaction encodes them outside it: inside,
// on SQLite, it would hold up every write of the group.
func (r *Response) encode(answers map[string]int, secs []float64, sc Scored) error {
	if secs == nil {
		secs = []float64{}
	}
	a, err := encodeAnswers(answers)
	if err != nil {
		return err
	}
	p, err := json.Marshal(secs)
	if err != nil {
		return err
	}
	r.ID = newID()
	r.AnswersJSON, r.PageSecondsJSON, r.ResultJSON = string(a), string(p), string(sc.Result)
	r.FlagCount, r.Severity, r.ScoringVersion = sc.FlagCount, sc.Severity, sc.ScoringVersion
	if r.View == "" {
		r.View = ViewSelf
	}
	r.Answers, r.PageSeconds, r.Result = answers, secs, sc.Result
	return nil
}

// insertEncoded stores a response encoded by encode, with its score rows,
// inside tx, and makes a self-report the person's profile.
func insertEncoded(tx *gorm.DB, now func() time.Time, r Response, scores []ScoreRow) (*Response, error) {
	r.SubmittedAt = now()
	if _, err := execRaw(tx, responseInsertSQL, r.ID, r.OrgID, r.PersonID, nullable(r.InvitationID), r.Source,
		r.QuestionnaireID, r.QuestionnaireVersion, r.QuestionnaireHash, r.AnswersJSON, r.PageSecondsJSON, r.ResultJSON,
		r.View, r.RatedBy, r.FlagCount, r.Severity, r.ScoringVersion, r.SubmittedAt); err != nil {
		return nil, fmt.Errorf("store response: %w", err)
	}
	if err := insertScoreRows(tx, &r, scores); err != nil {
		return nil, err
	}
	if r.View == ViewSelf {
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
}

// RecordResponse stores a response given outside an invitation. The
// caller has usually just read the person (to decide the view), so the
// person is not read again inside the transaction: a self-report's profile
// update finds the person in this organisation or stops the whole write,
// and a rating checks the person with one query. A person erased in the
// meantime fails the response's foreign key. Either way an unknown person
// is "not found" and nothing is stored.
func (o *Scope) RecordResponse(ctx context.Context, nr NewResponse, by Actor) (*Response, error) {
	r := Response{OrgID: o.id, PersonID: nr.PersonID, Source: SourceAPI,
		QuestionnaireID: nr.QuestionnaireID, QuestionnaireVersion: nr.QuestionnaireVersion, QuestionnaireHash: nr.QuestionnaireHash,
		View: nr.View, RatedBy: nr.RatedBy}
	if err := r.encode(nr.Answers, nr.PageSeconds, nr.Scored); err != nil {
		return nil, err
	}
	audit := fmt.Sprintf("%s v%d", nr.QuestionnaireID, nr.QuestionnaireVersion)
	var resp *Response
	err := o.s.groupTx(ctx, func(tx *gorm.DB) error {
		if nr.View != "" && nr.View != ViewSelf {
			if _, err := o.person(tx, nr.PersonID); err != nil {
				return err
			}
		}
		var err error
		resp, err = insertEncoded(tx, o.s.now, r, nr.Scored.Scores)
		if errors.Is(err, gorm.ErrForeignKeyViolated) {
			return errs.NotFound("person")
		}
		if err != nil {
			return err
		}
		return o.audit(tx, by, "record_response", "person", nr.PersonID, audit)
	})
	return resp, err
}

// PersonResponses lists a person's responses, newest first.
func (o *Scope) PersonResponses(ctx context.Context, personID string) ([]Response, error) {
	var rs []Response
	if err := o.scope(o.s.reader(ctx)).Where("person_id = ?", personID).Order("submitted_at DESC, id").Find(&rs).Error; err != nil {
		return nil, fmt.Errorf("list responses: %w", err)
	}
	for i := range rs {
		if err := rs[i].decode(); err != nil {
			return nil, err
		}
	}
	return rs, nil
}

// Response returns one of the organisation's responses.
func (o *Scope) Response(ctx context.Context, id string) (*Response, error) {
	r, err := take[Response](o.scope(o.s.reader(ctx)).Where("id = ?", id), "response")
	if err != nil {
		return nil, err
	}
	return r, r.decode()
}

// insertScoreRows stores a response's score rows inside tx.
func insertScoreRows(tx *gorm.DB, r *Response, scores []ScoreRow) error {
	if len(scores) == 0 {
		return nil
	}
	// One statement for all of them, as GORM's Create of a slice wrote it.
	args := make([]any, 0, len(scores)*len(scoreRowColumns))
	for _, row := range scores {
		args = append(args, r.ID, r.OrgID, r.QuestionnaireID, r.QuestionnaireVersion, row.ScaleID, row.Kind,
			nullable(row.Score), nullable(row.BandLow), nullable(row.BandHigh), nullable(row.Percentile))
	}
	if _, err := execRaw(tx, valuesSQL("response_scores", scoreRowColumns, len(scores)), args...); err != nil {
		return fmt.Errorf("store scores: %w", err)
	}
	return nil
}
