package server

import (
	"context"
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
	"rolefit/internal/store"
)

// personRow is one person in the people list, with their newest
// invitation and response.
type personRow struct {
	store.Person
	Invitation *store.Invitation
	Status     store.InvitationStatus
	Response   *store.ResponseSummary
}

type peoplePage struct {
	Rows   []personRow
	Next   string // URL of the next page, or ""
	Search string
	Kind   string
	Total  int64
	Kinds  []store.PersonKind
	// CSV is the pasted file, kept when it had problems so nothing typed
	// is lost.
	CSV string
}

// peopleRows loads one page of people with their newest invitation and
// response.
func peopleRows(ctx context.Context, org *store.Org, q store.PeopleQuery, now time.Time) ([]personRow, string, error) {
	people, next, err := org.People(ctx, q)
	if err != nil {
		return nil, "", err
	}
	ids := make([]string, len(people))
	for i, p := range people {
		ids[i] = p.ID
	}
	invs, err := org.LatestInvitations(ctx, ids)
	if err != nil {
		return nil, "", err
	}
	resps, err := org.LatestResponses(ctx, ids)
	if err != nil {
		return nil, "", err
	}
	rows := make([]personRow, len(people))
	for i, p := range people {
		rows[i] = personRow{Person: p}
		if inv, ok := invs[p.ID]; ok {
			rows[i].Invitation = &inv
			rows[i].Status = inv.State(now)
		}
		if r, ok := resps[p.ID]; ok {
			rows[i].Response = &r
		}
	}
	return rows, next, nil
}

// peopleQueryOf reads the list's filters from the query string.
func peopleQueryOf(c *fiber.Ctx) (store.PeopleQuery, error) {
	q := store.PeopleQuery{Cursor: c.Query("cursor"), Search: c.Query("search"), Kind: store.PersonKind(c.Query("kind"))}
	if q.Kind != "" && q.Kind != store.Candidate && q.Kind != store.Staff {
		return q, errs.InvalidFields("Choose candidates or staff.", map[string]string{"kind": "must be candidate or staff"})
	}
	if l := c.Query("limit"); l != "" {
		n := c.QueryInt("limit", -1)
		if n < 1 || n > 500 {
			return q, errs.InvalidFields("The page size is out of range.", map[string]string{"limit": "must be a whole number from 1 to 500"})
		}
		q.Limit = n
	}
	return q, nil
}

func renderPeople(c *fiber.Ctx, st *store.Store, rnd *renderer, now func() time.Time, status int, v *view, csvText string) error {
	q, err := peopleQueryOf(c)
	if err != nil {
		return err
	}
	if q.Limit == 0 {
		q.Limit = 100
	}
	org := orgOf(c, st)
	rows, next, err := peopleRows(c.UserContext(), org, q, now())
	if err != nil {
		return err
	}
	total, err := org.CountPeople(c.UserContext())
	if err != nil {
		return err
	}
	p := peoplePage{Rows: rows, Search: q.Search, Kind: string(q.Kind), Total: total,
		Kinds: []store.PersonKind{store.Candidate, store.Staff}, CSV: csvText}
	if next != "" {
		u := url.Values{"cursor": {next}}
		if q.Search != "" {
			u.Set("search", q.Search)
		}
		if q.Kind != "" {
			u.Set("kind", string(q.Kind))
		}
		p.Next = "/people?" + u.Encode()
	}
	if v.Form == nil {
		v.Form = map[string]string{"kind": string(store.Candidate)}
	}
	v.Data = p
	return rnd.render(c, status, "people", v)
}

// handlePeople lists the organisation's people, with forms to add one or
// many.
func handlePeople(st *store.Store, rnd *renderer, now func() time.Time) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderPeople(c, st, rnd, now, fiber.StatusOK, pageView(c, "People", "people"), "")
	}
}

// handlePersonCreate adds one person.
func handlePersonCreate(st *store.Store, rnd *renderer, now func() time.Time) fiber.Handler {
	return func(c *fiber.Ctx) error {
		form := map[string]string{"name": c.FormValue("name"), "email": c.FormValue("email"),
			"kind": c.FormValue("kind"), "role": c.FormValue("role")}
		p, err := orgOf(c, st).CreatePerson(c.UserContext(), store.NewPerson{Name: form["name"], Email: form["email"],
			Kind: store.PersonKind(form["kind"]), Role: form["role"]}, actorOf(c))
		if code := errs.Code(err); code == errs.CodeInvalid || code == errs.CodeConflict {
			v := pageView(c, "People", "people")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), form
			return renderPeople(c, st, rnd, now, statusOf[code], v, "")
		}
		if err != nil {
			return err
		}
		flash(c, "Added "+p.Name+". Invite them to a questionnaire below.")
		return c.Redirect("/people/"+p.ID, fiber.StatusSeeOther)
	}
}
