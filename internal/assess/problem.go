package assess

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a questionnaire definition.
type Problem struct {
	// File is the file name handed to Parse.
	File string `json:"file"`
	// Line is the 1-based line the problem is on, 0 when it is about the
	// whole file.
	Line int `json:"line,omitempty"`
	// Subject names what is wrong: "item inf1", "scale drive",
	// "composite hunter", "synonym pair 2", "page 3", or "" for the file's
	// top-level fields.
	Subject string `json:"subject,omitempty"`
	// Msg says what is wrong, in words for the person editing the file.
	Msg string `json:"message"`
}

// String formats the problem as "file:line: subject: message".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Subject != "" {
		b.WriteString(p.Subject)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// LoadError lists every problem found in one or more questionnaire files.
type LoadError struct {
	// Problems are in the order found, file by file.
	Problems []Problem
}

// Error returns one problem per line.
func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
