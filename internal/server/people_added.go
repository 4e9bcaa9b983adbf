package server

import (
	"rolefit"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// After an import the people page lists the people it added, each with a
// link to their page, where they are invited. The import redirects to the
// list (so reloading it adds no one twice), and the IDs travel in a
// cookie read once, like the flash message beside it.

// addedCookie holds the IDs of the people an import added, for the next
// people page.
const addedCookie = "rolefit_added"

// maxAddedShown is how many added people the page names: their IDs (26
// characters each) must fit in one cookie, which browsers keep up to 4 KB.
const maxAddedShown = 100

// addedIDs are the people to name after an import and how many more were
// added.
type addedIDs struct {
	shown []string
	more  int
}

// rememberAdded keeps the IDs of the first maxAddedShown added people and
// the number of the others for the next page.
func rememberAdded(c *fiber.Ctx, people []rolefit.Person) {
	if len(people) == 0 {
		return
	}
	n := min(len(people), maxAddedShown)
	ids := make([]string, n)
	for i := range n {
		ids[i] = people[i].ID
	}
	setCookie(c, addedCookie, strconv.Itoa(len(people)-n)+"."+strings.Join(ids, "."), 60)
}

// takeAdded reads and clears the IDs rememberAdded kept; a cookie not in
// its form is ignored (the IDs are looked up in the organisation anyway).
func takeAdded(c *fiber.Ctx) addedIDs {
	v := c.Cookies(addedCookie)
	if v == "" {
		return addedIDs{}
	}
	setCookie(c, addedCookie, "", -1)
	parts := strings.Split(v, ".")
	more, err := strconv.Atoi(parts[0])
	if err != nil || more < 0 || len(parts) < 2 || len(parts)-1 > maxAddedShown {
		return addedIDs{}
	}
	for _, id := range parts[1:] {
		if id == "" || len(id) > 64 {
			return addedIDs{}
		}
	}
	return addedIDs{shown: parts[1:], more: more}
}
