package store

import (
	"rolefit"

	"gorm.io/gorm"

	"rolefit/internal/assess"
)

// filterPeople adds the people list's invitation, earlier-applicant,
// class and flag filters to a query over people joined with their profile
// response as r. The
// values are checked by the caller (app.People); an unknown one keeps
// nobody rather than everyone.
func (o *Scope) filterPeople(db *gorm.DB, q PeopleQuery) *gorm.DB {
	if q.Invitation != "" {
		// The newest invitation, as the list shows it: found through the
		// invitations_person index, one probe per person.
		db = db.Joins(`LEFT JOIN invitations li ON li.id = (SELECT i.id FROM invitations i
			WHERE i.person_id = people.id ORDER BY i.created_at DESC, i.id DESC LIMIT 1)`)
		now := o.s.now()
		switch rolefit.InvitationStatus(q.Invitation) {
		case NotInvited:
			// As the dashboard counts them: never invited and no answers
			// of their own, so a profile recorded without a link is not
			// "not invited".
			db = db.Where(neverAsked("people"))
		case rolefit.InvitationSent, rolefit.InvitationStarted:
			// Open only while the link works; past its expiry it is expired
			// (Invitation.State).
			db = db.Where("li.status = ? AND li.expires_at > ?", q.Invitation, now)
		case rolefit.InvitationExpired:
			db = db.Where("(li.status IN ? AND li.expires_at <= ?) OR li.status = ?", []rolefit.InvitationStatus{rolefit.InvitationSent, rolefit.InvitationStarted}, now, rolefit.InvitationExpired)
		case rolefit.InvitationSubmitted, rolefit.InvitationWithdrawn:
			db = db.Where("li.status = ?", q.Invitation)
		default:
			db = db.Where("1 = 0")
		}
	}
	switch q.Earlier {
	case "":
		db = db.Where("NOT (" + earlierApplicant("people") + ")")
	case EarlierInclude:
	case EarlierOnly:
		db = db.Where(earlierApplicant("people"))
	default:
		db = db.Where("1 = 0")
	}
	switch q.Class {
	case "":
	case ClassNone:
		db = db.Where("people.profile_response_id IS NULL")
	default:
		db = filterClass(db, q.Class, q.Cut)
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

// filterClass keeps the profiles of one 2×2 class under the cut, decided
// from their hunter and farmer composite rows as assess.Classify decides
// it on the pages: at or above the cut is high, a composite without a
// score makes the class unknown, and a questionnaire without both
// composites gives no class at all. The class is never stored, so a new
// cut applies at once, to the filter and the display alike.
func filterClass(db *gorm.DB, class string, cut float64) *gorm.DB {
	db = db.Joins("LEFT JOIN response_scores hc ON hc.response_id = r.id AND hc.scale_id = 'hunter' AND hc.kind = 'composite'").
		Joins("LEFT JOIN response_scores fc ON fc.response_id = r.id AND fc.scale_id = 'farmer' AND fc.kind = 'composite'")
	switch assess.Class(class) {
	case assess.ClassHunter:
		return db.Where("hc.score >= ? AND fc.score < ?", cut, cut)
	case assess.ClassFarmer:
		return db.Where("hc.score < ? AND fc.score >= ?", cut, cut)
	case assess.ClassAmbidextrous:
		return db.Where("hc.score >= ? AND fc.score >= ?", cut, cut)
	case assess.ClassDeveloping:
		return db.Where("hc.score < ? AND fc.score < ?", cut, cut)
	case assess.ClassUnknown:
		return db.Where("hc.response_id IS NOT NULL AND fc.response_id IS NOT NULL AND (hc.score IS NULL OR fc.score IS NULL)")
	}
	return db.Where("1 = 0")
}
