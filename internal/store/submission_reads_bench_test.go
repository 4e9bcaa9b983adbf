package store

import (
	"context"
	"fmt"
	"path/filepath"
	"rolefit"
	"testing"

	"gorm.io/gorm"
)

// BenchmarkSubmissionReads compares, on SQLite, the reads a submission
// through the API makes before it scores: the person, the organisation,
// and the two joined in one statement, which PostgreSQL uses to save a
// round trip; and the same for a link's invitation, person and
// organisation.
//
//	go test -run '^$' -bench BenchmarkSubmissionReads -benchtime 20000x ./internal/store/
func BenchmarkSubmissionReads(b *testing.B) {
	ctx := context.Background()
	st := migratedSQLiteAt(b, filepath.Join(b.TempDir(), "rolefit.db"), Options{})
	org, a, _ := st.CreateOrganisation(ctx, "Acme", rolefit.NewUser{Email: "ada@example.com", Name: "Ada", Access: rolefit.Admin, Password: "correct horse battery"}, false)
	o, by := st.Scope(org.ID), rolefit.ActorOf(a)
	nps := make([]rolefit.NewPerson, 1000)
	for i := range nps {
		nps[i] = rolefit.NewPerson{Name: fmt.Sprintf("Person %d", i), Kind: rolefit.Candidate}
	}
	people, _ := o.ImportPeople(ctx, nps, nil, by)
	_, token, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: people[0].ID, QuestionnaireID: "q",
		QuestionnaireVersion: 1, QuestionnaireHash: "h"}, by)
	if err != nil {
		b.Fatal(err)
	}
	hash := HashToken(token)
	for name, read := range map[string]func(*gorm.DB, string, any) (*rolefit.Invitation, *rolefit.Person, *rolefit.Organisation, error){
		"link/apart": takeRespondentApart, "link/joined": takeRespondentJoined} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, _, _, err := read(st.reader(ctx), "token_hash", hash); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("person", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := o.Person(ctx, people[i%len(people)].ID); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("org", func(b *testing.B) {
		for b.Loop() {
			if _, err := o.Get(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("joined", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, _, err := o.personWithOrganisationJoined(st.reader(ctx), people[i%len(people)].ID); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("PersonWithOrganisation", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, _, err := o.PersonWithOrganisation(ctx, people[i%len(people)].ID); err != nil {
				b.Fatal(err)
			}
		}
	})
}
