package econ

import (
	"math"
	"testing"

	"rolefit/internal/errs"
)

// The founding case's star, worked by hand: 65 hours selling at 5,000 an
// hour, 70 serving at 1,000; a service person at 900 an hour, 140 hours
// and 6,875 a month; a 70% margin.
func TestSplitCostByHand(t *testing.T) {
	star := SellerState{Months: 12, NewBusinessHours: 65, ServiceHours: 70, NewRate: 5000, ServiceRate: 1000,
		HasNewRate: true, HasServiceRate: true}
	cover := Cover{ServiceRate: 900, ServicePersonHours: 140, ServicePersonCost: 6875, Margin: 0.7}
	for _, tc := range []struct {
		name            string
		cap, x, cost    float64
		coverCost, ppl  float64
		gained, covered float64
	}{
		// x = min(70, 135 − 65) = 70; 0.7·(350,000 − 70,000 + 63,000) − 0.5·6,875
		{"no cap below her hours", 0, 70, 236662.5, 3437.5, 0.5, 350000, 63000},
		// x = min(70, 100 − 65) = 35; 0.7·(175,000 − 70,000 + 63,000) − 3,437.5
		{"a cap of 100 hours", 100, 35, 114162.5, 3437.5, 0.5, 175000, 63000},
		// x = 0: the market takes no more selling; 0.7·(−70,000 + 63,000) − 3,437.5
		{"a cap below her selling", 60, 0, -8337.5, 3437.5, 0.5, 0, 63000},
	} {
		c := cover
		c.SellingCap = tc.cap
		got, err := SplitCost(star, c)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []struct {
			what      string
			got, want float64
		}{
			{"x", got.ExtraSellingHours, tc.x}, {"cost a month", got.CostAMonth, tc.cost},
			{"cover cost", got.CoverCost, tc.coverCost}, {"service people", got.ServicePeople, tc.ppl},
			{"new business gained", got.NewBusinessGained, tc.gained}, {"service covered", got.ServiceCovered, tc.covered},
			{"service given", got.ServiceGiven, 70000},
		} {
			if math.Abs(f.got-f.want) > 1e-9 {
				t.Errorf("%s: %s = %v, want %v", tc.name, f.what, f.got, f.want)
			}
		}
	}
}

func TestSplitCostWithoutServiceAndBadInput(t *testing.T) {
	got, err := SplitCost(SellerState{NewBusinessHours: 120, NewRate: 3000, HasNewRate: true},
		Cover{ServiceRate: 900, ServicePersonHours: 140, ServicePersonCost: 6875, Margin: 0.7})
	if err != nil || got.CostAMonth != 0 || got.ServicePeople != 0 {
		t.Errorf("no service hours: %+v, %v; want no split", got, err)
	}
	_, err = SplitCost(SellerState{ServiceHours: 70, ServiceRate: 1000},
		Cover{ServiceRate: 900, ServicePersonHours: 0, ServicePersonCost: 6875, Margin: 1.5})
	f := errs.FieldsOf(err)
	if errs.Code(err) != errs.CodeInvalid || f["service_person_hours"] == "" || f["margin"] == "" {
		t.Errorf("bad cover: %v (%v), want service_person_hours and margin named", err, f)
	}
}

// The state is read from the last twelve months, rates weighted by hours.
func TestStateOf(t *testing.T) {
	var months []MonthRecord
	months = append(months, MonthRecord{NewBusinessHours: 500, NewBusinessRevenue: 1}) // older than a year: left out
	months = append(months, MonthRecord{NewBusinessHours: 500, NewBusinessRevenue: 1})
	for i := range 12 {
		h := float64(50 + i)
		months = append(months, MonthRecord{NewBusinessHours: h, NewBusinessRevenue: h * 4000, ServiceHours: 60, ServiceRevenue: 60 * 1000})
	}
	months[len(months)-1].ServiceRevenue = 60 * 2200 // one dearer month of service
	s := StateOf(months)
	// 50..61 hours: 666 in all, 55.5 a month; service 60 a month at
	// (11·60,000 + 132,000)/720 = 1,100.
	if s.Months != 12 || s.NewBusinessHours != 55.5 || s.ServiceHours != 60 || s.NewRate != 4000 || s.ServiceRate != 1100 {
		t.Errorf("state %+v, want 12 months, 55.5 and 60 hours, 4,000 and 1,100 an hour", s)
	}
	if share := s.ServiceShare(); math.Abs(share-60/115.5) > 1e-12 {
		t.Errorf("service share %v", share)
	}
	if none := StateOf(nil); none.Months != 0 || none.HasNewRate || none.Hours() != 0 {
		t.Errorf("no months: %+v", none)
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []float64
		want float64
		ok   bool
	}{
		{nil, 0, false}, {[]float64{872}, 872, true}, {[]float64{900, 750, 950}, 900, true},
		{[]float64{5172, 1272, 1800, 1500}, 1650, true},
	} {
		got, ok := Median(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Median(%v) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
