package app_test

import (
	"testing"

	"rolefit/internal/app"
)

// BenchmarkExportPeople is the XLSX and the CSV export of an
// organisation of 10,000 people, each with a profile (target for XLSX:
// under 2 s).
func BenchmarkExportPeople(b *testing.B) {
	for _, format := range []string{app.FormatXLSX, app.FormatCSV} {
		b.Run(format, func(b *testing.B) {
			s := seed(b, 10000)
			uc, st := s.start(b)
			defer st.Close()
			var size int
			for b.Loop() {
				e, err := uc.ExportPeople(ctx, s.actor, app.PeopleExport{Format: format})
				if err != nil {
					b.Fatal(err)
				}
				size = len(e.Body)
			}
			b.ReportMetric(float64(size)/1e6, "MB")
		})
	}
}
