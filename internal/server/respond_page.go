package server

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/i18n"
)

// The questionnaire's pages: statements shown a page at a time, answers
// saved on every page and, with JavaScript, on every click.

// questionPage is one page of statements.
type questionPage struct {
	Title, Intro string
	Org          string
	PageNo       int // 1-based
	Pages        int
	First, Last  bool
	Action       string
	AnswerURL    string
	Items        []questionItem
	Unanswered   int
	// Progress says which page of how many this is; Texts are the
	// page's other words, in the respondent's language.
	Progress string
	Texts    *pageTexts
}

// pageTexts are the words of a question page that are the same on every
// page in a language: written once per language and kept, as a page
// shown under load calls the catalogue for nothing else but its
// progress (docs/PERFORMANCE.md).
type pageTexts struct {
	Back, Next, Review, Later           string
	Saved, NotSaved, Choose             string
	MissingOne, MissingOther, Statement string
}

var keptPageTexts sync.Map // language → *pageTexts

func pageTextsIn(L *i18n.Printer) *pageTexts {
	if t, ok := keptPageTexts.Load(L.Lang()); ok {
		return t.(*pageTexts)
	}
	t := &pageTexts{Back: L.T("page.back"), Next: L.T("page.next"), Review: L.T("page.review"), Later: L.T("page.later"),
		Saved: L.T("page.script.saved"), NotSaved: L.T("page.script.not_saved"), Choose: L.T("page.choose"),
		MissingOne: L.T("page.script.missing_one"), MissingOther: L.T("page.script.missing_other")}
	got, _ := keptPageTexts.LoadOrStore(L.Lang(), t)
	return got.(*pageTexts)
}

type questionItem struct {
	ID      string
	Number  int
	Text    string
	Choice  bool
	Choices []assess.Choice
	Value   int
	Error   string
	// HTML is the statement as drawn before (see statementCache), or
	// empty: then the page draws it.
	HTML template.HTML
}

// pageNumber reads the 1-based page number of the URL, or not found.
func pageNumber(c *fiber.Ctx, q *assess.Questionnaire) (int, error) {
	n, err := strconv.Atoi(c.Params("n"))
	if err != nil || n < 1 || n > len(q.Pages) {
		return 0, errs.NotFound("page")
	}
	return n, nil
}

// buildPage lays out page n of q (in the respondent's language, which L
// writes), answered for org through the link at base (/i/TOKEN), with the
// given answers and errors by item ID.
func buildPage(q *assess.Questionnaire, L *i18n.Printer, org, base string, n int, answers map[string]int, itemErrs map[string]string) questionPage {
	first := 1
	for _, k := range q.PageItemCounts()[:n-1] {
		first += k
	}
	page := q.Pages[n-1]
	qp := questionPage{Title: page.Title, Intro: assess.FillOrganisation(page.Intro, org), Org: org, PageNo: n, Pages: len(q.Pages),
		First: n == 1, Last: n == len(q.Pages), Action: base + fmt.Sprintf("/page/%d", n), AnswerURL: base + "/answer",
		Progress: L.T("page.progress", n, len(q.Pages)), Texts: pageTextsIn(L)}
	for i, it := range page.Items {
		choices, _ := q.Choices(it.ID)
		qi := questionItem{ID: it.ID, Number: first + i, Text: it.Text, Choice: it.Kind == assess.KindChoice,
			Choices: choices, Value: answers[it.ID], Error: itemErrs[it.ID]}
		if qi.Choice && qi.Text == "" {
			qi.Text = L.T("page.choice")
		}
		if qi.Error != "" {
			qp.Unanswered++
		}
		qp.Items = append(qp.Items, qi)
	}
	return qp
}

// handleRespondPage shows page n with the answers saved so far, and
// starts its clock.
func handleRespondPage(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateConsented, func(c *fiber.Ctx, rs *respondent) error {
		n, err := pageNumber(c, rs.Questionnaire)
		if err != nil {
			return respondError(err, "error.not_found")
		}
		answers, err := rs.Drafts(c.UserContext())
		if err != nil {
			return err
		}
		if err := rs.PageShown(c.UserContext(), n-1); err != nil {
			return err
		}
		return renderQuestions(c, rnd, rs, fiber.StatusOK, n, answers, nil, "")
	})
}

func renderQuestions(c *fiber.Ctx, rnd *renderer, rs *respondent, status, n int, answers map[string]int, itemErrs map[string]string, msg string) error {
	qp := buildPage(rs.q, rs.L, rs.Organisation().Name, rs.path(""), n, answers, itemErrs)
	v := respondView(c, rs, rs.L.T("page.title", rs.q.Title, n, len(rs.q.Pages)))
	set, err := rnd.page(v.Zone, "respond_page")
	if err != nil {
		return err
	}
	for i, it := range qp.Items {
		if it.Error != "" {
			continue // drawn with its message by the page
		}
		if qp.Items[i].HTML, err = rnd.statements.html(set, rs.Questionnaire.Hash, rs.lang, it); err != nil {
			return err
		}
	}
	v.Message = msg
	v.Data = qp
	return rnd.render(c, status, "respond_page", v)
}

// readPageAnswers reads page n's answers from the form. Answers that are
// not whole numbers or not allowed for their item come back as errors by
// item ID, in the respondent's language; the valid ones in the map.
func readPageAnswers(c *fiber.Ctx, rs *respondent, n int) (map[string]int, map[string]string) {
	q := rs.Questionnaire
	form := formValue(c)
	answers, bad, _ := app.ReadAnswers(q, q.Pages[n-1].Items, form)
	for id := range bad {
		bad[id] = rs.L.T("page.not_allowed")
		if _, err := strconv.Atoi(strings.TrimSpace(form(id))); err != nil {
			bad[id] = rs.L.T("page.unreadable")
		}
	}
	return answers, bad
}

// handleRespondPageSave saves page n and moves on. Answers are saved even
// when some statements are still unanswered, which are then pointed out;
// an answer that is not allowed is refused with nothing saved, so a bad
// request never overwrites a good answer.
func handleRespondPageSave(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateConsented, func(c *fiber.Ctx, rs *respondent) error {
		n, err := pageNumber(c, rs.Questionnaire)
		if err != nil {
			return respondError(err, "error.not_found")
		}
		answers, bad := readPageAnswers(c, rs, n)
		saved, err := rs.Drafts(c.UserContext())
		if err != nil {
			return err
		}
		if len(bad) > 0 {
			for id, v := range answers {
				saved[id] = v // show what they chose, though not saved yet
			}
			return renderQuestions(c, rnd, rs, fiber.StatusBadRequest, n, saved, bad, rs.L.T("page.message.bad"))
		}
		if err := rs.SavePage(c.UserContext(), n-1, answers); err != nil {
			return err
		}
		for id, v := range answers {
			saved[id] = v
		}
		switch c.FormValue("action") {
		case "back":
			if n > 1 {
				return c.Redirect(rs.path(fmt.Sprintf("/page/%d", n-1)), fiber.StatusSeeOther)
			}
			return c.Redirect(rs.path(fmt.Sprintf("/page/%d", n)), fiber.StatusSeeOther)
		case "save":
			flash(c, rs.L.T("page.saved"))
			return c.Redirect(rs.path(fmt.Sprintf("/page/%d", n)), fiber.StatusSeeOther)
		}
		missing := map[string]string{}
		for _, it := range rs.Questionnaire.Pages[n-1].Items {
			if _, ok := saved[it.ID]; !ok {
				missing[it.ID] = rs.L.T("page.choose")
			}
		}
		if len(missing) > 0 {
			return renderQuestions(c, rnd, rs, fiber.StatusUnprocessableEntity, n, saved, missing, rs.L.T("page.message.missing", len(missing)))
		}
		if n < len(rs.Questionnaire.Pages) {
			return c.Redirect(rs.path(fmt.Sprintf("/page/%d", n+1)), fiber.StatusSeeOther)
		}
		return c.Redirect(rs.path("/review"), fiber.StatusSeeOther)
	})
}

// handleRespondAnswer saves one answer as it is clicked (with JavaScript),
// so nothing is lost if the tab closes before the page is sent.
func handleRespondAnswer(uc *app.App, rnd *renderer) fiber.Handler {
	return respondentPage(uc, rnd, gateNone, func(c *fiber.Ctx, rs *respondent) error {
		item := c.FormValue("item")
		v, err := rs.SaveAnswer(c.UserContext(), item, c.FormValue("value"))
		if err != nil {
			return err
		}
		return c.JSON(fiber.Map{"saved": item, "value": v})
	})
}
