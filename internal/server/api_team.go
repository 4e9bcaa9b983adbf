package server

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// apiTeamPoint is a person on the team map in the API.
type apiTeamPoint struct {
	PersonID   string   `json:"person_id"`
	Name       string   `json:"name"`
	Kind       string   `json:"kind"`
	JobTitle   string   `json:"job_title"`
	Hunter     *float64 `json:"hunter"`
	Farmer     *float64 `json:"farmer"`
	Class      string   `json:"class"`
	Borderline bool     `json:"borderline"`
	Flags      int      `json:"flags"`
}

// teamQueryOf reads the team map's filters and paging from the query
// string; a limit that is not a whole number from 1 to 500 is refused.
func teamQueryOf(c *fiber.Ctx) (app.TeamQuery, error) {
	q := app.TeamQuery{Kind: c.Query("kind"), JobTitle: c.Query("job_title"), Cursor: c.Query("cursor")}
	if l := c.Query("limit"); l != "" {
		n := c.QueryInt("limit", -1)
		if n < 1 || n > 500 {
			return q, errs.InvalidFields("The page size is out of range.", map[string]string{"limit": "must be a whole number from 1 to 500"})
		}
		q.Limit = n
	}
	return q, nil
}

// handleAPITeam is GET /api/v1/team.
func handleAPITeam(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		q, err := teamQueryOf(c)
		if err != nil {
			return err
		}
		page, err := uc.Team(c.UserContext(), actorOf(c), q)
		if err != nil {
			return err
		}
		out := listResponse[apiTeamPoint]{Items: make([]apiTeamPoint, len(page.Items)), NextCursor: page.Next}
		for i, p := range page.Items {
			out.Items[i] = apiTeamPoint{PersonID: p.PersonID, Name: p.Name, Kind: string(p.Kind), JobTitle: p.JobTitle,
				Hunter: p.Hunter, Farmer: p.Farmer, Class: p.Class, Borderline: p.Borderline, Flags: p.Flags}
		}
		return c.JSON(out)
	}
}

// apiProfile is GET /api/v1/people/{id}/profile's answer. Performance is
// null for a candidate and for staff without performance records.
type apiProfile struct {
	Person        apiPersonFields `json:"person"`
	SelfReport    *apiReport      `json:"self_report"`
	ManagerRating *apiReport      `json:"manager_rating"`
	Performance   *apiPerformance `json:"performance"`
}

type apiReport struct {
	Questionnaire string           `json:"questionnaire"`
	Version       int              `json:"version"`
	SubmittedAt   string           `json:"submitted_at"`
	RatedBy       string           `json:"rated_by,omitempty"`
	Class         string           `json:"class"`
	Borderline    bool             `json:"borderline"`
	Preference    *float64         `json:"preference"`
	Scales        []apiReportScale `json:"scales"`
	Flags         []apiReportFlag  `json:"flags"`
	Severity      string           `json:"severity"`
	Language      string           `json:"language"`
	// NormGroup is the reference group of the percentiles: the
	// responses in one language, or every language's pooled.
	NormGroup *apiNormGroup `json:"norm_group"`
}

// apiNormGroup says which earlier responses a report's percentiles
// compare with.
type apiNormGroup struct {
	Language  *string  `json:"language"`
	Pooled    bool     `json:"pooled"`
	Languages []string `json:"languages"`
}

type apiReportScale struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Kind       string   `json:"kind"`
	Score      *float64 `json:"score"`
	BandLow    *float64 `json:"band_low"`
	BandHigh   *float64 `json:"band_high"`
	Percentile *float64 `json:"percentile"`
}

type apiReportFlag struct {
	Check    string `json:"check"`
	Reason   string `json:"reason"`
	Severity string `json:"severity"`
}

func apiReportOf(r *app.ResponseReport) *apiReport {
	if r == nil {
		return nil
	}
	out := &apiReport{Questionnaire: r.Questionnaire, Version: r.Version, SubmittedAt: r.SubmittedAt.UTC().Format(time.RFC3339),
		RatedBy: r.RatedBy, Class: r.Class, Borderline: r.Borderline, Preference: r.Preference, Severity: r.Severity,
		Scales: make([]apiReportScale, len(r.Scales)), Flags: make([]apiReportFlag, len(r.Flags)), Language: r.Language}
	if g := r.NormGroup; g != nil {
		out.NormGroup = &apiNormGroup{Pooled: g.Pooled, Languages: g.Languages}
		if g.Language != "" {
			out.NormGroup.Language = &g.Language
		}
		if out.NormGroup.Languages == nil {
			out.NormGroup.Languages = []string{g.Language}
		}
	}
	for i, s := range r.Scales {
		out.Scales[i] = apiReportScale{ID: s.ID, Name: s.Name, Kind: s.Kind, Score: s.Score, BandLow: s.BandLow, BandHigh: s.BandHigh, Percentile: s.Percentile}
	}
	for i, f := range r.Flags {
		out.Flags[i] = apiReportFlag{Check: f.Check, Reason: f.Reason, Severity: f.Severity}
	}
	return out
}

// handleAPIProfile is GET /api/v1/people/{id}/profile.
func handleAPIProfile(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		v, err := uc.Profile(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		return c.JSON(apiProfile{Person: apiPersonFieldsOf(*v.Person), SelfReport: apiReportOf(v.SelfReport), ManagerRating: apiReportOf(v.ManagerRating),
			Performance: apiPerformanceOf(v.Performance)})
	}
}
