package store

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"rolefit/internal/errs"
	"rolefit/internal/text"
)

// PersonKind says whether a person is a candidate or already on the staff.
type PersonKind string

// The kinds of person.
const (
	Candidate PersonKind = "candidate"
	Staff     PersonKind = "staff"
)

// Person is a candidate or staff member whom a manager assesses.
type Person struct {
	ID        string     `json:"id"`
	OrgID     string     `json:"-"`
	Name      string     `json:"name"`
	Email     string     `json:"email"`
	Kind      PersonKind `json:"kind"`
	JobTitle  string     `json:"job_title"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
	// ProfileResponseID is the person's latest self-report, nil before
	// they have one: their profile. A manager's rating never takes its place.
	ProfileResponseID *string `json:"-"`
	// CurrentRoleID is a staff member's placement role today, nil for
	// none (see SetCurrentRole).
	CurrentRoleID *string `json:"-"`
}

// TableName tells GORM the table.
func (Person) TableName() string { return "people" }

// NewPerson is what a manager enters to add a person.
type NewPerson struct {
	Name  string
	Email string // optional
	Kind  PersonKind
	// JobTitle is free text, staff only (a candidate has none yet).
	JobTitle string
}

// validate cleans a new person and returns what is wrong, keyed by field
// name after prefix (such as "row 7: ").
func (np NewPerson) validate(prefix string) (NewPerson, map[string]string) {
	fields := map[string]string{}
	np.Name = strings.TrimSpace(np.Name)
	switch {
	case np.Name == "":
		fields[prefix+"name"] = "is required"
	case len(np.Name) > 200:
		fields[prefix+"name"] = "must be at most 200 characters"
	default:
		if msg := text.Problem(np.Name); msg != "" {
			fields[prefix+"name"] = msg
		}
	}
	if strings.TrimSpace(np.Email) != "" {
		var msg string
		if np.Email, msg = normaliseEmail(np.Email); msg != "" {
			fields[prefix+"email"] = msg
		}
	} else {
		np.Email = ""
	}
	np.Kind = PersonKind(strings.ToLower(strings.TrimSpace(string(np.Kind))))
	if np.Kind != Candidate && np.Kind != Staff {
		fields[prefix+"kind"] = "must be candidate or staff"
	}
	np.JobTitle = strings.TrimSpace(np.JobTitle)
	switch {
	case len(np.JobTitle) > 100:
		fields[prefix+"job_title"] = "must be at most 100 characters"
	case text.Problem(np.JobTitle) != "":
		fields[prefix+"job_title"] = text.Problem(np.JobTitle)
	case np.JobTitle != "" && np.Kind == Candidate:
		fields[prefix+"job_title"] = "is only for staff; leave it empty for a candidate"
	}
	return np, fields
}

// CreatePerson adds a person to the organisation.
func (o *Org) CreatePerson(ctx context.Context, np NewPerson, by Actor) (*Person, error) {
	ps, err := o.ImportPeople(ctx, []NewPerson{np}, nil, by)
	if err != nil {
		return nil, err
	}
	return &ps[0], nil
}

// ImportPeople adds several people at once, all or none. When rows is
// given, nps[i] comes from row rows[i] of a file and errors are keyed
// "row N: field"; otherwise by field name alone.
func (o *Org) ImportPeople(ctx context.Context, nps []NewPerson, rows []int, by Actor) ([]Person, error) {
	fields := map[string]string{}
	prefix := func(i int) string {
		if rows != nil {
			return fmt.Sprintf("row %d: ", rows[i])
		}
		return ""
	}
	if rows != nil && len(rows) != len(nps) {
		return nil, fmt.Errorf("import people: %d row numbers for %d people", len(rows), len(nps))
	}
	seen := map[string]int{}
	for i := range nps {
		var f map[string]string
		nps[i], f = nps[i].validate(prefix(i))
		for k, v := range f {
			fields[k] = v
		}
		if e := nps[i].Email; e != "" {
			if j, dup := seen[e]; dup {
				fields[prefix(i)+"email"] = "is given twice in the list"
				if rows != nil {
					fields[prefix(i)+"email"] = fmt.Sprintf("is also on row %d", rows[j])
				}
			} else {
				seen[e] = i
			}
		}
	}
	if len(nps) == 0 {
		return nil, errs.Invalid("There is nobody to add.")
	}
	var people []Person
	err := o.s.tx(ctx, func(tx *gorm.DB) error {
		if len(seen) > 0 {
			emails := make([]string, 0, len(seen))
			for e := range seen {
				emails = append(emails, e)
			}
			var taken []string
			for chunk := range chunks(emails, 500) {
				var got []string
				// "email <> ''" lets SQLite use the partial unique index
				// people_org_email instead of reading every person of the
				// organisation (docs/PERFORMANCE.md).
				if err := o.scope(tx.Model(&Person{})).Where("email <> '' AND email IN ?", chunk).Pluck("email", &got).Error; err != nil {
					return fmt.Errorf("check e-mail addresses: %w", err)
				}
				taken = append(taken, got...)
			}
			for _, e := range taken {
				fields[prefix(seen[e])+"email"] = "already belongs to someone in your organisation"
			}
			// One person whose only problem is a taken address is a
			// conflict with what is stored, not a malformed request.
			if rows == nil && len(fields) == 1 && len(taken) == 1 {
				return &errs.Error{Code: errs.CodeConflict, Message: "Someone in your organisation already has that e-mail address.", Fields: fields}
			}
		}
		if len(fields) > 0 {
			msg := "Please correct the highlighted fields."
			if rows != nil {
				msg = fmt.Sprintf("Nothing was added: %d problems in the file. Fix them and upload it again.", len(fields))
			}
			return errs.InvalidFields(msg, fields)
		}
		now := o.s.now()
		people = make([]Person, len(nps))
		for i, np := range nps {
			people[i] = Person{ID: newID(), OrgID: o.id, Name: np.Name, Email: np.Email, Kind: np.Kind, JobTitle: np.JobTitle,
				CreatedAt: now, UpdatedAt: now}
		}
		if err := tx.CreateInBatches(people, 200).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return errs.Conflict("Someone with one of these e-mail addresses was added at the same moment. Please try again.")
			}
			return fmt.Errorf("add people: %w", err)
		}
		detail := people[0].Name
		if len(people) > 1 {
			detail = fmt.Sprintf("%d people from a file", len(people))
		}
		return o.audit(tx, by, "create", "person", people[0].ID, detail)
	})
	if err != nil {
		return nil, err
	}
	return people, nil
}

// chunks yields s in pieces of at most n, to keep IN lists short.
func chunks[T any](s []T, n int) func(func([]T) bool) {
	return func(yield func([]T) bool) {
		for len(s) > 0 {
			k := min(n, len(s))
			if !yield(s[:k]) {
				return
			}
			s = s[k:]
		}
	}
}

// Person returns one of the organisation's people.
func (o *Org) Person(ctx context.Context, id string) (*Person, error) {
	return o.person(o.s.reader(ctx), id)
}

func (o *Org) person(db *gorm.DB, id string) (*Person, error) {
	return takeRaw[Person](db, "person", "org_id = ? AND id = ?", o.id, id)
}

// PeopleQuery selects a page of people.
type PeopleQuery struct {
	// Limit is the page size: default 50, at most 500.
	Limit int
	// Cursor continues after the last person of an earlier page.
	Cursor string
	// Search matches name or e-mail, case-insensitively.
	Search string
	// Kind keeps only candidates or only staff; empty keeps both.
	Kind PersonKind
	// SortScale orders people by that scale's score in their profile
	// (highest first when Desc), people without one last; empty keeps
	// the order they were added in.
	SortScale string
	Desc      bool
	// Invitation keeps people by the state of their newest invitation
	// now (see InvitationFilters); empty keeps everyone.
	Invitation string
	// Class keeps people whose profile has that 2×2 class, or with
	// ClassNone no profile; empty keeps everyone.
	Class string
	// Flags keeps people by their profile's quality flags (see
	// FlagFilters); empty keeps everyone.
	Flags string
}

// The people list's filter values beyond the stored ones.
const (
	// NotInvited is the invitation filter for people never invited.
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
var InvitationFilters = []string{NotInvited, string(InvitationSent), string(InvitationStarted),
	string(InvitationSubmitted), string(InvitationExpired), string(InvitationWithdrawn)}

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
	Person `gorm:"embedded"`
	// ProfileQuestionnaire, ProfileClass, FlagCount and ProfileAt describe
	// the profile; ProfileAt is nil without one.
	ProfileQuestionnaire string
	ProfileClass         string
	FlagCount            int
	// Severity is the overall severity of the profile's quality flags.
	Severity  string
	ProfileAt *time.Time
	// Composites are the profile's composite scores by ID (nil = missing).
	Composites map[string]*float64 `gorm:"-"`
	// sortScore is the score the page was sorted by.
	SortScore *float64
}

// People returns a page of the organisation's people with their profiles,
// and the cursor of the next page ("" on the last page).
func (o *Org) People(ctx context.Context, q PeopleQuery) ([]PersonProfile, string, error) {
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
func (o *Org) peopleQuery(db *gorm.DB, q PeopleQuery) (*gorm.DB, error) {
	n := limit(q.Limit)
	db = db.Table("people").Where("people.org_id = ?", o.id).
		Joins("LEFT JOIN responses r ON r.id = people.profile_response_id")
	sel := "people.*, r.questionnaire_id AS profile_questionnaire, r.profile_class, r.flag_count, r.severity, r.submitted_at AS profile_at"
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
func (o *Org) PersonWithProfile(ctx context.Context, id string) (*PersonProfile, error) {
	var ps []PersonProfile
	err := o.s.reader(ctx).Table("people").Where("people.org_id = ? AND people.id = ?", o.id, id).
		Joins("LEFT JOIN responses r ON r.id = people.profile_response_id").
		Select("people.*, r.questionnaire_id AS profile_questionnaire, r.profile_class, r.flag_count, r.severity, r.submitted_at AS profile_at").
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
func (o *Org) fillComposites(ctx context.Context, ps []PersonProfile) error {
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

// CountPeople counts the organisation's people.
func (o *Org) CountPeople(ctx context.Context) (int64, error) {
	var n int64
	err := o.scope(o.s.reader(ctx).Model(&Person{})).Count(&n).Error
	return n, err
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

// ErasePerson deletes a person with all their invitations, saved answers
// and responses. The audit log records that it happened and who did it,
// but keeps nothing of the person but the ID.
func (o *Org) ErasePerson(ctx context.Context, id string, by Actor) error {
	return o.s.tx(ctx, func(tx *gorm.DB) error {
		if _, err := o.person(tx, id); err != nil {
			return err
		}
		return o.erase(tx, id, by, "person, invitations, answers and scores deleted")
	})
}

// erase deletes a person inside tx, and with them (by the schema's ON
// DELETE CASCADE) every invitation, saved answer, response and score row,
// and records it. ErasePerson and the retention purge both erase through
// it, so a purge removes exactly what an erasure does.
//
// The audit log keeps who did what to the person and when, by their ID,
// but not the details written beside those entries: the entry that added
// someone holds their name.
func (o *Org) erase(tx *gorm.DB, id string, by Actor, detail string) error {
	if err := o.scope(tx).Where("id = ?", id).Delete(&Person{}).Error; err != nil {
		return fmt.Errorf("erase person: %w", err)
	}
	if err := o.placementChanged(tx); err != nil {
		return err
	}
	if err := o.scope(tx.Model(&AuditEntry{})).Where("subject_type = ? AND subject_id = ?", "person", id).Update("detail", "").Error; err != nil {
		return fmt.Errorf("erase person's audit details: %w", err)
	}
	return o.audit(tx, by, "erase", "person", id, detail)
}
