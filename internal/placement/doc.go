// Package placement recommends where people create most value: a person's
// fit for a role, the expected monthly value of the person in the role,
// the optimal team assignment within every role's seats, and the explanations a manager needs to trust it (the next-best role of each
// person, the value of a seat, the cost of a pin, a what-if).
//
// The package is pure: plain structs in, plain structs out, no storage, no
// clock. It has two layers:
//
//   - Matrix and SolveMatrix: the assignment problem in money terms, a value
//     per person and role (or "not allowed"), seats per role, people who must
//     be placed while seats allow, and pins. rolefit place calls it directly.
//   - Role, Person, Assumptions, Fit, Value and Solve: the fit model
//     that builds the matrix from assessment scores and observed
//     performance, and reports every figure with the assumptions behind it.
//
// The optimum is exact. Money is optimised in whole cents (values are
// rounded to the cent first), so the arithmetic of the solver is integer and
// a tie is a true tie. Ties are broken by fixed rules that look only at the
// input and its order (the lower person index first in a role's heap, the
// lower role index first among equally short paths), never at a clock, a
// random source or a map's order, so the same input always gives the same
// answer.
//
// Bounds. SolveContext and SolveMatrixContext stop when their context ends
// (a request's deadline) with an errs timeout error; they look at it every
// 64 people placed, every 1,024 explained and every step of the residual
// graph's shortest paths. MaxPeople says how many people a placement over
// a number of roles may consider to stay within about a second (measured,
// see bound.go); internal/app places all staff and the candidates with the
// newest profiles up to it and says how many it left out, and refuses a
// team whose staff alone are more. RouteContext and Routed.Join place one
// more person on a team already routed, equal to solving the larger team,
// which is how a candidate's page places them in today's team without
// solving it again.
package placement
