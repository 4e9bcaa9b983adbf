package assess

import (
	"fmt"
	"math"
	"strings"

	"go.yaml.in/yaml/v3"
)

// JobQuestionnaire is a validated job questionnaire: statements about
// what a job involves, each mapped to facets with weights, answered 1–5
// by people who know the job (DESIGN §14). Build it with
// ParseJobQuestionnaire.
type JobQuestionnaire struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	// Questionnaire is the ID of the questionnaire whose facets it names.
	Questionnaire string         `json:"questionnaire"`
	Title         string         `json:"title"`
	Statements    []JobStatement `json:"statements"`
	// Hash is the canonical content hash, "sha256:<hex>".
	Hash   string `json:"-"`
	Source string `json:"-"`
}

// JobStatement is one statement about the job and the facets it asks for.
type JobStatement struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Facets maps facet IDs to weights in (0, 1].
	Facets map[string]float64 `json:"facets"`
}

// String names the job questionnaire and its version.
func (j *JobQuestionnaire) String() string { return fmt.Sprintf("%s v%d", j.ID, j.Version) }

type rawJob struct {
	Kind          string      `yaml:"kind"`
	ID            string      `yaml:"id"`
	Version       int         `yaml:"version"`
	Questionnaire string      `yaml:"questionnaire"`
	Title         string      `yaml:"title"`
	Statements    []yaml.Node `yaml:"statements"`
}

// ParseJobQuestionnaire reads a job questionnaire from YAML and checks it
// against the facets of the questionnaire it names. Every problem is
// listed in a *LoadError: a repeated statement ID, a statement without
// text or facets, an unknown facet, a weight outside (0, 1].
func ParseJobQuestionnaire(name string, data []byte, facetsOf func(questionnaire string) (map[string]string, bool)) (*JobQuestionnaire, error) {
	d := &decoder{file: name}
	root, ok := strictDocument(d, data)
	if !ok {
		return nil, d.err()
	}
	var raw rawJob
	if err := decodeStrict(root, &raw, "kind", "id", "version", "questionnaire", "title", "statements"); err != nil {
		d.add(root.Line, "", "%v", err)
		return nil, d.err()
	}
	checkHeader(d, root, raw.Kind, KindJobQuestionnaire, raw.ID, raw.Version, raw.Questionnaire)
	facets, known := facetsOf(raw.Questionnaire)
	if raw.Questionnaire != "" && !known {
		d.add(root.Line, "", "questionnaire %q is not installed: a job questionnaire names the facets of an installed questionnaire", raw.Questionnaire)
	}
	j := &JobQuestionnaire{ID: raw.ID, Version: raw.Version, Questionnaire: raw.Questionnaire, Title: strings.TrimSpace(raw.Title), Source: name}
	if len(raw.Statements) == 0 {
		d.add(root.Line, "", "statements are required")
	}
	seen := map[string]int{}
	for i := range raw.Statements {
		n := &raw.Statements[i]
		var s JobStatement
		if err := decodeStrict(n, &s, "id", "text", "facets"); err != nil {
			d.add(n.Line, fmt.Sprintf("statement %d", i+1), "%v", err)
			continue
		}
		s.Text = strings.TrimSpace(s.Text)
		subject := "statement " + s.ID
		switch {
		case s.ID == "":
			d.add(n.Line, fmt.Sprintf("statement %d", i+1), "id is required")
		case seen[s.ID] > 0:
			d.add(n.Line, subject, "id %s is used twice (first on line %d)", s.ID, seen[s.ID])
		default:
			seen[s.ID] = n.Line
		}
		if s.Text == "" {
			d.add(n.Line, subject, "text is required")
		}
		if len(s.Facets) == 0 {
			d.add(n.Line, subject, "facets are required: the facets the statement asks for, with weights")
		}
		for _, f := range sortedWeightKeys(s.Facets) {
			w := s.Facets[f]
			if known && facets[f] == "" {
				d.add(n.Line, subject, "%q is not a facet of %s", f, raw.Questionnaire)
			}
			if !(w > 0 && w <= 1) || math.IsNaN(w) {
				d.add(n.Line, subject, "weight of %s must be above 0 and at most 1, not %g", f, w)
			}
		}
		j.Statements = append(j.Statements, s)
	}
	if len(d.problems) > 0 {
		return nil, d.err()
	}
	j.Hash = contentHash(KindJobQuestionnaire, j)
	return j, nil
}

func sortedWeightKeys(m map[string]float64) []string {
	s := make(map[string]string, len(m))
	for k := range m {
		s[k] = k
	}
	return sortedKeys(s)
}
