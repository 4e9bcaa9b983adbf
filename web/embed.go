// Package web holds rolefit's HTML templates and static files (styles,
// scripts, images), embedded so the binary runs from any folder.
package web

import (
	"embed"
	"io/fs"
)

// The all: prefix keeps the partials, whose names start with "_".
//
//go:embed all:templates static
var files embed.FS

// Templates is the folder of HTML templates: layout.html, partials named
// _*.html, and one file per page.
var Templates, _ = fs.Sub(files, "templates")

// Static is the folder served under /static/.
var Static, _ = fs.Sub(files, "static")
