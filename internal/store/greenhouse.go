package store

import (
	"context"
	"errors"
	"fmt"
	"rolefit"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// greenhouseAssessmentRow is a Greenhouse assessment as stored, with the
// hash that finds it again when Greenhouse repeats a request.
type greenhouseAssessmentRow struct {
	rolefit.GreenhouseAssessment
	RequestKey string
}

func (greenhouseAssessmentRow) TableName() string { return "greenhouse_assessments" }

func (greenhouseErrorRow) TableName() string { return "greenhouse_errors" }

type greenhouseErrorRow struct{ rolefit.GreenhouseError }

// GreenhouseSend is a send_test request, checked by the caller: who to
// invite (found by e-mail address, or added as a candidate), to what,
// and what Greenhouse sent to keep.
type GreenhouseSend struct {
	// RequestKey identifies the request: the same key finds the same
	// assessment.
	RequestKey string
	TestID     string
	RoleID     *string
	Person     rolefit.NewPerson
	Invitation rolefit.NewInvitation
	// Audience is the person kinds the questionnaire is for.
	Audience    func(rolefit.PersonKind) bool
	CallbackURL string
	ProfileURL  string
}

// GreenhouseSent is what a send_test did: the assessment, its invitation
// and person, and the link's token when the invitation was made now (""
// when the request had been made before).
type GreenhouseSent struct {
	Assessment rolefit.GreenhouseAssessment
	Invitation *rolefit.Invitation
	Person     *rolefit.Person
	Token      string
}

// SendGreenhouseTest finds the person with the request's e-mail address
// or adds them as a candidate, invites them and keeps the assessment, all
// in one transaction. A request made before (the same RequestKey) returns
// the assessment it made, and makes nothing new.
func (o *Scope) SendGreenhouseTest(ctx context.Context, in GreenhouseSend, by rolefit.Actor) (*GreenhouseSent, error) {
	if prev, err := o.greenhouseSent(o.s.reader(ctx), in.RequestKey); err == nil || errs.Code(err) != errs.CodeNotFound {
		return prev, err
	}
	var out *GreenhouseSent
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		p, err := o.personByEmail(tx, in.Person.Email)
		if errs.Code(err) == errs.CodeNotFound {
			now := o.s.now()
			p = &rolefit.Person{ID: newID(), OrgID: o.id, Name: in.Person.Name, Email: in.Person.Email, Kind: in.Person.Kind,
				CreatedAt: now, UpdatedAt: now}
			if err := tx.Create(p).Error; err != nil {
				return fmt.Errorf("add person: %w", err)
			}
			if err := o.audit(tx, by, "create", "person", p.ID, p.Name); err != nil {
				return err
			}
		} else if err != nil {
			return err
		}
		if !in.Audience(p.Kind) {
			return errs.InvalidFields("That test is not for this person.", map[string]string{"partner_test_id": fmt.Sprintf("is not for %s, who is %s", p.Email, p.Kind)})
		}
		token := NewToken()
		now := o.s.now()
		ni := in.Invitation
		if ni.Days == 0 {
			ni.Days = rolefit.DefaultInvitationDays
		}
		inv := &rolefit.Invitation{ID: newID(), OrgID: o.id, PersonID: p.ID, QuestionnaireID: ni.QuestionnaireID,
			QuestionnaireVersion: ni.QuestionnaireVersion, QuestionnaireHash: ni.QuestionnaireHash,
			Status: rolefit.InvitationSent, CreatedBy: by.ID, CreatedAt: now, ExpiresAt: now.Add(time.Duration(ni.Days) * rolefit.Day)}
		if err := o.insertInvitation(tx, inv, token, p, by); err != nil {
			return err
		}
		a := greenhouseAssessmentRow{GreenhouseAssessment: rolefit.GreenhouseAssessment{ID: newID(), OrgID: o.id, InvitationID: inv.ID,
			TestID: in.TestID, RoleID: in.RoleID, CallbackURL: in.CallbackURL, ProfileURL: in.ProfileURL, CreatedAt: now}, RequestKey: in.RequestKey}
		if err := tx.Create(&a).Error; err != nil {
			return fmt.Errorf("keep Greenhouse's assessment: %w", err)
		}
		out = &GreenhouseSent{Assessment: a.GreenhouseAssessment, Invitation: inv, Person: p, Token: token}
		return nil
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		// The same request, made at the same time, won: answer with its
		// assessment.
		return o.greenhouseSent(o.s.reader(ctx), in.RequestKey)
	}
	return out, err
}

// greenhouseSent reads what an earlier send_test made.
func (o *Scope) greenhouseSent(db *gorm.DB, requestKey string) (*GreenhouseSent, error) {
	a, err := take[greenhouseAssessmentRow](o.scope(db).Where("request_key = ?", requestKey), "assessment")
	if err != nil {
		return nil, err
	}
	inv, err := o.invitation(db, a.InvitationID)
	if err != nil {
		return nil, err
	}
	p, err := o.person(db, inv.PersonID)
	if err != nil {
		return nil, err
	}
	return &GreenhouseSent{Assessment: a.GreenhouseAssessment, Invitation: inv, Person: p}, nil
}

// GreenhouseAssessment returns an assessment with its invitation.
func (o *Scope) GreenhouseAssessment(ctx context.Context, id string) (*rolefit.GreenhouseAssessment, *rolefit.Invitation, error) {
	db := o.s.reader(ctx)
	a, err := take[greenhouseAssessmentRow](o.scope(db).Where("id = ?", id), "assessment")
	if err != nil {
		return nil, nil, err
	}
	inv, err := o.invitation(db, a.InvitationID)
	if err != nil {
		return nil, nil, err
	}
	return &a.GreenhouseAssessment, inv, nil
}

// personByEmail finds the person with an e-mail address (lower-cased).
func (o *Scope) personByEmail(db *gorm.DB, email string) (*rolefit.Person, error) {
	return take[rolefit.Person](o.scope(db).Where("email = ?", strings.ToLower(email)), "person")
}

// queueGreenhouseCompletion queues the PATCH that tells Greenhouse an
// assessment is complete, when the invitation submitted inside tx is one
// Greenhouse asked for and gave an address for.
func (o *Scope) queueGreenhouseCompletion(tx *gorm.DB, invitationID string) error {
	var as []greenhouseAssessmentRow
	if err := tx.Where("invitation_id = ? AND callback_url <> ''", invitationID).Limit(1).Find(&as).Error; err != nil {
		return fmt.Errorf("read Greenhouse's assessment: %w", err)
	}
	if len(as) == 0 {
		return nil
	}
	return o.enqueue(tx, rolefit.Delivery{Kind: rolefit.DeliveryGreenhouse, EventType: "assessment.completed", Target: as[0].ID}, o.s.now())
}

// RecordGreenhouseError keeps an error Greenhouse reported.
func (o *Scope) RecordGreenhouseError(ctx context.Context, report string) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Create(&greenhouseErrorRow{rolefit.GreenhouseError{ID: newID(), OrgID: o.id, Report: report, ReceivedAt: o.s.now()}}).Error
	})
}

// GreenhouseErrors returns the newest errors Greenhouse reported, at most
// limit.
func (o *Scope) GreenhouseErrors(ctx context.Context, limit int) ([]rolefit.GreenhouseError, error) {
	var rows []greenhouseErrorRow
	if err := o.scope(o.s.reader(ctx)).Order("received_at DESC, id").Limit(limit).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("read Greenhouse's errors: %w", err)
	}
	out := make([]rolefit.GreenhouseError, len(rows))
	for i, r := range rows {
		out[i] = r.GreenhouseError
	}
	return out, nil
}

// PurgeGreenhouseErrors deletes the errors Greenhouse reported before
// before.
func (s *Store) PurgeGreenhouseErrors(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Where("received_at < ?", before).Delete(&greenhouseErrorRow{})
		n = res.RowsAffected
		return res.Error
	})
	return n, err
}

// GreenhouseAssessmentsOf returns the Greenhouse assessments of the given
// invitations, by invitation ID: for a person's data export.
func (o *Scope) GreenhouseAssessmentsOf(ctx context.Context, invitationIDs []string) (map[string]rolefit.GreenhouseAssessment, error) {
	out := map[string]rolefit.GreenhouseAssessment{}
	for chunk := range chunks(invitationIDs, 500) {
		var rows []greenhouseAssessmentRow
		if err := o.scope(o.s.reader(ctx)).Where("invitation_id IN ?", chunk).Find(&rows).Error; err != nil {
			return nil, fmt.Errorf("read Greenhouse's assessments: %w", err)
		}
		for _, r := range rows {
			out[r.InvitationID] = r.GreenhouseAssessment
		}
	}
	return out, nil
}
