package server

import (
	"io"
	"net/url"
	"rolefit"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/errs"
)

type peoplePage struct {
	Rows   []app.PersonRow
	Next   string // URL of the next page, or ""
	Search string
	Kind   string
	Sort   string
	// Invitation, Class, Flags and Earlier are the chosen filters;
	// Filtered says any filter or search is set.
	Invitation, Class, Flags, Earlier string
	Filtered                          bool
	// Total counts the people listed before the filters, EarlierApplicants
	// the earlier applicants (listed only when Earlier asks).
	Total, EarlierApplicants int64
	Kinds                    []rolefit.PersonKind
	// Added are the people the last import added (at most maxAddedShown),
	// each with a link to their page; AddedMore counts those beyond.
	Added     []rolefit.Person
	AddedMore int
	// CSV is the pasted file, kept when it had problems so nothing typed
	// is lost.
	CSV string
	// ImportFailed says the page's message is about an import (also of a
	// spreadsheet file, which is not put back as text).
	ImportFailed bool
	// Questionnaires can be chosen for inviting the people selected.
	Questionnaires []*assess.Questionnaire
	// Languages are the languages a bulk invitation may name.
	Languages []languageChoice
	// Bulk is the invitation of the selected people, as sent back when it
	// was refused.
	Bulk bulkEcho
	// Stages and Today are the bulk hiring outcome's choices and date.
	Stages []rolefit.Stage
	Today  string
}

// bulkEcho is what a refused invitation of the selected people puts back
// on the page: who was selected and what is wrong, person by person.
type bulkEcho struct {
	Failed   bool
	Selected map[string]bool
	Problems []string
}

// peopleQueryOf reads the list's filters from the query string.
func peopleQueryOf(c *fiber.Ctx) (app.PeopleQuery, error) {
	q := app.PeopleQuery{Cursor: c.Query("cursor"), Search: c.Query("search"), Kind: c.Query("kind"), Sort: c.Query("sort"),
		Invitation: c.Query("invitation"), Class: c.Query("class"), Flags: c.Query("flags"), Earlier: c.Query("earlier")}
	if l := c.Query("limit"); l != "" {
		n := c.QueryInt("limit", -1)
		if n < 1 || n > 500 {
			return q, errs.InvalidFields("The page size is out of range.", map[string]string{"limit": "must be a whole number from 1 to 500"})
		}
		q.Limit = n
	}
	return q, nil
}

// importEcho is what a refused import puts back on the page.
type importEcho struct {
	Failed bool
	CSV    string
}

func renderPeople(c *fiber.Ctx, uc *app.App, rnd *renderer, status int, v *view, imp importEcho) error {
	return renderPeopleWith(c, uc, rnd, status, v, imp, bulkEcho{})
}

func renderPeopleWith(c *fiber.Ctx, uc *app.App, rnd *renderer, status int, v *view, imp importEcho, bulk bulkEcho) error {
	q, err := peopleQueryOf(c)
	if err != nil {
		return err
	}
	if q.Limit == 0 {
		q.Limit = 100
	}
	page, err := uc.People(c.UserContext(), actorOf(c), q)
	if err != nil {
		return err
	}
	p := peoplePage{Stages: rolefit.Stages, Today: uc.Now().UTC().Format("2006-01-02"), Rows: page.Items, Search: q.Search, Kind: q.Kind, Sort: q.Sort, Total: page.Total, EarlierApplicants: page.EarlierApplicants,
		Invitation: q.Invitation, Class: q.Class, Flags: q.Flags, Earlier: q.Earlier,
		Filtered: q.Search != "" || q.Kind != "" || q.Invitation != "" || q.Class != "" || q.Flags != "" || q.Earlier == app.EarlierOnly,
		Kinds:    []rolefit.PersonKind{rolefit.Candidate, rolefit.Staff}, CSV: imp.CSV, ImportFailed: imp.Failed,
		Questionnaires: uc.LatestQuestionnaires(), Bulk: bulk}
	for _, l := range uc.Messages().Languages() {
		p.Languages = append(p.Languages, languageChoice{Tag: l, Name: app.LanguageName(l)})
	}
	if ids := takeAdded(c); len(ids.shown) > 0 {
		if p.Added, err = uc.PeopleByID(c.UserContext(), actorOf(c), ids.shown); err != nil {
			return err
		}
		p.AddedMore = ids.more
	}
	if page.Next != "" {
		u := url.Values{"cursor": {page.Next}}
		for k, val := range map[string]string{"search": q.Search, "kind": q.Kind, "sort": q.Sort,
			"invitation": q.Invitation, "class": q.Class, "flags": q.Flags, "earlier": q.Earlier} {
			if val != "" {
				u.Set(k, val)
			}
		}
		p.Next = "/people?" + u.Encode()
	}
	if v.Form == nil {
		v.Form = map[string]string{"kind": string(rolefit.Candidate)}
	}
	v.Data = p
	return rnd.render(c, status, "people", v)
}

// handlePeople lists the organisation's people, with forms to add one or
// many.
func handlePeople(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return renderPeople(c, uc, rnd, fiber.StatusOK, pageView(c, rnd.english.T("people.title"), "people"), importEcho{})
	}
}

// handlePersonCreate adds one person.
func handlePersonCreate(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		form := map[string]string{"name": c.FormValue("name"), "email": c.FormValue("email"),
			"kind": c.FormValue("kind"), "job_title": c.FormValue("job_title")}
		p, err := uc.AddPerson(c.UserContext(), actorOf(c), rolefit.NewPerson{Name: form["name"], Email: form["email"],
			Kind: rolefit.PersonKind(form["kind"]), JobTitle: form["job_title"]})
		if code := errs.Code(err); code == errs.CodeInvalid || code == errs.CodeConflict {
			v := pageView(c, rnd.english.T("people.title"), "people")
			v.Message, v.Errors, v.Form = errs.Message(err), errs.FieldsOf(err), form
			return renderPeople(c, uc, rnd, statusOf[code], v, importEcho{})
		}
		if err != nil {
			return err
		}
		flash(c, rnd.english.T("people.flash.added", p.Name))
		return c.Redirect("/people/"+p.ID, fiber.StatusSeeOther)
	}
}

// handlePeopleImport adds people from a CSV or XLSX file: all of them, or, when any row
// has a problem, none, with a report naming each row and column; the
// pasted text is kept so nothing typed is lost.
func handlePeopleImport(uc *app.App, rnd *renderer) fiber.Handler {
	return func(c *fiber.Ctx) error {
		text, err := readImport(c)
		if err != nil {
			return err
		}
		res, err := uc.ImportPeople(c.UserContext(), actorOf(c), text)
		if code := errs.Code(err); code == errs.CodeInvalid || code == errs.CodeConflict {
			v := pageView(c, rnd.english.T("people.title"), "people")
			v.Message, v.Errors = errs.Message(err), errs.FieldsOf(err)
			echo := importEcho{Failed: true}
			if !app.IsXLSX(text) {
				echo.CSV = string(text)
			}
			return renderPeople(c, uc, rnd, statusOf[code], v, echo)
		}
		if err != nil {
			return err
		}
		flash(c, res.Message())
		rememberAdded(c, res.People)
		return c.Redirect("/people", fiber.StatusSeeOther)
	}
}

// readImport gets the file (CSV or XLSX) uploaded, or the text box's CSV.
// It reads one byte past app.MaxUploadBytes, so that a larger file is
// refused as too large rather than cut short and read as shorter.
func readImport(c *fiber.Ctx) ([]byte, error) {
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		f, err := fh.Open()
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(io.LimitReader(f, app.MaxUploadBytes+1))
	}
	return []byte(c.FormValue("csv")), nil
}
