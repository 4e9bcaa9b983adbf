package storetest

import (
	"database/sql"
	"sync"
	"testing"

	_ "github.com/mattn/go-sqlite3" // database/sql driver "sqlite3", to write behind the store's back

	"rolefit/internal/store"
)

// dsns holds the address each store of this package was opened on, by
// store, for Exec.
var dsns sync.Map

// Exec runs SQL on the database of a store this package opened, behind
// the store's back, as an older rolefit or a hand-made fix might have
// written it: to test what rolefit does with rows its own checks would
// have refused. The statement is run as given, so write values into it
// as literals (placeholders differ between the engines).
func Exec(t testing.TB, st *store.Store, query string) {
	t.Helper()
	db := behind(t, st)
	defer db.Close()
	res, err := db.Exec(query)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		t.Fatalf("%s: changed no row", query)
	}
}

// QueryString runs a query that selects one text value on the database of
// a store this package opened, behind the store's back, and returns it:
// to check what is stored, rather than what the store reads back.
func QueryString(t testing.TB, st *store.Store, query string) string {
	t.Helper()
	db := behind(t, st)
	defer db.Close()
	var v string
	if err := db.QueryRow(query).Scan(&v); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return v
}

// behind opens the database of a store this package opened, with its own
// connection, behind the store's back.
func behind(t testing.TB, st *store.Store) *sql.DB {
	t.Helper()
	dsn, ok := dsns.Load(st)
	if !ok {
		t.Fatal("storetest: the store was not opened by storetest")
	}
	driver := "sqlite3"
	if st.Dialect() == store.Postgres {
		driver = "pgx"
	}
	db, err := sql.Open(driver, dsn.(string))
	if err != nil {
		t.Fatalf("open the database behind the store: %v", err)
	}
	return db
}
