// Package app holds rolefit's use cases, each written once: add and import
// people, invite, extend, renew and withdraw invitations, record a
// response from the respondent's pages or the API, show a person, erase
// them. Each takes a context, the acting user (an Actor) and plain input,
// validates it, calls the store and the pure packages (assess), and returns
// a result or an errs error. Pages, the JSON API and commands all call the
// same functions; none repeats their steps.
//
// docs/ARCHITECTURE.md describes where app sits among the packages.
package app

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"rolefit"
	"strings"
	"time"

	"rolefit/internal/assess"
	"rolefit/internal/i18n"
	"rolefit/internal/mail"
	"rolefit/internal/outbound"
	"rolefit/internal/store"
	"rolefit/questionnaires"
)

// Mailer sends e-mail; *mail.SMTP is the real one. Without one, managers
// pass invitation links on themselves.
type Mailer interface {
	Send(ctx context.Context, m mail.Message) error
}

// Config is what the use cases need, made once in cmd/rolefit.
type Config struct {
	Store   *store.Store
	Catalog *assess.Catalog
	// Extras are the interview banks and job questionnaires; nil means
	// the shipped ones (assess.LoadExtras of the questionnaires folder),
	// or none when the catalog lacks the questionnaires they name.
	Extras *assess.Extras
	// Mailer is optional.
	Mailer Mailer
	// BaseURL is the address people reach rolefit at: invitation links are
	// built from it and from nothing a request says (a Host header is the
	// client's to choose). Commands that make no links leave it empty.
	BaseURL string
	// Now is the one clock.
	Now func() time.Time
	// Log receives what an operator should know (failed e-mail).
	Log *slog.Logger
	// Messages are the respondent's side's message catalogues; nil means
	// the shipped ones (i18n.Shipped).
	Messages *i18n.Catalogue
	// Outbound is how rolefit sends to other systems: webhooks and
	// Greenhouse's completion call.
	Outbound Outbound
}

// Outbound is how rolefit sends requests to other systems.
type Outbound struct {
	// AllowPrivate lets webhooks and Greenhouse's calls go to private,
	// loopback and link-local addresses and over plain HTTP
	// (--allow-private-webhooks): for tests and private deployments.
	AllowPrivate bool
	// Resolver looks hosts up; nil is the system's.
	Resolver outbound.Resolver
	// Jitter spreads a retry's delay; nil spreads it at random by up to a
	// tenth either way (see jitter).
	Jitter func(time.Duration) time.Duration
}

// App runs the use cases. It is safe for concurrent use.
type App struct {
	st      *store.Store
	cat     *assess.Catalog
	extras  *assess.Extras
	mailer  Mailer
	baseURL string
	now     func() time.Time
	log     *slog.Logger
	msgs    *i18n.Catalogue
	refs    *references
	keys    keyCache
	// reliabilities keeps computed reliability pages for a minute.
	reliabilities reliabilityCache
	// plans keeps solved placements until their inputs change.
	plans planCache
	// guard and client send to other systems (deliveries.go).
	guard  outbound.Guard
	client *outbound.Client
	jitter func(time.Duration) time.Duration
	// providers keeps discovered identity providers (sso.go).
	providers ssoProviders
}

// New checks cfg and returns the use cases.
func New(cfg Config) (*App, error) {
	if cfg.Store == nil || cfg.Catalog == nil {
		return nil, fmt.Errorf("app: a store and a questionnaire catalog are required")
	}
	base := ""
	if cfg.BaseURL != "" {
		var err error
		if base, err = CheckBaseURL(cfg.BaseURL); err != nil {
			return nil, err
		}
	}
	if cfg.Now == nil {
		return nil, fmt.Errorf("app: a clock is required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Messages == nil {
		cfg.Messages = i18n.Shipped()
	}
	a := &App{st: cfg.Store, cat: cfg.Catalog, mailer: cfg.Mailer, baseURL: base,
		now: func() time.Time { return cfg.Now().UTC() }, log: cfg.Log, msgs: cfg.Messages}
	a.refs = newReferences(a.st, a.now)
	if a.extras = cfg.Extras; a.extras == nil {
		if a.extras, _ = assess.LoadExtras(questionnaires.FS, cfg.Catalog); a.extras == nil {
			a.extras = &assess.Extras{}
		}
	}
	a.guard = outbound.Guard{AllowPrivate: cfg.Outbound.AllowPrivate, Resolver: cfg.Outbound.Resolver}
	a.client = outbound.NewClient(a.guard)
	a.jitter = cfg.Outbound.Jitter
	if a.jitter == nil {
		a.jitter = jitter
	}
	return a, nil
}

// CheckBaseURL checks that base is an absolute http or https URL and
// returns it without a trailing slash.
func CheckBaseURL(base string) (string, error) {
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("base URL %q must be an absolute http:// or https:// address, such as https://rolefit.example.com", base)
	}
	return strings.TrimRight(base, "/"), nil
}

// Catalog returns the questionnaires people can be invited to.
func (a *App) Catalog() *assess.Catalog { return a.cat }

// Messages returns the message catalogues of the respondent's side.
func (a *App) Messages() *i18n.Catalogue { return a.msgs }

// Now returns the clock's reading in UTC.
func (a *App) Now() time.Time { return a.now() }

// PrivateWebhooksAllowed reports whether webhooks may go to private
// addresses and over plain HTTP, which the settings page says while it
// is so.
func (a *App) PrivateWebhooksAllowed() bool { return a.guard.AllowPrivate }

// MailOn reports whether invitation links are also e-mailed.
func (a *App) MailOn() bool { return a.mailer != nil }

// Actor is who acts on an organisation's data: a signed-in user or an API
// key. Every use case about organisation data takes one, and reaches the
// data only through the actor's organisation.
type Actor struct {
	// OrgID is the organisation acted for.
	OrgID string
	// Audit names the actor in the audit log.
	Audit rolefit.Actor
	// UserID is the signed-in user's ID, "" for an API key.
	UserID string
}

// UserActor is the actor for a signed-in user.
func UserActor(u *rolefit.User) Actor {
	return Actor{OrgID: u.OrgID, Audit: rolefit.ActorOf(u), UserID: u.ID}
}

// KeyActor is the actor for an API key.
func KeyActor(k *rolefit.APIKey) Actor { return Actor{OrgID: k.OrgID, Audit: k.Actor()} }

// scope is the actor's organisation: the one place use cases get a scoped
// handle on organisation data.
func (a *App) scope(act Actor) *store.Scope { return a.st.Scope(act.OrgID) }
