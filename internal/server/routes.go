package server

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/recover"

	usecases "rolefit/internal/app"
	"rolefit/web"
)

// routes registers every route of rolefit. It is the one place to see what
// the app answers and who may ask.
func routes(app *fiber.App, cfg Config, uc *usecases.App, rnd *renderer, log *slog.Logger) error {
	now := func() time.Time { return cfg.Now().UTC() }

	app.Use(requestContext(cfg.RequestTimeout))
	app.Use(accessLog(log))
	app.Use(recover.New())
	app.Use(securityHeaders)

	app.Get("/healthz", handleHealth)
	app.Get("/readyz", handleReady(uc, cfg.Version))
	app.Use("/static", filesystem.New(filesystem.Config{
		Root:   http.FS(web.Static),
		MaxAge: 7 * 24 * 3600, // asset URLs carry a content hash
	}))

	// The JSON API: bearer API keys, no cookies, no CSRF.
	app.Get("/api/v1/openapi.json", handleOpenAPI)
	keyGuard := newTokenGuard(newFailures(uc, scopeAPIKeyAddress, cfg.TokenGuess, cfg.LoginWindow, now),
		"Too many requests with a wrong API key came from your address. Please wait a few minutes.").handler
	api := app.Group("/api/v1", keyGuard, apiAuth(uc), idempotent(uc))
	api.Get("/me", handleAPIMe(uc))
	api.Get("/organisation", handleAPIOrganisation(uc))
	api.Patch("/organisation", requireAdminKey, handleAPIOrganisationPatch(uc))
	api.Get("/questionnaires", handleAPIQuestionnaires(uc))
	api.Get("/questionnaires/:id", handleAPIQuestionnaire(uc))
	api.Post("/people", handleAPIPeopleCreate(uc))
	api.Get("/people", handleAPIPeople(uc))
	api.Get("/people/export", handlePeopleExport(uc))
	api.Get("/people/:id", handleAPIPerson(uc))
	api.Patch("/people/:id", handleAPIPersonPatch(uc))
	api.Delete("/people/:id", handleAPIPersonDelete(uc))
	api.Get("/people/:id/profile", handleAPIProfile(uc))
	api.Get("/people/:id/export", handlePersonExport(uc))
	api.Get("/team", handleAPITeam(uc))
	api.Get("/validity", handleAPIValidity(uc))
	api.Post("/invitations", handleAPIInvitationCreate(uc))
	api.Get("/invitations", handleAPIInvitations(uc))
	api.Get("/invitations/:id", handleAPIInvitation(uc))
	api.Post("/responses", handleAPIResponseCreate(uc))
	api.Post("/simulate", handleAPISimulate(uc))
	api.Get("/roles", handleAPIRoles(uc))
	api.Post("/roles", handleAPIRoleCreate(uc))
	api.Get("/roles/:id", handleAPIRole(uc))
	api.Patch("/roles/:id", handleAPIRolePatch(uc))
	api.Delete("/roles/:id", handleAPIRoleDelete(uc))
	api.Get("/placement", handleAPIPlacement(uc))
	api.Get("/people/:id/fit", handleAPIFit(uc))
	api.Get("/people/:id/performance", handleAPIPerformance(uc))
	api.Post("/people/:id/performance", handleAPIPerformanceCreate(uc))
	api.Post("/people/:id/interviews", handleAPIInterviewCreate(uc))
	api.Get("/people/:id/outcomes", handleAPIOutcomes(uc))
	api.Post("/people/:id/outcomes", handleAPIOutcomeCreate(uc))
	api.Put("/people/:id/self-identification", handleAPISelfIdentification(uc))
	api.Get("/adverse-impact", requireAdminKey, handleAPIAdverseImpact(uc))
	api.Get("/comp-plans", handleAPICompPlans(uc))
	api.Post("/comp-plans", handleAPICompPlanSet(uc))
	api.Get("/hiring-costs", handleAPIHiringCosts(uc))
	api.Post("/hiring-costs", handleAPIHiringRecord(uc))
	api.Get("/exposure", handleAPIExposure(uc))
	api.Get("/people/:id/split", handleAPISplit(uc))
	api.Get("/people/:id/move", handleAPIMove(uc))
	api.Get("/simulate/inputs", handleAPISimulateInputs(uc))
	api.Get("/audit", requireAdminKey, handleAPIAudit(uc))
	api.Get("/webhooks", requireAdminKey, handleAPIWebhooks(uc))
	api.Post("/webhooks", requireAdminKey, handleAPIWebhookCreate(uc))
	api.Delete("/webhooks/:id", requireAdminKey, handleAPIWebhookDelete(uc))
	api.Get("/webhooks/:id/deliveries", requireAdminKey, handleAPIWebhookDeliveries(uc))

	// Greenhouse's Assessment Partner calls: Basic authentication with an
	// API key as the user name (greenhouse.go), guarded as the API is.
	gh := app.Group("/integrations/greenhouse", keyGuard, greenhouseAuth(uc))
	gh.Get("/list_tests", handleGreenhouseListTests(uc))
	gh.Post("/send_test", handleGreenhouseSendTest(uc))
	gh.Get("/test_status", handleGreenhouseTestStatus(uc))
	gh.Post("/request_errors", handleGreenhouseRequestErrors(uc))

	// A respondent's pages: the link's token is the credential (see
	// respond.go), so there is no session and no CSRF cookie to lose.
	guard := newTokenGuard(newFailures(uc, scopeLinkAddress, cfg.TokenGuess, cfg.LoginWindow, now),
		"Too many links that do not exist were tried from your address. Please wait a few minutes.").handler
	resp := app.Group("/i/:token", guard)
	resp.Get("", handleRespondStart(uc, rnd))
	resp.Post("/consent", handleRespondConsent(uc, rnd))
	resp.Post("/language", handleRespondLanguage(uc, rnd))
	resp.Get("/page/:n", handleRespondPage(uc, rnd))
	resp.Post("/page/:n", handleRespondPageSave(uc, rnd))
	resp.Post("/answer", handleRespondAnswer(uc, rnd))
	resp.Get("/review", handleRespondReview(uc, rnd))
	resp.Post("/submit", handleRespondSubmit(uc, rnd))
	resp.Get("/done", handleRespondDone(uc, rnd))
	resp.Get("/about-you", handleRespondSelfID(uc, rnd))
	resp.Post("/about-you", handleRespondSelfIDSave(uc, rnd))
	resp.Get("/summary", handleRespondFeedback(uc, rnd))

	// Pages.
	app.Use(loadSession(uc), csrfProtect)
	attempts := limitFailures(newFailures(uc, scopeSignInAddress, cfg.LoginLimit, cfg.LoginWindow, now),
		"Too many failed attempts from your address. Please wait a few minutes and try again.")
	app.Get("/login", handleLoginForm(uc, rnd))
	signIn := signInLimits{
		accounts: newFailures(uc, scopeSignInAccount, cfg.AccountLimit, cfg.AccountWindow, now),
		delays:   newFailures(uc, scopeSignInDelay, 1, cfg.AccountDelay, now),
		devices:  newFailures(uc, scopeSignInDevice, cfg.AccountLimit, cfg.AccountWindow, now),
	}
	app.Post("/login", knownDevice(uc, signIn.devices), attempts, handleLogin(uc, rnd, signIn))
	app.Post("/logout", handleLogout(uc))
	// Single sign-on: the callback first, as /sso/:org would take it.
	app.Get("/sso/callback", attempts, handleSSOCallback(uc, rnd))
	app.Get("/sso/:org", handleSSOStart(uc))
	app.Get("/setup", handleSetupForm(uc, rnd))
	app.Post("/setup", attempts, handleSetup(uc, rnd))

	app.Get("/", requireUser, handleDashboard(uc, rnd))
	for _, s := range navigation {
		if !s.Built {
			app.Get(s.Path, requireUser, handleUpcoming(rnd, s))
		}
	}
	app.Get("/people", requireUser, handlePeople(uc, rnd))
	app.Post("/people", requireUser, handlePersonCreate(uc, rnd))
	app.Post("/people/import", requireUser, handlePeopleImport(uc, rnd))
	app.Post("/people/invitations", requireUser, handleInviteMany(uc, rnd))
	app.Post("/people/outcomes", requireUser, handleOutcomesMany(uc, rnd))
	app.Get("/people/export", requireUser, handlePeopleExport(uc))
	app.Get("/people/:id", requireUser, handlePerson(uc, rnd))
	app.Post("/people/:id/erase", requireUser, handlePersonErase(uc))
	app.Post("/people/:id/looked-at", requireUser, handleLookedAt(uc))
	app.Get("/people/:id/rating", requireUser, handleRatingForm(uc, rnd))
	app.Post("/people/:id/rating", requireUser, handleRating(uc, rnd))
	app.Get("/people/:id/export", requireUser, handlePersonExport(uc))
	app.Get("/people/:id/interview", requireUser, handleGuide(uc, rnd))
	app.Post("/people/:id/interviews", requireUser, handleInterviewCreate(uc, rnd))
	app.Post("/people/:id/invitations", requireUser, handleInvite(uc, rnd))
	app.Post("/people/:id/invitations/:inv/withdraw", requireUser, handleInvitationWithdraw(uc))
	app.Post("/people/:id/invitations/:inv/extend", requireUser, handleInvitationExtend(uc))
	app.Post("/people/:id/invitations/:inv/renew", requireUser, handleInvitationRenew(uc, rnd))
	app.Get("/costs", requireUser, handleCosts(uc, rnd))
	app.Get("/costs/plans", requireUser, handleCompPlans(uc, rnd))
	app.Post("/costs/plans", requireUser, handleCompPlanSave(uc, rnd))
	app.Get("/costs/hiring", requireUser, handleHiringCosts(uc, rnd))
	app.Post("/costs/hiring", requireUser, handleHiringRecord(uc, rnd))
	app.Post("/costs/hiring/role", requireUser, handleRoleHiringSave(uc, rnd))
	app.Get("/costs/move", requireUser, handleMove(uc, rnd))
	app.Get("/team", requireUser, handleTeam(uc, rnd))
	app.Get("/placement", requireUser, handlePlacement(uc, rnd))
	app.Get("/evidence", requireUser, handleEvidence(uc, rnd))
	app.Post("/people/:id/current-role", requireUser, handleCurrentRole(uc))
	app.Post("/people/:id/performance", requireUser, handlePerformanceCreate(uc, rnd))
	app.Post("/people/:id/performance/import", requireUser, handlePerformanceImport(uc, rnd))
	app.Post("/people/:id/outcomes", requireUser, handleOutcomeCreate(uc, rnd))
	app.Post("/people/:id/outcomes/import", requireUser, handleOutcomesImport(uc, rnd))

	app.Get("/settings", requireUser, handleSettings(rnd))
	app.Post("/settings/password", requireUser, handleChangePassword(uc, rnd, newFailures(uc, scopePasswordUser, cfg.AccountLimit, cfg.AccountWindow, now)))
	// Roles: managers and admins alike (see settings_roles.go).
	app.Get("/settings/roles", requireUser, handleRoles(uc, rnd))
	app.Post("/settings/roles", requireUser, handleRoleCreate(uc, rnd))
	app.Get("/settings/roles/:id", requireUser, handleRole(uc, rnd))
	app.Post("/settings/roles/:id", requireUser, handleRoleUpdate(uc, rnd))
	app.Post("/settings/roles/:id/delete", requireUser, handleRoleDelete(uc, rnd))
	app.Post("/settings/roles/:id/job-answers", requireUser, handleJobAnswers(uc, rnd))
	app.Post("/settings/roles/:id/job-answers/delete", requireUser, handleJobDiscard(uc, rnd))
	app.Post("/settings/roles/:id/job-target", requireUser, handleJobAccept(uc, rnd))
	app.Get("/settings/reliability", requireUser, handleReliability(uc, rnd))
	admin := app.Group("/settings", requireUser, requireAdmin)
	admin.Get("/users", handleUsers(uc, rnd))
	admin.Post("/users", handleUserCreate(uc, rnd))
	admin.Post("/users/:id/access", handleUserAccess(uc, rnd))
	admin.Post("/users/:id/delete", handleUserDelete(uc, rnd))
	admin.Get("/api-keys", handleAPIKeys(uc, rnd))
	admin.Post("/api-keys", handleAPIKeyCreate(uc, rnd))
	admin.Post("/api-keys/:id/revoke", handleAPIKeyRevoke(uc, rnd))
	admin.Get("/audit", handleAuditLog(uc, rnd))
	admin.Get("/technical-report", handleTechnicalReport(uc, rnd))
	admin.Get("/retention", handleRetention(uc, rnd))
	admin.Post("/retention", handleRetentionSave(uc, rnd))
	admin.Get("/organisation", handleOrgSettings(uc, rnd))
	admin.Get("/fairness", handleFairness(uc, rnd))
	admin.Get("/fairness/summary", handleFairnessSummary(uc, rnd))
	admin.Get("/fairness/export", handleFairnessExport(uc))
	admin.Post("/organisation", handleOrgSettingsSave(uc, rnd))
	admin.Get("/greenhouse", handleGreenhouseSettings(uc, rnd))
	admin.Get("/sso", handleSSOSettings(uc, rnd))
	admin.Post("/sso", handleSSOSettingsSave(uc, rnd))
	admin.Get("/webhooks", handleWebhooks(uc, rnd))
	admin.Post("/webhooks", handleWebhookCreate(uc, rnd))
	admin.Get("/webhooks/:id", handleWebhook(uc, rnd))
	admin.Post("/webhooks/:id/delete", handleWebhookDelete(uc, rnd))
	admin.Post("/webhooks/:id/enable", handleWebhookEnable(uc, rnd))
	admin.Post("/webhooks/:id/deliveries/:delivery/redeliver", handleRedeliver(uc, rnd))

	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	return nil
}
