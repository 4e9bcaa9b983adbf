package app

import (
	"errors"
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"rolefit/internal/errs"
)

// The parts of a workbook around its sheets: the relationships that say
// where each part is (ECMA-376 Part 2, Open Packaging Conventions), the
// workbook's list of sheets, and the table of text the sheets share
// (Part 1, §18.4).

// workbookRels are the relationships of one part: each target's part
// name by ID, and by type in order.
type workbookRels struct {
	byID    map[string]string
	targets [][2]string // type, part name
}

// target is the part of the first relationship whose type ends with kind.
func (r workbookRels) target(kind string) string {
	for _, t := range r.targets {
		if strings.HasSuffix(t[0], kind) {
			return t[1]
		}
	}
	return ""
}

// relationships reads a .rels part (ECMA-376 Part 2). Targets are
// relative to the folder of the part the relationships belong to.
func (wa *workbookArchive) relationships(name string) (workbookRels, error) {
	rels := workbookRels{byID: map[string]string{}}
	sc, part, err := wa.open(name)
	if err != nil {
		return rels, err
	}
	defer part.Close()
	base := path.Dir(path.Dir(name)) // the folder above _rels
	for {
		kind, err := sc.next()
		if err != nil {
			return rels, xmlFailure(err)
		}
		if kind == xmlEOF {
			return rels, nil
		}
		if kind != xmlStart || string(sc.name) != "Relationship" || sc.attrText("TargetMode") == "External" {
			continue
		}
		target := sc.attrText("Target")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(base, target)
		}
		rels.byID[sc.attrText("Id")] = target
		rels.targets = append(rels.targets, [2]string{sc.attrText("Type"), target})
	}
}

// firstSheetID is the relationship ID of the first sheet the workbook
// part lists, "" when it lists none.
func (wa *workbookArchive) firstSheetID(book string) (string, error) {
	sc, part, err := wa.open(book)
	if err != nil {
		return "", err
	}
	defer part.Close()
	for {
		kind, err := sc.next()
		if err != nil {
			return "", xmlFailure(err)
		}
		if kind == xmlEOF {
			return "", nil
		}
		if kind == xmlStart && string(sc.name) == "sheet" {
			return sc.attrText("id"), nil
		}
	}
}

// sharedStrings reads the table of shared text, refusing it when it says
// or turns out to hold more than maxSharedStrings entries or an entry
// longer than maxCellChars. Phonetic guides (rPh) are not part of the text.
func (wa *workbookArchive) sharedStrings(name string) ([]string, error) {
	sc, part, err := wa.open(name)
	if err != nil {
		return nil, err
	}
	defer part.Close()
	tooMany := refuseFile(fmt.Sprintf("the workbook holds more than %d pieces of text; save only the sheet of people", maxSharedStrings))
	var strs []string
	var text []byte
	inSI, inT, phonetic := false, false, 0
	for {
		kind, err := sc.next()
		if err != nil {
			return nil, xmlFailure(err)
		}
		switch kind {
		case xmlEOF:
			return strs, nil
		case xmlStart:
			switch string(sc.name) {
			case "sst":
				for _, a := range []string{"count", "uniqueCount"} {
					if v, ok := sc.attr(a); ok {
						if n, err := strconv.ParseUint(string(v), 10, 64); err != nil || n > maxSharedStrings {
							return nil, tooMany
						}
					}
				}
			case "si":
				if len(strs) == maxSharedStrings {
					return nil, tooMany
				}
				inSI, text = true, text[:0]
			case "t":
				inT = inSI
			case "rPh":
				phonetic++
			}
		case xmlEnd:
			switch string(sc.name) {
			case "si":
				if utf8.RuneCount(text) > maxCellChars {
					return nil, tooLongCell("the workbook")
				}
				strs, inSI = append(strs, string(text)), false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xmlText:
			if inT && phonetic == 0 {
				if text = append(text, sc.text...); len(text) > 4*maxCellChars {
					return nil, tooLongCell("the workbook")
				}
			}
		}
	}
}

// xmlFailure turns an error of reading a part into a refusal: a bound the
// part exceeded, or damage.
func xmlFailure(err error) error {
	var e *errs.Error
	switch {
	case errors.As(err, &e):
		return err
	case errors.Is(err, errXMLTooLong):
		return tooLongCell("the workbook")
	default:
		return damagedWorkbook(err.Error())
	}
}
