package app_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"rolefit/internal/app"
	"rolefit/internal/econ"
	"rolefit/internal/errs"
)

func TestSimulate(t *testing.T) {
	w := sqliteWorld(t)
	capped := 80.0
	for _, tc := range []struct {
		name string
		edit func(*econ.Inputs)
	}{
		{"founding case", func(*econ.Inputs) {}},
		{"capped market, a year", func(in *econ.Inputs) { in.SellingCap, in.Months = &capped, 12 }},
		{"heavy churn, a started book", func(in *econ.Inputs) { in.Churn, in.StartAccounts = 0.2, 40 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := econ.DefaultInputs()
			tc.edit(&in)
			got, err := w.uc.Simulate(ctx, w.mgr, in)
			if err != nil {
				t.Fatal(err)
			}
			want, err := econ.Simulate(in)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got breakeven %v over %d months, want econ.Simulate's %v over %d",
					got.BreakevenMonth, len(got.Months), want.BreakevenMonth, len(want.Months))
			}
		})
	}
}

func TestSimulateBadInput(t *testing.T) {
	w := sqliteWorld(t)
	in := econ.DefaultInputs()
	in.Churn, in.Months, in.Hours = 1, 601, -5
	_, err := w.uc.Simulate(ctx, w.mgr, in)
	if code := errs.Code(err); code != errs.CodeInvalid {
		t.Fatalf("got code %q (%v), want %q", code, err, errs.CodeInvalid)
	}
	fields := errs.FieldsOf(err)
	for _, f := range []string{"churn", "months", "hours"} {
		if fields[f] == "" {
			t.Errorf("got fields %v, want one for %q", fields, f)
		}
	}
	if len(fields) != 3 {
		t.Errorf("got %d fields %v, want 3", len(fields), fields)
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := w.uc.Simulate(cancelled, w.mgr, econ.DefaultInputs()); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v, want context.Canceled", err)
	}
}

func TestCurrency(t *testing.T) {
	w := sqliteWorld(t)
	got, err := w.uc.Currency(ctx, w.mgr)
	if err != nil || got != "USD" {
		t.Errorf("new organisation: got %q, %v; want USD", got, err)
	}
	stranger := app.Actor{OrgID: "no-such-organisation"}
	if _, err := w.uc.Currency(ctx, stranger); errs.Code(err) != errs.CodeNotFound {
		t.Errorf("unknown organisation: got %v, want not found", err)
	}
}
