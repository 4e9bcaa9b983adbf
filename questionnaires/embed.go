// Package questionnaires holds the questionnaire definitions shipped with
// rolefit, embedded in the binary so that it runs from any directory.
// internal/assess loads and validates them (assess.LoadCatalog(FS)).
package questionnaires

import "embed"

// FS holds every shipped questionnaire (*.yaml) at its root, the
// interview bank under interview/ and the job questionnaires under job/.
//
//go:embed *.yaml interview/*.yaml job/*.yaml
var FS embed.FS
