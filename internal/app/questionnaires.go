package app

import (
	"fmt"
	"strconv"
	"strings"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
)

// FindQuestionnaire looks up a questionnaire named as "id" (its latest
// version), "id:version", or an id with a separate version (0 = latest).
// An unknown one is an invalid "questionnaire" field listing the known.
func (a *App) FindQuestionnaire(ref string, version int) (*assess.Questionnaire, error) {
	id := strings.TrimSpace(ref)
	if i := strings.LastIndex(id, ":"); i > 0 && version == 0 {
		v, err := strconv.Atoi(id[i+1:])
		if err != nil {
			return nil, errs.InvalidFields("Choose a questionnaire.", map[string]string{"questionnaire": "is not like sales-service or sales-service:1"})
		}
		id, version = id[:i], v
	}
	if id == "" {
		return nil, errs.InvalidFields("Choose a questionnaire.", map[string]string{"questionnaire": "is required"})
	}
	var q *assess.Questionnaire
	var ok bool
	if version == 0 {
		q, ok = a.cat.Latest(id)
	} else {
		q, ok = a.cat.Get(id, version)
	}
	if !ok {
		var known []string
		for _, k := range a.cat.All() {
			known = append(known, Ref(k))
		}
		return nil, errs.InvalidFields("There is no such questionnaire.",
			map[string]string{"questionnaire": fmt.Sprintf("is not one of %s", strings.Join(known, ", "))})
	}
	return q, nil
}

// Ref names a questionnaire version in forms and messages: "id:version".
func Ref(q *assess.Questionnaire) string { return fmt.Sprintf("%s:%d", q.ID, q.Version) }

// Title describes a questionnaire version for managers, also one that is
// no longer installed.
func (a *App) Title(id string, version int) string {
	if q, ok := a.cat.Get(id, version); ok {
		return fmt.Sprintf("%s (%s v%d)", q.Title, id, version)
	}
	if b := a.extras.BankVersion(id, version); b != nil {
		return fmt.Sprintf("%s (%s v%d)", b.Title, id, version)
	}
	return fmt.Sprintf("%s v%d", id, version)
}

// QuestionnaireInfo is what an integrator needs to send a valid response:
// every item's ID, text, page and allowed answers. It leaves out how items
// are scored and checked (keys, expected answers of check items), which a
// respondent must not be able to read.
type QuestionnaireInfo struct {
	ID       string   `json:"id"`
	Version  int      `json:"version"`
	Title    string   `json:"title"`
	Audience []string `json:"audience"`
	Minutes  int      `json:"minutes,omitempty"`
	Hash     string   `json:"hash"`
	// Language is the language of the texts given; Languages are those
	// the questionnaire can be answered in (?lang= any of them).
	Language  string   `json:"language"`
	Languages []string `json:"languages"`
	// Scale is the agree scale most items are answered on.
	Scale assess.ResponseScale `json:"response_scale"`
	// Items counts the items; every one must be answered in
	// POST /api/v1/responses.
	Items int        `json:"items"`
	Pages []PageInfo `json:"pages,omitempty"`
}

// PageInfo is one page of a questionnaire.
type PageInfo struct {
	Number int        `json:"number"`
	Title  string     `json:"title,omitempty"`
	Items  []ItemInfo `json:"items"`
}

// ItemInfo is one item: its answers are Min..Max of the response scale for
// a statement, or the 1-based position of an option for a choice.
type ItemInfo struct {
	ID      string   `json:"id"`
	Text    string   `json:"text,omitempty"`
	Answers []Answer `json:"answers"`
}

// Answer is one allowed answer of an item and what it means.
type Answer struct {
	Value int    `json:"value"`
	Label string `json:"label"`
}

// Questionnaires lists the installed questionnaires, without their items.
func (a *App) Questionnaires() []QuestionnaireInfo {
	var out []QuestionnaireInfo
	for _, q := range a.cat.All() {
		out = append(out, a.describe(q, false))
	}
	return out
}

// Questionnaire describes one questionnaire ("id" or "id:version") with
// every item, its texts in lang ("" for its source language). An unknown
// one is not found; a language it is not offered in is invalid, naming
// the field "lang".
func (a *App) Questionnaire(ref, lang string) (QuestionnaireInfo, error) {
	q, err := a.FindQuestionnaire(ref, 0)
	if err != nil {
		return QuestionnaireInfo{}, errs.NotFound("questionnaire")
	}
	if lang != "" {
		if err := a.checkLanguage(q, "lang", lang); err != nil {
			return QuestionnaireInfo{}, err
		}
		q, _ = q.In(lang)
	}
	return a.describe(q, true), nil
}

func (a *App) describe(q *assess.Questionnaire, items bool) QuestionnaireInfo {
	info := QuestionnaireInfo{ID: q.ID, Version: q.Version, Title: q.Title, Audience: q.Audience, Minutes: q.Minutes,
		Hash: q.Hash, Scale: q.Scale, Items: q.NumItems(), Language: q.Lang, Languages: a.Offered(q)}
	if info.Audience == nil {
		info.Audience = []string{}
	}
	if !items {
		return info
	}
	for p, page := range q.Pages {
		pi := PageInfo{Number: p + 1, Title: page.Title}
		for _, it := range page.Items {
			ii := ItemInfo{ID: it.ID, Text: it.Text}
			if it.Kind == assess.KindChoice && ii.Text == "" {
				ii.Text = a.msgs.Printer(q.Lang, nil).T("page.choice")
			}
			choices, _ := q.Choices(it.ID)
			for _, c := range choices {
				ii.Answers = append(ii.Answers, Answer{Value: c.Value, Label: c.Label})
			}
			pi.Items = append(pi.Items, ii)
		}
		info.Pages = append(info.Pages, pi)
	}
	return info
}
