package i18n

import (
	"fmt"
	"strconv"
	"time"

	"golang.org/x/text/message"
)

// Printer writes messages, numbers and dates in one language, dates in one
// time zone. Templates call it as {{.L.T "key" arg…}}.
type Printer struct {
	lang string
	p    *message.Printer
	zone *time.Location
	// has holds the language's keys; source writes a key it lacks.
	has    map[string]entry
	source *message.Printer
}

// Printer returns the printer of lang, or of Source when lang has no
// catalogue, showing dates in zone (nil: UTC).
func (c *Catalogue) Printer(lang string, zone *time.Location) *Printer {
	if !c.Has(lang) {
		lang = Source
	}
	if zone == nil {
		zone = time.UTC
	}
	return &Printer{lang: lang, p: c.printer(lang), zone: zone, has: c.keys[lang], source: c.printer(Source)}
}

// Lang is the printer's language, a BCP 47 tag (for <html lang>).
func (p *Printer) Lang() string { return p.lang }

// T writes the message of key with args, in the printer's language; a key
// the language lacks is written in Source's words.
func (p *Printer) T(key string, args ...any) string {
	e, ok := p.has[key]
	if !ok {
		return p.source.Sprintf(key, args...)
	}
	if e.fixed && len(args) == 0 {
		// Nothing to fill in or choose: the text as written, without
		// the formatting machinery (most of a page's messages).
		return e.text
	}
	return p.p.Sprintf(key, args...)
}

// Has says whether the printer's language has a message for key.
func (p *Printer) Has(key string) bool {
	_, ok := p.has[key]
	return ok
}

// Number writes a whole number as the language does (1,234 or 1.234).
func (p *Printer) Number(n int) string { return p.p.Sprintf("%d", n) }

// Date writes a day as the language does: "2 March 2026", "2 de marzo de
// 2026", "2. März 2026".
func (p *Printer) Date(t time.Time) string {
	t = t.In(p.zone)
	// The year is handed over as text: as a number it would be grouped
	// ("2.026").
	return p.T("date", t.Day(), p.T(fmt.Sprintf("month.%d", int(t.Month()))), strconv.Itoa(t.Year()))
}

// DateTime writes a moment with its time zone's abbreviation: "2 March
// 2026, 14:30 CET".
func (p *Printer) DateTime(t time.Time) string {
	return p.T("datetime", p.Date(t), t.In(p.zone).Format("15:04 MST"))
}
