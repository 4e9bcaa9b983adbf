package server

import (
	"time"

	"rolefit"
)

// The API's shapes of rolefit's entities. The entities carry no JSON of
// their own: what an integrator sees is written here, so a field of an
// entity can change without changing a public shape, and the reverse
// (testdata/golden pins each shape).

// apiPersonFields is a person as the API shows them.
type apiPersonFields struct {
	ID        string             `json:"id"`
	Name      string             `json:"name"`
	Email     string             `json:"email"`
	Kind      rolefit.PersonKind `json:"kind"`
	JobTitle  string             `json:"job_title"`
	CreatedAt time.Time          `json:"created_at"`
	UpdatedAt time.Time          `json:"updated_at"`
}

func apiPersonFieldsOf(p rolefit.Person) apiPersonFields {
	return apiPersonFields{ID: p.ID, Name: p.Name, Email: p.Email, Kind: p.Kind, JobTitle: p.JobTitle,
		CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt}
}

// apiInvitationFields is an invitation as the API shows it.
type apiInvitationFields struct {
	ID                   string     `json:"id"`
	PersonID             string     `json:"person_id"`
	QuestionnaireID      string     `json:"questionnaire"`
	QuestionnaireVersion int        `json:"questionnaire_version"`
	QuestionnaireHash    string     `json:"questionnaire_hash"`
	Language             *string    `json:"language"`
	CreatedAt            time.Time  `json:"created_at"`
	ExpiresAt            time.Time  `json:"expires_at"`
	ConsentedAt          *time.Time `json:"consented_at"`
	StartedAt            *time.Time `json:"started_at"`
	SubmittedAt          *time.Time `json:"submitted_at"`
	WithdrawnAt          *time.Time `json:"withdrawn_at"`
	EmailedAt            *time.Time `json:"emailed_at"`
	RemindersSent        int        `json:"reminders_sent"`
}

func apiInvitationFieldsOf(i rolefit.Invitation) apiInvitationFields {
	f := apiInvitationFields{ID: i.ID, PersonID: i.PersonID, QuestionnaireID: i.QuestionnaireID,
		QuestionnaireVersion: i.QuestionnaireVersion, QuestionnaireHash: i.QuestionnaireHash, CreatedAt: i.CreatedAt,
		ExpiresAt: i.ExpiresAt, ConsentedAt: i.ConsentedAt, StartedAt: i.StartedAt, SubmittedAt: i.SubmittedAt,
		WithdrawnAt: i.WithdrawnAt, EmailedAt: i.EmailedAt, RemindersSent: i.RemindersSent}
	if i.Language != "" {
		f.Language = &i.Language
	}
	return f
}

// apiMonth is one recorded month of performance as the API shows it.
type apiMonth struct {
	Month              string    `json:"month"`
	NewBusinessHours   float64   `json:"new_business_hours"`
	NewBusinessRevenue float64   `json:"new_business_revenue"`
	ServiceHours       float64   `json:"service_hours"`
	ServiceRevenue     float64   `json:"service_revenue"`
	CreatedAt          time.Time `json:"created_at"`
	UpdatedAt          time.Time `json:"updated_at"`
}

func apiMonthOf(m rolefit.PerformanceMonth) apiMonth {
	return apiMonth{Month: m.Month, NewBusinessHours: m.NewBusinessHours, NewBusinessRevenue: m.NewBusinessRevenue,
		ServiceHours: m.ServiceHours, ServiceRevenue: m.ServiceRevenue, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt}
}

func apiMonthsOf(ms []rolefit.PerformanceMonth) []apiMonth {
	out := make([]apiMonth, len(ms))
	for i, m := range ms {
		out[i] = apiMonthOf(m)
	}
	return out
}
