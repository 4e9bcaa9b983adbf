package server

import (
	"rolefit"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/i18n"
)

// section is an entry of the main navigation.
type section struct {
	Path, Key, Title, Summary string
	// Built is false for a part whose pages are not built yet: its address
	// already answers, with a plain statement of what will be there, so the
	// navigation a manager learns now stays the same.
	Built bool
}

// navigation is the main navigation, in order: the layout's menu and the
// dashboard's cards are both made from it. Its words are the source
// catalogue's, written once.
var navigation = sections(managerEnglish)

// managerEnglish writes the manager pages' words where no page's printer
// is at hand (a redirect's flash, the navigation), made once.
var managerEnglish = i18n.Shipped().Printer(i18n.Source, nil)

// sections writes the navigation's entries with l; each key is literal so
// the catalogue test sees it.
func sections(l *i18n.Printer) []section {
	return []section{
		{"/people", "people", l.T("nav.people"), l.T("nav.people.about"), true},
		{"/team", "team", l.T("nav.team"), l.T("nav.team.about"), true},
		{"/placement", "placement", l.T("nav.placement"), l.T("nav.placement.about"), true},
		{"/costs", "costs", l.T("nav.costs"), l.T("nav.costs.about"), true},
		{"/evidence", "evidence", l.T("nav.evidence"), l.T("nav.evidence.about"), true},
		{"/settings", "settings", l.T("nav.settings"), l.T("nav.settings.about"), true},
	}
}

// dashboardPage is the home page: what needs the manager now, then the
// navigation's cards, which tell a newcomer what each part is for.
type dashboardPage struct {
	*app.Dashboard
	ExpiringDays int
	Sections     []section
	// Split is the costliest seller's split, Changes the placement's
	// recommendations worth most, formatted.
	Split   *splitBox
	Changes []storyLine
	// Disabled are the webhook endpoints rolefit stopped sending to, shown
	// to admins, who can enable them again.
	Disabled []rolefit.WebhookEndpoint
}

// storyLine is one of the placement's recommendations on Home.
type storyLine struct {
	PersonID, Name, From, To, Gain, Payback string
	Candidate                               bool
}

// handleDashboard shows the signed-in home page.
func handleDashboard(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var last *time.Time
		if s, ok := c.Locals(localSession).(*app.SignedIn); ok {
			last = s.PreviousVisitAt
		}
		d, err := uc.Dashboard(c.UserContext(), actorOf(c), last)
		if err != nil {
			return err
		}
		currency, err := uc.Currency(c.UserContext(), actorOf(c))
		if err != nil {
			return err
		}
		m := moneyIn(currency)
		v := pageView(c, rnd.english.T("home.title"), "home")
		page := dashboardPage{Dashboard: d, ExpiringDays: int(app.ExpiringWithin.Hours() / 24), Sections: navigation,
			Split: splitBoxOf(d.Story.Split, m)}
		for _, ch := range d.Story.Changes {
			line := storyLine{PersonID: ch.PersonID, Name: ch.Name, From: ch.From, To: ch.To, Gain: m.Whole(ch.Gain), Candidate: ch.Candidate}
			if ch.Payback > 0 {
				line.Payback = oneDecimal(ch.Payback)
			}
			page.Changes = append(page.Changes, line)
		}
		if u := currentUser(c); u != nil && u.IsAdmin() {
			if page.Disabled, err = uc.DisabledWebhookEndpoints(c.UserContext(), actorOf(c)); err != nil {
				return err
			}
		}
		v.Data = page
		return rnd.render(c, fiber.StatusOK, "dashboard", v)
	}
}

// handleUpcoming shows a section that is not built yet.
func handleUpcoming(rnd *renderer, s section) fiber.Handler {
	return func(c *fiber.Ctx) error {
		v := pageView(c, s.Title, s.Key)
		v.Data = s
		return rnd.render(c, fiber.StatusOK, "upcoming", v)
	}
}
