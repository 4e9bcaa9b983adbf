package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

// prepareCopied reads, once, the answers to grow people with: those of up
// to maxCopied responses already in the organisation to the questionnaire
// the harness sends, of its current version and with no quality flag
// (the team map's people without flags, then the earlier applicants, such
// as the demo's), each read through GET /api/v1/people/{id}/export.
// Grown people answer as these attentive people did: the random answers
// of the submission scenario are flagged likely careless, and placement
// leaves a candidate so flagged out until a manager has looked. Where the
// organisation has none, the random answers are used and a line says so.
func (w *workload) prepareCopied(ctx context.Context, label string) error {
	if err := w.prepareAnswers(ctx); err != nil {
		return err
	}
	w.copiedOnce.Do(func() {
		ids, err := w.copyCandidates(ctx)
		if err != nil {
			w.copiedErr = err
			return
		}
		for _, id := range ids {
			a, ok, err := w.unflaggedAnswers(ctx, id)
			if err != nil {
				w.copiedErr = err
				return
			}
			if ok {
				w.copied = append(w.copied, a)
			}
		}
		if len(w.copied) == 0 {
			w.progressf("%s: no answers without quality flags to copy; grown people answer at random, are flagged likely careless, and placement leaves them out", label)
			w.copied = w.answers
			return
		}
		w.progressf("%s: grown people copy the answers of %d earlier responses without quality flags", label, len(w.copied))
	})
	return w.copiedErr
}

// copyCandidates lists the people whose answers may be copied: the team
// map's without flags, then the earlier applicants, at most maxCopied.
func (w *workload) copyCandidates(ctx context.Context) ([]string, error) {
	var ids []string
	for _, list := range []struct {
		path  string
		query url.Values
	}{
		{"/api/v1/team", url.Values{"limit": {"500"}}},
		{"/api/v1/people", url.Values{"limit": {"500"}, "earlier": {"only"}}},
	} {
		cursor := ""
		for len(ids) < maxCopied {
			var page struct {
				Items []struct {
					ID       string `json:"id"`
					PersonID string `json:"person_id"`
					Flags    int    `json:"flags"`
				} `json:"items"`
				NextCursor string `json:"next_cursor"`
			}
			if cursor != "" {
				list.query.Set("cursor", cursor)
			}
			if err := w.call(ctx, http.MethodGet, list.path+"?"+list.query.Encode(), "", http.StatusOK, &page); err != nil {
				return nil, err
			}
			for _, p := range page.Items {
				id := p.PersonID // the team map's name for it
				if id == "" {
					id = p.ID
				}
				if p.Flags == 0 && len(ids) < maxCopied {
					ids = append(ids, id)
				}
			}
			if page.NextCursor == "" {
				break
			}
			cursor = page.NextCursor
		}
	}
	return ids, nil
}

// unflaggedAnswers returns the answers, as a JSON object, of person id's
// newest self-report to the questionnaire the harness sends, when it is
// of the version the harness answers, answers every item and raised no
// quality flag.
func (w *workload) unflaggedAnswers(ctx context.Context, id string) (string, bool, error) {
	var export struct {
		Responses []struct {
			Questionnaire string          `json:"questionnaire"`
			Version       int             `json:"questionnaire_version"`
			View          string          `json:"view"`
			Answers       map[string]int  `json:"answers"`
			Result        json.RawMessage `json:"result"`
		} `json:"responses"`
	}
	if err := w.call(ctx, http.MethodGet, "/api/v1/people/"+url.PathEscape(id)+"/export", "", http.StatusOK, &export); err != nil {
		return "", false, err
	}
	for i := len(export.Responses) - 1; i >= 0; i-- {
		r := export.Responses[i]
		if r.Questionnaire != submitQuestionnaire || r.Version != w.version || r.View != "self" || len(r.Answers) != len(w.items) {
			continue
		}
		var res struct {
			Quality struct {
				Flags []json.RawMessage `json:"flags"`
			} `json:"quality"`
		}
		if json.Unmarshal(r.Result, &res) != nil || len(res.Quality.Flags) > 0 {
			continue
		}
		complete := true
		for _, it := range w.items {
			if _, ok := r.Answers[it.id]; !ok {
				complete = false
			}
		}
		if !complete {
			continue
		}
		b, err := json.Marshal(r.Answers)
		return string(b), err == nil, err
	}
	return "", false, nil
}
