// Package quantity holds the kinds of number a person or a file enters
// into rolefit (money a month, revenue an hour, hours a month, shares,
// multipliers, counts, months, days), each with its unit and the range it
// may take, and the one parser of decimal numbers that forms and CSV cells
// go through.
//
// A range is where a figure stops being a business figure and starts
// being a typing slip: a billion a month, a million an hour, the 744 hours
// of the longest month. The ranges are also what keeps every figure
// computed from them finite: money that is finite and bounded can be
// summed, multiplied by a bounded share and divided by a divisor bounded
// away from zero without overflowing to ±Inf, which JSON cannot carry. So
// every divisor (a quota, the hours of a rate, payback months, attainment)
// has a lower bound above zero, or is 0 only where 0 means "none" and is
// never divided by.
//
// The package is pure: no storage, no HTTP, and no other rolefit package.
package quantity
