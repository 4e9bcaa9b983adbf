package assess

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
)

// Where the interview banks and job questionnaires sit in a folder of
// definitions, beside the questionnaires at its root.
const (
	InterviewDir = "interview"
	JobDir       = "job"
)

// Extras are the interview banks and job questionnaires, checked against
// a catalog's questionnaires.
type Extras struct {
	// Banks and Jobs are ordered by ID, then version.
	Banks []*InterviewBank
	Jobs  []*JobQuestionnaire
}

// FacetsOf returns the facets of the newest version of a questionnaire in
// the catalog, by ID, with their names: what a bank or job questionnaire
// about it may name.
func (c *Catalog) FacetsOf(id string) (map[string]string, bool) {
	q, ok := c.Latest(id)
	if !ok {
		return nil, false
	}
	return q.FacetNames(), true
}

// LoadExtras reads every *.yaml file under interview/ and job/ of fsys
// (either may be absent) and checks it against cat. Any problem in any
// file makes it fail with a *LoadError listing them all.
func LoadExtras(fsys fs.FS, cat *Catalog) (*Extras, error) {
	ex := &Extras{}
	var problems []Problem
	for _, dir := range []string{InterviewDir, JobDir} {
		names, err := fs.Glob(fsys, dir+"/*.yaml")
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", dir, err)
		}
		for _, name := range names {
			data, err := readLimited(fsys, name)
			if err != nil {
				problems = append(problems, Problem{File: name, Msg: err.Error()})
				continue
			}
			if dir == InterviewDir {
				b, err := ParseInterviewBank(name, data, cat.FacetsOf)
				if err != nil {
					problems = append(problems, problemsOf(err, name)...)
					continue
				}
				ex.Banks = append(ex.Banks, b)
			} else {
				j, err := ParseJobQuestionnaire(name, data, cat.FacetsOf)
				if err != nil {
					problems = append(problems, problemsOf(err, name)...)
					continue
				}
				ex.Jobs = append(ex.Jobs, j)
			}
		}
	}
	problems = append(problems, duplicateVersions(ex)...)
	if len(problems) > 0 {
		return nil, &LoadError{Problems: problems}
	}
	sort.Slice(ex.Banks, func(i, j int) bool {
		return less(ex.Banks[i].ID, ex.Banks[i].Version, ex.Banks[j].ID, ex.Banks[j].Version)
	})
	sort.Slice(ex.Jobs, func(i, j int) bool { return less(ex.Jobs[i].ID, ex.Jobs[i].Version, ex.Jobs[j].ID, ex.Jobs[j].Version) })
	return ex, nil
}

func less(a string, av int, b string, bv int) bool {
	if a != b {
		return a < b
	}
	return av < bv
}

// duplicateVersions names two files that define one ID and version.
func duplicateVersions(ex *Extras) []Problem {
	var ps []Problem
	seen := map[string]string{}
	note := func(src, key string) {
		if prev, ok := seen[key]; ok {
			ps = append(ps, Problem{File: src, Msg: fmt.Sprintf("%s is already defined by %s; give this one a new version", key, path.Base(prev))})
			return
		}
		seen[key] = src
	}
	for _, b := range ex.Banks {
		note(b.Source, b.String())
	}
	for _, j := range ex.Jobs {
		note(j.Source, j.String())
	}
	return ps
}

// Bank returns the interview bank for a questionnaire that comes last:
// the newest version, and an admin's own (added after the shipped ones)
// before a shipped one; nil when there is none.
func (ex *Extras) Bank(questionnaire string) *InterviewBank {
	var found *InterviewBank
	for _, b := range ex.Banks {
		if b.Questionnaire == questionnaire {
			found = b
		}
	}
	return found
}

// BankVersion returns one version of a bank by ID.
func (ex *Extras) BankVersion(id string, version int) *InterviewBank {
	for _, b := range ex.Banks {
		if b.ID == id && b.Version == version {
			return b
		}
	}
	return nil
}

// Job returns the newest version of the job questionnaire with this ID,
// nil when there is none.
func (ex *Extras) Job(id string) *JobQuestionnaire {
	var found *JobQuestionnaire
	for _, j := range ex.Jobs {
		if j.ID == id {
			found = j
		}
	}
	return found
}
