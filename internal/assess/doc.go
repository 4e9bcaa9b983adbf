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
// # Choices where the design leaves room
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
//   - The quality checks (docs/QUALITY.md) are calibrated: each alone
//     flags at most 1% of attentive respondents over a stated range of
//     response models, all together at most 5%; every flag carries a
//     severity ("likely" or "look") and the false-flag rate of its rule,
//     and the Result carries ScoringVersion.
//   - Longstring flags a run longer than the agree-scale items of the
//     longest page (never a run of 6 or fewer), likely careless above two
//     pages; unanswered items end a run; choice items are left out.
//   - IRV is the sample SD of the freely chosen agree-scale answers (scored
//     and unlikely-virtue items); it flags 0 always (likely), and |z| > 3.5
//     against the organisation's IRV summary (Options.IRV, a Moments) when
//     it holds at least 30 responses.
//   - The distance check (Mahalanobis D² against the organisation's
//     answers, Options.Answers) needs at least max(200, 3·items) complete
//     earlier responses and flags above the 0.1% point of the F form of
//     Hotelling's T² for that n; incomplete responses are left out of the
//     reference (AnswerMoments.Add) and scored over their answered items.
//   - The keying-consistency index correlates, across facets, the mean of
//     the items keyed 1 with the mean of the reversed items keyed −1; the
//     designed synonym and antonym pairs are only supporting evidence.
//   - One instructed item answered one point off is read as a possible
//     slip and only supports other evidence; two or more points off flags
//     "look"; two missed items flag "likely".
//   - The unlikely-virtues mean is adjusted for acquiescence (the mean of
//     the mean raw answers keyed each way, less the midpoint) before it is
//     compared with the agree point.
//   - Speed takes each page's seconds per answered item and flags when the
//     median over pages is below 2 s (likely below 1.5 s); without timings
//     it is skipped.
//   - A questionnaire offered in several languages is one version: the
//     texts differ, the items, keys and hash do not, and a response is
//     scored with the source's texts (In, Score). Whether a translated item
//     works as the source does is asked by ItemsDIF, Mantel–Haenszel's
//     common odds ratio over strata of the facet's sum with ETS's A/B/C
//     classes and a two-stage refinement of the matching sum (dif.go,
//     dif_items.go, checked against R's mantelhaen.test in
//     testdata/dif/reference.R). Likert answers are dichotomised at the
//     agree point in the keyed direction; the polytomous alternatives
//     (Zwick, Thayer and Mazzeo, 1997) would also use the middle answers.
//   - Answers off an item's allowed values, or to unknown items, are left
//     out of scoring and listed in Result.Ignored (ValidateResponse refuses
//     them before they are stored).
package assess
