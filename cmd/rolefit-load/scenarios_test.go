package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"
)

// A request slower than --duration is cut off and not counted, unless the
// scenario lets it finish, as placement-cold does.
func TestFinishCountsARequestSlowerThanTheRun(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(400 * time.Millisecond):
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	cfg := config{concurrency: 4, duration: 100 * time.Millisecond, requests: 100}
	for _, finish := range []bool{false, true} {
		tg := target{want: http.StatusOK, clients: 1, finish: finish, build: func(int) (*http.Request, error) {
			return http.NewRequest(http.MethodGet, srv.URL, nil)
		}}
		r := hammer(context.Background(), srv.Client(), cfg, "slow", tg)
		want := 0
		if finish {
			want = 1
		}
		if r.Requests != want || r.Errors != 0 || (finish && r.P50ms < 400) {
			t.Errorf("finish %v: %d requests, %d errors (%s), p50 %v ms; want %d and none", finish, r.Requests, r.Errors, r.FirstError, r.P50ms, want)
		}
	}
}

// The placement scenarios are known, and not among the defaults.
func TestPlacementScenariosAreChosenByName(t *testing.T) {
	for _, s := range []string{"team", "placement", "placement-cold"} {
		if !slices.Contains(scenarioNames, s) {
			t.Errorf("%s is not a scenario", s)
		}
		if slices.Contains(strings.Split(defaultScenarios, ","), s) {
			t.Errorf("%s runs by default", s)
		}
	}
}
