package server

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"rolefit"
)

// A response written by encodeAPIResponse is the same bytes encoding/json
// writes for the whole shape, so appending the stored result as it is
// changes nothing a client can see.
func TestEncodeAPIResponse(t *testing.T) {
	type whole struct {
		apiResponseHead
		Answers     map[string]int  `json:"answers"`
		PageSeconds []float64       `json:"page_seconds"`
		Result      json.RawMessage `json:"result"`
	}
	inv := "INV"
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for _, r := range []rolefit.Response{
		{ID: "R1", PersonID: "P", InvitationID: &inv, Source: rolefit.SourceInvitation, QuestionnaireID: "q", QuestionnaireVersion: 2,
			QuestionnaireHash: "sha256:<&>", View: rolefit.ViewSelf, ScoringVersion: 3, SubmittedAt: at,
			Answers: map[string]int{"b": 2, "a": 1, "c<": 5}, PageSeconds: []float64{1.5, 20},
			Result: json.RawMessage(`{"note":"\u003c\u0026","scales":[1,2.5]}`)},
		{ID: "R2", PersonID: "P", Source: rolefit.SourceAPI, QuestionnaireID: "manager-rating", QuestionnaireVersion: 1,
			View: rolefit.ViewManager, RatedBy: "Ada <boss>", SubmittedAt: at, Answers: map[string]int{}, PageSeconds: []float64{},
			Result: json.RawMessage(`{}`)},
	} {
		got, err := encodeAPIResponse(&r)
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal(whole{apiResponseHead: apiResponseHead{ID: r.ID, PersonID: r.PersonID, InvitationID: r.InvitationID,
			Source: r.Source, QuestionnaireID: r.QuestionnaireID, QuestionnaireVersion: r.QuestionnaireVersion,
			QuestionnaireHash: r.QuestionnaireHash, View: r.View, RatedBy: r.RatedBy, ScoringVersion: r.ScoringVersion,
			SubmittedAt: r.SubmittedAt}, Answers: r.Answers, PageSeconds: r.PageSeconds, Result: r.Result})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: got %s\nwant %s", r.ID, got, want)
		}
	}
}
