package app

import (
	"context"
	"fmt"
	"rolefit"

	"rolefit/internal/assess"
	"rolefit/internal/store"
)

// rescoreBatch is how many responses one rescore transaction rewrites.
const rescoreBatch = 200

// rescoreActor names rescoring in the audit log: rolefit itself, on an
// operator's command, not a user.
var rescoreActor = rolefit.Actor{ID: "rolefit", Name: "rolefit rescore"}

// RescoreReport says what a rescore did.
type RescoreReport struct {
	// Rescored counts the responses scored again.
	Rescored int
	// Skipped says, per response left as it was, why.
	Skipped []string
}

// Rescore scores every response whose stored result was made by older
// scoring rules (assess.ScoringVersion) again from its raw answers, which
// are the record, against its organisation's current references, and
// replaces the result, the quality flags and the score rows. Each batch is
// one transaction and is recorded in its organisation's audit log. A
// response whose questionnaire version is not installed, or whose content
// hash differs from the installed one, is left alone and reported.
// progress, when given, is told the count done after each batch.
func (a *App) Rescore(ctx context.Context, progress func(done int)) (RescoreReport, error) {
	var rep RescoreReport
	rules := fmt.Sprintf("scoring rules version %d", assess.ScoringVersion)
	after := ""
	for {
		batch, err := a.st.OutdatedResponses(ctx, assess.ScoringVersion, after, rescoreBatch)
		if err != nil {
			return rep, err
		}
		if len(batch) == 0 {
			return rep, nil
		}
		after = batch[len(batch)-1].ID
		byOrg := map[string][]store.Rescored{}
		var orgs []string
		for _, r := range batch {
			q, ok := a.cat.Get(r.QuestionnaireID, r.QuestionnaireVersion)
			switch {
			case !ok:
				rep.Skipped = append(rep.Skipped, fmt.Sprintf("response %s: %s v%d is not installed", r.ID, r.QuestionnaireID, r.QuestionnaireVersion))
				continue
			case q.Hash != r.QuestionnaireHash:
				rep.Skipped = append(rep.Skipped, fmt.Sprintf("response %s: the installed %s v%d differs from the one it was answered on", r.ID, r.QuestionnaireID, r.QuestionnaireVersion))
				continue
			}
			opt, err := a.scoringOptions(ctx, a.st.Scope(r.OrgID), nil, q, r.Language)
			if err != nil {
				return rep, err
			}
			sc, err := store.ScoredFrom(assess.Score(q, assess.Response{Answers: r.Answers, PageSeconds: r.PageSeconds}, opt))
			if err != nil {
				return rep, err
			}
			if _, seen := byOrg[r.OrgID]; !seen {
				orgs = append(orgs, r.OrgID)
			}
			byOrg[r.OrgID] = append(byOrg[r.OrgID], store.Rescored{ID: r.ID, Scored: sc})
		}
		for _, org := range orgs {
			if err := a.st.Scope(org).SaveRescored(ctx, byOrg[org], rescoreActor, rules); err != nil {
				return rep, err
			}
			rep.Rescored += len(byOrg[org])
		}
		if progress != nil {
			progress(rep.Rescored)
		}
	}
}

// OutdatedResponses counts the stored results made by older scoring rules,
// which `rolefit rescore` would redo.
func (a *App) OutdatedResponses(ctx context.Context) (int64, error) {
	return a.st.CountOutdated(ctx, assess.ScoringVersion)
}
