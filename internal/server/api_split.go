package server

import (
	"math"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/econ"
)

// The money story's routes: the cost of a seller's split, the "move this
// person" comparison, and the capacity model's inputs for a seller. The
// split's cost_a_month is the figure every page shows, to the cent.

// apiSplit is the body of GET /api/v1/people/{id}/split.
type apiSplit struct {
	PersonID          string            `json:"person_id"`
	Months            int               `json:"months"`
	ServiceHours      float64           `json:"service_hours"`
	NewBusinessHours  float64           `json:"new_business_hours"`
	NewBusinessRate   float64           `json:"new_business_rate"`
	ServiceRate       float64           `json:"service_rate"`
	Margin            float64           `json:"margin"`
	Accounts          float64           `json:"accounts"`
	ExtraSellingHours float64           `json:"extra_selling_hours"`
	ServicePersonRate float64           `json:"service_person_rate"`
	ServicePeople     float64           `json:"service_people"`
	CoverCost         float64           `json:"cover_cost"`
	CostAMonth        float64           `json:"cost_a_month"`
	Sources           map[string]string `json:"sources"`
}

func apiSplitOf(sv *app.SplitView) apiSplit {
	s := sv.State
	return apiSplit{PersonID: sv.Person.ID, Months: s.Months, ServiceHours: s.ServiceHours, NewBusinessHours: s.NewBusinessHours,
		NewBusinessRate: s.NewRate, ServiceRate: s.ServiceRate, Margin: sv.Cover.Margin, Accounts: sv.Accounts,
		ExtraSellingHours: sv.ExtraSellingHours, ServicePersonRate: sv.Cover.ServiceRate, ServicePeople: sv.ServicePeople,
		CoverCost: cents(sv.CoverCost), CostAMonth: cents(sv.CostAMonth), Sources: sv.Sources}
}

// cents rounds money to the cent, as every page shows the split.
func cents(v float64) float64 { return math.Round(100*v) / 100 }

// handleAPISplit is GET /api/v1/people/{id}/split.
func handleAPISplit(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		sv, err := uc.Split(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		return c.JSON(apiSplitOf(sv))
	}
}

// apiMove is the body of GET /api/v1/people/{id}/move.
type apiMove struct {
	PersonID   string              `json:"person_id"`
	Inputs     econ.Inputs         `json:"inputs"`
	Sources    map[string]string   `json:"sources"`
	CostAMonth *float64            `json:"cost_a_month"`
	Comparison econ.MoveComparison `json:"comparison"`
}

// handleAPIMove is GET /api/v1/people/{id}/move: the Move page's
// comparison, with the cost of the person's split a month (null for
// someone who serves no accounts).
func handleAPIMove(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		mv, err := uc.MovePerson(c.UserContext(), actorOf(c), c.Params("id"))
		if err != nil {
			return err
		}
		out := apiMove{PersonID: mv.Person.ID, Inputs: mv.Inputs, Sources: mv.Sources, Comparison: mv.Comparison}
		if mv.Split != nil {
			v := cents(mv.Split.CostAMonth)
			out.CostAMonth = &v
		}
		return c.JSON(out)
	}
}

// apiSimulateStart is the body of GET /api/v1/simulate/inputs: the
// inputs the Costs page starts from, in POST /api/v1/simulate's shape
// (econ.Inputs, the shape `rolefit simulate --input` reads).
type apiSimulateStart struct {
	PersonID *string           `json:"person_id"`
	Inputs   econ.Inputs       `json:"inputs"`
	Sources  map[string]string `json:"sources"`
}

// handleAPISimulateInputs is GET /api/v1/simulate/inputs?person=ID.
func handleAPISimulateInputs(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		def, err := uc.CostDefaults(c.UserContext(), actorOf(c), c.Query("person"))
		if err != nil {
			return err
		}
		out := apiSimulateStart{Inputs: def.Inputs, Sources: def.Sources}
		if def.Seller != nil {
			out.PersonID = &def.Seller.ID
		}
		return c.JSON(out)
	}
}
