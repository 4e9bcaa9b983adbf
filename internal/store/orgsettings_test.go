package store_test

import (
	"rolefit"
	"testing"
	"time"

	"rolefit/internal/placement"
	"rolefit/internal/store"
	"rolefit/internal/store/storetest"
)

func TestOrganisationSettings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store, clock *storetest.Clock) {
		org, a, err := st.CreateOrganisation(ctx, "Acme", admin("ada@example.com"), false)
		if err != nil {
			t.Fatal(err)
		}
		other, _, err := st.CreateOrganisation(ctx, "Other", admin("bo@example.com"), false)
		if err != nil {
			t.Fatal(err)
		}
		o := st.Scope(org.ID)
		got, err := o.Get(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.Settings != rolefit.DefaultSettings() || got.Currency != "USD" {
			t.Errorf("a new organisation's settings = %+v %s, want %+v USD", got.Settings, got.Currency, rolefit.DefaultSettings())
		}
		// The store's defaults are placement's and the migration's.
		d, pd := rolefit.DefaultSettings(), placement.DefaultAssumptions()
		if d.FitMultiplierLow != pd.FitMultiplierLow || d.FitMultiplierHigh != pd.FitMultiplierHigh || d.GrossMargin != pd.GrossMargin ||
			d.CostOfHire != pd.CostOfHire || d.PaybackMonths != pd.PaybackMonths {
			t.Errorf("store defaults %+v differ from placement's %+v", d, pd)
		}
		if err := st.ExecForTest(ctx, "INSERT INTO organisations (id, name, created_at) VALUES ('bare', 'Bare', CURRENT_TIMESTAMP)"); err != nil {
			t.Fatal(err)
		}
		if bare, err := st.Scope("bare").Get(ctx); err != nil || bare.Settings != d {
			t.Errorf("the columns' defaults = %+v (%v), want %+v", bare.Settings, err, d)
		}

		want := rolefit.Settings{TimeZone: "Europe/Berlin", Language: "de", ProfileCut: 3.25, FitMultiplierLow: 0.5, FitMultiplierHigh: 1.5,
			GrossMargin: 0.6, CostOfHire: 12000, PaybackMonths: 18}
		clock.Advance(time.Minute) // the change's entry is the newest
		if err := o.SetSettings(ctx, "EUR", want, rolefit.ActorOf(a)); err != nil {
			t.Fatal(err)
		}
		got, err = o.Get(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.Settings != want || got.Currency != "EUR" {
			t.Errorf("read back %+v %s, want %+v EUR", got.Settings, got.Currency, want)
		}
		if b, err := st.Scope(other.ID).Get(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if b.Settings != d || b.Currency != "USD" {
			t.Errorf("the other organisation's settings changed: %+v %s", b.Settings, b.Currency)
		}
		log, err := o.AuditLog(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) == 0 || log[0].Action != "change_settings" ||
			log[0].Detail != "currency USD → EUR; time zone UTC → Europe/Berlin; language en → de; profile cut 3.5 → 3.25; fit multiplier at fit 0 0.6 → 0.5; fit multiplier at fit 100 1.4 → 1.5; gross margin 0.7 → 0.6; cost of hire 0 → 12000; payback months 12 → 18" {
			t.Errorf("audit entry = %+v, want change_settings naming every change", log[0])
		}
		// Saving the same values records nothing more.
		if err := o.SetSettings(ctx, "EUR", want, rolefit.ActorOf(a)); err != nil {
			t.Fatal(err)
		}
		if again, err := o.AuditLog(ctx, 10); err != nil {
			t.Fatalf("read: %v", err)
		} else if len(again) != len(log) {
			t.Errorf("saving unchanged settings wrote %d audit entries, want none", len(again)-len(log))
		}
		// The schema refuses what no check should let through.
		bad := want
		bad.GrossMargin = 1.5
		if err := o.SetSettings(ctx, "EUR", bad, rolefit.ActorOf(a)); err == nil {
			t.Error("a gross margin of 1.5 was stored")
		}
		if got, err := o.Get(ctx); err != nil {
			t.Fatalf("read: %v", err)
		} else if got.Settings != want {
			t.Errorf("after a refused change the settings are %+v, want %+v", got.Settings, want)
		}
	})
}
