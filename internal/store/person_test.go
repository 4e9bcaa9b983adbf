package store_test

import (
	"fmt"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/errs"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

func TestPeople(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: " Dana Diaz ", Email: "Dana@Example.com", Kind: "Staff", JobTitle: "Account manager"}, by)
		if err != nil {
			t.Fatal(err)
		}
		if p.Name != "Dana Diaz" || p.Email != "dana@example.com" || p.Kind != rolefit.Staff || p.JobTitle != "Account manager" {
			t.Errorf("person = %+v", p)
		}
		if _, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "No Mail", Kind: rolefit.Candidate}, by); err != nil {
			t.Errorf("a person without e-mail: %v", err)
		}
		if _, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Also No Mail", Kind: rolefit.Candidate}, by); err != nil {
			t.Errorf("a second person without e-mail: %v", err)
		}
		for _, tc := range []struct {
			np     rolefit.NewPerson
			fields []string
		}{
			{rolefit.NewPerson{Name: "", Email: "x@", Kind: "boss"}, []string{"name", "email", "kind"}},
			{rolefit.NewPerson{Name: "Cand", Kind: rolefit.Candidate, JobTitle: "Sales"}, []string{"job_title"}},
			{rolefit.NewPerson{Name: "Dup", Email: "DANA@example.com", Kind: rolefit.Staff}, []string{"email"}},
		} {
			_, err := o.CreatePerson(ctx, tc.np, by)
			for _, f := range tc.fields {
				if errs.FieldsOf(err)[f] == "" {
					t.Errorf("CreatePerson(%+v): no error for %s in %v", tc.np, f, err)
				}
			}
		}
		if n, err := o.CountPeople(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if n != 3 {
			t.Errorf("%d people after bad input, want 3", n)
		}
		// Another organisation may have its own Dana.
		org2, _, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		if _, err := st.Scope(org2.ID).CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Email: "dana@example.com", Kind: rolefit.Candidate}, by); err != nil {
			t.Errorf("same e-mail in another organisation: %v", err)
		}
		if _, err := st.Scope(org2.ID).Person(ctx, p.ID); errs.Code(err) != errs.CodeNotFound {
			t.Errorf("Beta reads Acme's person: %v", err)
		}
	})
}

func TestImportPeopleIsAllOrNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, _ *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		by := rolefit.ActorOf(a)
		o.CreatePerson(ctx, rolefit.NewPerson{Name: "Old", Email: "old@example.com", Kind: rolefit.Staff}, by)
		rows := []rolefit.NewPerson{
			{Name: "Ann", Email: "ann@example.com", Kind: rolefit.Candidate},
			{Name: "", Email: "bo@example.com", Kind: rolefit.Staff},
			{Name: "Cy", Email: "ann@example.com", Kind: rolefit.Staff},
			{Name: "Di", Email: "OLD@example.com", Kind: rolefit.Staff},
			{Name: "Ed", Kind: "intern"},
		}
		_, err := o.ImportPeople(ctx, rows, []int{2, 3, 4, 5, 6}, by)
		want := map[string]string{
			"row 3: name":  "is required",
			"row 4: email": "is also on row 2",
			"row 5: email": "already belongs to someone in your organisation",
			"row 6: kind":  "must be candidate or staff",
		}
		got := errs.FieldsOf(err)
		for k, v := range want {
			if got[k] != v {
				t.Errorf("error for %q = %q, want %q", k, got[k], v)
			}
		}
		if len(got) != len(want) {
			t.Errorf("errors %v, want exactly %v", got, want)
		}
		if n, err := o.CountPeople(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if n != 1 {
			t.Errorf("a refused import stored people: %d", n)
		}
		var many []rolefit.NewPerson
		for i := 0; i < 1200; i++ {
			many = append(many, rolefit.NewPerson{Name: fmt.Sprintf("P%04d", i), Email: fmt.Sprintf("p%d@example.com", i), Kind: rolefit.Candidate})
		}
		ps, err := o.ImportPeople(ctx, many, nil, by)
		if err != nil || len(ps) != 1200 {
			t.Fatalf("import of 1200: %d, %v", len(ps), err)
		}
	})
}

func TestPeoplePages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o := st.Scope(org.ID)
		for i := 0; i < 7; i++ {
			kind := rolefit.Candidate
			if i%2 == 0 {
				kind = rolefit.Staff
			}
			if _, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: fmt.Sprintf("Person %d", i), Kind: kind}, rolefit.ActorOf(a)); err != nil {
				t.Fatal(err)
			}
			if i%3 == 0 {
				clock.Advance(1500) // some share a time, some do not
			}
		}
		var names []string
		cursor := ""
		for pages := 0; pages < 10; pages++ {
			ps, next, err := o.People(ctx, store.PeopleQuery{Limit: 3, Cursor: cursor})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				names = append(names, p.Name)
			}
			if next == "" {
				break
			}
			cursor = next
		}
		all, next, err := o.People(ctx, store.PeopleQuery{Limit: 500})
		if err != nil || next != "" {
			t.Fatalf("one page of all: next %q, %v", next, err)
		}
		var want []string
		for _, p := range all {
			want = append(want, p.Name)
		}
		if strings.Join(names, ",") != strings.Join(want, ",") || len(names) != 7 {
			t.Errorf("pages of 3 give %v, one page gives %v", names, want)
		}
		for i := 1; i < len(all); i++ {
			if all[i].CreatedAt.Before(all[i-1].CreatedAt) {
				t.Errorf("people out of order: %v before %v", all[i-1], all[i])
			}
		}
		staff, _, _ := o.People(ctx, store.PeopleQuery{Kind: rolefit.Staff})
		if len(staff) != 4 {
			t.Errorf("%d staff, want 4", len(staff))
		}
		found, _, _ := o.People(ctx, store.PeopleQuery{Search: "SON 5"})
		if len(found) != 1 || found[0].Name != "Person 5" {
			t.Errorf("search found %v", found)
		}
		none, _, _ := o.People(ctx, store.PeopleQuery{Search: "%"})
		if len(none) != 0 {
			t.Errorf("search for %% matched %d people: wildcards must be literal", len(none))
		}
		if _, _, err := o.People(ctx, store.PeopleQuery{Cursor: "garbage!"}); errs.FieldsOf(err)["cursor"] == "" {
			t.Errorf("bad cursor: %v", err)
		}
	})
}

// Names and job titles with control or bidirectional-override characters
// are refused with a message on the field, and nothing is stored.
func TestPersonTextIsClean(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o, by := st.Scope(org.ID), rolefit.ActorOf(a)
		for _, np := range []rolefit.NewPerson{
			{Name: "Dana\x00Diaz", Kind: rolefit.Candidate},
			{Name: "Dana \u202eziaD", Kind: rolefit.Candidate},
			{Name: "Dana", Kind: rolefit.Staff, JobTitle: "Seller\x07"},
		} {
			_, err := o.CreatePerson(ctx, np, by)
			f := errs.FieldsOf(err)
			if f["name"] == "" && f["job_title"] == "" {
				t.Errorf("%q / %q accepted: %v", np.Name, np.JobTitle, err)
			}
		}
		if n, err := o.CountPeople(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if n != 0 {
			t.Errorf("%d people stored", n)
		}
	})
}
