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
// (which imports none); the entities (package rolefit) import no storage,
// use case or web package; nothing but the command imports the web layer;
// the packages that speak to other systems (outbound, webhook, sso)
// import no rolefit package;
// the web layer reaches data only through the use cases, never the
// store; the store never imports the use cases; the use cases never
// import Fiber.
func TestPackagesKeepTheirLayers(t *testing.T) {
	rules := []struct {
		pkg       string // a folder under internal, or "" for the module's root
		forbidden func(path string) bool
	}{
		{"", func(p string) bool {
			return rolefitExcept("rolefit/internal/errs", "rolefit/internal/text", "rolefit/internal/quantity",
				"rolefit/internal/placement")(p)
		}},
		{"server", func(p string) bool { return p == "rolefit/internal/store" || strings.HasPrefix(p, "gorm.io/") }},
		{"assess", rolefitExcept("rolefit/internal/errs")},
		{"placement", rolefitExcept("rolefit/internal/errs", "rolefit/internal/quantity")},
		{"econ", rolefitExcept("rolefit/internal/errs", "rolefit/internal/quantity")},
		{"evidence", rolefitExcept()},
		{"fairness", rolefitExcept()},
		{"quantity", rolefitExcept()},
		// The message catalogues are data with a printer: they know
		// nothing of rolefit's packages.
		{"i18n", rolefitExcept()},
		{"store", func(p string) bool { return p == "rolefit/internal/app" || p == "rolefit/internal/server" }},
		{"app", func(p string) bool {
			return p == "rolefit/internal/server" || strings.HasPrefix(p, "github.com/gofiber/")
		}},
		{"demo", func(p string) bool { return p == "rolefit/internal/server" }},
		{"mail", func(p string) bool { return p == "rolefit/internal/server" }},
		// What speaks to other systems knows HTTP and nothing of rolefit.
		{"outbound", outsideOnly},
		{"webhook", outsideOnly},
		{"sso", outsideOnly},
	}
	for _, r := range rules {
		dir := filepath.Join("..", r.pkg)
		if r.pkg == "" {
			dir = filepath.Join("..", "..")
		}
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
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
					t.Errorf("%s imports %s, which %s must not", f, path, dir)
				}
			}
		}
	}
}

// outsideOnly forbids every rolefit package and any database or web
// framework: for the packages that speak to other systems over HTTP.
func outsideOnly(p string) bool {
	return p == "rolefit" || strings.HasPrefix(p, "rolefit/") || strings.HasPrefix(p, "gorm.io/") ||
		strings.HasPrefix(p, "github.com/gofiber/") || p == "database/sql"
}

// rolefitExcept forbids, for a pure package, every rolefit package but
// the allowed ones (the entities of package rolefit included), and any
// database or web library.
func rolefitExcept(allowed ...string) func(string) bool {
	return func(p string) bool {
		if strings.HasPrefix(p, "gorm.io/") || strings.HasPrefix(p, "github.com/gofiber/") || p == "database/sql" || p == "net/http" {
			return true
		}
		if p != "rolefit" && !strings.HasPrefix(p, "rolefit/") {
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
