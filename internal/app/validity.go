package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/evidence"
	"rolefit/internal/store"
)

// The criteria local validity reads a score against (DESIGN.md §14).
const (
	CriterionNewBusiness = "new_business_rate"
	CriterionService     = "service_rate"
	CriterionRating      = "rating"
	CriterionInterview   = "interview"
)

// MinRespondentsToCorrect is the fewest respondents to the self-report
// questionnaire (profiles and earlier responses) whose spread is taken
// as the applicant pool's for the range-restriction correction: the
// same floor as the organisation's norms and reliabilities
// (assess.MinReferenceN), below which an SD moves with every response.
const MinRespondentsToCorrect = assess.MinReferenceN

// PlanningN is the team size the page quotes the interval's reach at,
// to say what gathering more people would buy.
const PlanningN = 30

// ValidityCriterion is one criterion: its ID, a name for the page and
// the unit of its values.
type ValidityCriterion struct {
	ID, Name, Unit string
	// Rate marks the observed revenue an hour, which the page draws.
	Rate bool
}

// Criteria are the criteria in the order the page and the API list them.
var Criteria = []ValidityCriterion{
	{ID: CriterionNewBusiness, Name: "New-business revenue an hour", Unit: "revenue an hour", Rate: true},
	{ID: CriterionService, Name: "Service revenue an hour", Unit: "revenue an hour", Rate: true},
	{ID: CriterionRating, Name: "Manager's rating", Unit: "rating points"},
	{ID: CriterionInterview, Name: "Interview rating", Unit: "rating points"},
}

// ValidityScale is one composite or facet of the self-report
// questionnaire.
type ValidityScale struct {
	ID, Name string
	// Kind is "composite" or "facet"; Composite is the composite a facet
	// belongs to ("" for a composite).
	Kind, Composite string
}

// ValidityPoint is one person's score and criterion, unnamed: the dots
// of the page's chart.
type ValidityPoint struct {
	Score, Criterion float64
}

// ValidityItem is one scale against one criterion.
type ValidityItem struct {
	Scale     ValidityScale
	Criterion ValidityCriterion
	evidence.Validity
	// Points are the pairs the figures are over.
	Points []ValidityPoint
}

// ValidityReport is local validity: every scale of the organisation's
// self-report questionnaire against every criterion.
type ValidityReport struct {
	// Questionnaire is the self-report questionnaire the scores come
	// from (the one most profiles answered); nil when nobody has a
	// profile.
	Questionnaire *assess.Questionnaire
	Title         string
	// Respondents counts every response to the questionnaire, earlier
	// applicants' included; CorrectsRange is Respondents ≥
	// MinRespondentsToCorrect.
	Respondents   int
	CorrectsRange bool
	Items         []ValidityItem
}

// ValidityQuery narrows the report to one scale or one criterion ("" for
// all).
type ValidityQuery struct {
	Scale, Criterion string
}

// Validity works out local validity (DESIGN.md §14): for each composite
// and facet of the self-report questionnaire most of the organisation's
// profiles answered, against each criterion, over the people with both a
// profile score and the criterion. Scores are each person's profile
// (their latest self-report). An unknown scale or criterion is invalid,
// naming the field.
func (a *App) Validity(ctx context.Context, act Actor, vq ValidityQuery) (*ValidityReport, error) {
	org := a.scope(act)
	profiled, err := org.ProfiledPeople(ctx)
	if err != nil {
		return nil, err
	}
	q := a.selfReportOf(profiled)
	// Before anyone has a profile, a scale is checked against the
	// questionnaire staff would answer, so a known scale gets an empty
	// answer rather than an error.
	known := q
	if known == nil {
		known = a.staffQuestionnaire()
	}
	scales := validityScales(known)
	fields := map[string]string{}
	if vq.Scale != "" && !slices.ContainsFunc(scales, func(s ValidityScale) bool { return s.ID == vq.Scale }) {
		ids := make([]string, len(scales))
		for i, s := range scales {
			ids[i] = s.ID
		}
		fields["scale"] = "must be one of " + strings.Join(ids, ", ")
	}
	if vq.Criterion != "" && !slices.ContainsFunc(Criteria, func(c ValidityCriterion) bool { return c.ID == vq.Criterion }) {
		fields["criterion"] = "must be one of new_business_rate, service_rate, rating, interview"
	}
	if len(fields) > 0 {
		return nil, errs.InvalidFields("That is not a scale or criterion local validity knows.", fields)
	}
	out := &ValidityReport{Questionnaire: q}
	if q == nil {
		return out, nil
	}
	out.Title = a.Title(q.ID, q.Version)
	crit, err := a.criteria(ctx, act)
	if err != nil {
		return nil, err
	}
	sdAll, n, err := a.respondentSpread(ctx, org, q.ID)
	if err != nil {
		return nil, err
	}
	out.Respondents, out.CorrectsRange = n, n >= MinRespondentsToCorrect
	scores := profileScores(profiled, q.ID)
	// The figures are worked out from people's revenue and ratings: the
	// read is recorded, as every view of them is.
	if err := org.AuditRead(ctx, act.Audit, "list", "validity", "",
		fmt.Sprintf("scores against performance of %d people", peopleWithCriteria(profiled, q.ID, crit))); err != nil {
		return nil, err
	}
	for _, s := range scales {
		if vq.Scale != "" && s.ID != vq.Scale {
			continue
		}
		for _, c := range Criteria {
			if vq.Criterion != "" && c.ID != vq.Criterion {
				continue
			}
			out.Items = append(out.Items, validityItem(s, c, scores[s.ID], crit[c.ID], sdAll[s.ID], out.CorrectsRange))
		}
	}
	return out, nil
}

// validityItem pairs the scale's scores with the criterion's values by
// person, in person order, and correlates them.
func validityItem(s ValidityScale, c ValidityCriterion, scores map[string]float64, crit criterionValues, sdAll float64, corrects bool) ValidityItem {
	it := ValidityItem{Scale: s, Criterion: c}
	ids := make([]string, 0, len(scores))
	for id := range scores {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var x, y []float64
	for _, id := range ids {
		v, ok := crit.of(id, s)
		if !ok {
			continue
		}
		x, y = append(x, scores[id]), append(y, v)
		it.Points = append(it.Points, ValidityPoint{Score: scores[id], Criterion: v})
	}
	if !corrects {
		sdAll = 0
	}
	it.Validity = evidence.Correlate(x, y, sdAll)
	return it
}

// selfReportOf is the newest version of the questionnaire most of the
// profiles answered (ties to the smaller ID), nil without profiles.
func (a *App) selfReportOf(ps []store.ProfiledPerson) *assess.Questionnaire {
	count := map[string]int{}
	best := ""
	for _, p := range ps {
		count[p.QuestionnaireID]++
		c, b := count[p.QuestionnaireID], count[best]
		if best == "" || c > b || (c == b && p.QuestionnaireID < best) {
			best = p.QuestionnaireID
		}
	}
	if best == "" {
		return nil
	}
	q, ok := a.cat.Latest(best)
	if !ok {
		return nil
	}
	return q
}

// staffQuestionnaire is the newest version of the first questionnaire
// (by ID) staff answer about themselves, with composites; nil when none
// is installed.
func (a *App) staffQuestionnaire() *assess.Questionnaire {
	var found *assess.Questionnaire
	for _, q := range a.cat.All() { // ordered by ID, then version
		if !q.IsFor(assess.AudienceStaff) || len(q.Composites) == 0 {
			continue
		}
		if found != nil && found.ID != q.ID {
			break
		}
		found = q
	}
	return found
}

// validityScales lists the questionnaire's composites, then its facets.
func validityScales(q *assess.Questionnaire) []ValidityScale {
	if q == nil {
		return nil
	}
	var out []ValidityScale
	for _, c := range q.Composites {
		out = append(out, ValidityScale{ID: c.ID, Name: c.Name, Kind: store.ScaleComposite})
	}
	for _, s := range q.Scales {
		out = append(out, ValidityScale{ID: s.ID, Name: s.Name, Kind: store.ScaleFacet, Composite: s.Composite})
	}
	return out
}

// profileScores are the profiles' scores on each scale, by scale ID and
// person ID, for the profiles of questionnaire id (any version: a scale
// keeps its ID and meaning across versions).
func profileScores(ps []store.ProfiledPerson, id string) map[string]map[string]float64 {
	out := map[string]map[string]float64{}
	for _, p := range ps {
		if p.QuestionnaireID != id {
			continue
		}
		for _, r := range p.Scores {
			if r.Score == nil {
				continue
			}
			if out[r.ScaleID] == nil {
				out[r.ScaleID] = map[string]float64{}
			}
			out[r.ScaleID][p.ID] = *r.Score
		}
	}
	return out
}

// peopleWithCriteria counts the profiles of questionnaire id with a value
// of at least one criterion.
func peopleWithCriteria(ps []store.ProfiledPerson, id string, crit map[string]criterionValues) int {
	n := 0
	for _, p := range ps {
		if p.QuestionnaireID != id {
			continue
		}
		for _, c := range Criteria {
			if _, ok := crit[c.ID].of(p.ID, ValidityScale{ID: "", Kind: store.ScaleComposite}); ok {
				n++
				break
			}
		}
	}
	return n
}
