package server

import (
	"math"
	"testing"
)

func TestMoney(t *testing.T) {
	usd, eur, chf := moneyIn(""), moneyIn("eur"), moneyIn("CHF")
	for _, tc := range []struct {
		got, want string
	}{
		{usd.Whole(5000), "$5,000"},
		{usd.Whole(0), "$0"},
		{usd.Whole(-0.4), "$0"},
		{usd.Whole(-1234567.5), "−$1,234,568"},
		{usd.Whole(999), "$999"},
		{usd.Whole(1e12), "$1,000,000,000,000"},
		{usd.Whole(math.NaN()), "—"},
		{eur.Whole(6250), "€6,250"},
		{chf.Whole(12000), "CHF\u00a012,000"},
		{usd.Short(0), "$0"},
		{usd.Short(950), "$950"},
		{usd.Short(2500), "$2.5k"},
		{usd.Short(12000), "$12k"},
		{usd.Short(-500000), "−$500k"},
		{usd.Short(1.5e6), "$1.5M"},
		{usd.Short(2e9), "$2B"},
		{usd.Short(math.Inf(-1)), "—"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
	if usd.Code != "USD" || eur.Code != "EUR" {
		t.Errorf("codes: got %q and %q", usd.Code, eur.Code)
	}
}
