package assess

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// hashFormat names the canonical serialisation. Changing what goes into it
// changes every hash, so it gets a new name when it changes.
const hashFormat = "rolefit-questionnaire-1"

// Hash returns the canonical content hash of a definition, "sha256:<hex>".
//
// It is computed over a canonical serialisation of the parsed definition
// (JSON of fixed structs, fields in a fixed order), not over the file's
// bytes: comments, key order, quoting and layout do not change it, while any
// change to a text, a key, a scale, an option, a pair or a label does. It is
// stored with every response so that a response can always be matched to
// the exact content it answered.
func Hash(q *Questionnaire) string {
	type item struct {
		ID      string   `json:"id"`
		Kind    ItemKind `json:"kind"`
		Text    string   `json:"text"`
		Scale   string   `json:"scale"`
		Key     int      `json:"key"`
		Check   int      `json:"check"`
		Options []Option `json:"options"`
	}
	type page struct {
		Title string `json:"title"`
		Intro string `json:"intro"`
		Items []item `json:"items"`
	}
	type canonical struct {
		Format      string        `json:"format"`
		ID          string        `json:"id"`
		Version     int           `json:"version"`
		Title       string        `json:"title"`
		Description string        `json:"description"`
		Audience    []string      `json:"audience"`
		Minutes     int           `json:"minutes"`
		Scale       ResponseScale `json:"response_scale"`
		Composites  []Composite   `json:"composites"`
		Scales      []Scale       `json:"scales"`
		Pages       []page        `json:"pages"`
		Synonyms    [][2]string   `json:"synonyms"`
		Antonyms    [][2]string   `json:"antonyms"`
	}
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
		cp := page{Title: p.Title, Intro: p.Intro}
		for _, it := range p.Items {
			cp.Items = append(cp.Items, item{ID: it.ID, Kind: it.Kind, Text: it.Text, Scale: it.Scale, Key: it.Key, Check: it.Check, Options: it.Options})
		}
		c.Pages = append(c.Pages, cp)
	}
	b, err := json.Marshal(c)
	if err != nil {
		// Marshalling plain strings and ints cannot fail.
		panic("assess: canonical serialisation: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}
