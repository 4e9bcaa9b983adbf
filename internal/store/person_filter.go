package store

import "gorm.io/gorm"

// filterPeople adds the people list's invitation, class and flag filters
// to a query over people joined with their profile response as r. The
// values are checked by the caller (app.People); an unknown one keeps
// nobody rather than everyone.
func (o *Org) filterPeople(db *gorm.DB, q PeopleQuery) *gorm.DB {
	if q.Invitation != "" {
		// The newest invitation, as the list shows it: found through the
		// invitations_person index, one probe per person.
		db = db.Joins(`LEFT JOIN invitations li ON li.id = (SELECT i.id FROM invitations i
			WHERE i.person_id = people.id ORDER BY i.created_at DESC, i.id DESC LIMIT 1)`)
		now := o.s.now()
		switch InvitationStatus(q.Invitation) {
		case NotInvited:
			db = db.Where("li.id IS NULL")
		case InvitationSent, InvitationStarted:
			// Open only while the link works; past its expiry it is expired
			// (Invitation.State).
			db = db.Where("li.status = ? AND li.expires_at > ?", q.Invitation, now)
		case InvitationExpired:
			db = db.Where("(li.status IN ? AND li.expires_at <= ?) OR li.status = ?", []InvitationStatus{InvitationSent, InvitationStarted}, now, InvitationExpired)
		case InvitationSubmitted, InvitationWithdrawn:
			db = db.Where("li.status = ?", q.Invitation)
		default:
			db = db.Where("1 = 0")
		}
	}
	switch q.Class {
	case "":
	case ClassNone:
		db = db.Where("people.profile_response_id IS NULL")
	default:
		db = db.Where("r.profile_class = ?", q.Class)
	}
	switch q.Flags {
	case "":
	case FlagsAny:
		db = db.Where("r.flag_count > 0")
	case FlagsNone:
		db = db.Where("r.id IS NOT NULL AND r.flag_count = 0")
	default:
		db = db.Where("r.severity = ?", q.Flags)
	}
	return db
}
