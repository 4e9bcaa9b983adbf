// Package questionnaires holds the questionnaire definitions shipped with
// rolefit, embedded in the binary so that it runs from any directory.
// internal/assess loads and validates them (assess.LoadCatalog(FS)).
package questionnaires

import "embed"

// FS holds every shipped definition (*.yaml) at its root.
//
//go:embed *.yaml
var FS embed.FS
