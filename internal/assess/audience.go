package assess

import "slices"

// IsFor reports whether the questionnaire may be given to an audience
// (AudienceCandidate, AudienceStaff, AudienceManager): its audience names
// it, or names none. Pages, the API and the store ask this one method.
func (q *Questionnaire) IsFor(audience string) bool {
	return len(q.Audience) == 0 || slices.Contains(q.Audience, audience)
}
