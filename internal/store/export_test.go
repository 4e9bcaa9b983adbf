package store

import (
	"context"
	"rolefit"
)

// ExecForTest runs raw SQL, for tests that need to set up states the
// store's API never makes (such as a schema from a newer rolefit).
func (s *Store) ExecForTest(ctx context.Context, sql string) error {
	return s.write.WithContext(ctx).Exec(sql).Error
}

// The reads below go through GORM's Take, as the store read these rows
// before its pre-built reads (raw_take.go); tests compare the two.

// GORMInvitationForTest reads the invitation of a link's token.
func (s *Store) GORMInvitationForTest(ctx context.Context, token string) (*rolefit.Invitation, error) {
	return take[rolefit.Invitation](s.reader(ctx).Where("token_hash = ?", HashToken(token)), "invitation")
}

// GORMPersonForTest reads one of the organisation's people.
func (o *Scope) GORMPersonForTest(ctx context.Context, id string) (*rolefit.Person, error) {
	return take[rolefit.Person](o.scope(o.s.reader(ctx)).Where("id = ?", id), "person")
}

// GORMOrganisationForTest reads the organisation.
func (o *Scope) GORMOrganisationForTest(ctx context.Context) (*rolefit.Organisation, error) {
	return take[rolefit.Organisation](o.s.reader(ctx).Where("id = ?", o.id), "organisation")
}

// DraftCountForTest counts the saved answers of an invitation.
func (s *Store) DraftCountForTest(ctx context.Context, invitationID string) (int64, error) {
	var n int64
	err := s.write.WithContext(ctx).Table("draft_answers").Where("invitation_id = ?", invitationID).Count(&n).Error
	return n, err
}
