package server

import (
	"net/http"
	"net/url"
	"testing"
)

func TestRetentionSettingPage(t *testing.T) {
	f := sqliteFixture(t, Config{})
	oA := f.st.Scope(f.orgA.ID)
	adm := f.browser().signIn(f.adminA)
	resp, body := adm.post("/settings/retention", url.Values{"retention_days": {"180"}})
	wantStatus(t, "set 180 days", resp, http.StatusSeeOther, body)
	if d, err := oA.Retention(ctx); err != nil || d != 180 {
		t.Fatalf("period after setting 180: %d, %v", d, err)
	}
	resp, body = adm.get("/settings/retention")
	wantStatus(t, "retention page", resp, http.StatusOK, body)
	wantContains(t, "retention page", body, `value="180"`, "<strong>180 days</strong>", "purged 180 days after their last activity")

	// Bad input: the field named, the typed value kept, nothing stored.
	for _, typed := range []string{"0", "-3", "3651", "36500", "ten", "1.5"} {
		resp, body = adm.post("/settings/retention", url.Values{"retention_days": {typed}})
		wantStatus(t, "period "+typed, resp, http.StatusBadRequest, body)
		wantContains(t, "period "+typed, body, `id="e-retention_days"`, `value="`+typed+`"`)
		if d, err := oA.Retention(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if d != 180 {
			t.Errorf("after %q the period is %d, want 180 kept", typed, d)
		}
	}
	for _, typed := range []string{"1", "3650"} {
		resp, body = adm.post("/settings/retention", url.Values{"retention_days": {typed}})
		wantStatus(t, "period "+typed, resp, http.StatusSeeOther, body)
	}

	// Another organisation's admin sets only their own.
	resp, body = f.browser().signIn(f.adminB).post("/settings/retention", url.Values{"retention_days": {"7"}})
	wantStatus(t, "B sets 7 days", resp, http.StatusSeeOther, body)
	if a, b := mustRetention(t, f, f.orgA.ID), mustRetention(t, f, f.orgB.ID); a != 3650 || b != 7 {
		t.Errorf("periods A %d, B %d; want 3650 and 7", a, b)
	}
	resp, body = f.browser().signIn(f.mgrA).post("/settings/retention", url.Values{"retention_days": {"1"}})
	wantStatus(t, "manager sets the period", resp, http.StatusForbidden, body)

	resp, body = adm.post("/settings/retention", url.Values{"retention_days": {""}})
	wantStatus(t, "turn off", resp, http.StatusSeeOther, body)
	if d := mustRetention(t, f, f.orgA.ID); d != 0 {
		t.Errorf("period after turning it off: %d", d)
	}
	_, body = adm.get("/settings/retention")
	wantContains(t, "retention off", body, "Retention is off")
}

func mustRetention(t *testing.T, f *fixture, orgID string) int {
	t.Helper()
	d, err := f.st.Scope(orgID).Retention(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
