// Package assess holds rolefit's measurement science: the questionnaire
// model, loading and validating questionnaire definitions, scoring a
// response into facet and composite scores with their uncertainty and
// norms, flagging careless responding, simulating responses, and
// reliability statistics.
//
// The package is pure: plain values in, plain values out. It reads no
// clock, draws no randomness it was not handed, and reads files only from
// the fs.FS it is given.
//
// # Flow
//
// Parse (or LoadCatalog over an fs.FS) turns a YAML definition into a
// validated *Questionnaire with its canonical content Hash. The server
// checks a partial save or a submission with ValidateResponse, stores the
// raw answers with the hash, and calls Score, which returns a Result ready
// to be stored as JSON: facet and composite scores, their bands, norms, the
// 2×2 profile, the work-preference index and the quality checks.
//
// # Choices where DESIGN.md is silent
//
//   - A composite's score is the unweighted mean of the scores of its facets
//     that have one, when at least 75% of its facets do (4 of 5), the same
//     rule as for items within a facet; otherwise it is missing.
//   - The work-preference index, (hunter choices − farmer choices)/answered,
//     also needs 75% of the choice items answered.
//   - Reliability and norms are used only from at least MinReferenceN (30)
//     earlier responses; norms are provisional below ProvisionalBelowN
//     (200). T-scores use the reference group's sample SD (divisor n−1).
//   - The default profile cut is the response scale's agree point, the
//     midpoint plus 0.5 (3.5 on 1–5); a score at the cut counts as high.
//     Borderline means a composite's 95% band contains the cut. Bands are
//     clipped to the response scale; a negative alpha is read as 0.
//   - The unlikely-virtues check compares with the agree point of the
//     response scale, not with an organisation's profile cut.
//   - Longstring flags a run longer than half the agree-scale items of the
//     longest page, and never flags runs of 6 or fewer; unanswered items end
//     a run; choice items are left out.
//   - IRV is the sample SD of the freely chosen agree-scale answers (scored
//     and unlikely-virtue items); it flags 0 always, and |z| > 2.5 against
//     the organisation's IRV distribution when one of at least 30 is given.
//   - Speed takes each page's seconds per answered item and flags when the
//     median over pages is below 2 s; without timings it is skipped.
//   - Answers off an item's allowed values, or to unknown items, are left
//     out of scoring and listed in Result.Ignored (ValidateResponse refuses
//     them before they are stored).
package assess
