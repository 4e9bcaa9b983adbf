package store

import "testing"

func TestBindVars(t *testing.T) {
	tests := []struct {
		d     Dialect
		query string
		want  string
	}{
		{SQLite, "UPDATE t SET a = ? WHERE b = ?", "UPDATE t SET a = ? WHERE b = ?"},
		{Postgres, "UPDATE t SET a = ? WHERE b = ?", "UPDATE t SET a = $1 WHERE b = $2"},
		{Postgres, "SAVEPOINT group_item", "SAVEPOINT group_item"},
		{Postgres, "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"},
	}
	for _, tt := range tests {
		for range 2 { // the second call answers from the cache
			if got := bindVars(tt.d, tt.query); got != tt.want {
				t.Errorf("bindVars(%s, %q): got %q, want %q", tt.d, tt.query, got, tt.want)
			}
		}
	}
}

func TestValuesSQL(t *testing.T) {
	tests := []struct {
		table string
		cols  []string
		rows  int
		want  string
	}{
		{"t", []string{"a"}, 1, "INSERT INTO t (a) VALUES (?)"},
		{"t", []string{"a", "b"}, 1, "INSERT INTO t (a, b) VALUES (?, ?)"},
		{"u", []string{"a", "b", "c"}, 3, "INSERT INTO u (a, b, c) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)"},
	}
	for _, tt := range tests {
		if got := valuesSQL(tt.table, tt.cols, tt.rows); got != tt.want {
			t.Errorf("valuesSQL(%s, %v, %d): got %q, want %q", tt.table, tt.cols, tt.rows, got, tt.want)
		}
	}
}

func TestNullable(t *testing.T) {
	x := 2.5
	if got := nullable[float64](nil); got != nil {
		t.Errorf("nullable(nil): got %v, want nil", got)
	}
	if got := nullable(&x); got != 2.5 {
		t.Errorf("nullable(&2.5): got %v, want 2.5", got)
	}
}
