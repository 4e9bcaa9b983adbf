package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"rolefit/internal/app"
	"rolefit/internal/assess"
	"rolefit/internal/demo"
	"rolefit/internal/mail"
	"rolefit/internal/server"
	"rolefit/internal/store"
	"rolefit/questionnaires"
)

// shutdownGrace is how long requests in flight get to finish on SIGTERM.
const shutdownGrace = 15 * time.Second

// deliveryPoll is how often the outbound queue's worker looks for due
// deliveries: a webhook goes out within about this of its event.
const deliveryPoll = time.Second

// runServe runs the web app until ctx is cancelled (SIGTERM or SIGINT),
// then drains requests and closes the database.
func runServe(ctx context.Context, args []string, cio commandIO) (retErr error) {
	fs := newFlagSet("serve", "", "Run the rolefit web app. Applies pending database migrations first.", cio)
	var d dbFlags
	d.register(fs, cio.getenv)
	addr := fs.String("addr", envOr(cio.getenv, "ROLEFIT_ADDR", defaultAddr), "address to listen on (env ROLEFIT_ADDR)")
	baseURL := fs.String("base-url", envOr(cio.getenv, "ROLEFIT_BASE_URL", ""),
		"address people reach rolefit at, for links it prints and sends, e.g. https://rolefit.example.com (env ROLEFIT_BASE_URL; default: http://ADDR)")
	proxies := fs.String("trusted-proxies", envOr(cio.getenv, "ROLEFIT_TRUSTED_PROXIES", ""),
		"comma-separated IPs or CIDR ranges of reverse proxies whose X-Forwarded-* headers are trusted (env ROLEFIT_TRUSTED_PROXIES)")
	qdir := fs.String("questionnaires", envOr(cio.getenv, "ROLEFIT_QUESTIONNAIRES", ""),
		"folder of extra questionnaire files (*.yaml) to offer besides the shipped ones (env ROLEFIT_QUESTIONNAIRES)")
	smtpURL := fs.String("smtp", envOr(cio.getenv, "ROLEFIT_SMTP_URL", ""),
		"SMTP server for e-mailing invitation links, e.g. smtp://user:password@mail.example.com:587?from=hiring@example.com (env ROLEFIT_SMTP_URL; default: no e-mail, managers copy links)")
	withDemo := fs.Bool("demo", false, "load a demo organisation if the database is empty, and print its logins")
	allowPrivate := fs.Bool("allow-private-webhooks", envBool(cio.getenv, "ROLEFIT_ALLOW_PRIVATE_WEBHOOKS"),
		"let webhooks and Greenhouse's completion call go to private, loopback and link-local addresses and over plain HTTP, for tests and private networks (env ROLEFIT_ALLOW_PRIVATE_WEBHOOKS=true)")
	cpuProfile := fs.String("cpu-profile", "",
		"write a CPU profile of the whole run to this file (created 0600), from start to shutdown; read it with: go tool pprof -top BIN FILE")
	if err := parseFlags(fs, args, cio); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(cio.stderr, "rolefit serve: unexpected argument %q\n", fs.Arg(0))
		return exitCode(2)
	}
	started := cio.now()
	if *cpuProfile != "" {
		stopProfile, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		// Deferred first, so it runs last: the profile covers the
		// shutdown and the database's close too.
		defer func() {
			if err := stopProfile(); err != nil {
				retErr = errors.Join(retErr, fmt.Errorf("write the CPU profile: %w", err))
			}
		}()
	}
	cat, err := loadCatalog(*qdir)
	if err != nil {
		return err
	}
	extras, err := loadExtras(*qdir, cat)
	if err != nil {
		return err
	}
	if *baseURL != "" {
		if _, err := app.CheckBaseURL(*baseURL); err != nil {
			return fmt.Errorf("--base-url: %w", err)
		}
	}
	var mailer app.Mailer
	if *smtpURL != "" {
		m, err := mail.ParseURL(*smtpURL)
		if err != nil {
			return fmt.Errorf("--smtp: %w", err)
		}
		m.Now = cio.now
		mailer = m
	}
	cfg := server.Config{Now: cio.now, Version: version}
	st, log, err := d.open(ctx, cio, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if applied, err := st.Migrate(ctx); err != nil {
		return err
	} else if len(applied) > 0 {
		log.Info("database migrated", "applied", strings.Join(applied, ", "), "db", st.Source())
	}
	if err := st.Optimize(ctx); err != nil {
		log.Warn("refresh query planner statistics", "err", err)
	}

	for _, p := range strings.Split(*proxies, ",") {
		if p = strings.TrimSpace(p); p != "" {
			cfg.TrustedProxies = append(cfg.TrustedProxies, p)
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	// Links are built from the base URL alone, never from a request's Host
	// header, so its default is settled before anything is served.
	base := *baseURL
	if base == "" {
		base = "http://" + displayAddr(ln.Addr())
	}
	uc, err := app.New(app.Config{Store: st, Catalog: cat, Extras: extras, Mailer: mailer, BaseURL: base, Now: cio.now, Log: log,
		Outbound: app.Outbound{AllowPrivate: *allowPrivate}})
	if err != nil {
		ln.Close()
		return err
	}
	web, err := server.New(cfg, uc, log)
	if err != nil {
		ln.Close()
		return err
	}
	if n, err := uc.OutdatedResponses(ctx); err == nil && n > 0 {
		log.Warn("stored responses were scored by older rules: run 'rolefit rescore' to score them again from their answers", "responses", n)
	}
	base = strings.TrimRight(base, "/")
	fmt.Fprintf(cio.stdout, "rolefit listening on %s\n", base)

	if *withDemo {
		logins, created, err := demo.Seed(ctx, st, cat)
		if err != nil {
			ln.Close()
			return err
		}
		switch {
		case logins == nil:
			fmt.Fprintln(cio.stdout, "--demo: the database already holds organisations, so no demo data was added.")
		default:
			if created {
				fmt.Fprintf(cio.stdout, "Demo organisation %q created (made-up data, for trying rolefit only).\n", demo.OrgName)
			}
			fmt.Fprintf(cio.stdout, "Sign in at %s/login with:\n", base)
			for _, l := range logins {
				fmt.Fprintf(cio.stdout, "  %-8s e-mail %s  password %s\n", l.Role, l.Email, l.Password)
			}
		}
	}
	if n, err := st.CountUsers(ctx); err != nil {
		ln.Close()
		return err
	} else if n == 0 {
		token, err := st.NewSetupToken(ctx)
		if err != nil {
			ln.Close()
			return err
		}
		fmt.Fprintf(cio.stdout, "No accounts yet. Create the first organisation and admin within %v at:\n  %s/setup?token=%s\n(or run 'rolefit user add').\n",
			store.SetupTTL, base, token)
	}

	if *allowPrivate {
		log.Warn("webhooks may go to private addresses and over plain HTTP (--allow-private-webhooks)")
	}
	errc := make(chan error, 1)
	go func() { errc <- web.Listener(ln) }()
	go housekeeping(ctx, st, uc, log)
	// The outbound queue's worker: it stops when ctx ends, after the
	// attempts under way, and the store is closed only after it.
	delivering := make(chan struct{})
	go func() {
		defer close(delivering)
		uc.RunDeliveries(ctx, deliveryPoll)
	}()
	log.Info("ready", "version", version, "addr", ln.Addr().String(), "db", st.Source(), "startup", cio.now().Sub(started).Round(time.Millisecond))

	select {
	case err := <-errc:
		return fmt.Errorf("server stopped: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing requests in flight", "grace", shutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := web.ShutdownWithContext(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("shut down: %w", err)
	}
	select {
	case <-delivering:
	case <-sctx.Done():
		log.Warn("stopped before the deliveries under way finished; they are sent again after a restart")
	}
	log.Info("stopped")
	return nil
}

// displayAddr turns a listening address into one a browser can open: a
// wildcard address becomes localhost.
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	host := tcp.IP.String()
	if tcp.IP.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}

// housekeeping purges candidates past their retention period at start,
// then every hour while the server runs also deletes expired sessions,
// ended windows of failed-attempt counts, idempotency keys past their 24
// hours, sign-ins begun and never finished, and deliveries finished a
// month ago, and refreshes the query planner's statistics.
func housekeeping(ctx context.Context, st *store.Store, uc *app.App, log *slog.Logger) {
	purgeRetention(ctx, uc, log)
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := st.Optimize(ctx); err != nil {
				log.Warn("refresh query planner statistics", "err", err)
			}
			if n, err := st.PurgeSessions(ctx); err != nil {
				log.Warn("purge expired sessions", "err", err)
			} else if n > 0 {
				log.Info("purged expired sessions", "count", n)
			}
			if _, err := uc.PurgeIdempotencyKeys(ctx); err != nil {
				log.Warn("purge old idempotency keys", "err", err)
			}
			if _, err := uc.PurgeSSOLogins(ctx); err != nil {
				log.Warn("purge unfinished single sign-ons", "err", err)
			}
			if n, err := uc.PurgeDeliveries(ctx); err != nil {
				log.Warn("purge old deliveries", "err", err)
			} else if n > 0 {
				log.Info("purged old deliveries", "count", n)
			}
			if n, err := st.PurgeAttempts(ctx); err != nil {
				log.Warn("purge ended attempt windows", "err", err)
			} else if n > 0 {
				log.Info("purged ended attempt windows", "count", n)
			}
			purgeRetention(ctx, uc, log)
		}
	}
}

// loadExtras loads the shipped interview banks and job questionnaires
// and, when dir is given, those under its interview/ and job/ folders,
// each checked against the catalog. A broken file stops the server with
// every problem listed.
func loadExtras(dir string, cat *assess.Catalog) (*assess.Extras, error) {
	ex, err := assess.LoadExtras(questionnaires.FS, cat)
	if err != nil {
		return nil, fmt.Errorf("shipped interview banks and job questionnaires: %w", err)
	}
	if dir == "" {
		return ex, nil
	}
	own, err := assess.LoadExtras(os.DirFS(dir), cat)
	if err != nil {
		return nil, fmt.Errorf("interview banks and job questionnaires in %s: %w", dir, err)
	}
	ex.Banks = append(ex.Banks, own.Banks...)
	ex.Jobs = append(ex.Jobs, own.Jobs...)
	return ex, nil
}

// loadCatalog loads the shipped questionnaires and, when dir is given, the
// admin's own. A broken file stops the server with every problem listed.
func loadCatalog(dir string) (*assess.Catalog, error) {
	cat, err := assess.LoadCatalog(questionnaires.FS)
	if err != nil {
		return nil, fmt.Errorf("shipped questionnaires: %w", err)
	}
	if dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("--questionnaires %s: not a folder", dir)
		}
		if err := cat.AddFS(os.DirFS(dir), dir); err != nil {
			return nil, fmt.Errorf("questionnaires in %s: %w", dir, err)
		}
	}
	if err := checkCatalogLanguages(cat); err != nil {
		return nil, fmt.Errorf("questionnaires: %w", err)
	}
	return cat, nil
}
