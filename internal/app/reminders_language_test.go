package app_test

import (
	"strings"
	"testing"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/errs"
	"rolefit/internal/store/storetest"
)

// A bulk invitation in German is e-mailed, and reminded of, in German:
// the queue writes its e-mails from the same catalogues as the e-mail
// sent at once. A language the questionnaire is not offered in is named
// and nobody is invited.
func TestBulkInvitationAndRemindersInTheInvitationsLanguage(t *testing.T) {
	clock := storetest.NewClock(storetest.Start)
	w, smtp := mailWorld(t, storetest.SQLite(t, clock), clock)
	first := 2
	if _, err := w.uc.UpdateOrgSettings(ctx, w.admin, app.OrgSettingsPatch{FirstReminderDays: &first}); err != nil {
		t.Fatal(err)
	}
	dana := w.withEmail(t, "Dana Diaz", "dana@example.com")
	_, err := w.uc.InviteMany(ctx, w.mgr, app.BulkInviteInput{PersonIDs: []string{dana.ID}, Questionnaire: "sales-service", Days: 5, Language: "fr"})
	if errs.Code(err) != errs.CodeInvalid || !strings.Contains(errs.FieldsOf(err)["language"], "not fr") {
		t.Fatalf("French: got %v (%v), want the language named", err, errs.FieldsOf(err))
	}
	if _, err := w.uc.InviteMany(ctx, w.mgr, app.BulkInviteInput{PersonIDs: []string{dana.ID}, Questionnaire: "sales-service", Days: 5, Language: "de"}); err != nil {
		t.Fatal(err)
	}
	w.deliverAll(t)
	clock.Advance(3*24*time.Hour + time.Hour) // 2 days left
	if err := w.uc.QueueDue(ctx); err != nil {
		t.Fatal(err)
	}
	w.deliverAll(t)
	msgs := smtp.Messages()
	if len(msgs) != 2 {
		t.Fatalf("%d e-mails, want the invitation and one reminder", len(msgs))
	}
	inv, rem := msgs[0], msgs[1]
	if !strings.HasPrefix(inv.Body, "Hallo Dana Diaz,") || !strings.Contains(inv.Body, "Öffnen Sie diesen Link") {
		t.Errorf("the invitation is not in German:\n%s", inv.Body)
	}
	if !strings.HasPrefix(rem.Header.Get("Subject"), "Erinnerung von ") || !strings.Contains(rem.Body, "läuft in 2 Tagen ab") {
		t.Errorf("the reminder is not in German: %q\n%s", rem.Header.Get("Subject"), rem.Body)
	}
}
