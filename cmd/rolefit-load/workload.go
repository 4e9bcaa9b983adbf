package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// workload prepares what the scenarios send: people, invitation links
// with consent given, and valid answers, made through the API once.
type workload struct {
	cfg    config
	client *http.Client

	once    sync.Once
	err     error
	qOnce   sync.Once
	qErr    error
	version int // of the questionnaire the answers are to
	// copied are answers of attentive people already in the
	// organisation, which grown people give (prepareCopied).
	copied     []string
	copiedOnce sync.Once
	copiedErr  error
	people     []string
	answers    []string // JSON objects of valid answers
	items      []item
	pages      int
	links      []string // invitation paths, consent given
	linksOnce  sync.Once
	linksErr   error
}

type item struct {
	id      string
	answers []int
}

func (w *workload) target(ctx context.Context, scenario string) (target, error) {
	switch scenario {
	case "healthz":
		return target{want: http.StatusOK, build: func(int) (*http.Request, error) {
			return http.NewRequest(http.MethodGet, w.url("/healthz"), nil)
		}}, nil
	case "list":
		return target{want: http.StatusOK, build: func(int) (*http.Request, error) {
			return w.api(http.MethodGet, "/api/v1/people?limit=100", "")
		}}, nil
	case "submit":
		if err := w.prepare(ctx); err != nil {
			return target{}, err
		}
		return target{want: http.StatusCreated, build: func(i int) (*http.Request, error) {
			return w.api(http.MethodPost, "/api/v1/responses", w.submitBody(w.people[i%len(w.people)], i))
		}}, nil
	case "page":
		if err := w.prepareLinks(ctx); err != nil {
			return target{}, err
		}
		return target{want: http.StatusOK, build: func(i int) (*http.Request, error) {
			link := w.links[i%len(w.links)]
			return http.NewRequest(http.MethodGet, w.url(fmt.Sprintf("%s/page/%d", link, 1+(i/len(w.links))%w.pages)), nil)
		}}, nil
	case "autosave":
		if err := w.prepareLinks(ctx); err != nil {
			return target{}, err
		}
		return target{want: http.StatusOK, build: func(i int) (*http.Request, error) {
			it := w.items[i%len(w.items)]
			form := url.Values{"item": {it.id}, "value": {strconv.Itoa(it.answers[(i/len(w.items))%len(it.answers)])}}
			req, err := http.NewRequest(http.MethodPost, w.url(w.links[i%len(w.links)]+"/answer"), strings.NewReader(form.Encode()))
			if err == nil {
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Accept", "application/json")
			}
			return req, err
		}}, nil
	case "team", "placement", "placement-cold":
		return w.readTarget(ctx, scenario)
	}
	return target{}, fmt.Errorf("unknown scenario %q (%s)", scenario, strings.Join(scenarioNames, ", "))
}

func (w *workload) url(path string) string { return strings.TrimRight(w.cfg.base.String(), "/") + path }

// api builds an authenticated API request.
func (w *workload) api(method, path, body string) (*http.Request, error) {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, w.url(path), r)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+w.cfg.key)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// call sends one API request and decodes the answer into v.
func (w *workload) call(ctx context.Context, method, path, body string, want int, v any) error {
	req, err := w.api(method, path, body)
	if err != nil {
		return err
	}
	resp, err := w.client.Do(req.WithContext(ctx))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		return fmt.Errorf("%s %s: status %d: %s", method, path, resp.StatusCode, b)
	}
	if v == nil {
		return nil
	}
	return json.Unmarshal(b, v)
}

// submitQuestionnaire is the questionnaire the harness answers.
const submitQuestionnaire = "sales-service"

// submitBody is the body of POST /api/v1/responses: the i-th of the
// prepared sets of answers, for person.
func (w *workload) submitBody(person string, i int) string {
	return `{"person_id":"` + person + `","questionnaire":"sales-service","answers":` + w.answers[i%len(w.answers)] + `}`
}

// prepareAnswers reads the questionnaire's items and makes sets of valid
// answers to it, once.
func (w *workload) prepareAnswers(ctx context.Context) error {
	w.qOnce.Do(func() {
		var q struct {
			Version int `json:"version"`
			Pages   []struct {
				Items []struct {
					ID      string `json:"id"`
					Answers []struct {
						Value int `json:"value"`
					} `json:"answers"`
				} `json:"items"`
			} `json:"pages"`
		}
		if w.qErr = w.call(ctx, http.MethodGet, "/api/v1/questionnaires/"+submitQuestionnaire, "", http.StatusOK, &q); w.qErr != nil {
			return
		}
		w.version = q.Version
		w.pages = len(q.Pages)
		for _, p := range q.Pages {
			for _, it := range p.Items {
				x := item{id: it.ID}
				for _, a := range it.Answers {
					x.answers = append(x.answers, a.Value)
				}
				w.items = append(w.items, x)
			}
		}
		rng := rand.New(rand.NewPCG(1, 2))
		for range 64 {
			a := map[string]int{}
			for _, it := range w.items {
				a[it.id] = it.answers[rng.IntN(len(it.answers))]
			}
			b, _ := json.Marshal(a)
			w.answers = append(w.answers, string(b))
		}
	})
	return w.qErr
}

// prepare creates the people and reads the questionnaire's items, once.
func (w *workload) prepare(ctx context.Context) error {
	if err := w.prepareAnswers(ctx); err != nil {
		return err
	}
	w.once.Do(func() {
		// Candidates an earlier run made are used again, so a rerun on
		// the same database loads as many people as the first.
		if w.people, w.err = w.earlierPeople(ctx); w.err != nil {
			return
		}
		for i := len(w.people); i < w.cfg.people; i++ {
			var p struct {
				ID string `json:"id"`
			}
			body := fmt.Sprintf(`{"name":"%s %d","kind":"candidate"}`, loadPersonName, i+1)
			if w.err = w.call(ctx, http.MethodPost, "/api/v1/people", body, http.StatusCreated, &p); w.err != nil {
				return
			}
			w.people = append(w.people, p.ID)
		}
	})
	return w.err
}

// loadPersonName starts the name of every candidate the harness makes.
const loadPersonName = "Load test person"

// earlierPeople returns the IDs of candidates named by an earlier run of
// the harness, at most as many as the run asks for.
func (w *workload) earlierPeople(ctx context.Context) ([]string, error) {
	var ids []string
	cursor := ""
	for len(ids) < w.cfg.people {
		var page struct {
			Items []struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"items"`
			NextCursor string `json:"next_cursor"`
		}
		q := url.Values{"search": {loadPersonName}, "kind": {"candidate"}, "limit": {"500"}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		if err := w.call(ctx, http.MethodGet, "/api/v1/people?"+q.Encode(), "", http.StatusOK, &page); err != nil {
			return nil, err
		}
		for _, p := range page.Items {
			if strings.HasPrefix(p.Name, loadPersonName+" ") && len(ids) < w.cfg.people {
				ids = append(ids, p.ID)
			}
		}
		if page.NextCursor == "" {
			break
		}
		cursor = page.NextCursor
	}
	return ids, nil
}

// prepareLinks invites the people and gives consent on each link, once.
func (w *workload) prepareLinks(ctx context.Context) error {
	if err := w.prepare(ctx); err != nil {
		return err
	}
	w.linksOnce.Do(func() {
		noRedirect := &http.Client{Timeout: w.client.Timeout, Transport: w.client.Transport,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		for _, p := range w.people {
			var inv struct {
				URL string `json:"url"`
			}
			if w.linksErr = w.call(ctx, http.MethodPost, "/api/v1/invitations", `{"person_id":"`+p+`","questionnaire":"sales-service"}`, http.StatusCreated, &inv); w.linksErr != nil {
				return
			}
			u, err := url.Parse(inv.URL)
			if err != nil {
				w.linksErr = err
				return
			}
			form := url.Values{"consent": {"yes"}}
			req, _ := http.NewRequestWithContext(ctx, http.MethodPost, w.url(u.Path+"/consent"), strings.NewReader(form.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			resp, err := noRedirect.Do(req)
			if err != nil {
				w.linksErr = err
				return
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusSeeOther {
				w.linksErr = fmt.Errorf("consent on %s: status %d", u.Path, resp.StatusCode)
				return
			}
			w.links = append(w.links, u.Path)
		}
	})
	return w.linksErr
}
