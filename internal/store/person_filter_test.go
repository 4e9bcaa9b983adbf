package store_test

import (
	"rolefit"
	"slices"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// The people list's invitation, class and flag filters keep exactly the
// people whose newest invitation, profile class and profile flags match,
// also together with the other filters, a sort and paging.
func TestPeopleFilters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		add := func(name string, kind rolefit.PersonKind) *rolefit.Person {
			t.Helper()
			clock.Advance(time.Second)
			p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: name, Kind: kind}, by)
			if err != nil {
				t.Fatal(err)
			}
			return p
		}
		profile := func(p *rolefit.Person, hunter, farmer float64, flags int, severity string) {
			t.Helper()
			clock.Advance(time.Second)
			sc := teamScored(fptr(hunter), fptr(farmer), flags)
			sc.Severity = severity
			if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 2,
				Answers: map[string]int{"x": 1}, View: rolefit.ViewSelf, Scored: sc}, by); err != nil {
				t.Fatal(err)
			}
		}
		invite := func(p *rolefit.Person, days int) *rolefit.Invitation {
			t.Helper()
			clock.Advance(time.Second)
			inv, _, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 2, Days: days}, by)
			if err != nil {
				t.Fatal(err)
			}
			return inv
		}
		ann := add("Ann", rolefit.Candidate) // never invited, no profile
		bo := add("Bo", rolefit.Candidate)   // invited, link open
		invite(bo, 30)
		cy := add("Cy", rolefit.Candidate) // invited, started, link open
		_, cyToken, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: cy.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 2, Days: 30}, by)
		if err != nil {
			t.Fatal(err)
		}
		r, err := st.Respondent(ctx, cyToken)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Consent(ctx, "yes", ""); err != nil {
			t.Fatal(err)
		}
		di := add("Di", rolefit.Candidate) // an old link past its expiry, a newer withdrawn one
		invite(di, 1)
		clock.Advance(2 * rolefit.Day)
		w := invite(di, 30)
		if err := o.WithdrawInvitation(ctx, w.ID, by); err != nil {
			t.Fatal(err)
		}
		ed := add("Ed", rolefit.Candidate) // invited once, expired
		invite(ed, 1)
		clock.Advance(2 * rolefit.Day)
		// Profiles, recorded without invitations: classes and flags.
		fay := add("Fay", rolefit.Staff)
		profile(fay, 4.5, 3, 0, "")
		gus := add("Gus", rolefit.Staff)
		profile(gus, 2, 4, 2, "likely")
		hal := add("Hal", rolefit.Staff)
		profile(hal, 4, 3, 1, "look")
		// Ivy is invited, then her submission gives her a profile.
		ivy := add("Ivy", rolefit.Candidate)
		_, ivyToken, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: ivy.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 2}, by)
		if err != nil {
			t.Fatal(err)
		}
		ri, err := st.Respondent(ctx, ivyToken)
		if err != nil {
			t.Fatal(err)
		}
		if err := ri.Consent(ctx, "yes", ""); err != nil {
			t.Fatal(err)
		}
		if err := ri.SaveAnswers(ctx, map[string]int{"a": 5, "b": 1}, -1); err != nil {
			t.Fatal(err)
		}
		if _, err := ri.Submit(ctx, 1, "en", sumScore); err != nil {
			t.Fatal(err)
		}
		// Jo's profile has no hunter score (too little answered): her
		// class is unknown at any cut.
		jo := add("Jo", rolefit.Staff)
		clock.Advance(time.Second)
		if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: jo.ID, QuestionnaireID: "sales-service", QuestionnaireVersion: 2,
			Answers: map[string]int{"x": 1}, View: rolefit.ViewSelf, Scored: teamScored(nil, fptr(4), 0)}, by); err != nil {
			t.Fatal(err)
		}
		// Earlier responses: Kim, a candidate, is an earlier applicant;
		// Lee, on the staff, never is; Max was an earlier applicant until
		// he was invited.
		kim, lee, max := add("Kim", rolefit.Candidate), add("Lee", rolefit.Staff), add("Max", rolefit.Candidate)
		var earlier []store.EarlierResponse
		for _, p := range []*rolefit.Person{kim, lee, max} {
			earlier = append(earlier, store.EarlierResponse{SubmittedAt: clock.Now().AddDate(-1, 0, 0), NewResponse: store.NewResponse{PersonID: p.ID,
				QuestionnaireID: "sales-service", QuestionnaireVersion: 2, Answers: map[string]int{"x": 1}, Scored: teamScored(fptr(4), fptr(2), 0)}})
		}
		if err := o.RecordEarlierResponses(ctx, earlier, by); err != nil {
			t.Fatal(err)
		}
		invite(max, 30)
		if n, err := o.CountEarlierApplicants(ctx); err != nil || n != 1 {
			t.Errorf("%d earlier applicants, want Kim alone; %v", n, err)
		}
		// Another organisation's person matches every filter of its own.
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		if _, err := st.Scope(org2.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Zed", Kind: rolefit.Candidate}, rolefit.ActorOf(a2)); err != nil {
			t.Fatal(err)
		}
		_ = ann

		for _, tc := range []struct {
			name string
			q    store.PeopleQuery
			want []string
		}{
			{"everyone but earlier applicants", store.PeopleQuery{}, []string{"Ann", "Bo", "Cy", "Di", "Ed", "Fay", "Gus", "Hal", "Ivy", "Jo", "Lee", "Max"}},
			{"earlier applicants too", store.PeopleQuery{Earlier: store.EarlierInclude}, []string{"Ann", "Bo", "Cy", "Di", "Ed", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kim", "Lee", "Max"}},
			{"earlier applicants only", store.PeopleQuery{Earlier: store.EarlierOnly}, []string{"Kim"}},
			{"earlier candidates with no profile", store.PeopleQuery{Earlier: store.EarlierInclude, Kind: rolefit.Candidate, Class: store.ClassNone}, []string{"Ann", "Bo", "Cy", "Di", "Ed", "Kim", "Max"}},
			{"unknown earlier value keeps nobody", store.PeopleQuery{Earlier: "some"}, nil},
			// Not invited as Home counts it: no invitation and no answers
			// of their own, so neither the staff whose profiles were
			// recorded without a link nor those with earlier responses.
			{"not invited", store.PeopleQuery{Invitation: store.NotInvited}, []string{"Ann"}},
			{"not invited, earlier applicants too", store.PeopleQuery{Invitation: store.NotInvited, Earlier: store.EarlierInclude}, []string{"Ann"}},
			{"sent", store.PeopleQuery{Invitation: "sent"}, []string{"Bo", "Max"}},
			{"started", store.PeopleQuery{Invitation: "started"}, []string{"Cy"}},
			{"expired", store.PeopleQuery{Invitation: "expired"}, []string{"Ed"}},
			{"withdrawn: the newest counts", store.PeopleQuery{Invitation: "withdrawn"}, []string{"Di"}},
			{"submitted", store.PeopleQuery{Invitation: "submitted"}, []string{"Ivy"}},
			{"unknown state keeps nobody", store.PeopleQuery{Invitation: "lost"}, nil},
			// Classes under the cut given: Fay 4.5/3, Gus 2/4, Hal 4/3
			// (hunter/farmer); Ivy's questionnaire has no farmer composite,
			// so she has no class at any cut.
			{"class hunter", store.PeopleQuery{Class: "hunter", Cut: 3.5}, []string{"Fay", "Hal"}},
			{"class farmer", store.PeopleQuery{Class: "farmer", Cut: 3.5}, []string{"Gus"}},
			{"ambidextrous at a low cut", store.PeopleQuery{Class: "ambidextrous", Cut: 3}, []string{"Fay", "Hal"}},
			{"farmer at a low cut", store.PeopleQuery{Class: "farmer", Cut: 3}, []string{"Gus"}},
			{"hunter at a high cut", store.PeopleQuery{Class: "hunter", Cut: 4.2}, []string{"Fay"}},
			{"developing at a high cut", store.PeopleQuery{Class: "developing", Cut: 4.2}, []string{"Gus", "Hal"}},
			{"unknown class", store.PeopleQuery{Class: "unknown", Cut: 3.5}, []string{"Jo"}},
			{"a class not in the grid", store.PeopleQuery{Class: "star", Cut: 3.5}, nil},
			{"no profile", store.PeopleQuery{Class: store.ClassNone}, []string{"Ann", "Bo", "Cy", "Di", "Ed", "Lee", "Max"}},
			{"any flag", store.PeopleQuery{Flags: store.FlagsAny}, []string{"Gus", "Hal"}},
			{"likely careless", store.PeopleQuery{Flags: "likely"}, []string{"Gus"}},
			{"worth a look", store.PeopleQuery{Flags: "look"}, []string{"Hal"}},
			{"no flags", store.PeopleQuery{Flags: store.FlagsNone}, []string{"Fay", "Ivy", "Jo"}},
			{"hunters with flags", store.PeopleQuery{Class: "hunter", Cut: 3.5, Flags: store.FlagsAny}, []string{"Hal"}},
			{"staff not invited", store.PeopleQuery{Kind: rolefit.Staff, Invitation: store.NotInvited}, nil},
			{"search and filter", store.PeopleQuery{Search: "a", Class: store.ClassNone}, []string{"Ann", "Max"}},
			{"hunters by hunter score", store.PeopleQuery{Class: "hunter", Cut: 3.5, SortScale: "hunter", Desc: true}, []string{"Fay", "Hal"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				// Pages of one, so the cursor is used with every filter.
				q := tc.q
				q.Limit = 1
				var got []string
				for range 20 {
					ps, next, err := o.People(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					for _, p := range ps {
						got = append(got, p.Name)
						// Each row says whether they answered and whether
						// they are an earlier applicant.
						if answered := p.ProfileAt != nil || p.Name == "Kim" || p.Name == "Lee" || p.Name == "Max"; p.Answered != answered || p.EarlierApplicant != (p.Name == "Kim") {
							t.Errorf("%s: answered %v, earlier applicant %v", p.Name, p.Answered, p.EarlierApplicant)
						}
					}
					if next == "" {
						break
					}
					q.Cursor = next
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("got %v, want %v", got, tc.want)
				}
			})
		}
	})
}
