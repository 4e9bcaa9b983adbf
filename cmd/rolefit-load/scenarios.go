package main

import (
	"context"
	"net/http"
)

// teamPageSize is the page of the team map the team scenario asks for:
// the most GET /api/v1/team gives, and what the team page shows.
const teamPageSize = "500"

// readTarget is the scenarios that read what the manager's pages show:
//
//   - team: the first page of the team map, GET /api/v1/team?limit=500;
//   - placement: GET /api/v1/placement from every client at once, after
//     one untimed request has made the plan, which measures the plan kept
//     until its inputs change (the "warm" plan);
//   - placement-cold: one client, which first records a response through
//     the API for one of --people candidates (a new response changes the
//     placement's inputs) and then times only GET /api/v1/placement: the
//     first view after a change. The response's CPU, on both sides, is
//     left out of the scenario's CPU a request, and the last placement
//     runs to its end after --duration, so one slower than that is still
//     measured.
func (w *workload) readTarget(ctx context.Context, scenario string) (target, error) {
	switch scenario {
	case "team":
		return target{want: http.StatusOK, build: func(int) (*http.Request, error) {
			return w.api(http.MethodGet, "/api/v1/team?limit="+teamPageSize, "")
		}}, nil
	case "placement":
		// One request first, untimed, so that the plan is kept before
		// the clients ask for it.
		warm := func() error { return w.call(ctx, http.MethodGet, "/api/v1/placement", "", http.StatusOK, nil) }
		return target{want: http.StatusOK, warm: warm, build: func(int) (*http.Request, error) {
			return w.api(http.MethodGet, "/api/v1/placement", "")
		}}, nil
	}
	// placement-cold
	if err := w.prepare(ctx); err != nil {
		return target{}, err
	}
	setup := &setupCPU{}
	return target{want: http.StatusOK, clients: 1, setup: setup, finish: true, build: func(i int) (*http.Request, error) {
		err := setup.measure(w.cfg, func() error {
			return w.call(ctx, http.MethodPost, "/api/v1/responses", w.submitBody(w.people[i%len(w.people)], i), http.StatusCreated, nil)
		})
		if err != nil {
			return nil, err
		}
		return w.api(http.MethodGet, "/api/v1/placement", "")
	}}, nil
}
