package store_test

import (
	"rolefit"
	"slices"
	"testing"
	"time"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// The adverse-impact report's read: everyone with a self-report in the
// period, their latest score on the composite, their self-identification
// and their stages; and a self-identification stored, replaced and erased
// with its person, on both databases.
func TestFairnessRows(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		ps, err := o.ImportPeople(ctx, []rolefit.NewPerson{{Name: "Ann", Kind: rolefit.Candidate}, {Name: "Bo", Kind: rolefit.Candidate},
			{Name: "Cy", Kind: rolefit.Candidate}, {Name: "Sam", Kind: rolefit.Staff}}, nil, by)
		if err != nil {
			t.Fatal(err)
		}
		now := clock.Now().Truncate(time.Second)
		er := func(p rolefit.Person, at time.Time, hunter float64) store.EarlierResponse {
			return store.EarlierResponse{SubmittedAt: at, NewResponse: store.NewResponse{PersonID: p.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 2,
				Answers: map[string]int{"x": 1}, Scored: teamScored(fptr(hunter), fptr(2), 0)}}
		}
		// Cy answered before the period.
		if err := o.RecordEarlierResponses(ctx, []store.EarlierResponse{er(ps[0], now.AddDate(0, -1, 0), 4), er(ps[1], now.AddDate(0, -2, 0), 2.5),
			er(ps[2], now.AddDate(-2, 0, 0), 3)}, by); err != nil {
			t.Fatal(err)
		}
		if err := o.SetSelfIdentification(ctx, rolefit.SelfIdentification{PersonID: ps[0].ID, Sex: "male", RaceEthnicity: "white"}, by); err != nil {
			t.Fatal(err)
		}
		// A second answer replaces the first.
		if err := o.SetSelfIdentification(ctx, rolefit.SelfIdentification{PersonID: ps[0].ID, Sex: "female", RaceEthnicity: "asian", Age40OrOver: "yes"}, by); err != nil {
			t.Fatal(err)
		}
		err = o.SetSelfIdentification(ctx, rolefit.SelfIdentification{PersonID: ps[3].ID, Sex: "female"}, by)
		if f := errs.FieldsOf(err); errs.Code(err) != errs.CodeInvalid || f["person"] == "" {
			t.Fatalf("a staff member's self-identification without the setting: %v, want invalid naming person", err)
		}
		if _, err := o.RecordOutcomes(ctx, []rolefit.OutcomeInput{{Person: ps[0].ID, Stage: "advanced", At: now.Format(time.DateOnly)},
			{Person: ps[0].ID, Stage: "hired", At: now.Format(time.RFC3339)}}, []int{2, 3}, by); err != nil {
			t.Fatal(err)
		}
		rows, err := o.FairnessRows(ctx, now.AddDate(-1, 0, 0), now.Add(time.Second), "hunter")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 {
			t.Fatalf("rows = %+v, want Ann and Bo (Cy answered before the period)", rows)
		}
		byID := map[string]store.FairnessRow{rows[0].PersonID: rows[0], rows[1].PersonID: rows[1]}
		ann, bo := byID[ps[0].ID], byID[ps[1].ID]
		if ann.Sex != "female" || ann.RaceEthnicity != "asian" || ann.Age40OrOver != "yes" || ann.Score == nil || *ann.Score != 4 ||
			!slices.Contains(ann.Stages, rolefit.StageHired) || !slices.Contains(ann.Stages, rolefit.StageAdvanced) || ann.QuestionnaireVersion != 2 {
			t.Errorf("Ann = %+v, want female, asian, 40 or over, hunter 4, advanced and hired", ann)
		}
		if bo.Sex != "" || bo.Score == nil || *bo.Score != 2.5 || len(bo.Stages) != 0 {
			t.Errorf("Bo = %+v, want no self-identification, hunter 2.5, no stages", bo)
		}

		// Counted by self-identification without the answers: Ann only
		// (Bo gave none), as she last said.
		counts, err := o.SelfIDCounts(ctx, "sales-service", 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(counts) != 1 || counts[0] != (store.SelfIDCount{Sex: "female", RaceEthnicity: "asian", Age40OrOver: "yes", N: 1}) {
			t.Errorf("counts = %+v, want one female, asian, 40 or over", counts)
		}
		answers, ids, err := o.AnswersWithSelfID(ctx, "sales-service", 2)
		if err != nil || len(answers) != 3 || len(ids) != 3 || answers[0]["x"] != 1 {
			t.Fatalf("answers with self-identification: %v %v %v", answers, ids, err)
		}
		if ids[2].Sex != "female" || ids[2].Age40OrOver != "yes" || ids[0].Sex != "" {
			t.Errorf("self-identifications in answer order = %+v, want Cy's none first and Ann's last", ids)
		}
		if err := o.ErasePerson(ctx, ps[0].ID, by); err != nil {
			t.Fatal(err)
		}
		if has, err := o.HasSelfIdentification(ctx, ps[0].ID); err != nil || has {
			t.Errorf("after erasure Ann's self-identification is stored: %v (%v)", has, err)
		}
		if os, err := o.Outcomes(ctx, ps[0].ID); err != nil || len(os) != 0 {
			t.Errorf("after erasure Ann has %d outcomes (%v)", len(os), err)
		}
	})
}
