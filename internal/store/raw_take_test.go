package store_test

import (
	"math/rand/v2"
	"reflect"
	"rolefit"
	"testing"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
	"rolefit/questionnaires"
)

// The pre-built reads of a link's invitation, a person and the
// organisation give exactly what GORM's Take gave, field for field, with
// every field set (nullable times and IDs, the organisation's settings),
// on both databases.
func TestPreBuiltReadsMatchGORM(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), true)
		if err != nil {
			t.Fatal(err)
		}
		o, by := st.Scope(org.ID), rolefit.ActorOf(a)
		if err := o.SetSettings(ctx, "EUR", rolefit.Settings{TimeZone: "Europe/Berlin", Language: "de", ProfileCut: 3.25, FitMultiplierLow: 0.5,
			FitMultiplierHigh: 1.5, GrossMargin: 0.65, CostOfHire: 12000, PaybackMonths: 18, FirstReminderDays: 4, SecondReminderDays: 1,
			SelfIDForStaff: true, RespondentFeedback: true}, by); err != nil {
			t.Fatal(err)
		}
		p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Email: "dana@example.com", Kind: rolefit.Staff, JobTitle: "Seller"}, by)
		if err != nil {
			t.Fatal(err)
		}
		role, err := o.CreateRole(ctx, seller(), by)
		if err != nil {
			t.Fatal(err)
		}
		if err := o.SetCurrentRole(ctx, p.ID, role.ID, by); err != nil {
			t.Fatal(err)
		}
		cat, err := assess.LoadCatalog(questionnaires.FS)
		if err != nil {
			t.Fatal(err)
		}
		q, _ := cat.Latest("sales-service")
		rng := rand.New(rand.NewPCG(5, 5))
		r := assess.Simulate(q, rng, assess.Simulation{Traits: assess.RandomTraits(q, rng)})
		sc, err := store.ScoredFrom(assess.Score(q, r, assess.Options{}))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: q.ID, QuestionnaireVersion: q.Version,
			QuestionnaireHash: q.Hash, Answers: r.Answers, Scored: sc}, by); err != nil {
			t.Fatal(err)
		}
		inv, token, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: q.ID,
			QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash, Language: "de"}, by)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := st.Respondent(ctx, token)
		if err != nil {
			t.Fatal(err)
		}
		if err := rs.Consent(ctx, "I agree.", ""); err != nil {
			t.Fatal(err)
		}
		if err := st.ExecForTest(ctx, "UPDATE invitations SET submitted_at = created_at, withdrawn_at = created_at, "+
			"emailed_at = created_at, email_error = 'mailbox full', chosen_language = 'es', reminders_sent = 2 WHERE id = '"+inv.ID+"'"); err != nil {
			t.Fatal(err)
		}

		rs, err = st.Respondent(ctx, token)
		if err != nil {
			t.Fatal(err)
		}
		wantInv, err := st.GORMInvitationForTest(ctx, token)
		if err != nil {
			t.Fatal(err)
		}
		wantPerson, err := o.GORMPersonForTest(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantOrg, err := o.GORMOrganisationForTest(ctx)
		if err != nil {
			t.Fatal(err)
		}
		gotOrg, err := o.Get(ctx)
		if err != nil {
			t.Fatal(err)
		}
		gotPerson, err := o.Person(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		joinedPerson, joinedOrg, err := o.PersonWithOrganisation(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			what      string
			got, want any
		}{
			{"the link's invitation", rs.Inv, wantInv},
			{"the link's person", rs.Person, wantPerson},
			{"the link's organisation", rs.Org, wantOrg},
			{"Scope.Get", gotOrg, wantOrg},
			{"Scope.Person", gotPerson, wantPerson},
			{"Scope.PersonWithOrganisation's person", joinedPerson, wantPerson},
			{"Scope.PersonWithOrganisation's organisation", joinedOrg, wantOrg},
		} {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Errorf("%s: pre-built read\n%+v\nGORM\n%+v", c.what, c.got, c.want)
			}
			for _, f := range zeroFields(reflect.ValueOf(c.want).Elem(), "") {
				t.Errorf("%s: %s is not set in this test, so it compares nothing", c.what, f)
			}
		}

		// Not found is not found, whoever asks.
		if _, err := st.Respondent(ctx, "no-such-token"); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("unknown token: %v, want not found", err)
		}
		other, _, err := st.CreateOrganisation(ctx, "Other", admin("bo@example.com"), false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Scope(other.ID).Person(ctx, p.ID); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("another organisation's person: %v, want not found", err)
		}
		if _, _, err := st.Scope(other.ID).PersonWithOrganisation(ctx, p.ID); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("another organisation's person with the organisation: %v, want not found", err)
		}
	})
}

// zeroFields names the fields of v (and of its embedded structs) that
// hold their zero value.
func zeroFields(v reflect.Value, prefix string) []string {
	var out []string
	for i := range v.NumField() {
		f, sf := v.Field(i), v.Type().Field(i)
		switch {
		case sf.Anonymous && f.Kind() == reflect.Struct:
			out = append(out, zeroFields(f, prefix+sf.Name+".")...)
		case f.IsZero():
			out = append(out, prefix+sf.Name)
		}
	}
	return out
}
