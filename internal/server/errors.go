package server

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
)

// statusOf maps an error code to its HTTP status.
var statusOf = map[string]int{
	errs.CodeInvalid:      fiber.StatusBadRequest,
	errs.CodeNotFound:     fiber.StatusNotFound,
	errs.CodeConflict:     fiber.StatusConflict,
	errs.CodeUnauthorized: fiber.StatusUnauthorized,
	errs.CodeForbidden:    fiber.StatusForbidden,
	errs.CodeRateLimited:  fiber.StatusTooManyRequests,
	// The request was sound but its deadline passed first: the server is,
	// for this request, unavailable, and a retry may succeed (RFC 9110,
	// section 15.6.4).
	errs.CodeTimeout:  fiber.StatusServiceUnavailable,
	errs.CodeInternal: fiber.StatusInternalServerError,
}

// apiError is the JSON API's error envelope.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// classify turns any error into a status, code, user-safe message and
// field errors. Fiber's own errors (unknown route, body too large) are
// mapped onto rolefit's codes.
func classify(err error) (status int, body apiErrorBody) {
	var fe *fiber.Error
	if errors.As(err, &fe) {
		switch fe.Code {
		case fiber.StatusNotFound:
			return fe.Code, apiErrorBody{Code: errs.CodeNotFound, Message: "There is no page at this address."}
		case fiber.StatusMethodNotAllowed:
			return fe.Code, apiErrorBody{Code: errs.CodeNotFound, Message: "This address does not accept that method."}
		case fiber.StatusRequestEntityTooLarge:
			return fe.Code, apiErrorBody{Code: errs.CodeInvalid, Message: "The request is larger than rolefit accepts."}
		case fiber.StatusTooManyRequests:
			return fe.Code, apiErrorBody{Code: errs.CodeRateLimited, Message: "Too many attempts. Please wait a few minutes and try again."}
		case fiber.StatusRequestTimeout:
			return fe.Code, apiErrorBody{Code: errs.CodeInvalid, Message: "The request took too long to arrive."}
		case fiber.StatusRequestHeaderFieldsTooLarge:
			return fe.Code, apiErrorBody{Code: errs.CodeInvalid, Message: "The request's headers are larger than rolefit accepts (about 4 KiB in all, cookies included)."}
		}
		if fe.Code >= 400 && fe.Code < 500 {
			return fe.Code, apiErrorBody{Code: errs.CodeInvalid, Message: fe.Message}
		}
		return fiber.StatusInternalServerError, apiErrorBody{Code: errs.CodeInternal, Message: errs.Message(err)}
	}
	code := errs.Code(err)
	return statusOf[code], apiErrorBody{Code: code, Message: errs.Message(err), Fields: errs.FieldsOf(err)}
}

// isAPI reports whether a request is for the JSON API, or for the JSON
// routes other systems call (Greenhouse's, under /integrations/).
func isAPI(c *fiber.Ctx) bool {
	p := c.Path()
	return strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/integrations/")
}

// wantsJSON reports whether an error should be answered in JSON: for the
// API, and for pages' own scripts, which ask for JSON in Accept. Headers
// too large to read (431) are answered in JSON whatever the address: the
// HTTP server gives up before it has kept the request's path, so rolefit
// cannot tell an API call from a page, and the API's clients must get the
// API's error shape (a browser shows the JSON as text).
func wantsJSON(c *fiber.Ctx, status int) bool {
	return isAPI(c) || status == fiber.StatusRequestHeaderFieldsTooLarge ||
		c.Accepts(fiber.MIMETextHTML, fiber.MIMEApplicationJSON) == fiber.MIMEApplicationJSON
}

// errorHandler is the one place errors become responses. Internal errors
// are logged with the request's ID and shown to the user only as a
// generic sentence; the others are the user's to fix and are not logged.
func errorHandler(rnd *renderer, log *slog.Logger) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		status, body := classify(err)
		switch body.Code {
		case errs.CodeInternal:
			log.ErrorContext(c.UserContext(), "request failed",
				"err", err, "method", c.Method(), "route", routeOf(c), "request_id", requestID(c))
		case errs.CodeTimeout:
			// Not the user's to fix: an operator should know that work
			// outgrew the request timeout.
			log.WarnContext(c.UserContext(), "request timed out",
				"err", err, "method", c.Method(), "route", routeOf(c), "request_id", requestID(c))
		}
		c.Set(fiber.HeaderCacheControl, "no-store")
		if wantsJSON(c, status) {
			return c.Status(status).JSON(apiError{Error: body})
		}
		v := pageView(c, "Error", "")
		v.Message = body.Message
		v.Errors = body.Fields
		data := errorPage{Status: status, Title: errorTitle(status), Home: true}
		if isRespondentPath(c) {
			// A respondent reads it in their language, without the
			// fields' names or a way into the managers' pages.
			v.L = respondentPrinter(c, rnd.msgs)
			data.Title, v.Message = respondentError(v.L, err, body.Code, status)
			v.Title, v.Errors, v.User, v.Org, data.Home = data.Title, nil, nil, nil, false
		}
		v.Data = data
		if rerr := rnd.render(c, status, "error", v); rerr != nil {
			log.ErrorContext(c.UserContext(), "render error page", "err", rerr)
			return c.Status(status).SendString(fmt.Sprintf("%d %s", status, body.Message))
		}
		return nil
	}
}

// errorPage is the error page's data; Home offers the way to the start
// page.
type errorPage struct {
	Status int
	Title  string
	Home   bool
}

func errorTitle(status int) string {
	switch status {
	case fiber.StatusBadRequest, fiber.StatusRequestEntityTooLarge:
		return "That request could not be used"
	case fiber.StatusUnauthorized:
		return "Please sign in"
	case fiber.StatusForbidden:
		return "Not allowed"
	case fiber.StatusNotFound, fiber.StatusMethodNotAllowed:
		return "Not found"
	case fiber.StatusConflict:
		return "That clashes with what is already there"
	case fiber.StatusTooManyRequests:
		return "Too many attempts"
	case fiber.StatusServiceUnavailable:
		return "That took too long"
	}
	return "Something went wrong"
}
