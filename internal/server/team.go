package server

import (
	"html/template"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// teamPageSize is how many people one page of the team map shows: the
// API's largest page, more than a small company has, and still a map a
// person can read.
const teamPageSize = 500

// teamPage is the Team page: the map, and the same people as a table.
type teamPage struct {
	Map   template.HTML
	Rows  []app.TeamPoint
	Shown int
	// Off counts people on the table but not on the map (a composite
	// without a score).
	Off int
	// Kind and JobTitle are the filters; JobTitles the choices.
	Kind, JobTitle string
	JobTitles      []string
	// Min, Max and Cut describe the axes, formatted.
	Min, Max, Cut string
	// Next is the URL of the next page, "" on the last; First is set on a
	// later page.
	Next  string
	First string
}

// handleTeam is the team map. Opening it is recorded in the audit log: it
// shows personal data.
func handleTeam(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		q := app.TeamQuery{Kind: c.Query("kind"), JobTitle: c.Query("job_title"), Cursor: c.Query("cursor"), Limit: teamPageSize}
		page, err := uc.Team(c.UserContext(), actorOf(c), q)
		if err != nil {
			return err
		}
		titles, err := uc.TeamJobTitles(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		titles, shown := withTitle(titles, q.JobTitle)
		m, off := teamMapOf("team-map", page)
		p := teamPage{Map: m.SVG(), Rows: page.Items, Shown: len(m.Points), Off: off,
			Kind: q.Kind, JobTitle: shown, JobTitles: titles,
			Min: plainNumber(page.Min), Max: plainNumber(page.Max), Cut: plainNumber(page.Cut)}
		filters := url.Values{}
		for k, val := range map[string]string{"kind": q.Kind, "job_title": q.JobTitle} {
			if val != "" {
				filters.Set(k, val)
			}
		}
		if page.Next != "" {
			u := url.Values{"cursor": {page.Next}}
			for k := range filters {
				u.Set(k, filters.Get(k))
			}
			p.Next = "/team?" + u.Encode()
		}
		if q.Cursor != "" {
			p.First = "/team"
			if len(filters) > 0 {
				p.First += "?" + filters.Encode()
			}
		}
		v := pageView(c, "Team", "team")
		v.Data = p
		return rnd.render(c, fiber.StatusOK, "team", v)
	}
}

// withTitle returns the filter's job titles and the one to show as
// chosen, so the filter shows what the page is filtered by: the listed
// title the asked one matches (ignoring case, as the filter does), else
// the asked one, added to the list.
func withTitle(titles []string, asked string) ([]string, string) {
	asked = strings.TrimSpace(asked)
	if asked == "" {
		return titles, ""
	}
	for _, t := range titles {
		if strings.EqualFold(t, asked) {
			return titles, t
		}
	}
	return append(titles, asked), asked
}
