package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"rolefit/internal/errs"
)

// maxJSONDepth bounds how deeply a body's objects and arrays may nest.
// rolefit's bodies nest three levels at most; encoding/json would follow
// 100,000 levels and then fail with a message about its own limits.
const maxJSONDepth = 32

// decodeJSON reads a request body into v, refusing unknown fields and
// trailing data, and names the offending field in the error: a typo in an
// integration is found at once instead of being silently ignored. Before
// decoding it checks the media type, that the body is UTF-8 (encoding/json
// would quietly replace bad bytes with U+FFFD and rolefit would store
// them), and how deeply it nests.
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
	if jsonDepth(body) > maxJSONDepth {
		return nil, errs.InvalidFields("The body nests too deeply.", map[string]string{"body": fmt.Sprintf("nests objects and arrays more than %d levels deep", maxJSONDepth)})
	}
	return body, nil
}

// decodeJSONBody decodes a checked body into v with encoding/json, and
// turns its errors into ones that name the field.
func decodeJSONBody(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if dec.More() || dec.Decode(&struct{}{}) != io.EOF {
			return errs.Invalid("The body holds more than one JSON value.")
		}
		return nil
	}
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		return errs.Invalid("The body is empty; send a JSON object.")
	case errors.As(err, &typeErr):
		field, ok := jsonPathAt(body, typeErr.Offset)
		if !ok {
			field = typeErr.Field
		}
		if field == "" {
			field = "body"
		}
		return errs.InvalidFields("A field has the wrong type.", map[string]string{field: "must be " + jsonKind(typeErr.Type.Kind().String())})
	case errors.As(err, &syntaxErr):
		return errs.Invalid("The body is not valid JSON (at byte %d).", syntaxErr.Offset)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return errs.InvalidFields("The body has a field rolefit does not know.", map[string]string{name: "is not a known field"})
	}
	return errs.Invalid("The body could not be read: %v", err)
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

// jsonPathAt names the value of a JSON text whose first token ends at
// offset, as the path from the root ("answers.drv1", "items.3.name"):
// encoding/json reports a wrong-typed value by that offset, and by a
// field path that leaves out map keys and array indexes.
func jsonPathAt(b []byte, offset int64) (string, bool) {
	type frame struct {
		object    bool
		expectKey bool
		key       string
		index     int
	}
	var stack []frame
	next := func() { // the value at the top of the stack is done
		if n := len(stack); n > 0 {
			if stack[n-1].object {
				stack[n-1].expectKey = true
			} else {
				stack[n-1].index++
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		d, isDelim := tok.(json.Delim)
		if isDelim && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			next()
			continue
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].expectKey {
			stack[n-1].key, _ = tok.(string)
			stack[n-1].expectKey = false
			continue
		}
		if dec.InputOffset() == offset {
			parts := make([]string, len(stack))
			for i, f := range stack {
				if f.object {
					parts[i] = f.key
				} else {
					parts[i] = strconv.Itoa(f.index)
				}
			}
			return strings.Join(parts, "."), true
		}
		if isDelim {
			stack = append(stack, frame{object: d == '{', expectKey: d == '{'})
			continue
		}
		next()
	}
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
