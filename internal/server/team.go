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

// wideMap is the widest map, in CSS pixels, that the column beside the
// map's legend holds on a laptop (3/5 of the page's 61 rem less the
// card's padding): a wider one takes the page's whole width.
const wideMap = 540

// teamPage is the Team page: the map, and the same people as a table.
type teamPage struct {
	Map template.HTML
	// Wide is set when the map is wider than the column beside its
	// legend holds at one pixel a unit: the legend then goes below it.
	Wide bool
	// Key lists the points labelled with a number.
	Key   []keyEntry
	Rows  []app.TeamPoint
	Shown int
	// Off counts people on the table but not on the map (a composite
	// without a score).
	Off int
	// Kind and JobTitle are the filters; JobTitles the choices.
	Kind, JobTitle string
	JobTitles      []string
	// Person is the ID of the person to mark (?person=, from their
	// page), kept by the filters and the pages; Selected their name when
	// they are on the map.
	Person, Selected string
	// TopSeller is the top seller's name when they are on the map, and
	// TopSellerRevenue their new-business revenue a month.
	TopSeller, TopSellerRevenue string
	// Sized is set when some point is sized by revenue; RevenueMax is the
	// revenue of the largest size and RevenueQuarter of a square half as
	// wide.
	Sized                      bool
	RevenueMax, RevenueQuarter string
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
		q := app.TeamQuery{Kind: c.Query("kind"), JobTitle: c.Query("job_title"), Cursor: c.Query("cursor"), Limit: teamPageSize, Revenue: true}
		page, err := uc.Team(c.UserContext(), actorOf(c), q)
		if err != nil {
			return err
		}
		code, err := uc.Currency(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		titles, err := uc.TeamJobTitles(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		titles, shown := withTitle(titles, q.JobTitle)
		person := strings.TrimSpace(c.Query("person"))
		mon := moneyIn(code)
		m, off := teamMapOf("team-map", page, person, mon)
		d := m.draw()
		p := teamPage{Map: d.SVG, Wide: d.Width > wideMap, Key: d.Key, Rows: page.Items, Shown: len(m.Points), Off: off,
			Kind: q.Kind, JobTitle: shown, JobTitles: titles, Person: person,
			Min: plainNumber(page.Min), Max: plainNumber(page.Max), Cut: plainNumber(page.Cut)}
		for _, pt := range m.Points {
			if pt.Selected {
				p.Selected = pt.Name
			}
			if pt.TopSeller {
				p.TopSeller, p.TopSellerRevenue = pt.Name, mon.Whole(page.TopSellerNewBusiness)
			}
			p.Sized = p.Sized || (pt.Revenue != nil && m.MaxRevenue > 0)
		}
		if p.Sized {
			p.RevenueMax, p.RevenueQuarter = mon.Whole(m.MaxRevenue), mon.Whole(m.MaxRevenue/4)
		}
		filters := url.Values{}
		for k, val := range map[string]string{"kind": q.Kind, "job_title": q.JobTitle, "person": person} {
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
		v := pageView(c, rnd.english.T("team.title"), "team")
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
