package app

import (
	"context"
	"rolefit"

	"rolefit/internal/errs"
)

// respondentActor names a respondent in the audit log: they act through
// their link, not as a user.
func respondentActor(p *rolefit.Person) rolefit.Actor {
	return rolefit.Actor{ID: "link:" + p.ID, Name: "the person, through their link"}
}

// MayBeAskedSelfID says whether the respondent is offered the voluntary
// self-identification: after submitting, a candidate always, a staff
// member only where the organisation allows it.
func (rs *Respondent) MayBeAskedSelfID() bool {
	if rs.State() != rolefit.InvitationSubmitted {
		return false
	}
	return rs.r.Person.Kind == rolefit.Candidate || rs.r.Org.SelfIDForStaff
}

// SelfIdentified says whether the respondent has answered (or declined)
// the self-identification already, without reading the answers.
func (rs *Respondent) SelfIdentified(ctx context.Context) (bool, error) {
	return rs.a.st.Scope(rs.r.Org.ID).HasSelfIdentification(ctx, rs.r.Person.ID)
}

// SelfIdentify stores the respondent's own answers. It is refused before
// they submit and where they may not be asked.
func (rs *Respondent) SelfIdentify(ctx context.Context, s rolefit.SelfIdentification) error {
	if !rs.MayBeAskedSelfID() {
		return errs.Conflict("These questions are not asked here.")
	}
	s.PersonID = rs.r.Person.ID
	return rs.a.st.Scope(rs.r.Org.ID).SetSelfIdentification(ctx, s, respondentActor(rs.r.Person))
}
