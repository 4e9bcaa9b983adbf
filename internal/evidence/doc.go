// Package evidence holds the statistics of local validity: how closely a
// score goes with a criterion (observed revenue an hour, a manager's
// rating) over the people who have both (DESIGN.md §14).
//
// The package is pure: plain values in, plain values out, no storage, no
// HTTP, no clock.
//
// # Formulas
//
//   - Pearson's r over the pairs; Spearman's ρ is Pearson's r on the
//     mid-ranks (tied values share the mean of the ranks they span).
//   - The 95% interval by Fisher's z: tanh(atanh r ± 1.96/√(n−3))
//     (Fisher 1921; n ≥ 4).
//   - The two-sided p from t = r·√((n−2)/(1−r²)) on n−2 degrees of
//     freedom (Student's t; n ≥ 3).
//   - Range restriction, Thorndike's case II (Thorndike 1949; Sackett &
//     Yang 2000): with u = SD of the score over every respondent / SD over
//     the n people with a criterion, r_c = r·u / √(1 + r²(u² − 1)).
//
// Nothing is called a finding below MinFinding people: the interval is
// then too wide to say anything (at n = 10 and r = 0 it is ±0.63).
package evidence
