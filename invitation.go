package rolefit

import (
	"fmt"
	"rolefit/internal/errs"
	"time"
)

// InvitationStatus is where an invitation stands.
type InvitationStatus string

// The statuses of an invitation. Expired is not stored: an open invitation
// past its expiry time reads as expired.
const (
	InvitationSent      InvitationStatus = "sent"
	InvitationStarted   InvitationStatus = "started"
	InvitationSubmitted InvitationStatus = "submitted"
	InvitationExpired   InvitationStatus = "expired"
	InvitationWithdrawn InvitationStatus = "withdrawn"
)

// Invitation lengths, in days: a link works DefaultInvitationDays unless
// the manager chooses from 1 to MaxInvitationDays.
const (
	DefaultInvitationDays = 14
	MaxInvitationDays     = 90
)

// Day is the unit invitation lengths are counted in.
const Day = 24 * time.Hour

// Invitation asks one person to answer one questionnaire version through
// a link. The link's token is not stored, only its hash.
type Invitation struct {
	ID                   string
	OrgID                string
	PersonID             string
	QuestionnaireID      string
	QuestionnaireVersion int
	QuestionnaireHash    string
	Status               InvitationStatus
	CreatedBy            string
	CreatedAt            time.Time
	ExpiresAt            time.Time
	ConsentedAt          *time.Time
	ConsentText          string
	StartedAt            *time.Time
	SubmittedAt          *time.Time
	WithdrawnAt          *time.Time
	EmailedAt            *time.Time
	EmailError           string
	// Language is the language the manager chose for the questionnaire,
	// "" when the respondent's choice, their browser or the organisation
	// decides. ChosenLanguage is the language the respondent chose, or
	// was shown when they agreed to take part (Respondent's language
	// then stays for the invitation).
	Language       string
	ChosenLanguage string
	// RemindersSent counts the reminders e-mailed before the link
	// expires (Settings.ReminderDays).
	RemindersSent int
}

// AnsweredIn is the language the invitation is answered in: the
// manager's, else the one kept when the respondent agreed; "" before
// either is known.
func (i *Invitation) AnsweredIn() string {
	if i.Language != "" {
		return i.Language
	}
	return i.ChosenLanguage
}

// State is the invitation's status at time now: an open invitation past
// its expiry reads as expired.
func (i *Invitation) State(now time.Time) InvitationStatus {
	if (i.Status == InvitationSent || i.Status == InvitationStarted) && !now.Before(i.ExpiresAt) {
		return InvitationExpired
	}
	return i.Status
}

// CanExtend reports whether more days can be added at now: the
// invitation is open or has expired unanswered.
func (i *Invitation) CanExtend(now time.Time) bool {
	switch i.State(now) {
	case InvitationSent, InvitationStarted, InvitationExpired:
		return true
	}
	return false
}

// CanWithdraw reports whether the invitation can be withdrawn at now.
func (i *Invitation) CanWithdraw(now time.Time) bool { return i.CanExtend(now) }

// CanRenew reports whether a new link can replace the old one at now: only
// while the invitation is open.
func (i *Invitation) CanRenew(now time.Time) bool {
	s := i.State(now)
	return s == InvitationSent || s == InvitationStarted
}

// Open reports whether the invitation still takes answers at now.
func (i *Invitation) Open(now time.Time) bool { return i.CanRenew(now) }

// NewInvitation is what it takes to invite a person.
type NewInvitation struct {
	PersonID             string
	QuestionnaireID      string
	QuestionnaireVersion int
	QuestionnaireHash    string
	// Days is how long the link works, 1 to MaxInvitationDays; 0 means
	// DefaultInvitationDays.
	Days int
	// Language is the language the questionnaire is to be answered in, ""
	// to let the respondent's choice, their browser or the organisation
	// decide.
	Language string
}

// CheckInvitationDays refuses a number of days outside
// 1..MaxInvitationDays, naming field, before anything multiplies it (a
// huge number would overflow a time.Duration).
func CheckInvitationDays(field string, days int) error {
	if days < 1 || days > MaxInvitationDays {
		return errs.InvalidFields("Choose how many days the link works.",
			map[string]string{field: fmt.Sprintf("must be between 1 and %d days", MaxInvitationDays)})
	}
	return nil
}
