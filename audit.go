package rolefit

import "time"

// AuditEntry records who viewed, exported, changed or erased data, when.
type AuditEntry struct {
	ID          string
	OrgID       string
	ActorID     string
	ActorName   string
	Action      string
	SubjectType string
	SubjectID   string
	Detail      string
	CreatedAt   time.Time
}
