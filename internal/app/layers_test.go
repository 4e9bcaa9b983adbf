package app_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The import rules of docs/ARCHITECTURE.md, checked on the source: the
// pure packages import no other rolefit package but errs and quantity
// (which imports none); nothing but the
// command imports the web layer; the store never imports the use cases;
// the use cases never import Fiber.
func TestPackagesKeepTheirLayers(t *testing.T) {
	rules := []struct {
		pkg       string
		forbidden func(path string) bool
	}{
		{"assess", rolefitExcept("rolefit/internal/errs")},
		{"placement", rolefitExcept("rolefit/internal/errs", "rolefit/internal/quantity")},
		{"econ", rolefitExcept("rolefit/internal/errs", "rolefit/internal/quantity")},
		{"quantity", rolefitExcept()},
		{"store", func(p string) bool { return p == "rolefit/internal/app" || p == "rolefit/internal/server" }},
		{"app", func(p string) bool {
			return p == "rolefit/internal/server" || strings.HasPrefix(p, "github.com/gofiber/")
		}},
		{"demo", func(p string) bool { return p == "rolefit/internal/server" }},
		{"mail", func(p string) bool { return p == "rolefit/internal/server" }},
	}
	for _, r := range rules {
		files, err := filepath.Glob(filepath.Join("..", r.pkg, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no source of internal/%s: %v", r.pkg, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			file, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range file.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if r.forbidden(path) {
					t.Errorf("%s imports %s, which internal/%s must not", f, path, r.pkg)
				}
			}
		}
	}
}

// rolefitExcept forbids, for a pure package, every rolefit package but
// the allowed ones, and any database or web library.
func rolefitExcept(allowed ...string) func(string) bool {
	return func(p string) bool {
		if strings.HasPrefix(p, "gorm.io/") || strings.HasPrefix(p, "github.com/gofiber/") || p == "database/sql" || p == "net/http" {
			return true
		}
		if !strings.HasPrefix(p, "rolefit/") {
			return false
		}
		for _, a := range allowed {
			if p == a {
				return false
			}
		}
		return true
	}
}
