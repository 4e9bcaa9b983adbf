package assess

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// hashFormat names the canonical serialisation. Changing what goes into it
// changes every hash, so it gets a new name when it changes.
const hashFormat = "rolefit-questionnaire-1"

// hashFormatLanguages names the serialisation of a definition that says
// anything about languages: format 1 of its source-language content, with
// its languages, its consent statement and every text in every language.
// A definition that says nothing of languages keeps format 1, so the
// hashes stored with responses before translations existed still match.
const hashFormatLanguages = "rolefit-questionnaire-2"

// Hash returns the canonical content hash of a definition, "sha256:<hex>".
//
// It is computed over a canonical serialisation of the parsed definition
// (JSON of fixed structs, fields in a fixed order), not over the file's
// bytes: comments, key order, quoting and layout do not change it, while any
// change to a text, a key, a scale, an option, a pair or a label does. It is
// stored with every response so that a response can always be matched to
// the exact content it answered. It covers every translation, so changing
// one makes a new version; the notes of how translations were made are
// about the content, not part of it, and are left out.
func Hash(q *Questionnaire) string {
	q = q.sourceDef()
	c := canonicalOf(q)
	if !q.multilingual {
		return sum(c)
	}
	type multilingual struct {
		Format    string              `json:"format"`
		Source    canonical           `json:"source"`
		Language  string              `json:"language"`
		Languages []string            `json:"languages"`
		Consent   string              `json:"consent"`
		Texts     map[string][]string `json:"texts"`
	}
	m := multilingual{Format: hashFormatLanguages, Source: c, Language: q.Language, Languages: q.Languages,
		Consent: q.Consent, Texts: map[string][]string{}}
	for _, lang := range q.Languages {
		texts := make([]string, len(q.texts))
		for i, e := range q.texts {
			texts[i] = e.byLang[lang]
		}
		m.Texts[lang] = texts
	}
	return sum(m)
}

// sum is the SHA-256 of v's JSON, "sha256:<hex>".
func sum(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// Marshalling plain strings and ints cannot fail.
		panic("assess: canonical serialisation: " + err.Error())
	}
	s := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(s[:])
}

// canonical is format 1 of a definition: its content in fixed structs,
// fields in a fixed order.
type canonical struct {
	Format      string          `json:"format"`
	ID          string          `json:"id"`
	Version     int             `json:"version"`
	Title       string          `json:"title"`
	Description string          `json:"description"`
	Audience    []string        `json:"audience"`
	Minutes     int             `json:"minutes"`
	Scale       ResponseScale   `json:"response_scale"`
	Composites  []Composite     `json:"composites"`
	Scales      []Scale         `json:"scales"`
	Pages       []canonicalPage `json:"pages"`
	Synonyms    [][2]string     `json:"synonyms"`
	Antonyms    [][2]string     `json:"antonyms"`
}

type canonicalPage struct {
	Title string          `json:"title"`
	Intro string          `json:"intro"`
	Items []canonicalItem `json:"items"`
}

type canonicalItem struct {
	ID      string   `json:"id"`
	Kind    ItemKind `json:"kind"`
	Text    string   `json:"text"`
	Scale   string   `json:"scale"`
	Key     int      `json:"key"`
	Check   int      `json:"check"`
	Options []Option `json:"options"`
}

// canonicalOf is format 1 of q.
func canonicalOf(q *Questionnaire) canonical {
	c := canonical{
		Format:      hashFormat,
		ID:          q.ID,
		Version:     q.Version,
		Title:       q.Title,
		Description: q.Description,
		Audience:    q.Audience,
		Minutes:     q.Minutes,
		Scale:       q.Scale,
		Composites:  q.Composites,
		Scales:      q.Scales,
		Synonyms:    q.Pairs.Synonyms,
		Antonyms:    q.Pairs.Antonyms,
	}
	for _, p := range q.Pages {
		cp := canonicalPage{Title: p.Title, Intro: p.Intro}
		for _, it := range p.Items {
			cp.Items = append(cp.Items, canonicalItem{ID: it.ID, Kind: it.Kind, Text: it.Text, Scale: it.Scale, Key: it.Key, Check: it.Check, Options: it.Options})
		}
		c.Pages = append(c.Pages, cp)
	}
	return c
}
