package server

import (
	"cmp"
	"slices"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// notPlacedValue stands for "not placed" in the what-if form's role
// choice: an empty value would read as "no choice made".
const notPlacedValue = "none"

// placementWhatIf is the Placement page's what-if: a small form (a person
// of the page and a role, or not placed) and, once asked, the change.
type placementWhatIf struct {
	People, Roles []placementOption
	// Person and Role are the choices made, to keep them selected.
	Person, Role string
	// Answer says the change in words; Costly marks a loss.
	Answer string
	Costly bool
	// Moves is everyone the change moves, the person first.
	Moves []whatIfMove
}

// whatIfMove is one person a what-if moves, the roles by name.
type whatIfMove struct {
	PersonID, Name, From, To string
}

// whatIfForm fills the what-if form's choices: the people listed on this
// page of the Placement page, by name (the whole team can be thousands),
// and every role and "not placed".
func (page *placementPage) whatIfForm(tp *app.TeamPlacement, person, role string) {
	w := &placementWhatIf{Person: person, Role: role}
	for _, g := range page.Groups {
		for _, p := range g.People {
			w.People = append(w.People, placementOption{Value: p.ID, Label: p.Name})
		}
	}
	slices.SortStableFunc(w.People, func(a, b placementOption) int { return cmp.Compare(a.Label, b.Label) })
	for _, r := range tp.Roles {
		w.Roles = append(w.Roles, placementOption{Value: r.ID, Label: r.Name})
	}
	w.Roles = append(w.Roles, placementOption{Value: notPlacedValue, Label: onceEnglish().T("placement.not_placed")})
	page.WhatIf = w
}

// whatIfText says a what-if's change in a sentence: "Move Dana to Account
// manager: −$1,200 a month".
func whatIfText(m money, w *app.WhatIf) (string, bool) {
	en := onceEnglish()
	where := en.T("placement.whatif.where", w.RoleName)
	if w.RoleID == "" {
		where = en.T("placement.whatif.out")
	}
	switch {
	case w.Same:
		return en.T("placement.whatif.same", w.PersonName), false
	case w.Pinned:
		return en.T("placement.whatif.pinned", w.PersonName), false
	case !w.Change.Possible:
		return en.T("placement.whatif.impossible", w.PersonName, where), false
	}
	return en.T("placement.whatif.answer", w.PersonName, where, changeText(m, w.Change)), w.Change.Value < 0
}

// orElse is s, or alt when s is empty.
func orElse(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// askWhatIf answers the page's what-if when the address asks one
// (?move=PERSON&to=ROLE or to=none); an unknown person or role comes back
// as the page's error.
func askWhatIf(c *fiber.Ctx, page *placementPage, tp *app.TeamPlacement, m money) error {
	person, role := c.Query("move"), c.Query("to")
	if tp.Plan == nil {
		return nil
	}
	page.whatIfForm(tp, person, role)
	if person == "" {
		return nil
	}
	roleID := role
	if role == notPlacedValue {
		roleID = ""
	}
	w, err := tp.WhatIf(person, roleID)
	if err != nil {
		return err
	}
	page.WhatIf.Answer, page.WhatIf.Costly = whatIfText(m, w)
	moves, err := tp.WhatIfMoves(c.UserContext(), person, roleID)
	if err != nil {
		return err
	}
	for _, mv := range moves {
		page.WhatIf.Moves = append(page.WhatIf.Moves, whatIfMove{PersonID: mv.PersonID, Name: mv.Name,
			From: orElse(mv.FromName, onceEnglish().T("placement.whatif.not_placed")), To: orElse(mv.ToName, onceEnglish().T("placement.whatif.not_placed"))})
	}
	if !slices.ContainsFunc(page.WhatIf.People, func(o placementOption) bool { return o.Value == person }) {
		page.WhatIf.People = append(page.WhatIf.People, placementOption{Value: person, Label: w.PersonName})
	}
	return nil
}
