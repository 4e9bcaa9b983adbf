package store_test

import (
	"encoding/json"
	"rolefit"
	"testing"

	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

// TestRecordResponseQueuesItsEvent checks the event a recorded response
// queues, on both databases (PostgreSQL writes it in the submission's one
// statement): one delivery for each of the organisation's endpoints that
// asked for response.submitted, none for one that did not or for another
// organisation's, all of one message, with the response's data; and a
// rating's too. A response that is refused queues nothing.
func TestRecordResponseQueuesItsEvent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, _ := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		o, by := st.Scope(org.ID), rolefit.ActorOf(a)
		org2, a2, _ := st.CreateOrganisation(ctx, "Beta", admin("b@example.com"), false)
		submitted := []rolefit.EventType{rolefit.EventResponseSubmitted}
		var wanting []string
		for _, events := range [][]rolefit.EventType{submitted, {rolefit.EventInvitationSent, rolefit.EventResponseSubmitted}} {
			ep, err := o.CreateWebhookEndpoint(ctx, "https://93.184.215.14/hook", events, "whsec_x", by)
			if err != nil {
				t.Fatal(err)
			}
			wanting = append(wanting, ep.ID)
		}
		other, err := o.CreateWebhookEndpoint(ctx, "https://93.184.215.14/other", []rolefit.EventType{rolefit.EventInvitationSent}, "whsec_y", by)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := st.Scope(org2.ID).CreateWebhookEndpoint(ctx, "https://93.184.215.14/theirs", submitted, "whsec_z", rolefit.ActorOf(a2))
		if err != nil {
			t.Fatal(err)
		}
		p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: "Dana", Kind: rolefit.Staff}, by)
		if err != nil {
			t.Fatal(err)
		}
		score := 3.5
		var ids []string
		for _, view := range []string{rolefit.ViewSelf, rolefit.ViewManager} {
			r, err := o.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: "q", QuestionnaireVersion: 1,
				Answers: map[string]int{"a": 1}, View: view, Scored: store.Scored{Result: json.RawMessage(`{}`),
					Scores: []store.ScoreRow{{ScaleID: "drive", Kind: store.ScaleFacet, Score: &score}}, Severity: "look"}}, by)
			if err != nil {
				t.Fatalf("%s view: %v", view, err)
			}
			ids = append(ids, r.ID)
		}
		if _, err := o.RecordResponse(ctx, store.NewResponse{PersonID: "NOSUCHPERSON", QuestionnaireID: "q", QuestionnaireVersion: 1,
			Answers: map[string]int{"a": 1}, Scored: store.Scored{Result: json.RawMessage(`{}`)}}, by); err == nil {
			t.Fatal("a response of an unknown person was stored")
		}
		for _, id := range wanting {
			ds, _, err := o.EndpointDeliveries(ctx, id, 10, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(ds) != 2 {
				t.Fatalf("endpoint %s: got %d deliveries, want 2 (a self-report and a rating)", id, len(ds))
			}
			got := map[string]string{}
			for _, d := range ds {
				var body struct {
					Type string         `json:"type"`
					Data map[string]any `json:"data"`
				}
				if err := json.Unmarshal([]byte(d.Body), &body); err != nil {
					t.Fatalf("body %q: %v", d.Body, err)
				}
				if d.EventType != "response.submitted" || body.Type != "response.submitted" || d.Status != rolefit.DeliveryPending ||
					body.Data["person_id"] != p.ID || body.Data["quality_severity"] != "look" || d.MessageID == "" {
					t.Errorf("delivery %+v, body %s: want a pending response.submitted of %s", d, d.Body, p.ID)
				}
				got[body.Data["response_id"].(string)] = body.Data["view"].(string)
			}
			if got[ids[0]] != rolefit.ViewSelf || got[ids[1]] != rolefit.ViewManager {
				t.Errorf("endpoint %s: deliveries for %v, want %s (self) and %s (manager)", id, got, ids[0], ids[1])
			}
		}
		for name, c := range map[string]struct {
			o  *store.Scope
			id string
		}{"unsubscribed": {o, other.ID}, "another organisation's": {st.Scope(org2.ID), theirs.ID}} {
			ds, _, err := c.o.EndpointDeliveries(ctx, c.id, 10, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(ds) != 0 {
				t.Errorf("%s endpoint: got %d deliveries, want none", name, len(ds))
			}
		}
		if n := storetest.QueryString(t, st, "SELECT COUNT(*) FROM audit_entries WHERE action = 'record_response'"); n != "2" {
			t.Errorf("got %s audit entries of recorded responses, want 2", n)
		}
		if n := storetest.QueryString(t, st, "SELECT COUNT(*) FROM response_scores"); n != "2" {
			t.Errorf("got %s score rows, want 2", n)
		}
	})
}
