package app_test

import (
	"fmt"
	"testing"

	"rolefit/internal/app"
)

// BenchmarkTeam is the team map of an organisation where everyone has a
// profile: one page as the API gives it by default (50), one as the team
// page shows it (500), and every page of 500 one after another.
func BenchmarkTeam(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, limit := range []int{50, 500} {
			b.Run(fmt.Sprintf("people=%d/limit=%d", n, limit), func(b *testing.B) {
				s := seed(b, n)
				uc, st := s.start(b)
				defer st.Close()
				for b.Loop() {
					page, err := uc.Team(ctx, s.actor, app.TeamQuery{Limit: limit})
					if err != nil || len(page.Items) != limit {
						b.Fatalf("%d points, %v", len(page.Items), err)
					}
				}
			})
		}
		b.Run(fmt.Sprintf("people=%d/all", n), func(b *testing.B) {
			s := seed(b, n)
			uc, st := s.start(b)
			defer st.Close()
			for b.Loop() {
				got, cursor := 0, ""
				for {
					page, err := uc.Team(ctx, s.actor, app.TeamQuery{Limit: 500, Cursor: cursor})
					if err != nil {
						b.Fatal(err)
					}
					got += len(page.Items)
					if cursor = page.Next; cursor == "" {
						break
					}
				}
				if got != n {
					b.Fatalf("%d points, want %d", got, n)
				}
			}
		})
	}
}
