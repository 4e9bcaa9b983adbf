// Package demo fills an empty rolefit database with a clearly labelled
// demo organisation, so a new user can look around before inviting anyone.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"rolefit"
	"strings"

	"rolefit/internal/assess"
	"rolefit/internal/store"
)

// Login is a demo account and how to sign in with it.
type Login struct {
	Role     rolefit.Access
	Email    string
	Password string
}

// OrgName is the demo organisation's name.
const OrgName = "Northwind Supplies (demo)"

// The demo accounts. Their passwords are published on purpose: demo data
// is for trying rolefit on one's own machine, never for real people.
var (
	Manager = Login{Role: rolefit.Manager, Email: "manager@demo.rolefit.example", Password: "demo-manager"}
	Admin   = Login{Role: rolefit.Admin, Email: "admin@demo.rolefit.example", Password: "demo-admin-1"}
)

// person is one made-up member of the demo organisation: who they are,
// their latent hunter and farmer levels (z-scores), and how they answer.
type person struct {
	name, role     string
	kind           rolefit.PersonKind
	hunter, farmer float64
	style          assess.Style
	invite         string // "" = answered; "sent" or "started" = invited, not yet submitted
}

// people tell the founding story: a star seller (Dana) kept on account
// service, service-minded staff, and candidates of every kind, two of
// them answering carelessly so the quality flags show.
var people = []person{
	{name: "Dana Diaz", role: "Account manager", kind: rolefit.Staff, hunter: 1.8, farmer: -0.4},
	{name: "Sam Okafor", role: "Account executive", kind: rolefit.Staff, hunter: 1.2, farmer: 0.3},
	{name: "Priya Raman", role: "Customer success", kind: rolefit.Staff, hunter: -0.6, farmer: 1.5},
	{name: "Tomás Herrera", role: "Customer success", kind: rolefit.Staff, hunter: -0.2, farmer: 1.1},
	{name: "Mei Lin", role: "Account executive", kind: rolefit.Staff, hunter: 0.9, farmer: 1.0},
	{name: "Jonas Berg", role: "Sales development", kind: rolefit.Staff, hunter: 0.6, farmer: -0.8},
	{name: "Aisha Bello", role: "Account manager", kind: rolefit.Staff, hunter: 0.1, farmer: 0.7},
	{name: "Lukas Novak", role: "Sales development", kind: rolefit.Staff, hunter: -0.7, farmer: -0.5},
	{name: "Grace Mensah", role: "Customer success", kind: rolefit.Staff, hunter: 0.2, farmer: 1.7},
	{name: "Oliver Grant", role: "Account executive", kind: rolefit.Staff, hunter: 1.4, farmer: -1.0},
	{name: "Nadia Haddad", kind: rolefit.Candidate, hunter: -0.3, farmer: 1.6},
	{name: "Ravi Patel", kind: rolefit.Candidate, hunter: 1.5, farmer: 0.2},
	{name: "Chloe Martin", kind: rolefit.Candidate, hunter: 0.4, farmer: 0.9},
	{name: "Kenji Sato", kind: rolefit.Candidate, hunter: -0.9, farmer: 0.4},
	{name: "Ines Duarte", kind: rolefit.Candidate, style: assess.StyleStraightLining},
	{name: "Marek Zielinski", kind: rolefit.Candidate, hunter: 0.5, farmer: 0.1, style: assess.StyleTooFast},
	{name: "Hannah Cole", kind: rolefit.Candidate, invite: "sent"},
	{name: "Yusuf Demir", kind: rolefit.Candidate, invite: "started"},
}

// Seed creates the demo organisation when the database has no
// organisation yet: an admin and a manager login, people with scored
// responses to the sales-service questionnaire, and open invitations. It
// returns the logins, and created=false when the database already had
// data (then it adds nothing, and the logins work only if an earlier Seed
// made them).
func Seed(ctx context.Context, st *store.Store, cat *assess.Catalog) (logins []Login, created bool, err error) {
	orgs, err := st.Organisations(ctx)
	if err != nil {
		return nil, false, err
	}
	logins = []Login{Manager, Admin}
	if len(orgs) > 0 {
		for _, o := range orgs {
			if o.IsDemo {
				return logins, false, nil
			}
		}
		return nil, false, nil
	}
	q, ok := cat.Latest("sales-service")
	if !ok {
		return nil, false, fmt.Errorf("demo data needs the sales-service questionnaire")
	}
	org, admin, err := st.CreateOrganisation(ctx, OrgName,
		rolefit.NewUser{Email: Admin.Email, Name: "Alex Admin", Access: rolefit.Admin, Password: Admin.Password}, true)
	if err != nil {
		return nil, false, fmt.Errorf("create demo organisation: %w", err)
	}
	o := st.Scope(org.ID)
	by := rolefit.ActorOf(admin)
	_, err = o.CreateUser(ctx, rolefit.NewUser{Email: Manager.Email, Name: "Morgan Manager", Access: rolefit.Manager, Password: Manager.Password}, by)
	if err != nil {
		return nil, false, fmt.Errorf("create demo manager: %w", err)
	}
	roleIDs, err := seedRoles(ctx, o, by)
	if err != nil {
		return nil, false, err
	}
	rng := rand.New(rand.NewPCG(2026, 11))
	hist := simulateHistory(q)
	// The story's responses are scored against the earlier applicants', as
	// rolefit scores responses that arrive within a minute of each other
	// against the same references.
	opt := assess.OptionsFrom(q, hist.earlier)
	staff := map[string]string{} // name → ID, for the performance records
	for _, dp := range people {
		email := strings.ToLower(strings.NewReplacer(" ", ".", "á", "a", "ö", "o").Replace(dp.name)) + "@demo.rolefit.example"
		p, err := o.CreatePerson(ctx, rolefit.NewPerson{Name: dp.name, Email: email, Kind: dp.kind, JobTitle: dp.role}, by)
		if err != nil {
			return nil, false, fmt.Errorf("create demo person %s: %w", dp.name, err)
		}
		if dp.kind == rolefit.Staff {
			staff[dp.name] = p.ID
		}
		if id := roleIDs[dp.role]; id != "" && dp.kind == rolefit.Staff {
			if err := o.SetCurrentRole(ctx, p.ID, id, by); err != nil {
				return nil, false, fmt.Errorf("set demo role of %s: %w", dp.name, err)
			}
		}
		sim := assess.Simulation{Traits: assess.Traits{Composites: map[string]float64{"hunter": dp.hunter, "farmer": dp.farmer}},
			Style: dp.style, SlipRate: assess.DefaultSlipRate}
		resp := assess.Simulate(q, rng, sim)
		if dp.invite != "" {
			if err := invite(ctx, st, o, p, q, resp, dp.invite == "started", by); err != nil {
				return nil, false, err
			}
			continue
		}
		res := assess.Score(q, resp, opt)
		scored, err := store.ScoredFrom(res)
		if err != nil {
			return nil, false, err
		}
		_, err = o.RecordResponse(ctx, store.NewResponse{PersonID: p.ID, QuestionnaireID: q.ID, QuestionnaireVersion: q.Version,
			QuestionnaireHash: q.Hash, Answers: resp.Answers, PageSeconds: resp.PageSeconds, Scored: scored}, by)
		if err != nil {
			return nil, false, fmt.Errorf("record demo response of %s: %w", dp.name, err)
		}
	}
	if err := seedPerformance(ctx, o, staff, st.Now(), by); err != nil {
		return nil, false, err
	}
	if err := seedHistory(ctx, o, q, hist, st.Now(), by); err != nil {
		return nil, false, err
	}
	if err := seedCosts(ctx, o, roleIDs, st.Now(), by); err != nil {
		return nil, false, err
	}
	return logins, true, nil
}

// invite leaves an invitation open; a started one has its first two pages
// answered, as if the person had stopped half way.
func invite(ctx context.Context, st *store.Store, o *store.Scope, p *rolefit.Person, q *assess.Questionnaire,
	resp assess.Response, started bool, by rolefit.Actor) error {
	_, token, err := o.CreateInvitation(ctx, rolefit.NewInvitation{PersonID: p.ID, QuestionnaireID: q.ID,
		QuestionnaireVersion: q.Version, QuestionnaireHash: q.Hash}, by)
	if err != nil {
		return fmt.Errorf("invite demo person %s: %w", p.Name, err)
	}
	if !started {
		return nil
	}
	r, err := st.Respondent(ctx, token)
	if err != nil {
		return err
	}
	if err := r.Consent(ctx, "demo consent", ""); err != nil {
		return err
	}
	partial := map[string]int{}
	for _, page := range q.Pages[:2] {
		for _, it := range page.Items {
			if v, ok := resp.Answers[it.ID]; ok {
				partial[it.ID] = v
			}
		}
	}
	return r.SaveAnswers(ctx, partial, -1)
}

// roles are the demo's placement roles: a new-business seller, an account
// manager who mostly serves and sells a little, and customer success. The
// seats leave room for two hires beyond the ten staff, so Placement shows
// which candidates are worth hiring. The rates and costs entered agree with
// the demo's performance records and compensation plans (placement uses
// those where they exist), as a careful manager's would.
var roles = []rolefit.RoleInput{
	{Name: "Account executive", Activity: rolefit.ActivityNewBusiness, SeatsMin: 1, SeatsMax: 4, HoursPerMonth: 140,
		BaselineRate: 1500, MonthlyCost: 13500, Weights: []rolefit.RoleWeight{{ScaleID: "hunter", Weight: 1}}},
	{Name: "Account manager", Activity: rolefit.ActivityMix, NewBusinessShare: 0.3, SeatsMin: 1, SeatsMax: 3, HoursPerMonth: 140,
		BaselineRate: 1500, MonthlyCost: 8875, Weights: []rolefit.RoleWeight{{ScaleID: "farmer", Weight: 2}, {ScaleID: "hunter", Weight: 1}}},
	{Name: "Customer success", Activity: rolefit.ActivityAccountService, SeatsMin: 1, SeatsMax: 5, HoursPerMonth: 140,
		BaselineRate: 900, MonthlyCost: 6750, Weights: []rolefit.RoleWeight{{ScaleID: "farmer", Weight: 1}}},
}

// seedRoles adds the demo roles and returns their IDs by name.
func seedRoles(ctx context.Context, o *store.Scope, by rolefit.Actor) (map[string]string, error) {
	ids := map[string]string{}
	for _, in := range roles {
		r, err := o.CreateRole(ctx, in, by)
		if err != nil {
			return nil, fmt.Errorf("create demo role %s: %w", in.Name, err)
		}
		ids[r.Name] = r.ID
	}
	return ids, nil
}
