package store_test

import (
	"encoding/json"
	"reflect"
	"rolefit"
	"strings"
	"testing"
	"time"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// QuestionnaireAnswers reads the answers of one organisation's responses
// to one questionnaire version, oldest first, and nothing of another
// version or organisation; ResponseCounts counts them per version.
func TestQuestionnaireAnswers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		other, b, _ := st.CreateOrganisation(ctx, "Beta", admin("bea@example.com"), false)
		record := func(o *store.Scope, by rolefit.Actor, version int, answers map[string]int, lang ...string) {
			t.Helper()
			p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "P", Kind: rolefit.Staff}, by)
			if err != nil {
				t.Fatal(err)
			}
			clock.Advance(time.Second)
			if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: "q", QuestionnaireVersion: version,
				QuestionnaireHash: "sha256:x", Answers: answers, View: rolefit.ViewSelf, Language: strings.Join(lang, ""),
				Scored: store.Scored{Result: json.RawMessage(`{}`)}}, by); err != nil {
				t.Fatal(err)
			}
		}
		oA, oB := st.Scope(org.ID), st.Scope(other.ID)
		record(oA, rolefit.ActorOf(a), 1, map[string]int{"a": 1, "b": 5})
		record(oA, rolefit.ActorOf(a), 2, map[string]int{"a": 2})
		record(oB, rolefit.ActorOf(b), 1, map[string]int{"a": 4})
		record(oA, rolefit.ActorOf(a), 1, map[string]int{"a": 3}, "de")
		got, langs, err := oA.QuestionnaireAnswers(ctx, "q", 1)
		if err != nil {
			t.Fatal(err)
		}
		want := []map[string]int{{"a": 1, "b": 5}, {"a": 3}}
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(langs, []string{"en", "de"}) {
			t.Errorf("got answers %v in %v, want %v in en and de", got, langs, want)
		}
		byLang, err := oA.LanguageCounts(ctx, "q", 1)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(byLang, map[string]int{"en": 1, "de": 1}) {
			t.Errorf("responses by language %v, want one in en and one in de", byLang)
		}
		de, err := oA.RecentAnswersIn(ctx, "q", 1, "de", 10)
		if err != nil || !reflect.DeepEqual(de, []map[string]int{{"a": 3}}) {
			t.Errorf("German answers %v (%v), want the one", de, err)
		}
		counts, err := oA.ResponseCounts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		wantCounts := []store.ResponseCount{{QuestionnaireID: "q", QuestionnaireVersion: 1, N: 2}, {QuestionnaireID: "q", QuestionnaireVersion: 2, N: 1}}
		if !reflect.DeepEqual(counts, wantCounts) {
			t.Errorf("got counts %+v, want %+v", counts, wantCounts)
		}
	})
}
