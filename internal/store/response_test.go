package store_test

import (
	"encoding/json"
	"rolefit"
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
		by := rolefit.ActorOf(a)
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		theirs, _ := st.Scope(org2.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Theirs", Kind: rolefit.Staff}, rolefit.ActorOf(a2))
		erased, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Gone", Kind: rolefit.Staff}, by)
		if err := o.ErasePerson(ctx, erased.ID, by); err != nil {
			t.Fatal(err)
		}
		ours, _ := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Ours", Kind: rolefit.Staff}, by)
		record := func(id, view string) error {
			_, err := o.RecordResponse(ctx, store.NewResponse{PersonID: id, QuestionnaireID: "q", QuestionnaireVersion: 1,
				Answers: map[string]int{"a": 1}, View: view, Scored: store.Scored{Result: json.RawMessage(`{}`)}}, by)
			return err
		}
		for _, view := range []string{rolefit.ViewSelf, rolefit.ViewManager} {
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
