package store

import (
	"context"
	"fmt"
	"rolefit"
	"strings"
	"time"
)

// TeamQuery selects a page of the team map: the organisation's people who
// have a profile (a self-report).
type TeamQuery struct {
	// Limit is the page size: default 50, at most 500.
	Limit int
	// Cursor continues after the last person of an earlier page.
	Cursor string
	// Kind keeps only candidates or only staff; empty keeps both.
	Kind rolefit.PersonKind
	// JobTitle keeps only people with this job title, ignoring case and
	// surrounding spaces; empty keeps everyone.
	JobTitle string
}

// TeamMember is a person on the team map: their profile's flag count, and hunter and farmer composites with their bands, read from the
// score rows. A nil score means too little was answered (or the
// questionnaire has no such composite); a nil band, that the reliability
// was not yet known.
type TeamMember struct {
	PersonID             string
	Name                 string
	Kind                 rolefit.PersonKind
	JobTitle             string
	CreatedAt            time.Time
	QuestionnaireID      string
	QuestionnaireVersion int
	// Classed says the profile's questionnaire has hunter and farmer
	// composites, so the profile has a 2×2 class (decided by the caller
	// under the organisation's cut).
	Classed    bool
	FlagCount  int
	Hunter     *float64
	HunterLow  *float64
	HunterHigh *float64
	Farmer     *float64
	FarmerLow  *float64
	FarmerHigh *float64
}

// Team returns a page of the organisation's people who have a profile, in
// the order they were added, with their profiles' hunter and farmer
// composites, and the cursor of the next page ("" on the last). It reads
// only columns and score rows, never a stored result document, so a map of
// thousands of people stays quick. A manager's rating is never a profile,
// so it never appears here.
func (o *Scope) Team(ctx context.Context, q TeamQuery) ([]TeamMember, string, error) {
	n := limit(q.Limit)
	db := o.s.reader(ctx).Table("people p").
		Joins("JOIN responses r ON r.id = p.profile_response_id AND r.org_id = p.org_id").
		Joins("LEFT JOIN response_scores h ON h.response_id = r.id AND h.scale_id = 'hunter' AND h.kind = 'composite'").
		Joins("LEFT JOIN response_scores f ON f.response_id = r.id AND f.scale_id = 'farmer' AND f.kind = 'composite'").
		Select(`p.id AS person_id, p.name, p.kind, p.job_title, p.created_at,
			r.questionnaire_id, r.questionnaire_version, r.flag_count,
			CASE WHEN h.response_id IS NOT NULL AND f.response_id IS NOT NULL THEN 1 ELSE 0 END AS classed,
			h.score AS hunter, h.band_low AS hunter_low, h.band_high AS hunter_high,
			f.score AS farmer, f.band_low AS farmer_low, f.band_high AS farmer_high`).
		Where("p.org_id = ?", o.id)
	if q.Kind != "" {
		db = db.Where("p.kind = ?", q.Kind)
	}
	if t := strings.TrimSpace(q.JobTitle); t != "" {
		db = db.Where("LOWER(p.job_title) = LOWER(?)", t)
	}
	if q.Cursor != "" {
		k, err := decodeCursor(q.Cursor)
		if err != nil {
			return nil, "", err
		}
		db = db.Where("p.created_at > ? OR (p.created_at = ? AND p.id > ?)", k.at, k.at, k.id)
	}
	var ms []TeamMember
	if err := db.Order("p.created_at, p.id").Limit(n + 1).Scan(&ms).Error; err != nil {
		return nil, "", fmt.Errorf("read team: %w", err)
	}
	next := ""
	if len(ms) > n {
		ms = ms[:n]
		last := ms[n-1]
		next = encodeCursor(cursorKey{at: last.CreatedAt, id: last.PersonID})
	}
	return ms, next, nil
}

// TeamJobTitles returns the distinct job titles of the organisation's
// people who have a profile, sorted: the choices of the team map's filter.
func (o *Scope) TeamJobTitles(ctx context.Context) ([]string, error) {
	var ts []string
	err := o.s.reader(ctx).Table("people").
		Where("org_id = ? AND profile_response_id IS NOT NULL AND job_title <> ''", o.id).
		Distinct("job_title").Order("job_title").Pluck("job_title", &ts).Error
	if err != nil {
		return nil, fmt.Errorf("read job titles: %w", err)
	}
	return ts, nil
}
