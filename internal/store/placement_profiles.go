package store

import (
	"context"
	"database/sql"
	"fmt"
	"rolefit"
	"strings"
	"sync"
	"time"
)

// PlacementProfiles returns everyone in the organisation who has a profile,
// in the order they were added, as ProfiledPeople does, but with only the
// profile's score rows of the given scales, and those rows with only their
// scale, score and percentile: what a team placement reads, which weighs
// no other scale. With no scales it reads no score rows.
//
// It is ProfiledPeople made quick for 10,000 people: two pre-built queries
// scanned without GORM, run at the same time on two of the reader's
// connections, and no sort of the score rows. Reading every profile's
// every row through GORM took twice as long as solving the placement
// (docs/PERFORMANCE.md, "The first placement after a change"). The two
// queries may see two states of the database; a profile that changed in
// between keeps the score rows of the response the first query read and
// no others, and the change gives a new placement stamp, so the next
// placement reads again.
func (o *Scope) PlacementProfiles(ctx context.Context, scales []string) ([]ProfiledPerson, error) {
	var (
		wg            sync.WaitGroup
		ps            []ProfiledPerson
		responses     []string
		rows          []profileScore
		peopleErr     error
		scoresErr     error
		readingScores = len(scales) > 0
	)
	if readingScores {
		wg.Go(func() { rows, scoresErr = o.profileScores(ctx, scales) })
	}
	ps, responses, peopleErr = o.profilePeople(ctx)
	wg.Wait()
	if peopleErr != nil {
		return nil, peopleErr
	}
	if scoresErr != nil {
		return nil, scoresErr
	}
	at := make(map[string]int32, len(responses))
	for i, r := range responses {
		at[r] = int32(i)
	}
	// Count each person's rows first, so that they share one backing
	// array: a team of 10,000 with 6 scales has 60,000 rows.
	count := make([]int32, len(ps))
	for k := range rows {
		i, ok := at[rows[k].response]
		if !ok {
			rows[k].person = -1 // no longer a profile the first query read
			continue
		}
		rows[k].person = i
		count[i]++
	}
	all := make([]ScoreRow, 0, len(rows))
	for i := range ps {
		ps[i].Scores = all[len(all) : len(all) : len(all)+int(count[i])]
		all = all[:len(all)+int(count[i])]
	}
	figures := make([]float64, 2*len(rows))
	for k, r := range rows {
		if r.person < 0 {
			continue
		}
		row := ScoreRow{ScaleID: r.scale}
		if r.hasScore {
			figures[2*k] = r.score
			row.Score = &figures[2*k]
		}
		if r.hasPercentile {
			figures[2*k+1] = r.percentile
			row.Percentile = &figures[2*k+1]
		}
		p := &ps[r.person]
		p.Scores = append(p.Scores, row)
	}
	return ps, nil
}

// profilePeople reads the people with a profile in the order they were
// added, and the ID of each one's profile response.
func (o *Scope) profilePeople(ctx context.Context) ([]ProfiledPerson, []string, error) {
	db := o.s.reader(ctx)
	q := bindVars(o.s.dialect, `SELECT p.id, p.name, p.kind, p.current_role_id, p.profile_response_id,
	r.questionnaire_id, r.questionnaire_version, r.submitted_at, r.severity, r.looked_at
FROM people p JOIN responses r ON r.id = p.profile_response_id
WHERE p.org_id = ? AND r.org_id = ?
ORDER BY p.created_at, p.id`)
	cur, err := db.Statement.ConnPool.QueryContext(ctx, q, o.id, o.id)
	if err != nil {
		return nil, nil, fmt.Errorf("list profiled people: %w", err)
	}
	defer cur.Close()
	var (
		ps        []ProfiledPerson
		responses []string
	)
	for cur.Next() {
		var (
			p              ProfiledPerson
			kind, response string
			role           sql.NullString
			looked         sql.NullTime
			at             time.Time
		)
		if err := cur.Scan(&p.ID, &p.Name, &kind, &role, &response, &p.QuestionnaireID, &p.QuestionnaireVersion, &at, &p.Severity, &looked); err != nil {
			return nil, nil, fmt.Errorf("list profiled people: %w", err)
		}
		p.Kind, p.ProfileAt = rolefit.PersonKind(kind), at
		if role.Valid {
			p.CurrentRoleID = &role.String
		}
		if looked.Valid {
			p.LookedAt = &looked.Time
		}
		ps = append(ps, p)
		responses = append(responses, response)
	}
	if err := cur.Err(); err != nil {
		return nil, nil, fmt.Errorf("list profiled people: %w", err)
	}
	return ps, responses, nil
}

// profileScore is one score row of a profile as profileScores reads it,
// and the index of its person once matched.
type profileScore struct {
	response, scale         string
	score, percentile       float64
	hasScore, hasPercentile bool
	person                  int32
}

// profileScores reads the score rows of the given scales of every
// profile in the organisation, in no particular order.
func (o *Scope) profileScores(ctx context.Context, scales []string) ([]profileScore, error) {
	db := o.s.reader(ctx)
	args := make([]any, 0, 2+len(scales))
	args = append(args, o.id, o.id)
	// The scale IDs are few and each is kept once: the rows point at
	// these strings rather than at one copy per row.
	interned := make(map[string]string, len(scales))
	for _, s := range scales {
		args = append(args, s)
		interned[s] = s
	}
	// One join from the people to their profiles' rows: SQLite walks the
	// organisation's people and looks each profile's rows up by their key
	// (response_id, scale_id), where "response_id IN (…)" batches led it
	// to scan the organisation's every score row once a batch.
	q := bindVars(o.s.dialect, `SELECT s.response_id, s.scale_id, s.score, s.percentile
FROM people p JOIN response_scores s ON s.response_id = p.profile_response_id
WHERE p.org_id = ? AND s.org_id = ? AND s.scale_id IN (?`+strings.Repeat(", ?", len(scales)-1)+`)`)
	cur, err := db.Statement.ConnPool.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read profile scores: %w", err)
	}
	defer cur.Close()
	var (
		rows              []profileScore
		response, scale   sql.RawBytes
		score, percentile sql.NullFloat64
	)
	last := ""
	for cur.Next() {
		if err := cur.Scan(&response, &scale, &score, &percentile); err != nil {
			return nil, fmt.Errorf("read profile scores: %w", err)
		}
		// A profile's rows usually come one after another: they share
		// one copy of its ID.
		if string(response) != last {
			last = string(response)
		}
		rows = append(rows, profileScore{response: last, scale: interned[string(scale)],
			score: score.Float64, hasScore: score.Valid, percentile: percentile.Float64, hasPercentile: percentile.Valid})
	}
	if err := cur.Err(); err != nil {
		return nil, fmt.Errorf("read profile scores: %w", err)
	}
	return rows, nil
}
