package app

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"rolefit/internal/assess"
)

// UsableAlpha is the alpha below which a scale should not be used for
// decisions about a person: the common rule of thumb for applied use
// (Nunnally, Psychometric Theory, 1978; Lance, Butts and Michels, 2006,
// on where the figure comes from).
const UsableAlpha = 0.70

// Reliability is the reliability page of one questionnaire version over
// the organisation's own responses (internal/assess/doc.go).
type Reliability struct {
	Questionnaire *assess.Questionnaire
	// Choices are every installed questionnaire version with the number of
	// the organisation's responses to it, for choosing another.
	Choices []ReliabilityChoice
	// Responses counts the responses the figures are computed over.
	Responses int
	// Enough is false below assess.MinReferenceN responses: the page then
	// says so and shows no figures, which would move with every response.
	Enough bool
	// Scales holds each scale, then each composite, with its figures.
	Scales []ScaleReliability
	// NormsN counts the responses the local norms are made of (the most
	// of any scale); NormsProvisional is true below
	// assess.ProvisionalBelowN.
	NormsN           int
	NormsProvisional bool
	// NotForDecisions names the scales and composites whose alpha is below
	// UsableAlpha.
	NotForDecisions []string
	// Undefined lists the scales whose figures cannot be computed on
	// these responses, each with the reason.
	Undefined []UndefinedScale
	// CompositeBands and FacetBands span the half-widths of the 95% bands
	// a profile gives a composite's and a facet's score on these figures,
	// in answer points; WeakItems counts the statements marked weak.
	CompositeBands, FacetBands Span
	WeakItems                  int
	// Languages has each language's figures when the responses are in
	// more than one: a translation is checked on its own answers.
	Languages []LanguageReliability
	// LanguageNorms says whether the norms are kept per language or
	// pooled, and why.
	LanguageNorms assess.LanguageNorms
	// ItemFairness compares the statements between self-identified groups
	// (differential item functioning), each pair once both groups have
	// MinDIFGroup respondents.
	ItemFairness []GroupDIF
}

// LanguageReliability is the reliability of each scale and composite over
// the responses in one language.
type LanguageReliability struct {
	Language  string
	Responses int
	// Enough is false below assess.MinReferenceN responses in the
	// language; Alpha is then empty.
	Enough bool
	// Alpha holds each scale's and composite's alpha by ID, those that
	// can be computed.
	Alpha map[string]float64
}

// Span is the range of a figure over several scales; zero when there are
// none.
type Span struct {
	Low, High float64
}

// String writes the span as half-widths of bands: "±0.36", or "±0.62 to
// ±0.70" when its ends differ at two decimals.
func (s Span) String() string {
	lo, hi := fmt.Sprintf("±%.2f", s.Low), fmt.Sprintf("±%.2f", s.High)
	if lo == hi {
		return lo
	}
	return lo + " to " + hi
}

// add widens the span to hold v.
func (s *Span) add(v float64) {
	if s.Low == 0 && s.High == 0 {
		s.Low, s.High = v, v
		return
	}
	s.Low, s.High = min(s.Low, v), max(s.High, v)
}

// ReliabilityChoice is one questionnaire version the page can show.
type ReliabilityChoice struct {
	Ref       string // "id:version"
	Title     string
	Responses int
}

// ScaleReliability is one scale's or composite's figures with what they
// mean for using it.
type ScaleReliability struct {
	assess.ScaleReliability
	Name      string
	Composite bool
	// Usable is alpha ≥ UsableAlpha.
	Usable bool
	// Guidance says in plain words what alpha means for using the scale.
	Guidance string
	// NormsN counts the responses the scale's local norms are made of;
	// NormsProvisional is true below assess.ProvisionalBelowN.
	NormsN           int
	NormsProvisional bool
	// ScoreSEM is the standard error of measurement of a score on the
	// scale in answer points, the unit of the profile's scores and bands
	// (the figures' SEM is of the sum of the items); BandHalfWidth is how
	// far a profile's 95% band reaches either side of a score, 1.96 times
	// it (assess.MeasuredReliability, which scoring uses).
	ScoreSEM, BandHalfWidth float64
	Items                   []ItemReliability
}

// ItemReliability is one item's figures within its scale.
type ItemReliability struct {
	assess.ItemReliability
	Text     string
	Reversed bool
	// Weak is set when the scale would be more consistent without the
	// item, or the item hardly goes with the rest (r_drop below 0.20).
	Weak bool
}

// UndefinedScale is a scale whose figures cannot be computed.
type UndefinedScale struct {
	ID, Name, Reason string
}

// Reliability computes the reliability of a questionnaire version ("id",
// "id:version" or empty for the one with most responses) over every one
// of the organisation's responses to it, pairwise as psych::alpha does,
// with the state of its local norms.
func (a *App) Reliability(ctx context.Context, act Actor, ref string) (*Reliability, error) {
	org := a.scope(act)
	counts, err := org.ResponseCounts(ctx)
	if err != nil {
		return nil, err
	}
	n := map[string]int{}
	for _, c := range counts {
		n[fmt.Sprintf("%s:%d", c.QuestionnaireID, c.QuestionnaireVersion)] = c.N
	}
	out := &Reliability{}
	for _, q := range a.cat.All() {
		out.Choices = append(out.Choices, ReliabilityChoice{Ref: Ref(q), Title: a.Title(q.ID, q.Version), Responses: n[Ref(q)]})
	}
	var q *assess.Questionnaire
	if ref != "" {
		if q, err = a.FindQuestionnaire(ref, 0); err != nil {
			return nil, err
		}
	} else {
		q = defaultReliabilityQuestionnaire(a.cat.All(), n)
	}
	out.Questionnaire = q
	if q == nil {
		return out, nil
	}
	key := reliabilityKey{org: org.ID(), ref: Ref(q), responses: n[Ref(q)]}
	if cached, ok := a.reliabilities.get(key, a.now()); ok {
		cached.Choices, cached.Questionnaire = out.Choices, q
		return &cached, nil
	}
	a.reliabilities.computed.Add(1)
	answers, langs, err := org.QuestionnaireAnswers(ctx, q.ID, q.Version)
	if err != nil {
		return nil, err
	}
	if out.LanguageNorms, err = LanguageNorms(ctx, org, q); err != nil {
		return nil, err
	}
	out.Languages = languageReliabilities(q, answers, langs)
	out.Responses = len(answers)
	out.Enough = len(answers) >= assess.MinReferenceN
	if !out.Enough {
		return out, nil
	}
	selfIDs, err := org.SelfIDCounts(ctx, q.ID, q.Version)
	if err != nil {
		return nil, err
	}
	// The answers are read a second time, with the self-identifications,
	// only when some pair of groups can be compared.
	var enough bool
	if out.ItemFairness, enough = itemFairnessCounts(selfIDs); enough {
		selfAnswers, ids, err := org.AnswersWithSelfID(ctx, q.ID, q.Version)
		if err != nil {
			return nil, err
		}
		out.ItemFairness = itemFairness(q, selfAnswers, ids)
	}
	dist, err := org.ScoreDistribution(ctx, q.ID, q.Version)
	if err != nil {
		return nil, err
	}
	normsN := map[string]int{}
	for _, c := range dist {
		normsN[c.ScaleID] += c.N
		out.NormsN = max(out.NormsN, normsN[c.ScaleID])
	}
	out.NormsProvisional = out.NormsN < assess.ProvisionalBelowN
	report, rerr := assess.QuestionnaireReliability(q, assess.AnswersTable(q, answers), assess.Pairwise)
	names := scaleNames(q)
	for _, s := range report.Scales {
		sr := scaleReliability(q, s, names[s.ID], normsN[s.ID])
		if !sr.Usable {
			out.NotForDecisions = append(out.NotForDecisions, sr.Name)
		}
		if sr.Composite {
			out.CompositeBands.add(sr.BandHalfWidth)
		} else {
			out.FacetBands.add(sr.BandHalfWidth)
		}
		for _, it := range sr.Items {
			if it.Weak {
				out.WeakItems++
			}
		}
		out.Scales = append(out.Scales, sr)
	}
	out.Undefined = undefinedScales(rerr, names)
	a.reliabilities.put(key, *out, a.now())
	return out, nil
}

// reliabilityTTL is how long a reliability page's figures are reused while
// the organisation's number of responses to the questionnaire stays the
// same: at 10,000 responses they take about half a second to compute
// (docs/PERFORMANCE.md).
const reliabilityTTL = time.Minute

type reliabilityKey struct {
	org, ref  string
	responses int
}

type reliabilityEntry struct {
	r  Reliability
	at time.Time
}

// reliabilityCache keeps computed reliability pages. A new or erased
// response changes the count in the key, so it is never shown stale for
// longer than the TTL even when a response is replaced one for one.
type reliabilityCache struct {
	mu       sync.Mutex
	m        map[reliabilityKey]reliabilityEntry
	computed atomic.Int64 // computations, for tests
}

func (c *reliabilityCache) get(k reliabilityKey, now time.Time) (Reliability, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[k]
	if !ok || now.Sub(e.at) >= reliabilityTTL {
		return Reliability{}, false
	}
	return e.r, true
}

func (c *reliabilityCache) put(k reliabilityKey, r Reliability, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) > 1000 {
		c.m = map[reliabilityKey]reliabilityEntry{}
	}
	c.m[k] = reliabilityEntry{r: r, at: now}
}

// defaultReliabilityQuestionnaire is the questionnaire version with most
// responses, the first in catalogue order on a tie or with none.
func defaultReliabilityQuestionnaire(all []*assess.Questionnaire, n map[string]int) *assess.Questionnaire {
	var best *assess.Questionnaire
	for _, q := range all {
		if best == nil || n[Ref(q)] > n[Ref(best)] {
			best = q
		}
	}
	return best
}

type scaleName struct {
	name      string
	composite bool
}

func scaleNames(q *assess.Questionnaire) map[string]scaleName {
	m := map[string]scaleName{}
	for _, s := range q.Scales {
		m[s.ID] = scaleName{name: s.Name}
	}
	for _, c := range q.Composites {
		m[c.ID] = scaleName{name: c.Name, composite: true}
	}
	return m
}

func scaleReliability(q *assess.Questionnaire, s assess.ScaleReliability, nm scaleName, normsN int) ScaleReliability {
	m := assess.MeasuredReliability{Alpha: s.Alpha, SD: s.SD, N: s.N}
	sr := ScaleReliability{ScaleReliability: s, Name: nm.name, Composite: nm.composite, Usable: s.Alpha >= UsableAlpha,
		NormsN: normsN, NormsProvisional: normsN < assess.ProvisionalBelowN, ScoreSEM: m.SEM(), BandHalfWidth: m.BandHalfWidth()}
	switch {
	case s.Alpha >= 0.80:
		sr.Guidance = "Good: its statements agree well; scores can be compared between people, with the band shown beside each."
	case s.Alpha >= UsableAlpha:
		sr.Guidance = "Acceptable: usable for decisions, but read each score with its band, which is wide."
	default:
		sr.Guidance = "Do not use this scale for decisions: its statements do not agree well enough on your people's answers, so a score says too little."
	}
	for _, it := range s.Items {
		qi, _ := q.Item(it.ID)
		ir := ItemReliability{ItemReliability: it, Text: qi.Text, Reversed: qi.Key < 0}
		ir.Weak = it.RDrop < 0.20 || (it.AlphaIfDropped != nil && *it.AlphaIfDropped > s.Alpha)
		sr.Items = append(sr.Items, ir)
	}
	return sr
}

// undefinedScales lists the scales QuestionnaireReliability could not
// compute, from the *assess.ReliabilityError each left in err.
func undefinedScales(err error, names map[string]scaleName) []UndefinedScale {
	var out []UndefinedScale
	if err == nil {
		return out
	}
	list := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	}
	for _, e := range list {
		var re *assess.ReliabilityError
		if errors.As(e, &re) {
			out = append(out, UndefinedScale{ID: re.Scale, Name: names[re.Scale].name, Reason: re.Reason})
		}
	}
	return out
}

// languageReliabilities computes each language's alphas, when the answers
// are in more than one language.
func languageReliabilities(q *assess.Questionnaire, answers []map[string]int, langs []string) []LanguageReliability {
	by := map[string][]map[string]int{}
	for i, a := range answers {
		by[langs[i]] = append(by[langs[i]], a)
	}
	if len(by) < 2 {
		return nil
	}
	var out []LanguageReliability
	for _, l := range slices.Sorted(maps.Keys(by)) {
		lr := LanguageReliability{Language: l, Responses: len(by[l]), Enough: len(by[l]) >= assess.MinReferenceN, Alpha: map[string]float64{}}
		if lr.Enough {
			report, _ := assess.QuestionnaireReliability(q, assess.AnswersTable(q, by[l]), assess.Pairwise)
			for _, s := range report.Scales {
				lr.Alpha[s.ID] = s.Alpha
			}
		}
		out = append(out, lr)
	}
	return out
}
