// Package fairness holds the arithmetic of adverse impact: selection rates by
// group, impact ratios against the group with the highest rate, the
// four-fifths flag, Fisher's exact test and the shortfall (DESIGN.md §15).
//
// It is pure: it takes counts and returns figures, and knows nothing of
// people, storage or HTTP.
//
// For a group g with n_g people assessed and s_g of them selected:
//
//	rate_g     = s_g / n_g
//	IR_g       = rate_g / rate_max                     (rate_max: the reference group's rate)
//	flag       IR_g < 0.8                              (Uniform Guidelines, 29 CFR 1607.4(D))
//	shortfall  max(0, ⌈0.8·rate_max·n_g⌉ − s_g)        (the selections g lacked to reach four fifths)
//
// The flag and the shortfall are decided in integers (5·s_g·n_max < 4·s_max·n_g,
// ⌈4·s_max·n_g / (5·n_max)⌉), so a ratio of exactly 0.8 is never flagged by a
// rounding error. Fisher's exact test is two-sided on the 2×2 table of g
// against the reference group: the sum of the hypergeometric probabilities of
// every table with the same margins that is no more likely than the observed
// one, with the relative tolerance 1 + 10⁻⁷ that R's fisher.test and SciPy's
// fisher_exact both use so that tables as likely as the observed one are not
// lost to rounding.
//
// Small groups: a group of fewer than 5 people is reported as "fewer than 5"
// and left out of the ratios (no rate is stable on so few); a group under 2% of
// everyone assessed may be left out of the ratios too, as the rules of New
// York City's Local Law 144 allow (6 RCNY §5-301), and the report lists it.
package fairness
