package app

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// A reader of the XML of a workbook's parts that allocates nothing per
// element. encoding/xml allocates about twenty bytes for every byte it
// reads (names, attributes, namespace bookkeeping), so a sheet within the
// upload bounds could still cost a gigabyte of garbage; the parts of a
// workbook use a small, regular subset of XML that this reads in place.

// xmlKind is what xmlScanner.next found.
type xmlKind int

const (
	xmlEOF   xmlKind = iota
	xmlStart         // a start tag; a tag that closes itself is followed by its end
	xmlEnd           // an end tag
	xmlText          // character data or a CDATA section, entities decoded
)

// maxXMLTag bounds one tag with its attributes, and maxXMLText one run of
// text between tags: a cell of maxCellChars characters, each written as a
// character reference of up to ten bytes (&#x10FFFF;), fits.
const (
	maxXMLTag  = 64 << 10
	maxXMLText = 10*maxCellChars + 1024
)

// errXMLMalformed is XML that no spreadsheet writes.
var errXMLMalformed = errors.New("malformed XML")

// errXMLTooLong is a run of text past its bound.
var errXMLTooLong = errors.New("text longer than a cell holds")

// errXMLDoctype is a document type declaration: the parts of an Office
// Open XML package carry none (ECMA-376 Part 2 does not allow DTDs), and
// one could define entities that expand without end.
var errXMLDoctype = errors.New("a document type declaration")

// xmlScanner reads the tags and text of one XML part. What it returns
// (name, attrs, text) is valid until the next call to next.
type xmlScanner struct {
	r         *bufio.Reader
	name      []byte // local name (after any prefix) of the tag just read
	attrs     []byte // the attributes of the start tag just read, as written
	text      []byte // the text just read
	tag       []byte
	closeNext bool // the start tag just read closed itself
}

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// next reads up to the next tag or run of text.
func (s *xmlScanner) next() (xmlKind, error) {
	if s.closeNext {
		s.closeNext = false
		return xmlEnd, nil
	}
	for {
		b, err := s.r.ReadByte()
		if err == io.EOF {
			return xmlEOF, nil
		}
		if err != nil {
			return xmlEOF, err
		}
		if b != '<' {
			_ = s.r.UnreadByte()
			return xmlText, s.readText()
		}
		c, err := s.r.ReadByte()
		if err != nil {
			return xmlEOF, readFailure(err)
		}
		switch c {
		case '?':
			if err := s.skipPast("?>"); err != nil {
				return xmlEOF, err
			}
		case '!':
			kind, err := s.readBang()
			if err != nil || kind == xmlText {
				return kind, err
			}
		case '/':
			if err := s.readTag(); err != nil {
				return xmlEOF, err
			}
			s.name = localName(bytes.TrimSpace(s.tag))
			return xmlEnd, nil
		default:
			_ = s.r.UnreadByte()
			if err := s.readTag(); err != nil {
				return xmlEOF, err
			}
			t := s.tag
			if len(t) > 0 && t[len(t)-1] == '/' {
				t, s.closeNext = t[:len(t)-1], true
			}
			end := bytes.IndexAny(t, " \t\r\n")
			if end < 0 {
				end = len(t)
			}
			s.name, s.attrs = localName(t[:end]), t[end:]
			return xmlStart, nil
		}
	}
}

// readTag reads the rest of a tag, up to its '>', into s.tag; a '>'
// inside a quoted attribute value does not end it.
func (s *xmlScanner) readTag() error {
	s.tag = s.tag[:0]
	var quote byte
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			return readFailure(err)
		}
		switch {
		case quote != 0 && b == quote:
			quote = 0
		case quote == 0 && (b == '"' || b == '\''):
			quote = b
		case quote == 0 && b == '>':
			return nil
		}
		if s.tag = append(s.tag, b); len(s.tag) > maxXMLTag {
			return errXMLMalformed
		}
	}
}

// readBang reads what follows "<!": a comment, skipped (xmlEOF, nil), or a
// CDATA section, returned as text.
func (s *xmlScanner) readBang() (xmlKind, error) {
	head, err := s.r.Peek(7)
	if len(head) >= 2 && string(head[:2]) == "--" {
		return xmlEOF, s.skipPast("-->")
	}
	if err != nil && err != io.EOF {
		return xmlEOF, err
	}
	if string(head) != "[CDATA[" {
		return xmlEOF, errXMLDoctype
	}
	_, _ = s.r.Discard(7)
	s.text = s.text[:0]
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			return xmlEOF, readFailure(err)
		}
		if s.text = append(s.text, b); len(s.text) > maxXMLText {
			return xmlEOF, errXMLTooLong
		}
		if bytes.HasSuffix(s.text, []byte("]]>")) {
			s.text = normaliseLineEnds(s.text[:len(s.text)-3])
			return xmlText, nil
		}
	}
}

// skipPast reads past the next occurrence of end (at most 3 bytes).
func (s *xmlScanner) skipPast(end string) error {
	var last [3]byte // the bytes just read, the newest last
	for n := 1; ; n++ {
		b, err := s.r.ReadByte()
		if err != nil {
			return readFailure(err)
		}
		if n > maxXMLText {
			return errXMLMalformed
		}
		last[0], last[1], last[2] = last[1], last[2], b
		if n >= len(end) && string(last[3-len(end):]) == end {
			return nil
		}
	}
}

// readText reads character data up to the next '<', decoding entities
// and line ends as an XML processor does (XML 1.0 §2.11, §4.6).
func (s *xmlScanner) readText() error {
	s.text = s.text[:0]
	for {
		chunk, err := s.r.ReadSlice('<')
		if len(s.text)+len(chunk) > maxXMLText {
			return errXMLTooLong
		}
		s.text = append(s.text, chunk...)
		if err == nil {
			_ = s.r.UnreadByte()
			s.text = s.text[:len(s.text)-1]
			break
		}
		if err == io.EOF {
			break
		}
		if err != bufio.ErrBufferFull {
			return err
		}
	}
	var ok bool
	s.text, ok = decodeEntities(normaliseLineEnds(s.text))
	if !ok {
		return errXMLMalformed
	}
	return nil
}

// readFailure is the error of a read that ended inside markup: the
// reader's own (a bound of the part it reads), or malformed XML at the
// end of the part.
func readFailure(err error) error {
	if err == io.EOF {
		return errXMLMalformed
	}
	return err
}

// attr returns the value of the attribute whose local name is name, as
// written (entities not decoded), and whether the tag has it.
func (s *xmlScanner) attr(name string) ([]byte, bool) {
	a := s.attrs
	for {
		a = bytes.TrimLeft(a, " \t\r\n")
		eq := bytes.IndexByte(a, '=')
		if eq < 0 {
			return nil, false
		}
		key := localName(bytes.TrimSpace(a[:eq]))
		a = bytes.TrimLeft(a[eq+1:], " \t\r\n")
		if len(a) == 0 || (a[0] != '"' && a[0] != '\'') {
			return nil, false
		}
		end := bytes.IndexByte(a[1:], a[0])
		if end < 0 {
			return nil, false
		}
		if string(key) == name {
			return a[1 : 1+end], true
		}
		a = a[end+2:]
	}
}

// attrText is the attribute's value with entities decoded, "" without it.
func (s *xmlScanner) attrText(name string) string {
	v, _ := s.attr(name)
	d, _ := decodeEntities(append([]byte(nil), v...))
	return string(d)
}

// localName is a name without its namespace prefix ("x:row" is "row").
func localName(name []byte) []byte {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// normaliseLineEnds turns CR LF and lone CR into LF, in place.
func normaliseLineEnds(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := b[:0]
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' {
			if i+1 < len(b) && b[i+1] == '\n' {
				continue
			}
			out = append(out, '\n')
			continue
		}
		out = append(out, b[i])
	}
	return out
}

// decodeEntities replaces the five predefined entities and character
// references in b, in place (the result is never longer); ok is false
// for any other entity.
func decodeEntities(b []byte) ([]byte, bool) {
	if bytes.IndexByte(b, '&') < 0 {
		return b, true
	}
	out := b[:0]
	for i := 0; i < len(b); {
		if b[i] != '&' {
			out = append(out, b[i])
			i++
			continue
		}
		semi := bytes.IndexByte(b[i:], ';')
		if semi < 0 {
			return nil, false
		}
		ref := b[i+1 : i+semi]
		i += semi + 1
		switch string(ref) {
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "amp":
			out = append(out, '&')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			var n uint64
			var err error
			switch {
			case len(ref) > 2 && ref[0] == '#' && (ref[1] == 'x' || ref[1] == 'X'):
				n, err = strconv.ParseUint(string(ref[2:]), 16, 32)
			case len(ref) > 1 && ref[0] == '#':
				n, err = strconv.ParseUint(string(ref[1:]), 10, 32)
			default:
				return nil, false
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				return nil, false
			}
			out = utf8.AppendRune(out, rune(n))
		}
	}
	return out, true
}
