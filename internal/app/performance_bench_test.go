package app_test

import (
	"fmt"
	"rolefit"
	"strings"
	"testing"

	"rolefit/internal/store/storetest"
)

// BenchmarkImportPerformance measures a manager's largest upload: a CSV of
// 10,000 rows, a year of months for 834 staff, checked and stored in one
// transaction on SQLite. Each round records the file into a fresh
// database, so no month is already recorded. Run it with
//
//	go test -run '^$' -bench BenchmarkImportPerformance -benchtime 5x -benchmem ./internal/app/
func BenchmarkImportPerformance(b *testing.B) {
	clock := storetest.NewClock(storetest.Start)
	var worlds []*world
	var files [][]byte
	for range b.N {
		w := newWorld(b, storetest.SQLite(b, clock), clock)
		var csv strings.Builder
		csv.WriteString("person,month,new_business_hours,new_business_revenue,service_hours,service_revenue\n")
		rows := 0
		for i := 0; rows < 10_000; i++ {
			p, err := w.uc.AddPerson(ctx, w.mgr, rolefit.NewPerson{Name: fmt.Sprintf("Staff %d", i), Kind: rolefit.Staff})
			if err != nil {
				b.Fatal(err)
			}
			for m := 1; m <= 12 && rows < 10_000; m++ {
				fmt.Fprintf(&csv, "%s,2025-%02d,%d,%d,%d,%d\n", p.ID, m, 40+i%30, 100_000+i, 80, 60_000)
				rows++
			}
		}
		worlds, files = append(worlds, w), append(files, []byte(csv.String()))
	}
	b.ResetTimer()
	for i := range b.N {
		im, err := worlds[i].uc.ImportPerformance(ctx, worlds[i].mgr, files[i], false)
		if err != nil || im.Months != 10_000 {
			b.Fatalf("import: %+v, %v", im, err)
		}
	}
}
