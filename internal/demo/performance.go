package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"rolefit"
	"time"

	"rolefit/internal/store"
)

// performance is a demo staff member's typical month: hours and revenue
// per hour on new business and on account service. svGrowth is
// how many more service hours each month brings, for a book of accounts
// that keeps growing.
type performance struct {
	nbHours, nbRate, svHours, svRate, svGrowth float64
}

// performances tell the founding case in figures: Dana, an account
// manager today, wins new business at about $5,000 an hour and serves
// her growing book at about $1,000 an hour, and brings in about 60% of
// the team's new business; the other sellers sell for less and also
// serve their accounts; customer success serves only. Made up, like
// every demo figure, and made to relate to the made-up scores as a real
// team's plausibly would rather than perfectly: the farmer composite goes
// with the service rate over the ten staff at about r = .3 (a few sellers
// serve their accounts better or worse than their scores suggest, none
// of them as well as customer success, so placement and the costs stay
// as the story tells them), and the hunter composite with the
// new-business rate over the seven who sell, too few to tell. Local
// validity ("Does it predict here?") shows both as they are.
var performances = map[string]performance{
	"Dana Diaz":     {nbHours: 65, nbRate: 5000, svHours: 55, svRate: 1000, svGrowth: 3},
	"Sam Okafor":    {nbHours: 50, nbRate: 1800, svHours: 70, svRate: 450, svGrowth: 1},
	"Mei Lin":       {nbHours: 30, nbRate: 1500, svHours: 100, svRate: 800, svGrowth: 1},
	"Oliver Grant":  {nbHours: 40, nbRate: 1400, svHours: 80, svRate: 600},
	"Jonas Berg":    {nbHours: 30, nbRate: 600, svHours: 20, svRate: 700},
	"Lukas Novak":   {nbHours: 40, nbRate: 500, svHours: 20, svRate: 700},
	"Aisha Bello":   {nbHours: 10, nbRate: 900, svHours: 110, svRate: 700, svGrowth: 1},
	"Priya Raman":   {svHours: 130, svRate: 900},
	"Tomás Herrera": {svHours: 130, svRate: 750},
	"Grace Mensah":  {svHours: 130, svRate: 950},
}

// seedPerformance records a year of monthly performance, the twelve
// months before now's, for the demo staff in staff (name → person ID).
// Hours and rates vary from month to month by a few per cent, drawn from
// their own seeded source so the responses' draws stay as they were.
func seedPerformance(ctx context.Context, o *store.Scope, staff map[string]string, now time.Time, by rolefit.Actor) error {
	rng := rand.New(rand.NewPCG(2026, 8))
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(-1, 0, 0)
	var ins []rolefit.PerformanceInput
	var rows []int
	for _, dp := range people {
		perf, ok := performances[dp.name]
		id := staff[dp.name]
		if !ok || id == "" {
			continue
		}
		for m := range 12 {
			vary := func(v, spread float64) float64 { return v * (1 + spread*rng.NormFloat64()) }
			nbH := math.Round(max(0, vary(perf.nbHours, 0.1)))
			svH := math.Round(max(0, vary(perf.svHours+perf.svGrowth*float64(m), 0.08)))
			in := rolefit.PerformanceInput{Person: id, Month: first.AddDate(0, m, 0).Format("2006-01"),
				NewBusinessHours: nbH, ServiceHours: svH,
				NewBusinessRevenue: math.Round(nbH*max(0, vary(perf.nbRate, 0.12))/100) * 100,
				ServiceRevenue:     math.Round(svH*max(0, vary(perf.svRate, 0.06))/100) * 100}
			ins, rows = append(ins, in), append(rows, len(ins)+1)
		}
	}
	if _, err := o.RecordPerformance(ctx, ins, rows, false, by); err != nil {
		return fmt.Errorf("record demo performance: %w", err)
	}
	return nil
}
