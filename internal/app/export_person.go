package app

import (
	"context"
	"strconv"
	"time"

	"rolefit"
)

// PersonData is everything rolefit holds about one person, as a
// data-access request needs it: the person, every invitation (with the
// consent they gave), every response with its answers and scored result,
// their performance records, and the audit log's entries about them.
type PersonData struct {
	ExportedAt time.Time
	// ExportedBy names who asked for it, as the audit log does.
	ExportedBy  string
	Person      rolefit.Person
	Invitations []ExportedInvitation
	Responses   []ExportedResponse
	// Performance is a staff member's recorded months, oldest first.
	Performance []rolefit.PerformanceMonth
	// Outcomes are the hiring outcomes recorded for the person, earliest
	// first. A self-identification is not part of it: it is read only as
	// counts (DESIGN.md §15).
	Outcomes []rolefit.Outcome
	// Audit lists who viewed, exported or changed the person's data and
	// when, oldest first. This export is recorded after it is made, so it
	// appears in the next one.
	Audit []rolefit.AuditEntry
}

// ExportedInvitation is an invitation in a person's data, with where it
// stood when exported.
type ExportedInvitation struct {
	rolefit.Invitation
	Status rolefit.InvitationStatus
	// Greenhouse is what Greenhouse sent with the invitation when it asked
	// for it (its addresses for the test and the candidate), nil otherwise.
	Greenhouse *rolefit.GreenhouseAssessment
}

// ExportedResponse is a response in a person's data: the stored record
// (answers, page timings, the scored result) and what it is.
type ExportedResponse struct {
	rolefit.Response
	QuestionnaireTitle string
	// Profile is set on the response that is the person's profile.
	Profile bool
}

// Filename is the name of the file the person's data is given in: safe
// to put in a Content-Disposition header.
func (d *PersonData) Filename() string {
	return "rolefit-person-" + safeName(d.Person.ID) + "-" + d.ExportedAt.Format("2006-01-02") + ".json"
}

// ExportPerson returns a person's complete data, and records the export in
// the audit log.
func (a *App) ExportPerson(ctx context.Context, act Actor, id string) (*PersonData, error) {
	org := a.scope(act)
	rec, err := personRecordOf(ctx, org, id)
	if err != nil {
		return nil, err
	}
	p := rec.person
	log, err := org.PersonAudit(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	now := a.now()
	d := &PersonData{ExportedAt: now, ExportedBy: act.Audit.Name, Person: *p, Performance: rec.performance, Outcomes: rec.outcomes, Audit: log,
		Invitations: make([]ExportedInvitation, len(rec.invitations)), Responses: make([]ExportedResponse, len(rec.responses))}
	ids := make([]string, len(rec.invitations))
	for i, inv := range rec.invitations {
		ids[i] = inv.ID
	}
	gh, err := org.GreenhouseAssessmentsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i, inv := range rec.invitations {
		d.Invitations[i] = ExportedInvitation{Invitation: inv, Status: inv.State(now)}
		if a, ok := gh[inv.ID]; ok {
			d.Invitations[i].Greenhouse = &a
		}
	}
	for i, r := range rec.responses {
		d.Responses[i] = ExportedResponse{Response: r, QuestionnaireTitle: a.Title(r.QuestionnaireID, r.QuestionnaireVersion),
			Profile: p.ProfileResponseID != nil && *p.ProfileResponseID == r.ID}
	}
	if err := org.Audit(ctx, act.Audit, "export", "person", p.ID, "json, "+strconv.Itoa(len(d.Responses))+" responses"); err != nil {
		return nil, err
	}
	return d, nil
}
