package store

// The people list: a page of the organisation's people with their
// profiles, filtered, searched, sorted by a score and paged by cursor.

import (
	"context"
	"encoding/base64"
	"fmt"
	"rolefit"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
)

// PeopleQuery selects a page of people.
type PeopleQuery struct {
	// Limit is the page size: default 50, at most 500.
	Limit int
	// Cursor continues after the last person of an earlier page.
	Cursor string
	// Search matches name or e-mail, case-insensitively.
	Search string
	// Kind keeps only candidates or only staff; empty keeps both.
	Kind rolefit.PersonKind
	// SortScale orders people by that scale's score in their profile
	// (highest first when Desc), people without one last; empty keeps
	// the order they were added in.
	SortScale string
	Desc      bool
	// Invitation keeps people by the state of their newest invitation
	// now (see InvitationFilters); empty keeps everyone.
	Invitation string
	// Class keeps people whose profile has that 2×2 class under Cut, or
	// with ClassNone no profile; empty keeps everyone.
	Class string
	// Cut is the organisation's profile cut, which the class filter
	// applies to the profiles' hunter and farmer composites as the pages
	// do (assess.Classify).
	Cut float64
	// Flags keeps people by their profile's quality flags (see
	// FlagFilters); empty keeps everyone.
	Flags string
	// Earlier says what to do with earlier applicants: empty leaves them
	// out, EarlierInclude keeps them, EarlierOnly keeps them alone.
	Earlier string
}

// The people list's filter values beyond the stored ones.
const (
	// NotInvited is the invitation filter for people never invited who
	// have no answers of their own either.
	NotInvited = "none"
	// ClassNone is the class filter for people without a profile.
	ClassNone = "none"
	// FlagsAny keeps profiles with at least one quality flag; FlagsNone
	// keeps profiles without any (people without a profile have no
	// flags to speak of, so it leaves them out).
	FlagsAny  = "any"
	FlagsNone = "none"
)

// InvitationFilters are the values the people list's invitation filter
// takes: never invited, or the newest invitation's state now.
var InvitationFilters = []string{NotInvited, string(rolefit.InvitationSent), string(rolefit.InvitationStarted),
	string(rolefit.InvitationSubmitted), string(rolefit.InvitationExpired), string(rolefit.InvitationWithdrawn)}

// FlagFilters are the values the people list's flag filter takes: any
// flag, the strongest flag "likely" (careless) or "look" (worth a
// look), or no flag.
var FlagFilters = []string{FlagsAny, "likely", "look", FlagsNone}

// limit clamps a requested page size to 1..500, default 50.
func limit(n int) int {
	switch {
	case n <= 0:
		return 50
	case n > 500:
		return 500
	}
	return n
}

// PersonProfile is a person with a summary of their profile (their latest
// self-report), when they have one.
type PersonProfile struct {
	rolefit.Person `gorm:"embedded"`
	// ProfileQuestionnaire, FlagCount and ProfileAt describe the profile;
	// ProfileAt is nil without one.
	ProfileQuestionnaire string
	FlagCount            int
	// ProfileClass is the profile's 2×2 class under the organisation's
	// cut. The store never fills it (a class is not stored); the caller
	// decides it from Composites (app.withClass).
	ProfileClass string `gorm:"-"`
	// Severity is the overall severity of the profile's quality flags.
	Severity  string
	ProfileAt *time.Time
	// Composites are the profile's composite scores by ID (nil = missing).
	Composites map[string]*float64 `gorm:"-"`
	// Answered says the person has a self-report of their own (a profile
	// or an earlier response); EarlierApplicant that they are an earlier
	// applicant (earlier_applicants.go).
	Answered, EarlierApplicant bool
	// sortScore is the score the page was sorted by.
	SortScore *float64
}

// personProfileColumns are the columns of a PersonProfile, from people
// joined with their profile response as r.
var personProfileColumns = "people.*, r.questionnaire_id AS profile_questionnaire, r.flag_count, r.severity, r.submitted_at AS profile_at, " +
	"CASE WHEN people.profile_response_id IS NOT NULL OR EXISTS (SELECT 1 FROM responses ar WHERE ar.person_id = people.id AND ar.view = 'self') THEN 1 ELSE 0 END AS answered, " +
	"CASE WHEN " + earlierApplicant("people") + " THEN 1 ELSE 0 END AS earlier_applicant"

// People returns a page of the organisation's people with their profiles,
// and the cursor of the next page ("" on the last page).
func (o *Scope) People(ctx context.Context, q PeopleQuery) ([]PersonProfile, string, error) {
	n := limit(q.Limit)
	db, err := o.peopleQuery(o.s.reader(ctx), q)
	if err != nil {
		return nil, "", err
	}
	var ps []PersonProfile
	if err := db.Scan(&ps).Error; err != nil {
		return nil, "", fmt.Errorf("list people: %w", err)
	}
	next := ""
	if len(ps) > n {
		ps = ps[:n]
		last := ps[n-1]
		next = encodeCursor(cursorKey{at: last.CreatedAt, id: last.ID, score: last.SortScore, sorted: q.SortScale != ""})
	}
	if err := o.fillComposites(ctx, ps); err != nil {
		return nil, "", err
	}
	return ps, next, nil
}

// peopleQuery is the query of a page of people, one more than the page
// size so the caller knows whether another page follows.
func (o *Scope) peopleQuery(db *gorm.DB, q PeopleQuery) (*gorm.DB, error) {
	n := limit(q.Limit)
	db = db.Table("people").Where("people.org_id = ?", o.id).
		Joins("LEFT JOIN responses r ON r.id = people.profile_response_id")
	sel := personProfileColumns
	if q.SortScale != "" {
		db = db.Joins("LEFT JOIN response_scores s ON s.response_id = people.profile_response_id AND s.scale_id = ?", q.SortScale)
		sel += ", s.score AS sort_score"
	}
	db = db.Select(sel)
	if s := strings.TrimSpace(q.Search); s != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(s)) + "%"
		db = db.Where(`(LOWER(people.name) LIKE ? ESCAPE '\' OR people.email LIKE ? ESCAPE '\')`, like, like)
	}
	if q.Kind != "" {
		db = db.Where("people.kind = ?", q.Kind)
	}
	db = o.filterPeople(db, q)
	if q.Cursor != "" {
		k, err := decodeCursor(q.Cursor)
		if err != nil {
			return nil, err
		}
		if q.SortScale == "" {
			db = db.Where("people.created_at > ? OR (people.created_at = ? AND people.id > ?)", k.at, k.at, k.id)
		} else {
			cmp := ">"
			if q.Desc {
				cmp = "<"
			}
			if k.score == nil {
				db = db.Where("s.score IS NULL AND people.id > ?", k.id)
			} else {
				db = db.Where("s.score "+cmp+" ? OR (s.score = ? AND people.id > ?) OR s.score IS NULL", *k.score, *k.score, k.id)
			}
		}
	}
	if q.SortScale == "" {
		return db.Order("people.created_at, people.id").Limit(n + 1), nil
	}
	dir := "ASC"
	if q.Desc {
		dir = "DESC"
	}
	// Sorting by a score needs every person's score before the first row.
	// The page is chosen on people's IDs and scores alone, and only its
	// rows are then read with their profile responses, whose stored
	// answers and results would otherwise be read for everyone and sorted
	// with them.
	order := func(score string) string {
		return "CASE WHEN " + score + " IS NULL THEN 1 ELSE 0 END, " + score + " " + dir + ", people.id"
	}
	page := db.Select("people.id AS page_id, s.score AS sort_score").Order(order("s.score")).Limit(n + 1)
	return db.Session(&gorm.Session{NewDB: true}).Table("(?) AS page", page).
		Joins("JOIN people ON people.id = page.page_id").
		Joins("LEFT JOIN responses r ON r.id = people.profile_response_id").
		Select(sel[:strings.Index(sel, ", s.score")] + ", page.sort_score").
		Order(order("page.sort_score")), nil
}

// PersonWithProfile returns one person with their profile summary.
func (o *Scope) PersonWithProfile(ctx context.Context, id string) (*PersonProfile, error) {
	var ps []PersonProfile
	err := o.s.reader(ctx).Table("people").Where("people.org_id = ? AND people.id = ?", o.id, id).
		Joins("LEFT JOIN responses r ON r.id = people.profile_response_id").
		Select(personProfileColumns).
		Scan(&ps).Error
	if err != nil {
		return nil, fmt.Errorf("get person: %w", err)
	}
	if len(ps) == 0 {
		return nil, errs.NotFound("person")
	}
	if err := o.fillComposites(ctx, ps); err != nil {
		return nil, err
	}
	return &ps[0], nil
}

// fillComposites reads the composite scores of each profile.
func (o *Scope) fillComposites(ctx context.Context, ps []PersonProfile) error {
	var ids []string
	for _, p := range ps {
		if p.ProfileResponseID != nil {
			ids = append(ids, *p.ProfileResponseID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	by := map[string][]ScoreRow{}
	for chunk := range chunks(ids, 500) {
		var rows []ScoreRow
		// The response IDs come from this organisation's people, so the
		// query is scoped by them; adding org_id would lead SQLite to the
		// norms index and a scan of every score of the organisation.
		if err := o.s.reader(ctx).Where("response_id IN ? AND kind = ?", chunk, ScaleComposite).Find(&rows).Error; err != nil {
			return fmt.Errorf("read profile scores: %w", err)
		}
		for _, r := range rows {
			by[r.ResponseID] = append(by[r.ResponseID], r)
		}
	}
	for i := range ps {
		if ps[i].ProfileResponseID == nil {
			continue
		}
		ps[i].Composites = map[string]*float64{}
		for _, r := range by[*ps[i].ProfileResponseID] {
			ps[i].Composites[r.ScaleID] = r.Score
		}
	}
	return nil
}

// cursorKey is the sort key of the last row of a page.
type cursorKey struct {
	at     time.Time
	id     string
	score  *float64
	sorted bool // sorted by a score rather than by when people were added
}

// encodeCursor makes an opaque cursor from a row's sort key.
func encodeCursor(k cursorKey) string {
	s := k.at.UTC().Format(time.RFC3339Nano) + "|" + k.id
	if k.sorted {
		score := "-"
		if k.score != nil {
			score = strconv.FormatFloat(*k.score, 'g', -1, 64)
		}
		s += "|" + score
	}
	return base64.RawURLEncoding.EncodeToString([]byte(s))
}

func decodeCursor(c string) (cursorKey, error) {
	bad := errs.InvalidFields("The list cursor is not one rolefit made.", map[string]string{"cursor": "is not valid"})
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return cursorKey{}, bad
	}
	parts := strings.Split(string(b), "|")
	if len(parts) < 2 || len(parts) > 3 {
		return cursorKey{}, bad
	}
	at, err := time.Parse(time.RFC3339Nano, parts[0])
	if err != nil {
		return cursorKey{}, bad
	}
	k := cursorKey{at: at, id: parts[1]}
	if len(parts) == 3 && parts[2] != "-" {
		v, err := strconv.ParseFloat(parts[2], 64)
		if err != nil {
			return cursorKey{}, bad
		}
		k.score = &v
	}
	return k, nil
}
