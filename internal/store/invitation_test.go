package store_test

import (
	"encoding/json"
	"rolefit"
	"sync"
	"testing"
	"time"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

type invFixture struct {
	st     *store.Store
	o      *store.Scope
	by     rolefit.Actor
	person *rolefit.Person
}

func newInvFixture(t *testing.T, st *store.Store) invFixture {
	org, a, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
	if err != nil {
		t.Fatal(err)
	}
	o := st.Scope(org.ID)
	p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Kind: rolefit.Candidate}, rolefit.ActorOf(a))
	if err != nil {
		t.Fatal(err)
	}
	return invFixture{st: st, o: o, by: rolefit.ActorOf(a), person: p}
}

func (f invFixture) invite(t *testing.T) (*rolefit.Invitation, string) {
	t.Helper()
	inv, token, err := f.o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: f.person.ID, QuestionnaireID: "q",
		QuestionnaireVersion: 1, QuestionnaireHash: "sha256:x"}, f.by)
	if err != nil {
		t.Fatal(err)
	}
	return inv, token
}

// started invites the fixture's person and, as the respondent, consents
// and saves answers (none when answers is nil).
func (f invFixture) started(t *testing.T, answers map[string]int) (*rolefit.Invitation, string, *store.Respondent) {
	t.Helper()
	inv, token := f.invite(t)
	r, err := f.st.Respondent(ctx, token)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Consent(ctx, "ok", ""); err != nil {
		t.Fatal(err)
	}
	if answers != nil {
		if err := r.SaveAnswers(ctx, answers, -1); err != nil {
			t.Fatal(err)
		}
	}
	return inv, token, r
}

func sumScore(answers map[string]int, secs []float64) (store.Scored, error) {
	if len(answers) < 2 {
		return store.Scored{}, errs.InvalidFields("unanswered", map[string]string{"answers.b": "is required"})
	}
	h := float64(answers["a"])
	res, _ := json.Marshal(map[string]any{"n": len(answers), "secs": secs})
	return store.Scored{Result: res, Scores: []store.ScoreRow{{ScaleID: "hunter", Kind: store.ScaleComposite, Score: &h}}}, nil
}

func TestInvitationLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		f := newInvFixture(t, st)
		inv, token := f.invite(t)
		if stored := storetest.QueryString(t, st, "SELECT token_hash FROM invitations WHERE id = '"+inv.ID+"'"); stored == token || stored != store.HashToken(token) || len(token) < 32 {
			t.Fatalf("token %q stored as %q", token, stored)
		}
		if got := inv.ExpiresAt.Sub(inv.CreatedAt); got != rolefit.DefaultInvitationDays*rolefit.Day {
			t.Errorf("default expiry after %v", got)
		}
		if _, err := st.Respondent(ctx, "forged"); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("forged token = %v", err)
		}
		r, err := st.Respondent(ctx, token)
		if err != nil || r.Inv.ID != inv.ID || r.Person.ID != f.person.ID || r.Org.Name != "Acme" {
			t.Fatalf("Respondent = %+v, %v", r, err)
		}
		if err := r.SaveAnswers(ctx, map[string]int{"a": 1}, -1); errs.Code(err) != errs.CodeConflict {
			t.Errorf("answers before consent = %v, want conflict", err)
		}
		if err := r.Consent(ctx, "I agree", ""); err != nil {
			t.Fatal(err)
		}
		if got, err := f.o.Invitation(ctx, inv.ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if got.State(clock.Now()) != rolefit.InvitationStarted || got.ConsentedAt == nil || got.ConsentText != "I agree" {
			t.Errorf("after consent: %+v", got)
		}
		// Page time: shown, 40 s, answered.
		r.PageShown(ctx, 0)
		clock.Advance(40 * time.Second)
		r.PageShown(ctx, 0) // a reload keeps the visit's start
		clock.Advance(5 * time.Second)
		if err := r.SaveAnswers(ctx, map[string]int{"a": 4}, 0); err != nil {
			t.Fatal(err)
		}
		if err := r.SaveAnswers(ctx, map[string]int{"a": 5, "b": 2}, -1); err != nil {
			t.Fatal(err)
		}
		d, _ := r.Drafts(ctx)
		if d["a"] != 5 || d["b"] != 2 || len(d) != 2 {
			t.Errorf("drafts = %v", d)
		}
		// Resuming on another device sees the same answers.
		r2, _ := st.Respondent(ctx, token)
		if d2, err := r2.Drafts(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if d2["a"] != 5 {
			t.Errorf("resumed drafts = %v", d2)
		}
		resp, err := r.Submit(ctx, 2, "en", sumScore)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Answers["a"] != 5 || resp.PageSeconds[0] != 45 || resp.QuestionnaireHash != "sha256:x" {
			t.Errorf("response = %+v", resp)
		}
		if _, err := r2.Submit(ctx, 2, "en", sumScore); errs.Code(err) != errs.CodeConflict {
			t.Errorf("second submit = %v, want conflict", err)
		}
		if err := r2.SaveAnswers(ctx, map[string]int{"a": 1}, -1); errs.Code(err) != errs.CodeConflict {
			t.Errorf("answer after submit = %v, want conflict", err)
		}
		got, _ := f.o.Invitation(ctx, inv.ID)
		if got.State(clock.Now()) != rolefit.InvitationSubmitted || got.SubmittedAt == nil {
			t.Errorf("after submit: %+v", got)
		}
		rs, _ := f.o.PersonResponses(ctx, f.person.ID)
		if len(rs) != 1 || rs[0].Answers["b"] != 2 {
			t.Errorf("stored responses = %+v", rs)
		}
		if err := f.o.WithdrawInvitation(ctx, inv.ID, f.by); errs.Code(err) != errs.CodeConflict {
			t.Errorf("withdraw a submitted invitation = %v", err)
		}
	})
}

func TestSubmitWithMissingAnswersStoresNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		f := newInvFixture(t, st)
		inv, _, r := f.started(t, map[string]int{"a": 3})
		if _, err := r.Submit(ctx, 1, "en", sumScore); errs.FieldsOf(err)["answers.b"] == "" {
			t.Errorf("incomplete submit = %v", err)
		}
		got, _ := f.o.Invitation(ctx, inv.ID)
		if got.Status != rolefit.InvitationStarted {
			t.Errorf("status after a refused submit = %s", got.Status)
		}
		if d, err := r.Drafts(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if d["a"] != 3 {
			t.Errorf("a refused submit lost the saved answers: %v", d)
		}
		if rs, err := f.o.PersonResponses(ctx, f.person.ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(rs) != 0 {
			t.Errorf("a refused submit stored %d responses", len(rs))
		}
	})
}

func TestExpiryWithdrawExtendRenew(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		f := newInvFixture(t, st)
		inv, token, r := f.started(t, nil)
		clock.Advance(rolefit.DefaultInvitationDays * rolefit.Day)
		if r.State() != rolefit.InvitationExpired {
			t.Errorf("state after expiry = %s", r.State())
		}
		if err := r.SaveAnswers(ctx, map[string]int{"a": 1}, -1); errs.Code(err) != errs.CodeConflict {
			t.Errorf("answer after expiry = %v", err)
		}
		if _, err := f.o.ExtendInvitation(ctx, inv.ID, 0, f.by); errs.FieldsOf(err)["days"] == "" {
			t.Errorf("extend by 0 = %v", err)
		}
		ext, err := f.o.ExtendInvitation(ctx, inv.ID, 3, f.by)
		if err != nil || !ext.ExpiresAt.Equal(clock.Now().Add(3*24*time.Hour)) {
			t.Fatalf("extend = %+v, %v", ext, err)
		}
		if err := r.SaveAnswers(ctx, map[string]int{"a": 1}, -1); err != nil {
			t.Errorf("answer after extension = %v", err)
		}
		newToken, err := f.o.RenewInvitationLink(ctx, inv.ID, f.by)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Respondent(ctx, token); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("old link after renewal = %v", err)
		}
		r2, err := st.Respondent(ctx, newToken)
		if err != nil {
			t.Fatal(err)
		}
		if d, err := r2.Drafts(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if d["a"] != 1 {
			t.Errorf("renewal lost answers: %v", d)
		}
		if err := f.o.WithdrawInvitation(ctx, inv.ID, f.by); err != nil {
			t.Fatal(err)
		}
		if r2, _ = st.Respondent(ctx, newToken); r2.State() != rolefit.InvitationWithdrawn {
			t.Errorf("state after withdrawal = %s", r2.State())
		}
		if _, err := f.o.ExtendInvitation(ctx, inv.ID, 1, f.by); errs.Code(err) != errs.CodeConflict {
			t.Errorf("extend a withdrawn invitation = %v", err)
		}
		// Another organisation cannot touch it.
		org2, b, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		if err := st.Scope(org2.ID).WithdrawInvitation(ctx, inv.ID, rolefit.ActorOf(b)); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("Beta withdraws Acme's invitation = %v", err)
		}
		if _, _, err := st.Scope(org2.ID).CreateInvitation(ctx, rolefit.NewInvitation{PersonID: f.person.ID, QuestionnaireID: "q", QuestionnaireVersion: 1}, rolefit.ActorOf(b)); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("Beta invites Acme's person = %v", err)
		}
	})
}

// Two tabs submitting at the same moment store one response.
func TestConcurrentSubmitStoresOneResponse(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		f := newInvFixture(t, st)
		_, token, _ := f.started(t, map[string]int{"a": 3, "b": 4})
		const tabs = 8
		var wg sync.WaitGroup
		results := make(chan error, tabs)
		start := make(chan struct{})
		for i := 0; i < tabs; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				tab, err := st.Respondent(ctx, token)
				if err != nil {
					results <- err
					return
				}
				<-start
				_, err = tab.Submit(ctx, 1, "en", sumScore)
				results <- err
			}()
		}
		close(start)
		wg.Wait()
		close(results)
		ok, conflicts := 0, 0
		for err := range results {
			switch {
			case err == nil:
				ok++
			case errs.Code(err) == errs.CodeConflict:
				conflicts++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		if ok != 1 || conflicts != tabs-1 {
			t.Errorf("%d submissions stored and %d refused, want 1 and %d", ok, conflicts, tabs-1)
		}
		if rs, err := f.o.PersonResponses(ctx, f.person.ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(rs) != 1 {
			t.Errorf("%d responses stored, want 1", len(rs))
		}
	})
}

// Many submissions at once, some of which fail (a second tab, unanswered
// statements, a rating of a person who does not exist), each get their
// own outcome: on SQLite they share group commits, and every good one is
// stored once with its own answers.
func TestConcurrentSubmissionsEachGetTheirOwnOutcome(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		f := newInvFixture(t, st)
		const n = 40
		incomplete := func(i int) bool { return i%4 == 1 }
		tokens := make([]string, n)
		for i := range n {
			answers := map[string]int{"a": 1 + i%5, "b": 1 + i/5%5}
			if incomplete(i) {
				answers = map[string]int{"a": 1 + i%5}
			}
			_, tokens[i], _ = f.started(t, answers)
		}
		type result struct {
			i   int
			err error
			id  string
		}
		results := make(chan result, 2*n+n/4)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range 2 * n { // every invitation from two tabs
			tab, err := st.Respondent(ctx, tokens[i%n])
			if err != nil {
				t.Fatal(err)
			}
			wg.Go(func() {
				<-start
				r, err := tab.Submit(ctx, 1, "en", sumScore)
				res := result{i: i % n, err: err}
				if r != nil {
					res.id = r.ID
				}
				results <- res
			})
		}
		for range n / 4 {
			wg.Go(func() {
				<-start
				_, err := f.o.RecordResponse(ctx, store.NewResponse{PersonID: "NOSUCHPERSON", QuestionnaireID: "q", QuestionnaireVersion: 1,
					Answers: map[string]int{"a": 1}, View: rolefit.ViewManager, Scored: store.Scored{Result: json.RawMessage(`{}`)}}, f.by)
				results <- result{i: -1, err: err}
			})
		}
		close(start)
		wg.Wait()
		close(results)
		saved := map[int][]string{}
		for r := range results {
			switch {
			case r.i < 0:
				if errs.Code(r.err) != errs.CodeNotFound {
					t.Errorf("rating of no one: got %v, want not found", r.err)
				}
			case incomplete(r.i):
				if errs.Code(r.err) != errs.CodeInvalid || errs.FieldsOf(r.err)["answers.b"] == "" {
					t.Errorf("invitation %d without b: got %v, want answers.b invalid", r.i, r.err)
				}
			case r.err == nil:
				saved[r.i] = append(saved[r.i], r.id)
			case errs.Code(r.err) != errs.CodeConflict:
				t.Errorf("invitation %d: got %v, want saved or already submitted", r.i, r.err)
			}
		}
		rs, err := f.o.PersonResponses(ctx, f.person.ID)
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]rolefit.Response{}
		for _, r := range rs {
			byID[r.ID] = r
		}
		want := 0
		for i := range n {
			if incomplete(i) {
				continue
			}
			want++
			if len(saved[i]) != 1 {
				t.Errorf("invitation %d: saved %d times, want once", i, len(saved[i]))
				continue
			}
			r, ok := byID[saved[i][0]]
			if !ok || r.Answers["a"] != 1+i%5 || r.Answers["b"] != 1+i/5%5 {
				t.Errorf("invitation %d: stored %v (found %v), want a=%d b=%d", i, r.Answers, ok, 1+i%5, 1+i/5%5)
			}
		}
		if len(rs) != want {
			t.Errorf("got %d responses stored, want %d", len(rs), want)
		}
	})
}
