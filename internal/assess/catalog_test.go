package assess

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadCatalog(t *testing.T) {
	v2 := strings.Replace(validBase, "version: 1", "version: 2", 1)
	fsys := fstest.MapFS{
		"t1.yaml":     {Data: []byte(validBase)},
		"t2.yml":      {Data: []byte(v2)},
		"notes.txt":   {Data: []byte("not a questionnaire")},
		"sub/x.yaml":  {Data: []byte("broken: [")}, // only the root is read
		"other.YAML":  {Data: []byte(strings.Replace(validBase, "id: t\n", "id: other\n", 1))},
		"README.md":   {Data: []byte("# hi")},
		"t1copy.yaml": {Data: []byte("# the same content again\n" + validBase)},
	}
	c, err := LoadCatalog(fsys)
	if err != nil {
		t.Fatalf("LoadCatalog: %v", err)
	}
	var got []string
	for _, q := range c.All() {
		got = append(got, q.String())
	}
	if want := "other v1, t v1, t v2"; strings.Join(got, ", ") != want {
		t.Errorf("All() = %v, want %s", got, want)
	}
	if q, ok := c.Get("t", 1); !ok || q.Version != 1 {
		t.Errorf("Get(t, 1) = %v, %v", q, ok)
	}
	if _, ok := c.Get("t", 3); ok {
		t.Errorf("Get(t, 3) found something")
	}
	if q, ok := c.Latest("t"); !ok || q.Version != 2 || q.Source != "t2.yml" {
		t.Errorf("Latest(t) = %v from %v, want t v2 from t2.yml", q, q.Source)
	}
	if _, ok := c.Latest("nope"); ok {
		t.Errorf("Latest(nope) found something")
	}
	got = nil
	for _, q := range c.Newest() {
		got = append(got, q.String())
	}
	if want := "other v1, t v2"; strings.Join(got, ", ") != want {
		t.Errorf("Newest() = %v, want %s", got, want)
	}
}

func TestCatalogReportsEveryFile(t *testing.T) {
	fsys := fstest.MapFS{
		"a.yaml": {Data: []byte(edit(t, "key: -1", "key: 0"))},
		"b.yaml": {Data: []byte("id: b\n")},
		"c.yaml": {Data: []byte(validBase)},
	}
	_, err := LoadCatalog(fsys)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("LoadCatalog error = %v, want *LoadError", err)
	}
	msg := err.Error()
	for _, want := range []string{
		"a.yaml:12: item i2: key must be 1",
		`b.yaml: required field "version" is missing`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
}

// An admin's directory may not redefine a shipped version with other content.
func TestCatalogAddFSConflicts(t *testing.T) {
	c, err := LoadCatalog(fstest.MapFS{"t.yaml": {Data: []byte(validBase)}})
	if err != nil {
		t.Fatal(err)
	}
	// The same content again is fine; a new id is added.
	same := fstest.MapFS{
		"copy.yaml": {Data: []byte("# copied\n" + validBase)},
		"new.yaml":  {Data: []byte(strings.Replace(validBase, "id: t\n", "id: new\n", 1))},
	}
	if err := c.AddFS(same, "admin"); err != nil {
		t.Fatalf("AddFS of identical content: %v", err)
	}
	if q, ok := c.Get("new", 1); !ok || q.Source != "admin/new.yaml" {
		t.Errorf("Get(new, 1) = %v; source %q", ok, q.Source)
	}
	if q, _ := c.Get("t", 1); q.Source != "t.yaml" {
		t.Errorf("identical copy replaced the first definition: source %q", q.Source)
	}
	// Different content under the same (id, version) is refused, and
	// nothing of that directory is added.
	changed := fstest.MapFS{
		"t.yaml":     {Data: []byte(edit(t, "text: one", "text: ONE"))},
		"extra.yaml": {Data: []byte(strings.Replace(validBase, "id: t\n", "id: extra\n", 1))},
	}
	err = c.AddFS(changed, "admin")
	want := "admin/t.yaml:1: t v1 is already defined by t.yaml with different content; give this one a new version"
	if err == nil || err.Error() != want {
		t.Errorf("AddFS conflict error = %v, want %s", err, want)
	}
	if _, ok := c.Get("extra", 1); ok {
		t.Errorf("a failed AddFS added part of its directory")
	}
	// Two files of one directory that conflict.
	_, err = LoadCatalog(fstest.MapFS{
		"a.yaml": {Data: []byte(validBase)},
		"b.yaml": {Data: []byte(edit(t, "title: T", "title: Other"))},
	})
	if err == nil || !strings.Contains(err.Error(), "b.yaml:1: t v1 is already defined by a.yaml") {
		t.Errorf("conflict within one directory: %v", err)
	}
}

func TestAddFSMissingDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	err := NewCatalog().AddFS(os.DirFS(dir), dir)
	if err == nil || !strings.Contains(err.Error(), "read questionnaire directory "+dir) {
		t.Errorf("AddFS of a missing directory: %v", err)
	}
}
