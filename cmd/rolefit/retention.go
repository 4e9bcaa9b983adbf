package main

import (
	"context"
	"log/slog"

	"rolefit/internal/app"
)

// purgeRetention erases the candidates past their organisation's
// retention period (app.PurgeExpired) and logs what it did. serve runs it
// at start and every hour.
func purgeRetention(ctx context.Context, uc *app.App, log *slog.Logger) {
	rep, err := uc.PurgeExpired(ctx)
	for org, n := range rep.Purged {
		if n > 0 {
			log.Info("purged candidates past the retention period", "org", org, "count", n)
		}
	}
	if err != nil {
		log.Warn("purge candidates past the retention period", "err", err)
	}
}
