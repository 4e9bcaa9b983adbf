package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"rolefit"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/i18n"
)

// view is what every page template receives: the parts the layout needs
// and the page's own Data.
type view struct {
	Title   string
	Section string // the navigation entry to highlight
	Nav     []section
	User    *rolefit.User
	Org     *rolefit.Organisation
	CSRF    string
	Flash   string
	// Message summarises what went wrong with a submitted form; Errors has
	// a message per field and Form the values as typed, so nothing a
	// person typed is lost when a form comes back.
	Message string
	Errors  map[string]string
	Form    map[string]string
	// Summary lists Errors as a form's summary shows them: each with its
	// field's label on the page, in the page's order (form_summary.go).
	// render fills it.
	Summary []fieldError
	Data    any
	// Stored are the stored figures outside their ranges that the page's
	// figures leave out (or, for a setting, replace by its default); the
	// layout lists them above the page.
	Stored []app.StoredProblem
	// Zone is the time zone dates are shown in: the organisation's
	// (pageView and respondView set it); nil is UTC.
	Zone *time.Location
	// L writes the page's messages, numbers and dates in its language:
	// the respondent's on their pages (respondView), English on the
	// managers' (render sets it when nil). The layout's <html lang> is
	// its language.
	L *i18n.Printer
}

// The layouts of the date and datetime template functions. A time shows
// its zone's abbreviation ("CET", "UTC"), so nobody has to guess which
// zone a time is in.
const (
	dateLayout     = "2 Jan 2006"
	dateTimeLayout = "2 Jan 2006 15:04 MST"
)

// renderer holds one template set per page, parsed once at start-up. Each
// set is the layout, the partials (_*.html) and the page itself, so two
// pages' {{define "content"}} never overwrite each other.
type renderer struct {
	pages map[string]*template.Template // in UTC
	// zoned holds the pages of other time zones by zone name, parsed the
	// first time a page of that zone is shown: the date functions are
	// bound when a template set is parsed, and html/template cannot
	// change a set's functions once it has run.
	zoned     sync.Map // string → map[string]*template.Template
	templates fs.FS
	assets    map[string]string // static file name → URL with a content hash
	// version is rolefit's version, for the footer.
	version string
	// statements keeps the question pages' statements as drawn.
	statements statementCache
	// msgs are the message catalogues; english writes the managers'
	// pages, which are in English.
	msgs    *i18n.Catalogue
	english *i18n.Printer
}

func newRenderer(templates, static fs.FS, msgs *i18n.Catalogue) (*renderer, error) {
	r := &renderer{assets: map[string]string{}, templates: templates, msgs: msgs, english: msgs.Printer(i18n.Source, nil)}
	err := fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(static, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		r.assets[p] = "/static/" + p + "?v=" + hex.EncodeToString(sum[:6])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read static files: %w", err)
	}
	if r.pages, err = r.parse(time.UTC); err != nil {
		return nil, err
	}
	return r, nil
}

// parse reads every page's template set with dates shown in loc.
func (r *renderer) parse(loc *time.Location) (map[string]*template.Template, error) {
	partials, err := fs.Glob(r.templates, "_*.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(r.templates, "*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, name := range names {
		if name == "layout.html" || strings.HasPrefix(name, "_") {
			continue
		}
		files := append([]string{"layout.html"}, partials...)
		files = append(files, name)
		t, err := template.New(name).Funcs(r.funcs(loc)).ParseFS(r.templates, files...)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		pages[strings.TrimSuffix(name, ".html")] = t
	}
	return pages, nil
}

// pagesIn returns the template sets that show dates in loc.
func (r *renderer) pagesIn(loc *time.Location) (map[string]*template.Template, error) {
	if loc == nil || loc == time.UTC {
		return r.pages, nil
	}
	if p, ok := r.zoned.Load(loc.String()); ok {
		return p.(map[string]*template.Template), nil
	}
	p, err := r.parse(loc)
	if err != nil {
		return nil, err
	}
	actual, _ := r.zoned.LoadOrStore(loc.String(), p)
	return actual.(map[string]*template.Template), nil
}

// funcs are the template functions, with dates shown in loc.
func (r *renderer) funcs(loc *time.Location) template.FuncMap {
	return template.FuncMap{
		"asset": func(name string) (string, error) {
			u, ok := r.assets[name]
			if !ok {
				return "", fmt.Errorf("no static file %q", name)
			}
			return u, nil
		},
		"date":     func(t time.Time) string { return t.In(loc).Format(dateLayout) },
		"datetime": func(t time.Time) string { return t.In(loc).Format(dateTimeLayout) },
		"iso":      func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"version":  func() string { return r.version },
		"base":     path.Base,
		"join":     strings.Join,
		// num shows a score with two decimals, or a dash when missing.
		"num": func(x *float64) string {
			if x == nil {
				return "—"
			}
			return strconv.FormatFloat(*x, 'f', 2, 64)
		},
		// fixed3 shows a figure with three decimals (reliabilities), or a
		// dash when missing.
		"fixed3": func(x *float64) string {
			if x == nil {
				return "—"
			}
			return strconv.FormatFloat(*x, 'f', 3, 64)
		},
		// whole shows a number rounded to a whole, or a dash when missing.
		"whole": func(x *float64) string {
			if x == nil {
				return "—"
			}
			return strconv.FormatFloat(*x, 'f', 0, 64)
		},
		// scoreChart draws a response's scores as a bar chart (scorechart.go).
		"scoreChart": func(r any) (template.HTML, error) {
			switch rv := r.(type) {
			case *app.ResponseView:
				return scoreChartOf("chart-"+rv.ID, rv).SVG(), nil
			case app.ResponseView:
				return scoreChartOf("chart-"+rv.ID, &rv).SVG(), nil
			}
			return "", fmt.Errorf("scoreChart of %T", r)
		},
		// ordinal shows a percentile as 1st, 2nd, 3rd, 4th…
		"ordinal": ordinal,
		"title": func(s string) string {
			if s == "" {
				return s
			}
			return strings.ToUpper(s[:1]) + s[1:]
		},
		// dict builds a map for passing several values to a partial.
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict needs key-value pairs")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
	}
}

// page returns the template set of a page in a time zone.
func (r *renderer) page(zone *time.Location, page string) (*template.Template, error) {
	pages, err := r.pagesIn(zone)
	if err != nil {
		return nil, err
	}
	t, ok := pages[page]
	if !ok {
		return nil, fmt.Errorf("no template for page %q", page)
	}
	return t, nil
}

// render writes a page with the given status.
func (r *renderer) render(c *fiber.Ctx, status int, page string, v *view) error {
	t, err := r.page(v.Zone, page)
	if err != nil {
		return err
	}
	if v.L == nil {
		v.L = r.english
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		return fmt.Errorf("render %s: %w", page, err)
	}
	if len(v.Errors) > 0 && v.Summary == nil {
		// Once more, with the summary named by the labels just rendered.
		v.Summary = formSummary(buf.Bytes(), v.Errors)
		buf.Reset()
		if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
			return fmt.Errorf("render %s: %w", page, err)
		}
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Status(status).Send(buf.Bytes())
}
