package app

import (
	"context"

	"rolefit/internal/econ"
)

// DefaultCurrency is the currency money is shown in when an organisation
// has none set (the API conventions in README.md).
const DefaultCurrency = "USD"

// Simulate runs the seller-capacity model (econ.Simulate; the
// formulas are in internal/econ/doc.go) for the actor's organisation: the Costs page and
// POST /api/v1/simulate both call it. The inputs are the model's own, so
// bad input comes back as econ's invalid error, whose fields are the
// inputs' JSON names ("churn", "selling_cap").
//
// The model reads no stored data yet; the actor is taken so that, when the
// page fills inputs from the organisation's own roles and performance
// records, no caller has to change.
func (a *App) Simulate(ctx context.Context, act Actor, in econ.Inputs) (econ.Outputs, error) {
	if err := ctx.Err(); err != nil {
		return econ.Outputs{}, err
	}
	return econ.Simulate(in)
}

// Currency returns the code of the currency the actor's organisation
// keeps its money in, such as "USD", or DefaultCurrency when it has none.
func (a *App) Currency(ctx context.Context, act Actor) (string, error) {
	org, err := a.scope(act).Get(ctx)
	if err != nil {
		return "", err
	}
	if org.Currency == "" {
		return DefaultCurrency, nil
	}
	return org.Currency, nil
}
