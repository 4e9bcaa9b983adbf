package server

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"rolefit/internal/i18n"
	"rolefit/web"
)

// messageKeyUses finds the message keys the templates and the web layer's
// code name: {{.L.T "key"}} in a template, T("key" in Go. Keys built at
// run time ("closed." + state) are not literal and are not found.
var (
	templateKey = regexp.MustCompile(`\.T\s+"([^"]+)"`)
	codeKey     = regexp.MustCompile(`\bT\("([a-z0-9_]+(?:\.[a-z0-9_]+)+)"`)
)

// Every message a page names is in the source catalogue, so no page shows
// a key instead of words: the respondent's pages, the layout and the
// manager pages alike.
func TestEveryMessageKeyIsInTheCatalogue(t *testing.T) {
	cat := i18n.Shipped()
	used := map[string][]string{}
	err := fs.WalkDir(web.Templates, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := fs.ReadFile(web.Templates, path)
		if err != nil {
			return err
		}
		for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = append(used[m[1]], path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	goFiles, _ := filepath.Glob("*.go")
	for _, name := range goFiles {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range codeKey.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = append(used[m[1]], name)
		}
	}
	if len(used) < 20 {
		t.Fatalf("found only %d message keys: the patterns no longer match how pages name them", len(used))
	}
	var missing []string
	for key, where := range used {
		if !cat.HasKey(i18n.Source, key) {
			missing = append(missing, key+" (in "+strings.Join(where, ", ")+")")
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no message %s in the %s catalogue", m, i18n.Source)
	}
}
