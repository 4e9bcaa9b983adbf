package assess

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// Catalog holds the questionnaire definitions a rolefit server offers: the
// shipped ones and those in a directory an admin names. Build it once at
// start-up; after that it is read-only and safe to share between goroutines.
type Catalog struct {
	byKey  map[catalogKey]*Questionnaire
	latest map[string]*Questionnaire
}

type catalogKey struct {
	id      string
	version int
}

// NewCatalog returns an empty catalog.
func NewCatalog() *Catalog {
	return &Catalog{byKey: map[catalogKey]*Questionnaire{}, latest: map[string]*Questionnaire{}}
}

// LoadCatalog reads every *.yaml and *.yml file at the root of fsys into a
// new catalog. Any problem in any file makes it fail with a *LoadError
// listing them all.
func LoadCatalog(fsys fs.FS) (*Catalog, error) {
	c := NewCatalog()
	if err := c.AddFS(fsys, ""); err != nil {
		return nil, err
	}
	return c, nil
}

// AddFS adds every *.yaml and *.yml file at the root of fsys. prefix is put
// before file names in messages and in each Questionnaire's Source (the
// admin's directory, say); it may be empty. A file that defines an
// (id, version) already in the catalog is accepted only when its content
// hash is the same. On any problem nothing is added and the error is a
// *LoadError listing every problem of every file.
func (c *Catalog) AddFS(fsys fs.FS, prefix string) error {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return fmt.Errorf("read questionnaire directory %s: %w", cmp.Or(prefix, "."), err)
	}
	var problems []Problem
	var loaded []*Questionnaire
	for _, e := range entries {
		ext := strings.ToLower(path.Ext(e.Name()))
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		name := e.Name()
		if prefix != "" {
			name = path.Join(prefix, e.Name())
		}
		data, err := readLimited(fsys, e.Name())
		if err != nil {
			problems = append(problems, Problem{File: name, Msg: err.Error()})
			continue
		}
		q, err := Parse(name, data)
		if err != nil {
			problems = append(problems, problemsOf(err, name)...)
			continue
		}
		loaded = append(loaded, q)
	}
	staged := c.clone()
	for _, q := range loaded {
		if err := staged.Add(q); err != nil {
			problems = append(problems, problemsOf(err, q.Source)...)
		}
	}
	if len(problems) > 0 {
		return &LoadError{Problems: problems}
	}
	*c = *staged
	return nil
}

// readLimited reads a file of at most MaxFileSize bytes.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	return data, nil
}

// problemsOf returns the problems of a *LoadError, or the error as one problem.
func problemsOf(err error, file string) []Problem {
	var le *LoadError
	if errors.As(err, &le) {
		return le.Problems
	}
	return []Problem{{File: file, Msg: err.Error()}}
}

// Add puts one parsed questionnaire into the catalog. Adding the same
// (id, version) again is accepted when the content hash is the same and
// refused with a *LoadError otherwise: a version is never changed in place.
func (c *Catalog) Add(q *Questionnaire) error {
	if c.byKey == nil {
		*c = *NewCatalog()
	}
	k := catalogKey{q.ID, q.Version}
	if prev, ok := c.byKey[k]; ok {
		if prev.Hash == q.Hash {
			return nil
		}
		return &LoadError{Problems: []Problem{{
			File: q.Source, Line: q.line,
			Msg: fmt.Sprintf("%s is already defined by %s with different content; give this one a new version", q, cmp.Or(prev.Source, "another file")),
		}}}
	}
	c.byKey[k] = q
	if l, ok := c.latest[q.ID]; !ok || q.Version > l.Version {
		c.latest[q.ID] = q
	}
	return nil
}

func (c *Catalog) clone() *Catalog {
	n := NewCatalog()
	for k, v := range c.byKey {
		n.byKey[k] = v
	}
	for k, v := range c.latest {
		n.latest[k] = v
	}
	return n
}

// Get returns the definition with the given ID and version.
func (c *Catalog) Get(id string, version int) (*Questionnaire, bool) {
	q, ok := c.byKey[catalogKey{id, version}]
	return q, ok
}

// Latest returns the highest version of the definition with the given ID.
func (c *Catalog) Latest(id string) (*Questionnaire, bool) {
	q, ok := c.latest[id]
	return q, ok
}

// Newest returns the highest version of each definition, ordered by ID:
// what new invitations offer, while older versions stay in the catalog to
// score and show the responses given to them.
func (c *Catalog) Newest() []*Questionnaire {
	out := make([]*Questionnaire, 0, len(c.latest))
	for _, q := range c.latest {
		out = append(out, q)
	}
	slices.SortFunc(out, func(a, b *Questionnaire) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// All returns every definition, ordered by ID and then version.
func (c *Catalog) All() []*Questionnaire {
	out := make([]*Questionnaire, 0, len(c.byKey))
	for _, q := range c.byKey {
		out = append(out, q)
	}
	slices.SortFunc(out, func(a, b *Questionnaire) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Version, b.Version))
	})
	return out
}
