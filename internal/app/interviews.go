package app

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"rolefit"
	"sort"
	"strings"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/errs"
	"rolefit/internal/quantity"
	"rolefit/internal/store"
	"rolefit/internal/text"
)

// maxInterviewNotes bounds an interviewer's notes: about two printed pages.
const maxInterviewNotes = 4000

// InterviewGuide is a structured interview for one person and one role
// (DESIGN §14): the facets to ask about, with two questions each, their
// follow-ups and anchored rating scale, and probes for the quality flags
// the person's self-report raised.
type InterviewGuide struct {
	Person *rolefit.Person
	Role   *rolefit.Role
	Bank   *assess.InterviewBank
	// Facets are the facets asked about, in the order to ask them.
	Facets []GuideFacetView
	// Flags are the self-report's quality flags with what to ask.
	Flags []GuideFlagView
	// Cut is the organisation's profile cut the scores were compared with.
	Cut float64
	// ProfileAt is when the self-report was given; nil without one (the
	// guide then asks about the facets the role needs most).
	ProfileAt *time.Time
}

// GuideFacetView is one facet of a guide, with its name and why it was
// chosen, in words.
type GuideFacetView struct {
	assess.GuideFacet
	// Number counts the facets from 1, in the order to ask them.
	Number int
	Name   string
	Why    string
}

// GuideFlagView is one quality flag of the self-report with its probes.
type GuideFlagView struct {
	Code string
	// Name says what the check looks at, in words.
	Name   string
	Reason string
	Probes []string
}

// flagNames name the quality checks (docs/QUALITY.md) for an interviewer.
var flagNames = map[string]string{
	assess.CheckInstructed:  "Statements asking for a given answer",
	assess.CheckSpeed:       "Speed",
	assess.CheckLongstring:  "The same answer many times in a row",
	assess.CheckIRV:         "Spread of the answers",
	assess.CheckDistance:    "An unusual pattern of answers",
	assess.CheckConsistency: "Consistency between statements on one facet",
	assess.CheckSynonyms:    "Statements that say the same thing",
	assess.CheckAntonyms:    "Statements that say opposite things",
	assess.CheckVirtues:     "Unlikely virtues",
	assess.CheckAgreement:   "Several weak signs together",
}

// Anchor is one point of a facet's rating scale and what it sounds like
// there; Text is "" for a point the bank does not describe.
type Anchor struct {
	Point int
	Text  string
}

// AnchorList is the facet's rating scale from 1 to 5.
func (f GuideFacetView) AnchorList() []Anchor {
	out := make([]Anchor, 0, assess.RatingMax)
	for p := assess.RatingMin; p <= assess.RatingMax; p++ {
		out = append(out, Anchor{Point: p, Text: f.Anchors[p]})
	}
	return out
}

// Guide returns the interview guide for a person and one of the
// organisation's roles. Another organisation's person or role is not
// found. Reading it is recorded in the audit log.
func (a *App) Guide(ctx context.Context, act Actor, personID, roleID string) (*InterviewGuide, error) {
	org := a.scope(act)
	p, err := org.Person(ctx, personID)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(roleID) == "" {
		return nil, errs.InvalidFields("Choose the role the interview is for.", map[string]string{"role": "is required"})
	}
	role, err := org.Role(ctx, roleID)
	if errs.Code(err) == errs.CodeNotFound {
		return nil, errs.InvalidFields("There is no such role.", map[string]string{"role": "is not a role of your organisation"})
	} else if err != nil {
		return nil, err
	}
	cut, err := a.cut(ctx, act)
	if err != nil {
		return nil, err
	}
	g := &InterviewGuide{Person: p, Role: role, Cut: cut}
	in := assess.GuideInput{Cut: cut, Scores: map[string]assess.FacetStanding{}}
	q, res, at, err := a.profileOf(ctx, org, p)
	if err != nil {
		return nil, err
	}
	if res != nil {
		g.ProfileAt = &at
		for _, s := range res.Scales {
			if s.Score == nil {
				continue
			}
			fs := assess.FacetStanding{Score: *s.Score}
			if s.Band != nil {
				fs.Low, fs.High = &s.Band.Low, &s.Band.High
			}
			in.Scores[s.ID] = fs
		}
		for _, f := range res.Quality.Flags {
			in.Flags = append(in.Flags, f.Code)
			g.Flags = append(g.Flags, GuideFlagView{Code: f.Code, Name: cmp.Or(flagNames[f.Code], f.Code), Reason: f.Reason})
		}
	}
	if g.Bank = a.extras.Bank(q.ID); g.Bank == nil {
		return nil, errs.Conflict("No interview bank is installed for %s.", q.Title)
	}
	weights := map[string]float64{}
	for _, w := range role.Weights {
		weights[w.ScaleID] += w.Weight
	}
	// As shares of 1, so that the guide can say how much the role
	// weighs a facet; the ranking does not change with the scale.
	in.Target = assess.FacetTargets(q, weights)
	total := 0.0
	for _, w := range in.Target {
		total += w
	}
	for f, w := range in.Target {
		in.Target[f] = w / total
	}
	made := assess.MakeGuide(g.Bank, in)
	names := q.FacetNames()
	for i, f := range made.Facets {
		g.Facets = append(g.Facets, GuideFacetView{GuideFacet: f, Number: i + 1, Name: names[f.Facet], Why: guideWhy(f, cut)})
	}
	for i := range g.Flags {
		g.Flags[i].Probes = g.Bank.FlagProbes(g.Flags[i].Code)
	}
	if err := org.AuditRead(ctx, act.Audit, "view", "person", p.ID, "interview guide for "+role.Name); err != nil {
		return nil, err
	}
	return g, nil
}

// guideWhy says in words why a facet is in a guide.
func guideWhy(f assess.GuideFacet, cut float64) string {
	need := fmt.Sprintf("the role weighs it %.0f%%", 100*f.Weight)
	switch f.Reason {
	case assess.GuideBelow:
		return fmt.Sprintf("Scored %.1f, below the cut of %.1f, and %s.", *f.Score, cut, need)
	case assess.GuideBorderline:
		return fmt.Sprintf("Scored %.1f, near the cut of %.1f (its band reaches below it), and %s.", *f.Score, cut, need)
	case assess.GuideUnknown:
		return fmt.Sprintf("No score yet, and %s.", need)
	}
	if f.Weight > 0 {
		return fmt.Sprintf("Scored at or above the cut; %s.", need)
	}
	return "Scored lowest of the facets the role does not weigh; asked so the interview covers at least two facets."
}

// profileOf returns the questionnaire a person's profile answered and its
// scored result with its time; without a profile, the newest
// questionnaire for the person's kind and a nil result.
func (a *App) profileOf(ctx context.Context, org *store.Scope, p *rolefit.Person) (*assess.Questionnaire, *assess.Result, time.Time, error) {
	if p.ProfileResponseID != nil {
		r, err := org.Response(ctx, *p.ProfileResponseID)
		if err != nil {
			return nil, nil, time.Time{}, err
		}
		var res assess.Result
		if err := json.Unmarshal(r.Result, &res); err != nil {
			return nil, nil, time.Time{}, fmt.Errorf("read scores of response %s: %w", r.ID, err)
		}
		if q, ok := a.cat.Get(r.QuestionnaireID, r.QuestionnaireVersion); ok {
			return q, &res, r.SubmittedAt, nil
		}
	}
	for _, q := range a.cat.Newest() {
		if q.IsFor(string(p.Kind)) {
			return q, nil, time.Time{}, nil
		}
	}
	return nil, nil, time.Time{}, errs.Conflict("No installed questionnaire is meant for %s.", aOrAn(string(p.Kind)))
}

// InterviewInput is an interviewer's ratings of a person after an
// interview for a role: a rating 1–5 per facet asked, and notes.
type InterviewInput struct {
	RoleID string
	// Ratings maps facet IDs to ratings; each must be a whole number 1–5.
	Ratings map[string]float64
	Notes   string
}

// interviewResult is what an interview response stores as its result:
// the role it was for and the notes, beside the ratings in its answers.
type interviewResult struct {
	RoleID   string  `json:"role_id"`
	RoleName string  `json:"role_name"`
	Notes    string  `json:"notes"`
	Mean     float64 `json:"mean"`
}

// RecordInterview stores an interviewer's ratings of a person as a
// response of view "interview": beside the self-report and never in its
// place. Each rating must be a whole number from 1 to 5 for a facet of
// the interview bank, or nothing is stored and the error names each bad
// field ("ratings.drive").
func (a *App) RecordInterview(ctx context.Context, act Actor, personID string, in InterviewInput) (*rolefit.Response, error) {
	org := a.scope(act)
	p, err := org.Person(ctx, personID)
	if err != nil {
		return nil, err
	}
	q, _, _, err := a.profileOf(ctx, org, p)
	if err != nil {
		return nil, err
	}
	bank := a.extras.Bank(q.ID)
	if bank == nil {
		return nil, errs.Conflict("No interview bank is installed for %s.", q.Title)
	}
	fields := map[string]string{}
	var role *rolefit.Role
	if strings.TrimSpace(in.RoleID) == "" {
		fields["role_id"] = "is required"
	} else if role, err = org.Role(ctx, in.RoleID); errs.Code(err) == errs.CodeNotFound {
		fields["role_id"] = "is not a role of your organisation"
	} else if err != nil {
		return nil, err
	}
	ratings := map[string]int{}
	if len(in.Ratings) == 0 {
		fields["ratings"] = "are required: a rating from 1 to 5 for each facet asked about"
	}
	sum := 0
	for facet, v := range in.Ratings {
		key := "ratings." + facet
		if _, ok := bank.Facet(facet); !ok {
			fields[key] = "is not a facet of " + bank.String()
			continue
		}
		if msg := quantity.Rating.Problem(v); msg != "" {
			fields[key] = msg
			continue
		}
		ratings[facet] = int(v)
		sum += int(v)
	}
	notes := strings.TrimSpace(in.Notes)
	if len(notes) > maxInterviewNotes {
		fields["notes"] = fmt.Sprintf("must be at most %d characters", maxInterviewNotes)
	} else if msg := text.ProblemMultiline(notes); msg != "" {
		fields["notes"] = msg
	}
	if len(fields) > 0 {
		return nil, errs.InvalidFields("Some ratings could not be used; nothing was stored.", fields)
	}
	res, err := json.Marshal(interviewResult{RoleID: role.ID, RoleName: role.Name, Notes: notes, Mean: float64(sum) / float64(len(ratings))})
	if err != nil {
		return nil, err
	}
	return org.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: bank.ID, QuestionnaireVersion: bank.Version,
		QuestionnaireHash: bank.Hash, Answers: ratings, View: rolefit.ViewInterview, RatedBy: act.Audit.Name,
		Scored: store.Scored{Result: res, ScoringVersion: assess.ScoringVersion}}, act.Audit)
}

// InterviewView is an interview's ratings as the person's page lists them.
type InterviewView struct {
	rolefit.Response
	RoleID, RoleName, Notes string
	Mean                    float64
	Ratings                 []InterviewRating
}

// InterviewRating is one facet's rating.
type InterviewRating struct {
	Facet, Name string
	Rating      int
}

// InterviewView reads an interview response, its ratings in the order of
// the facets of the questionnaire it was about.
func (a *App) InterviewView(r rolefit.Response) (InterviewView, error) {
	v := InterviewView{Response: r}
	var res interviewResult
	if err := json.Unmarshal(r.Result, &res); err != nil {
		return v, fmt.Errorf("read interview %s: %w", r.ID, err)
	}
	v.RoleID, v.RoleName, v.Notes, v.Mean = res.RoleID, res.RoleName, res.Notes, res.Mean
	names := map[string]string{}
	order := map[string]int{}
	if b := a.extras.BankVersion(r.QuestionnaireID, r.QuestionnaireVersion); b != nil {
		if q, ok := a.cat.Latest(b.Questionnaire); ok {
			names = q.FacetNames()
			for i, s := range q.Scales {
				order[s.ID] = i + 1
			}
		}
	}
	for f, rating := range r.Answers {
		v.Ratings = append(v.Ratings, InterviewRating{Facet: f, Name: cmp.Or(names[f], f), Rating: rating})
	}
	sort.Slice(v.Ratings, func(i, j int) bool {
		oi, oj := order[v.Ratings[i].Facet], order[v.Ratings[j].Facet]
		if oi != oj {
			return oi < oj
		}
		return v.Ratings[i].Facet < v.Ratings[j].Facet
	})
	return v, nil
}

// InterviewMean is a person's latest interview ratings in one figure: the
// mean of the facets rated, on 1–5.
type InterviewMean struct {
	PersonID   string
	ResponseID string
	Mean       float64
	// Facets counts the facets rated.
	Facets int
	At     time.Time
}

// InterviewMeans returns each person's latest interview ratings (mean per
// person) in the organisation, by person ID: a criterion the local
// validity reads.
func (a *App) InterviewMeans(ctx context.Context, act Actor) ([]InterviewMean, error) {
	rs, err := a.scope(act).LatestInterviews(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]InterviewMean, 0, len(rs))
	for _, r := range rs {
		if len(r.Answers) == 0 {
			continue
		}
		sum := 0
		for _, v := range r.Answers {
			sum += v
		}
		out = append(out, InterviewMean{PersonID: r.PersonID, ResponseID: r.ID, Mean: float64(sum) / float64(len(r.Answers)),
			Facets: len(r.Answers), At: r.SubmittedAt})
	}
	return out, nil
}
