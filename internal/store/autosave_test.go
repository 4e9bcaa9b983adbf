package store_test

import (
	"fmt"
	"sync"
	"testing"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// Clicks saved while another tab submits: each click is either in the
// stored response or refused as closed, never acknowledged and then lost,
// and no saved answer is left behind (on PostgreSQL a click is saved by
// one statement that waits for the submission's lock).
func TestAutosavesRacingASubmissionAreKeptOrRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		for round := range 5 {
			f := newInvFixture(t, st)
			inv, token, _ := f.started(t, map[string]int{"a": 3, "b": 4})
			const clicks = 12
			var wg sync.WaitGroup
			saved := make([]error, clicks)
			var submitErr error
			start := make(chan struct{})
			for i := range clicks {
				wg.Add(1)
				go func() {
					defer wg.Done()
					tab, err := st.Respondent(ctx, token)
					if err != nil {
						saved[i] = err
						return
					}
					<-start
					saved[i] = tab.SaveAnswers(ctx, map[string]int{fmt.Sprintf("c%d", i): 1 + i%5}, -1)
				}()
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				tab, err := st.Respondent(ctx, token)
				if err != nil {
					submitErr = err
					return
				}
				<-start
				_, submitErr = tab.Submit(ctx, 1, "en", sumScore)
			}()
			close(start)
			wg.Wait()
			if submitErr != nil {
				t.Fatalf("round %d: submit: %v", round, submitErr)
			}
			rs, err := f.o.PersonResponses(ctx, f.person.ID)
			if err != nil || len(rs) != 1 {
				t.Fatalf("round %d: %d responses, %v", round, len(rs), err)
			}
			for i, err := range saved {
				item := fmt.Sprintf("c%d", i)
				_, in := rs[0].Answers[item]
				switch {
				case err == nil && !in:
					t.Errorf("round %d: %s was saved but is not in the response", round, item)
				case err != nil && errs.Code(err) != errs.CodeConflict:
					t.Errorf("round %d: %s: %v", round, item, err)
				case err != nil && in:
					t.Errorf("round %d: %s was refused but is in the response", round, item)
				}
			}
			if n, err := st.DraftCountForTest(ctx, inv.ID); err != nil || n != 0 {
				t.Errorf("round %d: %d saved answers left after the submission (%v)", round, n, err)
			}
		}
	})
}
