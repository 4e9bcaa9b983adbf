// Package econ holds rolefit's money side:
// compensation plans and their loaded cost, cost per hire and the total
// cost of a hire, the seller-capacity model that compares a seller who
// serves their own accounts with hiring a dedicated service person, the
// "move this person" comparison and key-person exposure.
//
// The package is pure: plain values in, plain values out, no clock, no
// randomness, no storage. Bad input is an errs invalid error whose fields
// carry the JSON names of the inputs ("churn", "service_person_hours"), so
// a page, the API and the command can each say which input is wrong. No
// output is ever NaN or infinite: every input has a finite range that keeps
// the arithmetic finite (Inputs.Validate).
//
// # Money and time
//
// Money is a plain number in the organisation's currency. Compensation
// plans are annual, as pay is quoted; the capacity model is monthly; a
// month is 365.25/12 = 30.4375 days where days are turned into months.
//
// # Laws of the capacity model
//
// The tests check these on random inputs:
//
//   - More churn never leaves more accounts in either policy, provided
//     service per account is at most (1 − c)·a. With heavier service a
//     smaller book frees more selling hours and can overtake a larger one
//     the next month, so more churn can briefly mean more accounts.
//   - A higher selling cap never lowers the dedicated policy's revenue in
//     any month, nor the seller-serves policy's revenue summed to any month
//     (same proviso). One month's revenue of the seller-serves policy can
//     fall: the bigger book the higher cap won takes selling hours for
//     service, which earns less an hour.
//   - With no service load the two policies are the same: no service person
//     is needed, so they differ by the service people's cost, zero.
//
// # Choices where the design leaves room
//
//   - The seller's own pay is left out of both capacity policies: it is paid
//     in both, so it cancels from their difference. The seller-serves
//     policy's cost is therefore zero.
//   - Months are numbered from 1 in the output (month 1 is the model's t = 0);
//     accounts are the count at the start of the month.
//   - Service head-count follows the book, k = ceil(s·n/H_v), down as well
//     as up; a hire's cost (CPH_v) is paid in each month the head-count rises
//     above the month before, once per new person.
//   - The steady state allows for the selling cap:
//     n* = min(H/(s + a·c), H_cap/(a·c)), which is the textbook H/(s + a·c)
//     whenever the cap does not bind at the steady state (always with the
//     default cap = H). With no churn the book stops growing when service
//     fills the seller's hours, n* = H/s (or stays at its start if it began
//     above that); with neither churn nor service load it grows without
//     bound and there is no steady state.
//   - Defaults for the service person: loaded cost 6,250 a month (a base of
//     60,000 a year, an assumed salary for an account manager in a small
//     B2B firm, times the default benefits load 1.25, over 12 months) and a
//     cost per hire of 4,700 (SHRM's 2022 Talent Acquisition Benchmarking
//     Report put the average cost per hire at about 4,700 US dollars).
package econ
