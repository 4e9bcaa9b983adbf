package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"rolefit"
)

// A person's complete data, as a data-access request needs it: one JSON
// document, whose shape is written here (the entities carry none).

// PersonData is everything rolefit holds about one person: the person,
// every invitation (with the consent they gave), every response with its
// answers and scored result, their performance records, and the audit
// log's entries about them.
type PersonData struct {
	ExportedAt time.Time      `json:"exported_at"`
	ExportedBy string         `json:"exported_by"`
	Person     exportedPerson `json:"person"`
	// ProfileResponseID is the response that is the person's profile
	// (their latest self-report); null before they have one.
	ProfileResponseID *string          `json:"profile_response_id"`
	Invitations       []InvitationData `json:"invitations"`
	Responses         []ResponseData   `json:"responses"`
	// Performance is a staff member's recorded months, oldest first.
	Performance []exportedMonth `json:"performance"`
	// Audit lists who viewed, exported or changed the person's data and
	// when, oldest first. This export is recorded after it is made, so it
	// appears in the next one.
	Audit []exportedAuditEntry `json:"audit"`
}

type exportedPerson struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Email     string    `json:"email"`
	Kind      string    `json:"kind"`
	JobTitle  string    `json:"job_title"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// InvitationData is an invitation in a person's data.
type InvitationData struct {
	ID                   string     `json:"id"`
	PersonID             string     `json:"person_id"`
	QuestionnaireID      string     `json:"questionnaire"`
	QuestionnaireVersion int        `json:"questionnaire_version"`
	QuestionnaireHash    string     `json:"questionnaire_hash"`
	CreatedAt            time.Time  `json:"created_at"`
	ExpiresAt            time.Time  `json:"expires_at"`
	ConsentedAt          *time.Time `json:"consented_at"`
	StartedAt            *time.Time `json:"started_at"`
	SubmittedAt          *time.Time `json:"submitted_at"`
	WithdrawnAt          *time.Time `json:"withdrawn_at"`
	EmailedAt            *time.Time `json:"emailed_at"`
	EmailError           string     `json:"email_error,omitempty"`
	// Status is where the invitation stood when exported.
	Status rolefit.InvitationStatus `json:"status"`
	// ConsentText is the statement the person agreed to, "" before they
	// consented.
	ConsentText string `json:"consent_text"`
}

// ResponseData is a response in a person's data: the stored record
// (answers, page timings, the scored result) and what it is.
type ResponseData struct {
	ID                   string          `json:"id"`
	PersonID             string          `json:"person_id"`
	InvitationID         *string         `json:"invitation_id"`
	Source               string          `json:"source"`
	QuestionnaireID      string          `json:"questionnaire"`
	QuestionnaireVersion int             `json:"questionnaire_version"`
	QuestionnaireHash    string          `json:"questionnaire_hash"`
	View                 string          `json:"view"`
	RatedBy              string          `json:"rated_by,omitempty"`
	ScoringVersion       int             `json:"scoring_version"`
	SubmittedAt          time.Time       `json:"submitted_at"`
	Answers              map[string]int  `json:"answers"`
	PageSeconds          []float64       `json:"page_seconds"`
	Result               json.RawMessage `json:"result"`
	QuestionnaireTitle   string          `json:"questionnaire_title"`
	// Profile is set on the response that is the person's profile.
	Profile bool `json:"profile"`
}

type exportedMonth struct {
	Month              string    `json:"month"`
	NewBusinessHours   float64   `json:"new_business_hours"`
	NewBusinessRevenue float64   `json:"new_business_revenue"`
	ServiceHours       float64   `json:"service_hours"`
	ServiceRevenue     float64   `json:"service_revenue"`
	CreatedAt          time.Time `json:"created_at"`
	UpdatedAt          time.Time `json:"updated_at"`
}

type exportedAuditEntry struct {
	ID          string    `json:"id"`
	ActorID     string    `json:"actor_id"`
	ActorName   string    `json:"actor_name"`
	Action      string    `json:"action"`
	SubjectType string    `json:"subject_type"`
	SubjectID   string    `json:"subject_id"`
	Detail      string    `json:"detail"`
	CreatedAt   time.Time `json:"created_at"`
}

// personData collects a person's data without recording anything.
func (a *App) personData(ctx context.Context, act Actor, id string) (*PersonData, error) {
	org := a.scope(act)
	rec, err := personRecordOf(ctx, org, id)
	if err != nil {
		return nil, err
	}
	p, invs, resps, perf := rec.person, rec.invitations, rec.responses, rec.performance
	log, err := org.PersonAudit(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	now := a.now()
	d := &PersonData{ExportedAt: now, ExportedBy: act.Audit.Name, ProfileResponseID: p.ProfileResponseID,
		Person: exportedPerson{ID: p.ID, Name: p.Name, Email: p.Email, Kind: string(p.Kind), JobTitle: p.JobTitle,
			CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt},
		Invitations: make([]InvitationData, len(invs)), Responses: make([]ResponseData, len(resps)),
		Performance: make([]exportedMonth, len(perf)), Audit: make([]exportedAuditEntry, len(log))}
	for i, e := range log {
		d.Audit[i] = exportedAuditEntry{ID: e.ID, ActorID: e.ActorID, ActorName: e.ActorName, Action: e.Action,
			SubjectType: e.SubjectType, SubjectID: e.SubjectID, Detail: e.Detail, CreatedAt: e.CreatedAt}
	}
	for i, m := range perf {
		d.Performance[i] = exportedMonth{Month: m.Month, NewBusinessHours: m.NewBusinessHours, NewBusinessRevenue: m.NewBusinessRevenue,
			ServiceHours: m.ServiceHours, ServiceRevenue: m.ServiceRevenue, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt}
	}
	for i, inv := range invs {
		d.Invitations[i] = InvitationData{ID: inv.ID, PersonID: inv.PersonID, QuestionnaireID: inv.QuestionnaireID,
			QuestionnaireVersion: inv.QuestionnaireVersion, QuestionnaireHash: inv.QuestionnaireHash, CreatedAt: inv.CreatedAt,
			ExpiresAt: inv.ExpiresAt, ConsentedAt: inv.ConsentedAt, StartedAt: inv.StartedAt, SubmittedAt: inv.SubmittedAt,
			WithdrawnAt: inv.WithdrawnAt, EmailedAt: inv.EmailedAt, EmailError: inv.EmailError,
			Status: inv.State(now), ConsentText: inv.ConsentText}
	}
	for i, r := range resps {
		d.Responses[i] = ResponseData{ID: r.ID, PersonID: r.PersonID, InvitationID: r.InvitationID, Source: r.Source,
			QuestionnaireID: r.QuestionnaireID, QuestionnaireVersion: r.QuestionnaireVersion, QuestionnaireHash: r.QuestionnaireHash,
			View: r.View, RatedBy: r.RatedBy, ScoringVersion: r.ScoringVersion, SubmittedAt: r.SubmittedAt,
			Answers: r.Answers, PageSeconds: r.PageSeconds, Result: r.Result,
			QuestionnaireTitle: a.Title(r.QuestionnaireID, r.QuestionnaireVersion),
			Profile:            p.ProfileResponseID != nil && *p.ProfileResponseID == r.ID}
	}
	return d, nil
}

// ExportPerson returns a person's complete data (PersonData) as a JSON
// file. The export is recorded in the audit log.
func (a *App) ExportPerson(ctx context.Context, act Actor, id string) (*Export, error) {
	d, err := a.personData(ctx, act, id)
	if err != nil {
		return nil, err
	}
	body, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("export person %s: %w", id, err)
	}
	if err := a.scope(act).Audit(ctx, act.Audit, "export", "person", d.Person.ID, "json, "+strconv.Itoa(len(d.Responses))+" responses"); err != nil {
		return nil, err
	}
	return &Export{Filename: "rolefit-person-" + safeName(d.Person.ID) + "-" + d.ExportedAt.Format("2006-01-02") + ".json",
		ContentType: ContentTypeJSON, Body: append(body, '\n')}, nil
}
