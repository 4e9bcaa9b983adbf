package econ

import (
	"fmt"
	"math"
)

// SteadyState returns the book n* that the seller-serves policy settles
// at, or nil when it grows without bound.
//
// At a steady state the accounts won equal the accounts lost,
// sell/a = c·n. While the seller's free hours are below the cap,
// sell = H − s·n, which gives the model's n* = H/(s + a·c); when the cap binds,
// sell = H_cap and n* = H_cap/(a·c). The book settles at the smaller.
//
// With no churn (c = 0) nothing is lost, so the book grows until service
// takes all the seller's hours: n* = H/s, or the starting book if it was
// already larger (sell is then 0 and nothing changes). With no churn and no
// service load (s = 0) while the seller can sell, it grows forever: nil.
// With no selling at all (H = 0 or H_cap = 0) the book decays to 0, or
// stays where it started without churn.
//
// The monthly steps reach n* when |1 − c − s/a| < 1, that is s < a·(2 − c);
// beyond that (service far heavier than winning an account) the book
// swings around n* instead, which Notes says. in must be valid (see
// Inputs.Validate); Simulate checks it first.
func SteadyState(in Inputs) *float64 {
	sell := min(in.Hours, in.Cap())
	s, a, c := in.ServiceHoursPerAccount, in.SellingHoursPerAccount, in.Churn
	var n float64
	switch {
	case sell == 0 && c == 0:
		n = in.StartAccounts
	case sell == 0:
		n = 0
	case c == 0 && s == 0:
		return nil
	case c == 0:
		n = max(in.Hours/s, in.StartAccounts)
	default:
		n = min(in.Hours/(s+a*c), in.Cap()/(a*c))
	}
	if math.IsInf(n, 0) {
		// Churn so small that a·c underflows: the book has no bound a
		// float can hold.
		return nil
	}
	return &n
}

// oscillates reports whether the seller-serves book swings around its
// steady state rather than settling: the uncapped monthly map
// n ← n·(1 − c) + (H − s·n)/a has slope 1 − c − s/a, and a slope at or
// below −1 does not converge.
func (in Inputs) oscillates() bool {
	s, a, c := in.ServiceHoursPerAccount, in.SellingHoursPerAccount, in.Churn
	if s == 0 || min(in.Hours, in.Cap()) == 0 || s < a*(2-c) {
		return false
	}
	// Only the uncapped regime has the negative slope.
	return c == 0 || in.Hours/(s+a*c) <= in.Cap()/(a*c)
}

// Notes returns what the capacity model's figures rest on, in words: the
// selling cap always, and the steady state when it is a special case. in
// must be valid.
func Notes(in Inputs) []string {
	var notes []string
	if in.CapBinds() {
		notes = append(notes, fmt.Sprintf("Selling hours are capped at %s a month, what the market is assumed to absorb: "+
			"hours a seller frees from service earn the new-business rate only up to that cap.", hours(in.Cap())))
	} else {
		notes = append(notes, fmt.Sprintf("No selling cap below the seller's %s hours a month is set: every hour freed from service "+
			"is assumed to earn the new-business rate, which always favours hiring a service person. "+
			"Set the selling cap to what the market can absorb.", hours(in.Hours)))
	}
	n := SteadyState(in)
	switch {
	case n == nil:
		notes = append(notes, "With no churn and no service load the seller's book grows without bound: there is no steady state.")
	case min(in.Hours, in.Cap()) == 0:
		notes = append(notes, "The seller has no selling hours, so the book only shrinks with churn.")
	case in.Churn == 0:
		notes = append(notes, fmt.Sprintf("With no churn the seller's book grows until serving it takes all %s hours, "+
			"at %s accounts (their hours over the service each account needs), and the seller then sells nothing.", hours(in.Hours), accounts(*n)))
	case in.CapBinds() && in.Cap()/(in.SellingHoursPerAccount*in.Churn) < in.Hours/(in.ServiceHoursPerAccount+in.SellingHoursPerAccount*in.Churn):
		notes = append(notes, fmt.Sprintf("The selling cap binds at the steady state: the seller's book settles at %s accounts, "+
			"the selling cap over the selling hours it takes to replace the accounts lost to churn, "+
			"below the book the seller's hours alone would allow.", accounts(*n)))
	}
	if in.oscillates() {
		notes = append(notes, "Each account needs so much service against the time it takes to win one "+
			"(service hours per account at least (2 − churn) × selling hours per account) "+
			"that the seller's book swings around its steady state from month to month instead of settling.")
	}
	return notes
}

// hours and accounts print figures for the notes.
func hours(h float64) string { return trim(h, 1) }

func accounts(n float64) string { return trim(n, 1) }

// trim prints v with at most prec decimals and no trailing zeros.
func trim(v float64, prec int) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.*f", prec, v)
}
