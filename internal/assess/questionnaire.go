package assess

import (
	"fmt"
	"slices"
)

// ItemKind says what an item measures and how its answer is used.
type ItemKind string

// The kinds of item. An item is exactly one of them.
const (
	// KindScored items belong to a scale (facet) and are scored on it.
	KindScored ItemKind = "scored"
	// KindCheck items are instructed-response items ("for this statement,
	// choose Disagree"): not scored, used by the quality checks.
	KindCheck ItemKind = "check"
	// KindVirtue items are unlikely virtues ("I have never told a lie"):
	// not scored, agreeing with many of them suggests answering to look good.
	KindVirtue ItemKind = "virtue"
	// KindChoice items are forced choices between options that each express
	// a composite; they feed the work-preference index, not the agree scale.
	KindChoice ItemKind = "choice"
)

// The audiences a questionnaire may be given to.
const (
	AudienceCandidate = "candidate"
	AudienceStaff     = "staff"
	AudienceManager   = "manager"
)

// Questionnaire is one validated questionnaire definition. Build it with
// Parse or a Catalog: they check it and index it for scoring. A
// Questionnaire is read-only once built and safe to share between
// goroutines.
type Questionnaire struct {
	// ID names the questionnaire, for example "sales-service".
	ID string `json:"id"`
	// Version numbers the content; a version with responses never changes.
	Version int `json:"version"`
	// Title is shown to respondents.
	Title string `json:"title"`
	// Description is an optional paragraph for the welcome page.
	Description string `json:"description,omitempty"`
	// Audience lists who may be invited (candidate, staff, manager); empty
	// means the definition does not say.
	Audience []string `json:"audience,omitempty"`
	// Minutes is the time shown to respondents before they start, 0 if not given.
	Minutes int `json:"minutes,omitempty"`
	// Language is the language the definition is written in, a BCP 47
	// tag: a text given as a plain string is in it. DefaultLanguage when
	// the file does not say.
	Language string `json:"language"`
	// Languages are the languages respondents may answer in: the source
	// language and each translation, every text translated into each.
	Languages []string `json:"languages"`
	// Translations says, for each translation, how it was made (ITC
	// Guidelines for Translating and Adapting Tests, 2nd ed., 2017).
	Translations map[string]string `json:"translations,omitempty"`
	// Consent is the statement a respondent agrees to before answering;
	// empty means rolefit's own.
	Consent string `json:"consent,omitempty"`
	// Lang is the language of this copy's texts: Language, or the
	// language of the translation In returned.
	Lang string `json:"lang"`
	// Scale is the agree scale of every item but the choice items.
	Scale ResponseScale `json:"response_scale"`
	// Composites group scales into what placement reads (hunter, farmer).
	Composites []Composite `json:"composites,omitempty"`
	// Scales are the facets, in definition order.
	Scales []Scale `json:"scales"`
	// Pages hold the items in the order respondents see them.
	Pages []Page `json:"pages"`
	// Pairs are the designed consistency pairs used by the quality checks.
	Pairs Pairs `json:"pairs"`
	// Hash is the canonical content hash, "sha256:<hex>" (see Hash).
	Hash string `json:"hash"`
	// Source is the file the definition was read from.
	Source string `json:"source"`

	idx  *index
	line int // line of the id, for catalog messages
	// texts are the translatable texts with their translations; local
	// holds the definition in each offered language but the source, and
	// origin, in such a copy, the definition in its source language.
	texts  []*textEntry
	local  map[string]*Questionnaire
	origin *Questionnaire
	// multilingual is set when the file says anything about languages,
	// which the hash then covers (Hash).
	multilingual bool
}

// ResponseScale is the agree scale: answers are integers Min..Max, one label each.
type ResponseScale struct {
	// Min and Max are the lowest and highest answers.
	Min int `json:"min"`
	Max int `json:"max"`
	// Labels name the answers Min..Max, one each.
	Labels []string `json:"labels"`
}

// Composite is a group of scales that placement reads as one score.
type Composite struct {
	// ID names the composite in scores and options ("hunter").
	ID string `json:"id"`
	// Name is shown to managers ("New-business selling").
	Name string `json:"name"`
	// Description is an optional longer explanation.
	Description string `json:"description,omitempty"`
}

// Scale is a facet: a set of scored items whose mean is the facet score.
type Scale struct {
	// ID names the scale in items and scores ("influence").
	ID string `json:"id"`
	// Name is shown to managers ("Influence").
	Name string `json:"name"`
	// Composite is the ID of the composite the scale belongs to, if any.
	Composite string `json:"composite,omitempty"`
	// Description says what a high score means.
	Description string `json:"description,omitempty"`
}

// Page is one screen of items.
type Page struct {
	// Title heads the page; it may be empty.
	Title string `json:"title,omitempty"`
	// Intro is an optional instruction shown above the items.
	Intro string `json:"intro,omitempty"`
	// Items are in the order shown.
	Items []Item `json:"items"`
}

// Item is one statement or forced choice.
type Item struct {
	// ID is unique within the questionnaire; answers are keyed by it.
	ID string `json:"id"`
	// Text is the statement, or a choice item's optional prompt.
	Text string `json:"text,omitempty"`
	// Kind says what the item is for.
	Kind ItemKind `json:"kind"`
	// Scale and Key are set for scored items; Key 1 scores the answer as
	// given, Key −1 reverses it (min+max−x).
	Scale string `json:"scale,omitempty"`
	Key   int    `json:"key,omitempty"`
	// Check is the expected answer of a check item.
	Check int `json:"check,omitempty"`
	// Options are the choices of a choice item; the answer is the 1-based
	// position of the chosen option.
	Options []Option `json:"options,omitempty"`
}

// Option is one alternative of a choice item and the composite it expresses.
type Option struct {
	// Text describes the task to choose.
	Text string `json:"text"`
	// Composite is the ID of the composite that choosing it expresses.
	Composite string `json:"composite"`
}

// Pairs lists designed consistency pairs of scored items by ID.
type Pairs struct {
	// Synonyms are pairs meant to be answered alike.
	Synonyms [][2]string `json:"synonyms,omitempty"`
	// Antonyms are pairs meant to be answered oppositely.
	Antonyms [][2]string `json:"antonyms,omitempty"`
}

// Choice is one allowed answer to an item and what the respondent sees for it.
type Choice struct {
	// Value is the answer as stored.
	Value int `json:"value"`
	// Label is what the respondent sees: a scale label or an option's text.
	Label string `json:"label"`
}

// String names the questionnaire as messages do: "sales-service v1".
func (q *Questionnaire) String() string {
	return fmt.Sprintf("%s v%d", q.ID, q.Version)
}

// Item returns the item with the given ID.
func (q *Questionnaire) Item(id string) (Item, bool) {
	ix := q.index()
	i, ok := ix.byID[id]
	if !ok {
		return Item{}, false
	}
	return ix.items[i], true
}

// Items returns every item in page order. The slice is the caller's.
func (q *Questionnaire) Items() []Item {
	return slices.Clone(q.index().items)
}

// NumItems returns the number of items on all pages.
func (q *Questionnaire) NumItems() int {
	return len(q.index().items)
}

// PageItemCounts returns the number of items on each page, in page order.
func (q *Questionnaire) PageItemCounts() []int {
	counts := make([]int, len(q.Pages))
	for i, p := range q.Pages {
		counts[i] = len(p.Items)
	}
	return counts
}

// Choices returns the allowed answers to an item with what each one shows:
// the scale's labels for agree-scale items, the option texts for choice items.
func (q *Questionnaire) Choices(itemID string) ([]Choice, bool) {
	it, ok := q.Item(itemID)
	if !ok {
		return nil, false
	}
	if it.Kind == KindChoice {
		cs := make([]Choice, len(it.Options))
		for i, o := range it.Options {
			cs[i] = Choice{Value: i + 1, Label: o.Text}
		}
		return cs, true
	}
	cs := make([]Choice, 0, q.Scale.Points())
	for v := q.Scale.Min; v <= q.Scale.Max; v++ {
		cs = append(cs, Choice{Value: v, Label: q.Scale.Label(v)})
	}
	return cs, true
}

// ScaleItems returns the items of a scale in page order.
func (q *Questionnaire) ScaleItems(scaleID string) []Item {
	ix := q.index()
	s, ok := ix.scaleByID[scaleID]
	if !ok {
		return nil
	}
	out := make([]Item, len(ix.scaleItems[s]))
	for i, p := range ix.scaleItems[s] {
		out[i] = ix.items[p]
	}
	return out
}

// CompositeScales returns the scales of a composite in definition order.
func (q *Questionnaire) CompositeScales(compositeID string) []Scale {
	ix := q.index()
	c, ok := ix.compositeByID[compositeID]
	if !ok {
		return nil
	}
	out := make([]Scale, len(ix.compositeScales[c]))
	for i, s := range ix.compositeScales[c] {
		out[i] = q.Scales[s]
	}
	return out
}

// Points returns the number of answer options, Max−Min+1.
func (s ResponseScale) Points() int { return s.Max - s.Min + 1 }

// Contains reports whether x is an allowed answer on the scale.
func (s ResponseScale) Contains(x int) bool { return x >= s.Min && x <= s.Max }

// Reverse scores a reversed item: min+max−x, using the scale's theoretical
// bounds, not the observed ones. Reversing twice gives x back.
func (s ResponseScale) Reverse(x int) int { return s.Min + s.Max - x }

// Label returns the label of answer x, or "" when x is off the scale or the
// scale has no labels.
func (s ResponseScale) Label(x int) string {
	i := x - s.Min
	if i < 0 || i >= len(s.Labels) {
		return ""
	}
	return s.Labels[i]
}

// AgreePoint is the default cut between low and high scores: half a step
// above the scale's midpoint, 3.5 on a 1–5 scale, halfway between the
// neutral answer and "Agree". A mean at or above it means the person agreed
// with the statements on average.
func (s ResponseScale) AgreePoint() float64 {
	return float64(s.Min+s.Max)/2 + 0.5
}
