package server

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit"
	"rolefit/internal/app"
)

// A person's complete data as the JSON file a data-access request gets
// (GET /people/{id}/export and GET /api/v1/people/{id}/export): the
// entities in the API's shapes.

type apiPersonData struct {
	ExportedAt time.Time       `json:"exported_at"`
	ExportedBy string          `json:"exported_by"`
	Person     apiPersonFields `json:"person"`
	// ProfileResponseID is the response that is the person's profile
	// (their latest self-report); null before they have one.
	ProfileResponseID *string                 `json:"profile_response_id"`
	Invitations       []apiExportedInvitation `json:"invitations"`
	Responses         []apiExportedResponse   `json:"responses"`
	Performance       []apiMonth              `json:"performance"`
	Outcomes          []apiOutcome            `json:"outcomes"`
	Audit             []apiAuditEntry         `json:"audit"`
}

type apiExportedInvitation struct {
	apiInvitationFields
	EmailError string                   `json:"email_error,omitempty"`
	Status     rolefit.InvitationStatus `json:"status"`
	// ConsentText is the statement the person agreed to, "" before they
	// consented.
	ConsentText string `json:"consent_text"`
	// Greenhouse is what Greenhouse sent with an invitation it asked for.
	Greenhouse *apiExportedGreenhouse `json:"greenhouse,omitempty"`
}

// apiExportedGreenhouse is what rolefit keeps of a Greenhouse assessment.
type apiExportedGreenhouse struct {
	PartnerInterviewID string `json:"partner_interview_id"`
	TestID             string `json:"partner_test_id"`
	CallbackURL        string `json:"url"`
	ProfileURL         string `json:"greenhouse_profile_url"`
}

type apiExportedResponse struct {
	apiResponse
	QuestionnaireTitle string `json:"questionnaire_title"`
	Profile            bool   `json:"profile"`
}

// apiAuditEntry is an entry of the audit log as the API shows it.
type apiAuditEntry struct {
	ID          string    `json:"id"`
	ActorID     string    `json:"actor_id"`
	ActorName   string    `json:"actor_name"`
	Action      string    `json:"action"`
	SubjectType string    `json:"subject_type"`
	SubjectID   string    `json:"subject_id"`
	Detail      string    `json:"detail"`
	CreatedAt   time.Time `json:"created_at"`
}

func apiPersonDataOf(d *app.PersonData) apiPersonData {
	out := apiPersonData{ExportedAt: d.ExportedAt, ExportedBy: d.ExportedBy, Person: apiPersonFieldsOf(d.Person),
		ProfileResponseID: d.Person.ProfileResponseID, Invitations: make([]apiExportedInvitation, len(d.Invitations)),
		Responses: make([]apiExportedResponse, len(d.Responses)), Performance: apiMonthsOf(d.Performance),
		Outcomes: apiOutcomesOf(d.Outcomes), Audit: make([]apiAuditEntry, len(d.Audit))}
	for i, inv := range d.Invitations {
		out.Invitations[i] = apiExportedInvitation{apiInvitationFields: apiInvitationFieldsOf(inv.Invitation),
			EmailError: inv.EmailError, Status: inv.Status, ConsentText: inv.ConsentText}
		if g := inv.Greenhouse; g != nil {
			out.Invitations[i].Greenhouse = &apiExportedGreenhouse{PartnerInterviewID: g.ID, TestID: g.TestID, CallbackURL: g.CallbackURL, ProfileURL: g.ProfileURL}
		}
	}
	for i, r := range d.Responses {
		out.Responses[i] = apiExportedResponse{apiResponse: apiResponseOf(&r.Response), QuestionnaireTitle: r.QuestionnaireTitle, Profile: r.Profile}
	}
	for i, e := range d.Audit {
		out.Audit[i] = apiAuditEntry{ID: e.ID, ActorID: e.ActorID, ActorName: e.ActorName, Action: e.Action,
			SubjectType: e.SubjectType, SubjectID: e.SubjectID, Detail: e.Detail, CreatedAt: e.CreatedAt}
	}
	return out
}

// handlePersonExport is GET /people/{id}/export and GET
// /api/v1/people/{id}/export: everything rolefit holds about one person,
// as a JSON file.
func handlePersonExport(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		d, err := uc.ExportPerson(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		body, err := json.MarshalIndent(apiPersonDataOf(d), "", "  ")
		if err != nil {
			return fmt.Errorf("export person %s: %w", d.Person.ID, err)
		}
		return sendExport(c, &app.Export{Filename: d.Filename(), ContentType: app.ContentTypeJSON, Body: append(body, '\n')})
	}
}
