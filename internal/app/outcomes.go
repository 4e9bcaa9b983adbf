package app

import (
	"context"
	"fmt"
	"rolefit"
	"strings"

	"rolefit/internal/errs"
)

// RecordOutcome records one hiring outcome of a person: the stage they
// reached and when (a date, YYYY-MM-DD, or an RFC 3339 time).
func (a *App) RecordOutcome(ctx context.Context, act Actor, personID, stage, at string) (*rolefit.Outcome, error) {
	out, err := a.scope(act).RecordOutcomes(ctx, []rolefit.OutcomeInput{{Person: personID, Stage: stage, At: at}}, nil, act.Audit)
	if err != nil {
		return nil, err
	}
	return &out[0], nil
}

// RecordOutcomes records the same stage on the same date for several
// people at once, as the People list's bulk action does: all or none.
func (a *App) RecordOutcomes(ctx context.Context, act Actor, personIDs []string, stage, at string) ([]rolefit.Outcome, error) {
	if len(personIDs) == 0 {
		return nil, errs.InvalidFields("Choose the people the outcome is for.", map[string]string{"people": "choose at least one person"})
	}
	ins := make([]rolefit.OutcomeInput, len(personIDs))
	rows := make([]int, len(personIDs))
	for i, id := range personIDs {
		ins[i], rows[i] = rolefit.OutcomeInput{Person: id, Stage: stage, At: at}, i+1
	}
	out, err := a.scope(act).RecordOutcomes(ctx, ins, rows, act.Audit)
	if errs.Code(err) != errs.CodeInvalid {
		return out, err
	}
	// The store names rows; here they are the people selected, named
	// "person_ids.N" as the bulk invitation names them. A stage wrong for
	// one is wrong for all: it is said once.
	fields := map[string]string{}
	for k, v := range errs.FieldsOf(err) {
		var n int
		var field string
		if _, serr := fmt.Sscanf(k, "row %d: %s", &n, &field); serr != nil {
			fields[k] = v
			continue
		}
		if field == "stage" || (field == "at" && !strings.HasPrefix(v, "is before")) {
			fields[field] = v
			continue
		}
		fields[fmt.Sprintf("person_ids.%d", n-1)] = field + " " + v
	}
	return nil, errs.InvalidFields("Nothing was recorded. Please correct the outcome or the people selected.", fields)
}

// PersonOutcomes returns a person's hiring outcomes, earliest first.
func (a *App) PersonOutcomes(ctx context.Context, act Actor, personID string) ([]rolefit.Outcome, error) {
	org := a.scope(act)
	if _, err := org.Person(ctx, personID); err != nil {
		return nil, err
	}
	return org.Outcomes(ctx, personID)
}

// outcomeColumns are the columns of an outcomes file, in the order assumed
// when it has no header.
var outcomeColumns = []string{"person", "stage", "at"}

// ImportOutcomes records outcomes from a CSV file with the columns
// outcomeColumns (a header naming them is optional; the person is an ID or
// an e-mail address): all of them, or, when any row has a problem, none,
// with an error naming each row and column. It returns how many it
// recorded.
func (a *App) ImportOutcomes(ctx context.Context, act Actor, text []byte) (int, error) {
	t, err := readCSVTable(text, outcomeColumns, "person", "stage")
	if err != nil {
		return 0, err
	}
	var ins []rolefit.OutcomeInput
	var rows []int
	fields := map[string]string{}
	for i, rec := range t.records {
		row := t.lines[i]
		if !t.header && len(rec) != len(outcomeColumns) {
			fields[fmt.Sprintf("row %d", row)] = fmt.Sprintf("has %d columns; expected person,stage,at", len(rec))
			continue
		}
		cell := func(name string) string {
			if j := t.col[name]; j < len(rec) {
				return rec[j]
			}
			return ""
		}
		ins = append(ins, rolefit.OutcomeInput{Person: cell("person"), Stage: cell("stage"), At: cell("at")})
		rows = append(rows, row)
	}
	if len(fields) > 0 {
		return 0, errs.InvalidFields(fmt.Sprintf("Nothing was recorded: %d problems in the file. Fix them and upload it again.", len(fields)), fields)
	}
	if len(ins) == 0 {
		return 0, errs.InvalidFields("The file has no outcomes in it.", map[string]string{"file": "has no rows of outcomes"})
	}
	out, err := a.scope(act).RecordOutcomes(ctx, ins, rows, act.Audit)
	return len(out), err
}

// SetSelfIdentification stores a person's voluntary self-identification,
// as an applicant tracking system that collected it hands it on. It is
// never shown back: the adverse-impact report reads it only as counts.
func (a *App) SetSelfIdentification(ctx context.Context, act Actor, s rolefit.SelfIdentification) error {
	return a.scope(act).SetSelfIdentification(ctx, s, act.Audit)
}
