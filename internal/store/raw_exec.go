package store

import (
	"database/sql"
	"strconv"
	"strings"
	"sync"

	"gorm.io/gorm"
)

// Pre-built statements for the submission path. A submission runs inside
// the group committer, which runs its items one after another, so the CPU
// each item spends there caps how many submissions a second SQLite takes.
// GORM's Create and Update build each statement anew from the struct by
// reflection and run it through its callback chain; for the four
// statements of a submission (the response, its score rows, the profile,
// the audit entry) that was most of the committer's Go CPU
// (docs/PERFORMANCE.md). These statements are written once, with the
// same columns and values GORM wrote, and run on the transaction's own
// connection.

// execRaw runs a statement written with ? placeholders on tx's connection
// (its transaction), with the placeholders of tx's dialect, translating
// the driver's error as GORM does (TranslateError), so a foreign key or
// unique violation is still gorm.ErrForeignKeyViolated or
// gorm.ErrDuplicatedKey. GORM's dialectors name themselves "sqlite" and
// "postgres", as Dialect does.
func execRaw(tx *gorm.DB, query string, args ...any) (sql.Result, error) {
	d := Dialect(tx.Dialector.Name())
	res, err := tx.Statement.ConnPool.ExecContext(tx.Statement.Context, bindVars(d, query), args...)
	if err != nil {
		if t, ok := tx.Dialector.(gorm.ErrorTranslator); ok {
			err = t.Translate(err)
		}
		return nil, err
	}
	return res, nil
}

// bindVarsCache maps a dialect and a query with ? placeholders to the
// query as the dialect takes it; the set of queries is small and fixed.
var bindVarsCache sync.Map

type bindVarsKey struct {
	d Dialect
	q string
}

// bindVars returns query with PostgreSQL's numbered placeholders ($1, $2,
// …) in place of each ? on PostgreSQL, and query itself on SQLite. The
// queries it is given hold no ? inside literals.
func bindVars(d Dialect, query string) string {
	if d != Postgres {
		return query
	}
	k := bindVarsKey{d, query}
	if q, ok := bindVarsCache.Load(k); ok {
		return q.(string)
	}
	var b strings.Builder
	n := 0
	for _, c := range query {
		if c == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	q, _ := bindVarsCache.LoadOrStore(k, b.String())
	return q.(string)
}

// valuesSQL returns "INSERT INTO table (cols) VALUES (?, …), (?, …)" for
// rows rows of len(cols) columns, built once per table, columns and row
// count. The columns are told apart by their slice (callers pass a
// package variable), which costs nothing to compare; another slice of the
// same names builds the same statement once more.
func valuesSQL(table string, cols []string, rows int) string {
	k := valuesKey{table, &cols[0], len(cols), rows}
	if q, ok := valuesCache.Load(k); ok {
		return q.(string)
	}
	one := "(" + strings.Repeat("?, ", len(cols)-1) + "?)"
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(one)
	}
	q, _ := valuesCache.LoadOrStore(k, b.String())
	return q.(string)
}

var valuesCache sync.Map

type valuesKey struct {
	table       string
	cols        *string
	ncols, rows int
}

// nullable turns a nil pointer into SQL NULL and any other into its value.
func nullable[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
