package assess

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// KindInterviewBank and KindJobQuestionnaire name, in a file's "kind"
// field, the two definitions that sit beside the questionnaires: an
// interview bank and a job questionnaire. A questionnaire has no kind.
const (
	KindInterviewBank    = "interview-bank"
	KindJobQuestionnaire = "job-questionnaire"
)

// FlagCodes are the codes of every quality flag Score can raise, in check
// order: an interview bank has probes for each.
var FlagCodes = []string{CheckInstructed, CheckSpeed, CheckLongstring, CheckIRV, CheckDistance,
	CheckConsistency, CheckSynonyms, CheckAntonyms, CheckVirtues, CheckAgreement}

// The rating scale of an interview: 1–5 on behavioural anchors (Campion,
// Palmer & Campion 1997, "A review of structure in the selection
// interview": anchored scales are one of the components that make an
// interview structured). Anchors are required at least at the ends and
// the middle.
const (
	RatingMin = 1
	RatingMax = 5
)

// requiredAnchors are the points of the rating scale every facet anchors.
var requiredAnchors = []int{1, 3, 5}

// minBankQuestions is the least number of questions a facet has: a guide
// asks two, and four let two interviewers (or a second interview) ask
// different ones.
const minBankQuestions = 4

// InterviewBank is a validated bank of behavioural interview questions
// for the facets of one questionnaire, with anchored rating scales and
// probes for the quality flags. Build it with ParseInterviewBank.
type InterviewBank struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	// Questionnaire is the ID of the questionnaire whose facets it covers.
	Questionnaire string `json:"questionnaire"`
	Title         string `json:"title"`
	// Facets are in file order.
	Facets []BankFacet `json:"facets"`
	// Flags are the probes for each quality flag.
	Flags []FlagProbes `json:"flags"`
	// Hash is the canonical content hash, "sha256:<hex>".
	Hash string `json:"-"`
	// Source is the file it was read from.
	Source string `json:"-"`
}

// BankFacet is the questions and anchored rating scale of one facet.
type BankFacet struct {
	Facet string `json:"facet"`
	// Anchors describe what an answer rated at a point of 1–5 sounds like,
	// by the point.
	Anchors   map[int]string `json:"anchors"`
	Questions []BankQuestion `json:"questions"`
}

// BankQuestion is one behavioural question and its follow-up probes.
type BankQuestion struct {
	ID     string   `json:"id"`
	Text   string   `json:"text"`
	Probes []string `json:"probes"`
}

// FlagProbes are what to ask when a self-report raised one quality flag.
type FlagProbes struct {
	Flag   string   `json:"flag"`
	Probes []string `json:"probes"`
}

// Facet returns the bank's entry for a facet.
func (b *InterviewBank) Facet(id string) (BankFacet, bool) {
	for _, f := range b.Facets {
		if f.Facet == id {
			return f, true
		}
	}
	return BankFacet{}, false
}

// FlagProbes returns the probes for a quality flag's code.
func (b *InterviewBank) FlagProbes(code string) []string {
	for _, f := range b.Flags {
		if f.Flag == code {
			return f.Probes
		}
	}
	return nil
}

// String names the bank and its version.
func (b *InterviewBank) String() string { return fmt.Sprintf("%s v%d", b.ID, b.Version) }

// FileKind returns the "kind" a definition file declares at its top
// level, "" for a questionnaire (which declares none) or a file that
// cannot be read as YAML (Parse then says what is wrong with it).
func FileKind(data []byte) string {
	var top struct {
		Kind string `yaml:"kind"`
	}
	if err := yaml.Unmarshal(data, &top); err != nil {
		return ""
	}
	return strings.TrimSpace(top.Kind)
}

// FacetNames maps the ID of each facet of a questionnaire to its name: what
// a bank or a job questionnaire about it may name.
func (q *Questionnaire) FacetNames() map[string]string {
	m := make(map[string]string, len(q.Scales))
	for _, s := range q.Scales {
		m[s.ID] = s.Name
	}
	return m
}

// rawBank is a bank file as written; lists are kept as nodes for their lines.
type rawBank struct {
	Kind          string      `yaml:"kind"`
	ID            string      `yaml:"id"`
	Version       int         `yaml:"version"`
	Questionnaire string      `yaml:"questionnaire"`
	Title         string      `yaml:"title"`
	Facets        []yaml.Node `yaml:"facets"`
	Flags         []yaml.Node `yaml:"flags"`
}

type rawFacet struct {
	Facet     string            `yaml:"facet"`
	Anchors   map[string]string `yaml:"anchors"`
	Questions []yaml.Node       `yaml:"questions"`
}

// ParseInterviewBank reads an interview bank from YAML and checks it
// against facets, the facet IDs of the questionnaire it names (facetsOf
// returns them, false for an unknown questionnaire). Every problem is
// listed in a *LoadError: an unknown or repeated facet, a facet of the
// questionnaire without questions, fewer than four questions, a missing
// anchor at 1, 3 or 5, a repeated question ID, a question without
// probes, an unknown quality flag or one without probes.
func ParseInterviewBank(name string, data []byte, facetsOf func(questionnaire string) (map[string]string, bool)) (*InterviewBank, error) {
	d := &decoder{file: name}
	root, ok := strictDocument(d, data)
	if !ok {
		return nil, d.err()
	}
	var raw rawBank
	if err := decodeStrict(root, &raw, "kind", "id", "version", "questionnaire", "title", "facets", "flags"); err != nil {
		d.add(root.Line, "", "%v", err)
		return nil, d.err()
	}
	b := &InterviewBank{ID: raw.ID, Version: raw.Version, Questionnaire: raw.Questionnaire, Title: strings.TrimSpace(raw.Title), Source: name}
	checkHeader(d, root, raw.Kind, KindInterviewBank, raw.ID, raw.Version, raw.Questionnaire)
	facets, known := facetsOf(raw.Questionnaire)
	if raw.Questionnaire != "" && !known {
		d.add(root.Line, "", "questionnaire %q is not installed: a bank covers the facets of an installed questionnaire", raw.Questionnaire)
	}
	seenFacet := map[string]bool{}
	seenQ := map[string]int{}
	for i := range raw.Facets {
		n := &raw.Facets[i]
		var rf rawFacet
		subject := fmt.Sprintf("facet %d", i+1)
		if err := decodeStrict(n, &rf, "facet", "anchors", "questions"); err != nil {
			d.add(n.Line, subject, "%v", err)
			continue
		}
		if rf.Facet != "" {
			subject = "facet " + rf.Facet
		}
		switch {
		case rf.Facet == "":
			d.add(n.Line, subject, "facet is required")
		case seenFacet[rf.Facet]:
			d.add(n.Line, subject, "facet %s is listed twice", rf.Facet)
		case known && facets[rf.Facet] == "":
			d.add(n.Line, subject, "%q is not a facet of %s", rf.Facet, raw.Questionnaire)
		}
		seenFacet[rf.Facet] = true
		f := BankFacet{Facet: rf.Facet, Anchors: map[int]string{}}
		for k, text := range rf.Anchors {
			p, err := strconv.Atoi(k)
			if err != nil || p < RatingMin || p > RatingMax {
				d.add(n.Line, subject, "anchor %q is not a point of the rating scale %d–%d", k, RatingMin, RatingMax)
				continue
			}
			if strings.TrimSpace(text) == "" {
				d.add(n.Line, subject, "anchor %d has no text", p)
				continue
			}
			f.Anchors[p] = strings.TrimSpace(text)
		}
		for _, p := range requiredAnchors {
			if _, ok := f.Anchors[p]; !ok {
				d.add(n.Line, subject, "anchor %d is missing: every facet anchors the rating scale at 1, 3 and 5", p)
			}
		}
		if len(rf.Questions) < minBankQuestions {
			d.add(n.Line, subject, "has %d questions; a facet needs at least %d", len(rf.Questions), minBankQuestions)
		}
		for j := range rf.Questions {
			qn := &rf.Questions[j]
			var q BankQuestion
			if err := decodeStrict(qn, &q, "id", "text", "probes"); err != nil {
				d.add(qn.Line, subject, "question %d: %v", j+1, err)
				continue
			}
			q.Text = strings.TrimSpace(q.Text)
			qs := "question " + q.ID
			switch {
			case q.ID == "":
				d.add(qn.Line, subject, "question %d has no id", j+1)
			case seenQ[q.ID] > 0:
				d.add(qn.Line, qs, "id %s is used twice (first on line %d)", q.ID, seenQ[q.ID])
			default:
				seenQ[q.ID] = qn.Line
			}
			if q.Text == "" {
				d.add(qn.Line, qs, "text is required")
			}
			if len(nonEmpty(q.Probes)) == 0 {
				d.add(qn.Line, qs, "needs at least one follow-up probe")
			}
			q.Probes = nonEmpty(q.Probes)
			f.Questions = append(f.Questions, q)
		}
		b.Facets = append(b.Facets, f)
	}
	if known {
		for _, id := range sortedKeys(facets) {
			if !seenFacet[id] {
				d.add(root.Line, "", "facet %s of %s has no questions", id, raw.Questionnaire)
			}
		}
	}
	seenFlag := map[string]bool{}
	for i := range raw.Flags {
		n := &raw.Flags[i]
		var fp FlagProbes
		if err := decodeStrict(n, &fp, "flag", "probes"); err != nil {
			d.add(n.Line, fmt.Sprintf("flag %d", i+1), "%v", err)
			continue
		}
		subject := "flag " + fp.Flag
		switch {
		case !slices.Contains(FlagCodes, fp.Flag):
			d.add(n.Line, subject, "%q is not a quality flag rolefit raises (%s)", fp.Flag, strings.Join(FlagCodes, ", "))
		case seenFlag[fp.Flag]:
			d.add(n.Line, subject, "flag %s is listed twice", fp.Flag)
		}
		seenFlag[fp.Flag] = true
		if fp.Probes = nonEmpty(fp.Probes); len(fp.Probes) == 0 {
			d.add(n.Line, subject, "needs at least one probe")
		}
		b.Flags = append(b.Flags, fp)
	}
	for _, code := range FlagCodes {
		if !seenFlag[code] {
			d.add(root.Line, "", "quality flag %s has no probes", code)
		}
	}
	if len(d.problems) > 0 {
		return nil, d.err()
	}
	b.Hash = contentHash(KindInterviewBank, b)
	return b, nil
}

// checkHeader checks the fields every bank and job questionnaire has.
func checkHeader(d *decoder, root *yaml.Node, kind, want, id string, version int, questionnaire string) {
	if kind != want {
		d.add(root.Line, "", "kind must be %s, not %q", want, kind)
	}
	if id == "" {
		d.add(root.Line, "", "id is required")
	}
	if version < 1 {
		d.add(root.Line, "", "version must be a whole number from 1")
	}
	if questionnaire == "" {
		d.add(root.Line, "", "questionnaire is required: the ID of the questionnaire whose facets it names")
	}
}

// strictDocument parses data into its root mapping, refusing an empty or
// oversized file and anchors (as Parse does for a questionnaire).
func strictDocument(d *decoder, data []byte) (*yaml.Node, bool) {
	if len(data) > MaxFileSize {
		d.add(0, "", "file is larger than %d bytes", MaxFileSize)
		return nil, false
	}
	root, ok := d.document(data)
	if !ok {
		return nil, false
	}
	if root.Kind != yaml.MappingNode {
		d.add(root.Line, "", "the file must be a mapping of keys to values")
		return nil, false
	}
	return root, true
}

// decodeStrict decodes a mapping node into v, refusing keys other than
// known: a typo such as "probe:" must not silently drop the probes. Nodes
// inside keep their lines in the file.
func decodeStrict(n *yaml.Node, v any, known ...string) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("must be a mapping of keys to values")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; !slices.Contains(known, k) {
			return fmt.Errorf("unknown key %q (known: %s)", k, strings.Join(known, ", "))
		}
	}
	if err := n.Decode(v); err != nil {
		return fmt.Errorf("%s", snippetLine.ReplaceAllString(strings.ReplaceAll(strings.TrimPrefix(err.Error(), "yaml: unmarshal errors:\n"), "\n", ";"), ""))
	}
	return nil
}

// snippetLine matches the "line N:" the YAML decoder puts before each error.
var snippetLine = regexp.MustCompile(`\s*line \d+: `)

// nonEmpty returns the trimmed, non-empty strings of ss.
func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// contentHash is "sha256:<hex>" of kind and v's JSON: comments and layout
// of the file do not change it, any text or weight does. It is stored
// with what is recorded against the definition.
func contentHash(kind string, v any) string {
	b, _ := json.Marshal(struct {
		Kind    string `json:"kind"`
		Content any    `json:"content"`
	}{kind, v})
	s := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(s[:])
}
