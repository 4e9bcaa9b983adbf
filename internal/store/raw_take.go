package store

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"gorm.io/gorm"
	"gorm.io/gorm/schema"

	"rolefit/internal/errs"
)

// takeRaw reads the one row of T's table that where selects, as take does,
// through a statement built once from GORM's own schema of T (the same
// columns GORM's Take reads, scanned into the same fields) and run on db's
// connection. The reads every respondent page and every submission makes
// (the invitation of a link, the person, the organisation) went through
// GORM's statement building, callbacks and reflective scanning, about a
// third of a question page's CPU (docs/PERFORMANCE.md).
func takeRaw[T any](db *gorm.DB, what, where string, args ...any) (*T, error) {
	m, err := rawModelOf[T](db)
	if err != nil {
		return nil, err
	}
	q := bindVars(Dialect(db.Dialector.Name()), m.selectSQL+where+" LIMIT 1")
	rows, err := db.Statement.ConnPool.QueryContext(db.Statement.Context, q, args...)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", what, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("get %s: %w", what, err)
		}
		return nil, errs.NotFound(what)
	}
	v := new(T)
	if err := rows.Scan(m.dest(v, nil)...); err != nil {
		return nil, fmt.Errorf("get %s: %w", what, err)
	}
	return v, rows.Close()
}

// rawModel is the SELECT of a model's columns and where each lands.
type rawModel struct {
	selectSQL string  // "SELECT a, b FROM table WHERE "
	fields    [][]int // the struct field of each column, by index path
	table     string
	cols      []string
}

var rawModels sync.Map // reflect.Type → *rawModel

func rawModelOf[T any](db *gorm.DB) (*rawModel, error) {
	t := reflect.TypeFor[T]()
	if m, ok := rawModels.Load(t); ok {
		return m.(*rawModel), nil
	}
	sch, err := schema.Parse(new(T), &sync.Map{}, db.NamingStrategy)
	if err != nil {
		return nil, fmt.Errorf("read the columns of %v: %w", t, err)
	}
	m := &rawModel{}
	var cols []string
	for _, f := range sch.Fields {
		if f.DBName == "" || !f.Readable {
			continue
		}
		if f.Serializer != nil {
			return nil, errors.New("takeRaw cannot read " + t.String() + "." + f.Name + ": it has a serializer")
		}
		cols = append(cols, f.DBName)
		m.fields = append(m.fields, f.StructField.Index)
	}
	m.selectSQL = "SELECT " + strings.Join(cols, ", ") + " FROM " + sch.Table + " WHERE "
	m.table, m.cols = sch.Table, cols
	got, _ := rawModels.LoadOrStore(t, m)
	return got.(*rawModel), nil
}

// dest appends to dest the addresses of v's fields in the order of m's
// columns, for Scan; v is a pointer to m's struct.
func (m *rawModel) dest(v any, dest []any) []any {
	rv := reflect.ValueOf(v).Elem()
	for _, idx := range m.fields {
		dest = append(dest, rv.FieldByIndex(idx).Addr().Interface())
	}
	return dest
}

// columns returns m's columns, each prefixed with alias and a dot.
func (m *rawModel) columns(alias string) string {
	out := make([]string, len(m.cols))
	for i, c := range m.cols {
		out[i] = alias + "." + c
	}
	return strings.Join(out, ", ")
}
