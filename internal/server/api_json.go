package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
)

// maxJSONDepth bounds how deeply a body's objects and arrays may nest.
// rolefit's bodies nest three levels at most; a JSON decoder would follow
// thousands of levels and then fail with a message about its own limits.
const maxJSONDepth = 32

// decodeJSON reads a request body into v, refusing unknown fields and
// trailing data, and names the offending field in the error: a typo in an
// integration is found at once instead of being silently ignored. Before
// decoding it checks the media type, that the body is UTF-8 with no lone
// UTF-16 surrogate written as an escape (either would otherwise reach the
// database as U+FFFD), and how deeply it nests.
func decodeJSON(c *fiber.Ctx, v any) error {
	body, err := checkedJSONBody(c)
	if err != nil {
		return err
	}
	return decodeJSONBody(body, v)
}

// checkedJSONBody returns the request body once its media type, its
// encoding and its nesting have passed decodeJSON's checks.
func checkedJSONBody(c *fiber.Ctx) ([]byte, error) {
	mt, params, err := mime.ParseMediaType(c.Get(fiber.HeaderContentType))
	if err != nil || mt != fiber.MIMEApplicationJSON {
		return nil, errs.InvalidFields("Send the body as JSON.", map[string]string{"Content-Type": "must be application/json"})
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return nil, errs.InvalidFields("Send the body as JSON in UTF-8.", map[string]string{"Content-Type": "charset must be utf-8"})
	}
	body := c.Body()
	if at := invalidUTF8At(body); at >= 0 {
		return nil, errs.InvalidFields("The body is not valid UTF-8.", map[string]string{"body": fmt.Sprintf("is not valid UTF-8 at byte %d", at)})
	}
	if at, esc := loneSurrogateAt(body); at >= 0 {
		return nil, errs.InvalidFields("The body is not valid Unicode.", map[string]string{"body": fmt.Sprintf(
			"has %s at byte %d: half of a UTF-16 surrogate pair without its other half, which stands for no character", esc, at)})
	}
	if jsonDepth(body) > maxJSONDepth {
		return nil, errs.InvalidFields("The body nests too deeply.", map[string]string{"body": fmt.Sprintf("nests objects and arrays more than %d levels deep", maxJSONDepth)})
	}
	return body, nil
}

// decodeJSONBody decodes a checked body into v and turns the errors into
// ones that name the field. It uses JSON v2 (github.com/go-json-experiment/json,
// the package Go's encoding/json/v2 comes from) rather than encoding/json,
// because v2 is strict where rolefit needs it to be: a field's name must
// match exactly (encoding/json takes "NAME" for "name"), a name given
// twice is refused (encoding/json keeps the last), and it reports where
// each problem is as a JSON Pointer.
func decodeJSONBody(body []byte, v any) error {
	if len(bytes.Trim(body, " \t\r\n")) == 0 {
		return errs.Invalid("The body is empty; send a JSON object.")
	}
	dec := jsontext.NewDecoder(bytes.NewReader(body))
	err := jsonv2.UnmarshalDecode(dec, v, jsonv2.RejectUnknownMembers(true))
	if err == nil {
		if _, err := dec.ReadToken(); err != io.EOF {
			return errs.Invalid("The body holds more than one JSON value.")
		}
		return nil
	}
	var semErr *jsonv2.SemanticError
	var synErr *jsontext.SyntacticError
	switch {
	case errors.As(err, &synErr) && errors.Is(synErr.Err, jsontext.ErrDuplicateName):
		return errs.InvalidFields("The body gives a field twice; give each once.",
			map[string]string{fieldOf(synErr.JSONPointer): "appears more than once"})
	case errors.As(err, &synErr):
		return errs.Invalid("The body is not valid JSON (at byte %d).", synErr.ByteOffset)
	case errors.As(err, &semErr) && errors.Is(semErr.Err, jsonv2.ErrUnknownName):
		return errs.InvalidFields("The body has a field rolefit does not know.",
			map[string]string{fieldOf(semErr.JSONPointer): "is not a known field"})
	case errors.As(err, &semErr) && errors.Is(semErr.Err, strconv.ErrRange):
		return errs.InvalidFields("A number is out of range.", map[string]string{fieldOf(semErr.JSONPointer): "is out of range"})
	case errors.As(err, &semErr) && semErr.GoType != nil:
		return errs.InvalidFields("A field has the wrong type.",
			map[string]string{fieldOf(semErr.JSONPointer): "must be " + jsonKind(semErr.GoType.Kind().String())})
	}
	return errs.Invalid("The body could not be read: %v", err)
}

// fieldOf names the value at a JSON Pointer as rolefit's errors name
// fields, from the root and joined by dots ("answers.drv1",
// "items.3.name"); the whole body is "body".
func fieldOf(p jsontext.Pointer) string {
	if p == "" {
		return "body"
	}
	return strings.Join(slices.Collect(p.Tokens()), ".")
}

// invalidUTF8At returns the offset of the first byte of b that is not
// part of valid UTF-8, or -1.
func invalidUTF8At(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// loneSurrogateAt returns the offset of the first \\u escape in a string of
// the JSON text b that is half of a UTF-16 surrogate pair without its
// other half (RFC 8259 section 8.2: such a string cannot be decoded to
// Unicode), and the escape; -1 when there is none. A malformed text is
// left for the decoder to describe.
func loneSurrogateAt(b []byte) (int, string) {
	if bytes.IndexByte(b, '\\') < 0 {
		return -1, ""
	}
	hex4 := func(i int) (rune, bool) {
		if i+6 > len(b) || b[i] != '\\' || b[i+1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 16)
		return rune(v), err == nil
	}
	inString := false
	for i := 0; i < len(b); i++ {
		switch {
		case !inString:
			inString = b[i] == '"'
		case b[i] == '"':
			inString = false
		case b[i] == '\\':
			r, ok := hex4(i)
			if !ok || !utf16.IsSurrogate(r) {
				i++ // the escaped character, whatever it is
				continue
			}
			if r2, ok := hex4(i + 6); ok && utf16.DecodeRune(r, r2) != utf8.RuneError {
				i += 11 // a whole pair
				continue
			}
			return i, string(b[i : i+6])
		}
	}
	return -1, ""
}

// jsonDepth returns how deeply the objects and arrays of a JSON text
// nest, stopping early once past maxJSONDepth. Brackets inside strings do
// not count; a malformed text is left for the decoder to describe.
func jsonDepth(b []byte) int {
	depth, deepest, inString, escaped := 0, 0, false, false
	for _, c := range b {
		switch {
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case inString && c == '"':
			inString = false
		case inString:
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > deepest {
				deepest = depth
				if deepest > maxJSONDepth {
					return deepest
				}
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return deepest
}

func jsonKind(goKind string) string {
	switch goKind {
	case "string":
		return "a string"
	case "int", "int64", "float64":
		return "a number"
	case "bool":
		return "true or false"
	case "map", "struct":
		return "an object"
	case "slice":
		return "an array"
	}
	return fmt.Sprintf("a %s", goKind)
}

// listResponse is the shape of every list in the API.
type listResponse[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}
