package server

import (
	"regexp"
	"strings"
	"testing"

	usecases "rolefit/internal/app"
	"rolefit/internal/demo"
)

// On the demo, the profile and the reliability page say the same number
// for the same thing: the organisation's responses now (the earlier
// applicants' among them), which the reliability figures and a new
// response's percentiles rest on; the profile also says how many its own
// percentiles compare with, and no T-score stands unexplained.
func TestDemoNormsSayTheSameN(t *testing.T) {
	f, b := demoFixture(t)
	u, err := f.st.Authenticate(ctx, demo.Manager.Email, demo.Manager.Password)
	if err != nil {
		t.Fatal(err)
	}
	uc := useCases(t, f.st, f.clock, nil, "")
	found, err := uc.People(ctx, usecases.UserActor(u), usecases.PeopleQuery{Search: "Dana Diaz"})
	if err != nil || len(found.Items) != 1 {
		t.Fatalf("find the star seller: %v", err)
	}
	_, profile := b.get("/people/" + found.Items[0].ID)
	m := regexp.MustCompile(`compares them with the (\d+) responses your organisation had before theirs; it has (\d+) now`).FindStringSubmatch(profile)
	if m == nil {
		t.Fatal("the profile does not say how many responses its percentiles compare with and how many there are now")
	}
	before, now := atoi(m[1]), atoi(m[2])
	if before < demo.HistorySize || now <= before {
		t.Errorf("the profile compares with %d responses of %d now; want at least the %d earlier applicants, fewer than now", before, now, demo.HistorySize)
	}
	if !strings.Contains(profile, "The percentiles compare them with the "+m[1]+" responses your organisation had before theirs") {
		t.Error("the profile's reading gives another number than its table")
	}
	scores := between(profile, `<table class="scores stack">`, "</table>")
	if regexp.MustCompile(`\bT \d+|\(n = `).MatchString(scores) {
		t.Errorf("the scores table shows a T-score or a bare n: %s", scores)
	}

	_, rel := b.get("/settings/reliability")
	for _, re := range []string{`Percentiles compare a person with your organisation&#39;s (\d+) responses`, `your organisation&#39;s <strong>(\d+) responses</strong>`, `selected>[^<]*: (\d+) responses</option>`} {
		m := regexp.MustCompile(re).FindStringSubmatch(rel)
		if m == nil {
			t.Errorf("the reliability page lacks %s", re)
		} else if atoi(m[1]) != now {
			t.Errorf("the reliability page says %s where the profile says %d now", m[0], now)
		}
	}
}
