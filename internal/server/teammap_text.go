package server

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The team map's text. Sizes are SVG user units; the map is never drawn
// smaller than one CSS pixel a unit (style.css: its width is its own
// unless the page has more room), so 12 units are at least 12 px on any
// screen, phones included.
const (
	mapFont = 12.0
	// mapAscent and mapDescent are how far any glyph reaches above and
	// below the baseline, as shares of the font size: in DejaVu Sans,
	// the tallest common sans-serif font, accented capitals reach 0.93
	// em above and descenders 0.24 em below. mapTextExtent is tighter where
	// the text allows.
	mapAscent  = 0.93
	mapDescent = 0.24
	// plainAscent is how far ASCII letters and digits reach: ascenders
	// and capitals are at most 0.76 em in DejaVu Sans, Roboto, Segoe UI
	// and San Francisco.
	plainAscent = 0.76
	// plainDescent is how far a line without descenders reaches below
	// the baseline: the overshoot of round letters.
	plainDescent = 0.02
	// labelPad is the room kept around a label's glyphs: its white halo
	// (style.css, 3 units wide) reaches 1.5 beyond them.
	labelPad = 1.5
	// maxNameRunes is the longest name written out on the map; a longer
	// one is shown by its initials.
	maxNameRunes = 22
)

// mapGlyphWidths are the advance widths of printable ASCII (space to
// tilde), in thousandths of an em, of Helvetica's Adobe font metrics,
// which Arial and Liberation Sans share.
var mapGlyphWidths = [95]int{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p to ~
}

// mapTextWidth estimates how wide s is set at size units. A label is drawn
// with this width as its textLength, so the browser fits the glyphs of
// whatever font it has to exactly the box the placement reserved for
// them; a good estimate only keeps that squeeze small. Letters outside
// ASCII count as a capital or a lowercase Latin letter (accented Latin
// letters are), and the wide scripts of East Asia as a full em.
func mapTextWidth(s string, size float64) float64 {
	w := 0
	for _, r := range s {
		switch {
		case r >= ' ' && r <= '~':
			w += mapGlyphWidths[r-' ']
		case r == '★':
			w += 1000
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			w += 1000
		case unicode.IsUpper(r):
			w += 722
		default:
			w += 600
		}
	}
	// Stretched by a tenth: system-ui fonts (Roboto, Segoe UI, San
	// Francisco, DejaVu Sans) set wider than Helvetica, and a label is
	// better a little loose than squeezed.
	return 1.1 * float64(w) * size / 1000
}

// mapTextExtent returns how far s's glyphs reach above and below the
// baseline, in em: a label of capitals needs less room than one with
// accents or descenders, which on a crowded map is room for another
// label. ASCII letters, digits and a few marks that sit on the baseline
// reach plainAscent; the letters with descenders reach mapDescent below;
// anything else (brackets, slashes, symbols, letters beyond ASCII) is
// given the most any glyph takes. The browser test measures the glyphs
// of the font it draws with against it.
func mapTextExtent(s string) (ascent, descent float64) {
	ascent, descent = plainAscent, plainDescent
	for _, r := range s {
		switch {
		case strings.ContainsRune("gjpqyQ,;", r):
			descent = mapDescent
		case r == ' ' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".'-\"!?:&", r):
		default:
			return mapAscent, mapDescent
		}
	}
	return ascent, descent
}

// mapLabelSize is the box a label of text s takes: its width and its line's
// height, padding included.
func mapLabelSize(s string) (w, h float64) {
	a, d := mapTextExtent(s)
	return mapTextWidth(s, mapFont) + 2*labelPad, (a+d)*mapFont + 2*labelPad
}

// mapInitials are the first letters of a name's first and last words
// ("Dana Diaz" → "DD"); a name of one word gives its first two letters,
// and one without letters a dash. Words are counted from their first
// letter, so punctuation and markup in a name are passed over.
func mapInitials(name string) string {
	var firsts []rune
	for _, w := range strings.Fields(name) {
		for _, r := range w {
			if unicode.IsLetter(r) {
				firsts = append(firsts, unicode.ToUpper(r))
				break
			}
		}
	}
	switch len(firsts) {
	case 0:
		return "–"
	case 1:
		var out []rune
		for _, r := range name {
			if unicode.IsLetter(r) {
				out = append(out, r)
				if len(out) == 2 {
					break
				}
			}
		}
		if len(out) == 2 {
			out[1] = unicode.ToLower(out[1])
		}
		out[0] = unicode.ToUpper(out[0])
		return string(out)
	}
	return string([]rune{firsts[0], firsts[len(firsts)-1]})
}

// mapShortName is a name as the map writes it out, or "" when it is too long
// to: spaces collapsed, at most maxNameRunes runes.
func mapShortName(name string) string {
	s := strings.Join(strings.Fields(name), " ")
	if s == "" || utf8.RuneCountInString(s) > maxNameRunes {
		return ""
	}
	return s
}
