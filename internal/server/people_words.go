package server

import (
	"sync"

	"rolefit/internal/i18n"
)

// peopleEnglish writes the people pages' words where no renderer is at
// hand: handlers that answer with a flash and a redirect, and the split
// box other pages show too. Manager pages are English (renderer.english)
// from the shipped catalogues, which rolefit always runs with; made once.
var peopleEnglish = sync.OnceValue(func() *i18n.Printer { return i18n.Shipped().Printer(i18n.Source, nil) })
