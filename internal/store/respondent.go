package store

import (
	"context"
	"errors"
	"fmt"
	"rolefit"
	"sort"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"rolefit/internal/errs"
)

// pageVisitLimit bounds the time one visit to a page counts for: a page
// left open over lunch does not make its answers look slow and careful.
const pageVisitLimit = 30 * time.Minute

// Respondent is the handle for the person answering an invitation. The
// link's token is their credential, so there is no user; every query is
// keyed by the invitation and its organisation.
type Respondent struct {
	s      *Store
	Inv    *rolefit.Invitation
	Person *rolefit.Person
	Org    *rolefit.Organisation
}

// Respondent finds the invitation of a link's token. An unknown or forged
// token is "not found"; the caller decides what an expired, withdrawn or
// submitted invitation shows.
func (s *Store) Respondent(ctx context.Context, token string) (*Respondent, error) {
	if token == "" {
		return nil, errs.NotFound("invitation")
	}
	db := s.reader(ctx)
	hash := HashToken(token)
	inv, p, org, err := takeRespondent(db, "token_hash", hash)
	if errs.Code(err) == errs.CodeNotFound {
		// A link an e-mail carried (a reminder's), looked for only when
		// the invitation's own link does not match.
		inv, p, org, err = linkedRespondent(db, hash)
	}
	if err != nil {
		return nil, err
	}
	return &Respondent{s: s, Inv: inv, Person: p, Org: org}, nil
}

// linkedRespondent finds the invitation of a further link
// (AddInvitationLink) by its token's hash, with its person and
// organisation.
func linkedRespondent(db *gorm.DB, hash string) (*rolefit.Invitation, *rolefit.Person, *rolefit.Organisation, error) {
	var ids []string
	if err := db.Model(&invitationLink{}).Where("token_hash = ?", hash).Limit(1).Pluck("invitation_id", &ids).Error; err != nil {
		return nil, nil, nil, fmt.Errorf("get invitation: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil, nil, errs.NotFound("invitation")
	}
	return takeRespondent(db, "id", ids[0])
}

// State is the invitation's status now.
func (r *Respondent) State() rolefit.InvitationStatus { return r.Inv.State(r.s.now()) }

// ClosedError says why answers can no longer be given.
func ClosedError(state rolefit.InvitationStatus) error {
	switch state {
	case rolefit.InvitationSubmitted:
		return errs.Conflict("These answers have already been submitted.")
	case rolefit.InvitationExpired:
		return errs.Conflict("This link has expired.")
	case rolefit.InvitationWithdrawn:
		return errs.Conflict("This invitation has been withdrawn.")
	}
	return errs.Conflict("This invitation is %s.", state)
}

// open re-reads the invitation inside tx and checks it still takes answers.
// On PostgreSQL the row is locked for the rest of the transaction, so a
// submission and a save (or two submissions) from different tabs take
// turns and the later one sees what the earlier one did. SQLite
// transactions already run one at a time.
func (r *Respondent) open(tx *gorm.DB) (*rolefit.Invitation, error) {
	if r.s.dialect == Postgres {
		tx = tx.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	inv, err := r.s.Scope(r.Inv.OrgID).invitation(tx, r.Inv.ID)
	if err != nil {
		return nil, err
	}
	if st := inv.State(r.s.now()); st != rolefit.InvitationSent && st != rolefit.InvitationStarted {
		return nil, ClosedError(st)
	}
	return inv, nil
}

// Consent records that the person agreed to the statement text, shown in
// language lang, and marks the invitation started. Unless the manager
// chose the invitation's language, lang is kept as the respondent's: the
// questionnaire is then answered in the language they agreed in, on any
// device.
func (r *Respondent) Consent(ctx context.Context, text, lang string) error {
	return r.s.groupTx(ctx, func(tx *gorm.DB) error {
		inv, err := r.open(tx)
		if err != nil {
			return err
		}
		now := r.s.now()
		first := inv.Status == rolefit.InvitationSent
		up := map[string]any{"consented_at": now, "consent_text": text, "status": rolefit.InvitationStarted}
		if inv.StartedAt == nil {
			up["started_at"] = now
		}
		if inv.Language == "" && lang != "" {
			up["chosen_language"] = lang
		}
		if err := tx.Model(inv).Updates(up).Error; err != nil {
			return fmt.Errorf("record consent: %w", err)
		}
		if first {
			if err := r.s.Scope(inv.OrgID).emit(tx, rolefit.EventInvitationStarted, invitationEvent(inv)); err != nil {
				return err
			}
		}
		r.Inv.ConsentedAt, r.Inv.Status = &now, rolefit.InvitationStarted
		if inv.Language == "" && lang != "" {
			r.Inv.ChosenLanguage = lang
		}
		return nil
	})
}

// ChooseLanguage keeps the language the respondent chose on the welcome
// page for the invitation, while it is open and before they agree to take
// part (after that the language stays as it was agreed in).
func (r *Respondent) ChooseLanguage(ctx context.Context, lang string) error {
	return r.s.groupTx(ctx, func(tx *gorm.DB) error {
		inv, err := r.open(tx)
		if err != nil {
			return err
		}
		if inv.ConsentedAt != nil {
			return errs.Conflict("The language was settled when you agreed to take part.")
		}
		if err := tx.Model(inv).Update("chosen_language", lang).Error; err != nil {
			return fmt.Errorf("keep the chosen language: %w", err)
		}
		r.Inv.ChosenLanguage = lang
		return nil
	})
}

type draftAnswer struct {
	InvitationID string
	ItemID       string
	Value        int
	AnsweredAt   time.Time
}

func (draftAnswer) TableName() string { return "draft_answers" }

type pageTime struct {
	InvitationID string
	Page         int
	ShownAt      *time.Time
	Seconds      float64
}

func (pageTime) TableName() string { return "page_times" }

// SaveAnswers stores answers given so far (already checked by the caller
// against the questionnaire). Each answer is its own row, so two tabs
// saving different items never undo each other. When page is 0 or more,
// the time since that page was shown is added to it.
func (r *Respondent) SaveAnswers(ctx context.Context, answers map[string]int, page int) error {
	if r.s.dialect == Postgres && page < 0 && len(answers) > 0 {
		saved, err := r.saveAtOnce(ctx, answers)
		if saved || err != nil {
			return err
		}
		// Not open to answers: the transaction below says why.
	}
	var shownAt time.Time
	var queued bool
	if page >= 0 {
		shownAt, queued = r.s.takePageShown(r.Inv.ID, page)
	}
	err := r.s.groupTx(ctx, func(tx *gorm.DB) error {
		inv, err := r.open(tx)
		if err != nil {
			return err
		}
		if inv.ConsentedAt == nil {
			return errs.Conflict("Please agree to how your answers are used before answering.")
		}
		now := r.s.now()
		if len(answers) > 0 {
			rows := make([]draftAnswer, 0, len(answers))
			for id, v := range answers {
				rows = append(rows, draftAnswer{InvitationID: inv.ID, ItemID: id, Value: v, AnsweredAt: now})
			}
			sort.Slice(rows, func(i, j int) bool { return rows[i].ItemID < rows[j].ItemID })
			if err := tx.Clauses(clause.OnConflict{
				Columns:   []clause.Column{{Name: "invitation_id"}, {Name: "item_id"}},
				DoUpdates: clause.AssignmentColumns([]string{"value", "answered_at"}),
			}).Create(&rows).Error; err != nil {
				return fmt.Errorf("save answers: %w", err)
			}
		}
		if page >= 0 {
			if queued { // shown moments ago, its time not written yet
				if err := applyPageShown(tx, pageKey{inv.ID, page}, shownAt); err != nil {
					return fmt.Errorf("record page shown: %w", err)
				}
			}
			var pt pageTime
			err := tx.Where("invitation_id = ? AND page = ?", inv.ID, page).Take(&pt).Error
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return nil // the page was never shown by the server: no time to count
			}
			if err != nil {
				return err
			}
			if pt.ShownAt != nil {
				if d := now.Sub(*pt.ShownAt); d >= 0 && d <= pageVisitLimit {
					pt.Seconds += d.Seconds()
				}
				if err := tx.Model(&pageTime{}).Where("invitation_id = ? AND page = ?", inv.ID, page).
					Updates(map[string]any{"shown_at": nil, "seconds": pt.Seconds}).Error; err != nil {
					return fmt.Errorf("record page time: %w", err)
				}
			}
		}
		return nil
	})
	if err != nil && queued {
		r.s.requeuePageShown(r.Inv.ID, page, shownAt)
	}
	return err
}

// Drafts returns the answers saved so far.
func (r *Respondent) Drafts(ctx context.Context) (map[string]int, error) {
	return drafts(r.s.reader(ctx), r.Inv.ID)
}

func drafts(db *gorm.DB, invID string) (map[string]int, error) {
	// Only the two columns, scanned without GORM: a page whose statements
	// were answered read every saved answer through GORM's reflective
	// scan with its time parsed, over half of such a page's CPU
	// (docs/PERFORMANCE.md).
	rows, err := db.Statement.ConnPool.QueryContext(db.Statement.Context,
		bindVars(Dialect(db.Dialector.Name()), draftsSQL), invID)
	if err != nil {
		return nil, fmt.Errorf("read saved answers: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var item string
		var value int
		if err := rows.Scan(&item, &value); err != nil {
			return nil, fmt.Errorf("read saved answers: %w", err)
		}
		out[item] = value
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read saved answers: %w", err)
	}
	return out, rows.Close()
}

// draftsSQL reads an invitation's saved answers.
const draftsSQL = `SELECT item_id, value FROM draft_answers WHERE invitation_id = ?`

func pageSeconds(db *gorm.DB, invID string, pages int) ([]float64, error) {
	var rows []pageTime
	if err := db.Where("invitation_id = ?", invID).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read page times: %w", err)
	}
	out := make([]float64, pages)
	for _, pt := range rows {
		if pt.Page >= 0 && pt.Page < pages {
			out[pt.Page] = pt.Seconds
		}
	}
	return out, nil
}

// ScoreFunc scores a complete set of answers with their per-page seconds,
// or returns an error (such as unanswered items) that stops the submission.
type ScoreFunc func(answers map[string]int, pageSeconds []float64) (Scored, error)

// Submit turns the saved answers into a response in one transaction: the
// invitation is checked to be open, the answers scored by score, the
// response stored, answered in lang, and the invitation closed, or
// nothing at all. Of two submissions racing, one stores the response and
// the other gets a conflict saying it was already submitted.
func (r *Respondent) Submit(ctx context.Context, pages int, lang string, score ScoreFunc) (*rolefit.Response, error) {
	var resp *rolefit.Response
	err := r.s.groupTx(ctx, func(tx *gorm.DB) error {
		inv, err := r.open(tx)
		if err != nil {
			return err
		}
		if inv.ConsentedAt == nil {
			return errs.Conflict("Please agree to how your answers are used before submitting.")
		}
		answers, err := drafts(tx, inv.ID)
		if err != nil {
			return err
		}
		secs, err := pageSeconds(tx, inv.ID, pages)
		if err != nil {
			return err
		}
		scored, err := score(answers, secs)
		if err != nil {
			return err
		}
		now := r.s.now()
		res := tx.Model(&rolefit.Invitation{}).Where("id = ? AND status IN ?", inv.ID, []rolefit.InvitationStatus{rolefit.InvitationSent, rolefit.InvitationStarted}).
			Updates(map[string]any{"status": rolefit.InvitationSubmitted, "submitted_at": now})
		if res.Error != nil {
			return fmt.Errorf("close invitation: %w", res.Error)
		}
		if res.RowsAffected != 1 {
			return ClosedError(rolefit.InvitationSubmitted)
		}
		id := inv.ID
		resp, err = insertResponse(tx, r.s.now, rolefit.Response{OrgID: inv.OrgID, PersonID: inv.PersonID, InvitationID: &id,
			Source: rolefit.SourceInvitation, QuestionnaireID: inv.QuestionnaireID, QuestionnaireVersion: inv.QuestionnaireVersion,
			QuestionnaireHash: inv.QuestionnaireHash, Language: lang}, answers, secs, scored)
		if err != nil {
			return err
		}
		if err := tx.Where("invitation_id = ?", inv.ID).Delete(&draftAnswer{}).Error; err != nil {
			return fmt.Errorf("clear saved answers: %w", err)
		}
		if err := r.s.Scope(inv.OrgID).emit(tx, rolefit.EventResponseSubmitted, responseEvent(resp)); err != nil {
			return err
		}
		if err := r.s.Scope(inv.OrgID).queueGreenhouseCompletion(tx, inv.ID); err != nil {
			return err
		}
		return tx.Where("invitation_id = ?", inv.ID).Delete(&pageTime{}).Error
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return nil, ClosedError(rolefit.InvitationSubmitted)
	}
	if err != nil {
		return nil, err
	}
	r.Inv.Status = rolefit.InvitationSubmitted
	return resp, nil
}
