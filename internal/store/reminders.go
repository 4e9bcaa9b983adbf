package store

import (
	"context"
	"fmt"
	"rolefit"
	"time"

	"gorm.io/gorm"
)

// What the outbound worker looks for besides due deliveries: reminders
// that have come due, and invitations that expired unanswered. Both are
// written to the queue in a transaction that also marks them done, with
// a condition on the mark, so two processes looking at once queue each
// once.

// expiryWindow is how far back an expiry is still reported: a process
// that was stopped for less than this loses no invitation.expired, and
// an upgrade does not report every invitation that ever expired.
const expiryWindow = 7 * rolefit.Day

// invitationDue is an open invitation whose reminder may be due.
type invitationDue struct {
	ID              string
	OrgID           string
	CreatedAt       time.Time
	ExpiresAt       time.Time
	RemindersQueued int
}

// QueueReminders queues the reminder e-mails that have come due at now
// and returns how many. Reminders go out the organisation's
// FirstReminderDays and SecondReminderDays before a link expires, to
// people with an e-mail address, for invitations still open. A reminder
// whose moment came before the invitation was made (a link shorter than
// the reminder's days) is skipped, and of several whose moments have
// passed (rolefit was stopped) only the latest goes out.
func (s *Store) QueueReminders(ctx context.Context, now time.Time) (int, error) {
	var plans []struct{ FirstReminderDays, SecondReminderDays int }
	if err := s.reader(ctx).Model(&rolefit.Organisation{}).Distinct("first_reminder_days", "second_reminder_days").
		Where("first_reminder_days > 0").Scan(&plans).Error; err != nil {
		return 0, fmt.Errorf("read reminder settings: %w", err)
	}
	queued := 0
	for _, p := range plans {
		set := rolefit.Settings{FirstReminderDays: p.FirstReminderDays, SecondReminderDays: p.SecondReminderDays}
		days := set.ReminderDays()
		var due []invitationDue
		err := s.reader(ctx).Table("invitations AS i").
			Select("i.id, i.org_id, i.created_at, i.expires_at, i.reminders_queued").
			Joins("JOIN organisations o ON o.id = i.org_id").Joins("JOIN people p ON p.id = i.person_id").
			Where("i.status IN ? AND i.expires_at > ? AND i.expires_at <= ? AND i.reminders_queued < ?",
				[]rolefit.InvitationStatus{rolefit.InvitationSent, rolefit.InvitationStarted}, now, now.Add(time.Duration(days[0])*rolefit.Day), len(days)).
			Where("o.first_reminder_days = ? AND o.second_reminder_days = ? AND p.email <> ''", p.FirstReminderDays, p.SecondReminderDays).
			Order("i.expires_at, i.id").Limit(1000).Scan(&due).Error
		if err != nil {
			return queued, fmt.Errorf("find reminders due: %w", err)
		}
		for _, inv := range due {
			// The latest reminder moment that has passed, if any.
			k := -1
			for j := inv.RemindersQueued; j < len(days); j++ {
				if !inv.ExpiresAt.Add(-time.Duration(days[j]) * rolefit.Day).After(now) {
					k = j
				}
			}
			if k < 0 {
				continue
			}
			send := inv.ExpiresAt.Add(-time.Duration(days[k]) * rolefit.Day).After(inv.CreatedAt)
			ok, err := s.queueReminder(ctx, inv, k+1, send, now)
			if err != nil {
				return queued, err
			}
			if ok && send {
				queued++
			}
		}
	}
	return queued, nil
}

// queueReminder marks an invitation's reminders up to n as handled and,
// when send is set, queues one reminder e-mail, unless another process
// did so first.
func (s *Store) queueReminder(ctx context.Context, inv invitationDue, n int, send bool, now time.Time) (bool, error) {
	var done bool
	err := s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&rolefit.Invitation{}).Where("id = ? AND reminders_queued = ?", inv.ID, inv.RemindersQueued).Update("reminders_queued", n)
		if res.Error != nil {
			return fmt.Errorf("mark reminder: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return nil
		}
		done = true
		if !send {
			return nil
		}
		return s.Scope(inv.OrgID).enqueue(tx, rolefit.Delivery{Kind: rolefit.DeliveryEmail, EventType: EmailReminder, Target: inv.ID}, now)
	})
	return done, err
}

// NoteExpiries writes invitation.expired for the invitations that
// expired unanswered by now (within expiryWindow) and returns how many.
func (s *Store) NoteExpiries(ctx context.Context, now time.Time) (int, error) {
	var invs []rolefit.Invitation
	if err := s.reader(ctx).Where("status IN ? AND expiry_noted = ? AND expires_at <= ? AND expires_at > ?",
		[]rolefit.InvitationStatus{rolefit.InvitationSent, rolefit.InvitationStarted}, false, now, now.Add(-expiryWindow)).
		Order("expires_at, id").Limit(1000).Find(&invs).Error; err != nil {
		return 0, fmt.Errorf("find expired invitations: %w", err)
	}
	n := 0
	for i := range invs {
		inv := &invs[i]
		err := s.tx(ctx, func(tx *gorm.DB) error {
			res := tx.Model(&rolefit.Invitation{}).Where("id = ? AND expiry_noted = ? AND expires_at <= ?", inv.ID, false, now).Update("expiry_noted", true)
			if res.Error != nil || res.RowsAffected == 0 {
				return res.Error
			}
			n++
			data := invitationEvent(inv)
			data["expired_at"] = inv.ExpiresAt.UTC().Format(time.RFC3339)
			return s.Scope(inv.OrgID).emit(tx, rolefit.EventInvitationExpired, data)
		})
		if err != nil {
			return n, fmt.Errorf("note expired invitation: %w", err)
		}
	}
	return n, nil
}

// invitationLink is a further link to an invitation (migration's
// invitation_links).
type invitationLink struct {
	TokenHash    string
	InvitationID string
	CreatedAt    time.Time
}

func (invitationLink) TableName() string { return "invitation_links" }

// AddInvitationLink makes a further link to an open invitation, for an
// e-mail about to be sent, and returns its token, which is never stored.
func (o *Scope) AddInvitationLink(ctx context.Context, invitationID string) (string, error) {
	token := NewToken()
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		if _, err := o.invitation(tx, invitationID); err != nil {
			return err
		}
		return tx.Create(&invitationLink{TokenHash: HashToken(token), InvitationID: invitationID, CreatedAt: o.s.now()}).Error
	})
	if err != nil {
		return "", err
	}
	return token, nil
}
