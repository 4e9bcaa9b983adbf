package server

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
)

// idempotent lets every POST of the API carry an Idempotency-Key
// (app/idempotency.go): the same key and body within 24 hours get the
// first answer again, marked Idempotent-Replayed, and do nothing twice;
// the same key with another body is refused with 422; a second request
// while the first still runs gets 409. An answer that is rolefit's own
// failure (5xx) is not kept, so the request can be tried again. A request
// without the header is served as before.
func idempotent(uc *app.App) fiber.Handler {
	return func(c *fiber.Ctx) error {
		key := c.Get("Idempotency-Key")
		if c.Method() != fiber.MethodPost || key == "" {
			return c.Next()
		}
		k := apiKeyOf(c)
		secret := strings.TrimSpace(strings.TrimPrefix(c.Get(fiber.HeaderAuthorization), "Bearer "))
		ctx := c.UserContext()
		rp, claim, err := uc.BeginIdempotent(ctx, actorOf(c), app.IdempotentRequest{Key: key, Secret: secret, KeyID: k.ID,
			Method: c.Method(), Path: c.OriginalURL(), Body: c.Body()})
		if errors.Is(err, app.ErrKeyReused) {
			_, body := classify(err)
			return c.Status(fiber.StatusUnprocessableEntity).JSON(apiError{Error: body})
		}
		if err != nil {
			return err
		}
		if rp != nil {
			c.Set("Idempotent-Replayed", "true")
			c.Set(fiber.HeaderContentType, rp.ContentType)
			return c.Status(rp.Status).Send(rp.Body)
		}
		if err := c.Next(); err != nil {
			// Answer now, so the answer, error or not, is what is kept.
			if herr := c.App().ErrorHandler(c, err); herr != nil {
				return herr
			}
		}
		status := c.Response().StatusCode()
		if status >= 500 {
			return claim.Abandon(ctx)
		}
		return claim.Finish(ctx, app.Replay{Status: status, ContentType: string(c.Response().Header.ContentType()),
			Body: append([]byte(nil), c.Response().Body()...)})
	}
}
