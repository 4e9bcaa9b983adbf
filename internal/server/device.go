package server

import (
	"crypto/sha256"
	"encoding/hex"
	"rolefit"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/app"
	"rolefit/internal/errs"
)

// deviceCookiePrefix starts the name of each device cookie. A browser
// keeps one per e-mail address signed in with, named by a short hash of
// the address, so two people sharing a browser keep theirs apart and the
// sign-in form finds the one for the address typed without a look-up.
const deviceCookiePrefix = "rolefit_device_"

// localDevice holds the device token of a sign-in from a known browser
// that is within its own budget of failures.
const localDevice = "device"

// accountKey is the e-mail address as sign-in counts it: trimmed, lower
// case, and no longer than any address can be, so a megabyte of form is
// not hashed.
func accountKey(email string) string {
	key := strings.ToLower(strings.TrimSpace(email))
	if len(key) > 254 {
		key = key[:254]
	}
	return key
}

// deviceCookieName is the name of the device cookie for an e-mail address.
func deviceCookieName(key string) string {
	sum := sha256.Sum256([]byte(key))
	return deviceCookiePrefix + hex.EncodeToString(sum[:6])
}

// knownDevice recognises a sign-in from a browser that has signed in to
// the typed address's account before (app.DeviceToken), and marks it
// unless the browser has itself failed too often: a stolen device cookie
// buys its thief a few guesses, no more. A forged, expired or stale cookie
// is simply not a known browser.
func knownDevice(uc *app.App, devices *failures) fiber.Handler {
	return func(c *fiber.Ctx) error {
		key := accountKey(c.FormValue("email"))
		token := c.Cookies(deviceCookieName(key))
		if token == "" {
			return c.Next()
		}
		u, err := uc.DeviceUser(c.UserContext(), token)
		if errs.Code(err) == errs.CodeUnauthorized || err == nil && u.Email != key {
			return c.Next()
		}
		if err != nil {
			return err
		}
		_, over, err := devices.over(c.UserContext(), token)
		if err != nil {
			return err
		}
		if !over {
			c.Locals(localDevice, token)
		}
		return c.Next()
	}
}

// knownDeviceOf returns the device token of a sign-in from a known
// browser within its budget, "" for any other request.
func knownDeviceOf(c *fiber.Ctx) string {
	t, _ := c.Locals(localDevice).(string)
	return t
}

// setDeviceCookie marks this browser as one u signs in with.
func setDeviceCookie(c *fiber.Ctx, uc *app.App, u *rolefit.User) error {
	token, err := uc.DeviceToken(c.UserContext(), u)
	if err != nil {
		return err
	}
	setCookie(c, deviceCookieName(u.Email), token, int(app.DeviceMax.Seconds()))
	return nil
}
