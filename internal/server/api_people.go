package server

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/store"
)

// apiPerson is a person in the API, with their newest invitation's status
// and newest response's profile, when they have them.
type apiPerson struct {
	store.Person
	InvitationStatus string   `json:"invitation_status,omitempty"`
	ProfileClass     string   `json:"profile_class,omitempty"`
	Hunter           *float64 `json:"hunter,omitempty"`
	Farmer           *float64 `json:"farmer,omitempty"`
}

func apiPersonOf(r personRow) apiPerson {
	p := apiPerson{Person: r.Person, InvitationStatus: string(r.Status)}
	if r.Response != nil {
		p.ProfileClass, p.Hunter, p.Farmer = r.Response.ProfileClass, r.Response.Hunter, r.Response.Farmer
	}
	return p
}

// handleAPIPeopleCreate is POST /api/v1/people.
func handleAPIPeopleCreate(st *store.Store) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var in struct {
			Name  string `json:"name"`
			Email string `json:"email"`
			Kind  string `json:"kind"`
			Role  string `json:"role"`
		}
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
		p, err := orgOf(c, st).CreatePerson(c.UserContext(), store.NewPerson{Name: in.Name, Email: in.Email,
			Kind: store.PersonKind(in.Kind), Role: in.Role}, actorOf(c))
		if err != nil {
			return err
		}
		return c.Status(fiber.StatusCreated).JSON(apiPerson{Person: *p})
	}
}

// handleAPIPeople is GET /api/v1/people.
func handleAPIPeople(st *store.Store, now func() time.Time) fiber.Handler {
	return func(c *fiber.Ctx) error {
		q, err := peopleQueryOf(c)
		if err != nil {
			return err
		}
		rows, next, err := peopleRows(c.UserContext(), orgOf(c, st), q, now())
		if err != nil {
			return err
		}
		out := listResponse[apiPerson]{Items: make([]apiPerson, len(rows)), NextCursor: next}
		for i, r := range rows {
			out.Items[i] = apiPersonOf(r)
		}
		if err := orgOf(c, st).Audit(c.UserContext(), actorOf(c), "list", "people", "", ""); err != nil {
			return err
		}
		return c.JSON(out)
	}
}

// handleAPIPerson is GET /api/v1/people/{id}.
func handleAPIPerson(st *store.Store, now func() time.Time) fiber.Handler {
	return func(c *fiber.Ctx) error {
		org := orgOf(c, st)
		p, err := org.Person(c.UserContext(), c.Params("id"))
		if err != nil {
			return err
		}
		invs, err := org.LatestInvitations(c.UserContext(), []string{p.ID})
		if err != nil {
			return err
		}
		resps, err := org.LatestResponses(c.UserContext(), []string{p.ID})
		if err != nil {
			return err
		}
		row := personRow{Person: *p}
		if inv, ok := invs[p.ID]; ok {
			row.Status = inv.State(now())
		}
		if r, ok := resps[p.ID]; ok {
			row.Response = &r
		}
		if err := org.Audit(c.UserContext(), actorOf(c), "view", "person", p.ID, ""); err != nil {
			return err
		}
		return c.JSON(apiPersonOf(row))
	}
}
