package assess

// Limits of the quality checks and the false-flag rates of their rules.
//
// Every limit below was chosen with TestQualityCalibration, which answers
// the shipped sales-service questionnaire (version 2) with 4,000 seeded
// respondents from each of 36 attentive response models: facet loadings
// 0.5, 0.7 and 0.9 by item noise SD 0.6, 0.9 and 1.2, each plain, with 2%
// one-point slips on every answer, acquiescent (+0.6 before rounding) and
// extreme (distance from the midpoint ×1.5), each against an organisation
// reference of 300 earlier respondents of the same model. A rate is the
// highest share flagged over those 36 models, rounded up; the test fails if
// a measured rate exceeds the stated one or a check exceeds 1% (5% for all
// together).
// docs/QUALITY.md lists the rates model by model.
const (
	// speedLimit: median seconds per answered item below which a page was
	// answered faster than statements can be read (Huang et al. 2012,
	// "Detecting and deterring insufficient effort responding to surveys",
	// use 2 s per item).
	speedLimit = 2.0
	// speedLikely: below 1.5 s per item even a quick reader could not have
	// read the statements (three quarters of Huang et al.'s bound).
	speedLikely = 1.5
	// minLongstringLimit is the least longstring limit, for questionnaires
	// with short pages.
	minLongstringLimit = 6
	// minIRVAnswers: an SD of fewer answers says little about a pattern.
	minIRVAnswers = 5
	// irvZLimit and irvZSupport: |z| of the IRV against the organisation's
	// distribution (Dunn et al. 2018, "Intra-individual response
	// variability as an indicator of insufficient effort responding", flag
	// the extremes of the sample). 3.5 SDs flags well under 1% even of a
	// skewed distribution; 2.5 counts as weak evidence.
	irvZLimit   = 3.5
	irvZSupport = 2.5
	// minPairs: a correlation over fewer than 3 pairs is meaningless.
	minPairs = 3
	// minConsistencyFacets: the keying consistency correlates facet means
	// across facets; below 5 facets one facet decides it.
	minConsistencyFacets = 5
	// consistencyLimit flags, consistencySupport counts as weak evidence:
	// the keying-consistency correlation below these (calibrated: the
	// worst model's 1st and 5th percentiles lie above them).
	consistencyLimit   = -0.6
	consistencySupport = -0.45
	// synonymSupport and antonymSupport: the designed pairs are supporting
	// evidence only; with 7 and 10 pairs a within-person correlation is
	// too noisy to flag a person alone.
	synonymSupport = -0.6
	antonymSupport = 0.6
	// virtueMargin: the virtues check flags an acquiescence-adjusted mean
	// agreement this far above the agree point of the scale.
	virtueMargin = 0.0
	// agreementMin independent careless indices showing weak evidence
	// raise CheckAgreement.
	agreementMin = 2
)

// False-flag rates of the rules, as measured by TestQualityCalibration
// (the highest over the calibration models, rounded up).
const (
	rateInstructedTwo  = 0.003 // two or more instructed items missed
	rateInstructedFar  = 0.0   // one missed by two points or more
	rateSpeed          = 0.0   // median below 2 s per item
	rateSpeedLikely    = 0.0   // median below 1.5 s per item
	rateLongstring     = 0.002 // run longer than the longest page
	rateLongstringLong = 0.0   // run longer than two pages
	rateIRVZero        = 0.0   // every answer the same
	rateIRVZ           = 0.002 // |z| beyond irvZLimit
	rateConsistency    = 0.005 // keying consistency below consistencyLimit
	rateDistance       = 0.003 // Mahalanobis D² above its 0.1% point
	rateVirtues        = 0.01  // adjusted virtues at or above the agree point
	rateAgreement      = 0.01  // two indices each showing weak evidence
)
