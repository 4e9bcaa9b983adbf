package assess

// ScoringVersion numbers the rules Score applies: the scoring formulas and,
// above all, the quality checks with their thresholds. It is stored with
// every Result, beside the questionnaire's hash, so that a stored result
// says which rules produced it and a rescore can find the results made by
// older rules. It goes up whenever a rule or threshold changes.
//
// Version 1 (no scoring_version in a stored result) flagged synonym
// correlations below 0 and antonym correlations above 0 and any missed
// instructed item. Version 2 calibrates every check against attentive
// response models (docs/QUALITY.md), adds the keying-consistency index,
// makes the designed pairs supporting evidence only, and gives every flag a
// severity and a false-flag rate.
const ScoringVersion = 2
