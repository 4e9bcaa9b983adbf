package store_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// TestRecordResponsePerson checks that a response is stored only for a
// person of the organisation, now that the person is not read again in
// the transaction: an unknown person, another organisation's person and
// an erased person are "not found" for a self-report and a rating alike,
// and leave no response behind.
func TestRecordResponsePerson(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := store.ActorOf(a)
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		theirs, _ := st.Scope(org2.ID).CreatePerson(ctx, store.NewPerson{Name: "Theirs", Kind: store.Staff}, store.ActorOf(a2))
		erased, _ := o.CreatePerson(ctx, store.NewPerson{Name: "Gone", Kind: store.Staff}, by)
		if err := o.ErasePerson(ctx, erased.ID, by); err != nil {
			t.Fatal(err)
		}
		ours, _ := o.CreatePerson(ctx, store.NewPerson{Name: "Ours", Kind: store.Staff}, by)
		record := func(id, view string) error {
			_, err := o.RecordResponse(ctx, store.NewResponse{PersonID: id, QuestionnaireID: "q", QuestionnaireVersion: 1,
				Answers: map[string]int{"a": 1}, View: view, Scored: store.Scored{Result: json.RawMessage(`{}`)}}, by)
			return err
		}
		for _, view := range []string{store.ViewSelf, store.ViewManager} {
			for name, id := range map[string]string{"unknown": "NOSUCHPERSON", "another organisation's": theirs.ID, "erased": erased.ID} {
				if err := record(id, view); errs.Code(err) != errs.CodeNotFound {
					t.Errorf("%s person, %s view: got %v, want not found", name, view, err)
				}
			}
			if err := record(ours.ID, view); err != nil {
				t.Errorf("our person, %s view: got %v, want stored", view, err)
			}
		}
		for _, id := range []string{theirs.ID, erased.ID} {
			if rs, err := st.Scope(org2.ID).PersonResponses(ctx, id); err != nil {
				t.Fatalf("read: %v", err)
			} else if len(rs) != 0 {
				t.Errorf("got %d responses of a person not ours, want 0", len(rs))
			}
		}
		if rs, err := o.PersonResponses(ctx, ours.ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(rs) != 2 {
			t.Errorf("got %d responses of our person, want 2", len(rs))
		}
		if p, err := o.Person(ctx, ours.ID); err != nil {
			t.Fatalf("read: %v", err)
		} else if p.ProfileResponseID == nil {
			t.Errorf("got no profile after a self-report, want one")
		}
	})
}

// TestEncodeJSON checks the reply built from the stored JSON against
// encoding/json's own encoding of the same response, for a response just
// stored and for one read back.
func TestEncodeJSON(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := store.ActorOf(a)
		p, _ := o.CreatePerson(ctx, store.NewPerson{Name: "Ann", Kind: store.Staff}, by)
		score := 3.25
		for _, nr := range []store.NewResponse{
			{PersonID: p.ID, QuestionnaireID: "q", QuestionnaireVersion: 2, QuestionnaireHash: "sha256:<&>",
				Answers: map[string]int{"b": 2, "a": 1, "c<": 5}, PageSeconds: []float64{1.5, 20},
				Scored: store.Scored{Result: json.RawMessage(`{"note":"\u003c\u0026","scales":[1,2.5]}`), ScoringVersion: 3,
					Scores: []store.ScoreRow{{ScaleID: "hunter", Kind: store.ScaleComposite, Score: &score}}}},
			{PersonID: p.ID, QuestionnaireID: "manager-rating", QuestionnaireVersion: 1, View: store.ViewManager, RatedBy: "Ada <boss>",
				Answers: map[string]int{}, Scored: store.Scored{Result: json.RawMessage(`{}`)}},
		} {
			r, err := o.RecordResponse(ctx, nr, by)
			if err != nil {
				t.Fatal(err)
			}
			back, err := o.Response(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			for name, r := range map[string]*store.Response{"stored": r, "read back": back} {
				got, err := r.EncodeJSON()
				if err != nil {
					t.Fatal(err)
				}
				want, _ := json.Marshal(r)
				if !bytes.Equal(got, want) {
					t.Errorf("%s: got %s\nwant %s", name, got, want)
				}
			}
		}
	})
}
