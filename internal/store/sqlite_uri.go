package store

import (
	"net/url"
	"path/filepath"
	"strings"
)

// sqliteURI names the file at path as a SQLite URI with the given query
// parameters. go-sqlite3 opens every DSN that starts with "file:" as a
// URI, and SQLite reads '?' as the start of the query, '#' as a fragment
// and "%XX" as an escape (https://www.sqlite.org/uri.html), so a path
// written in as it is would open another file than the one named:
// "g.db#x" would open g.db. Every byte but the unreserved characters of
// RFC 3986 and the separator '/' is escaped, so the URI names exactly
// path. A path starting with "//" would read as an authority; cleaning
// it names the same file.
func sqliteURI(path string, params url.Values) string {
	if strings.HasPrefix(path, "//") {
		path = filepath.Clean(path)
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.WriteString("file:")
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	if len(params) > 0 {
		b.WriteByte('?')
		b.WriteString(params.Encode())
	}
	return b.String()
}
