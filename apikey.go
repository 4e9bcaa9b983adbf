package rolefit

import "time"

// APIKey lets a program (an applicant tracking system, a spreadsheet
// script) call the JSON API on behalf of an organisation. Only the key's
// hash is kept; the key itself is shown once, when it is created.
//
// A key made on Settings → API keys is its creator's delegate: it may do
// what its creator may do today (Access), and it is revoked when its creator
// is removed, so nobody keeps an admin's power through a key after losing
// their account. A key made by 'rolefit apikey add' has no creator: it is
// the organisation's, made by whoever runs rolefit on the server, with an
// admin's rights until it is revoked.
type APIKey struct {
	ID         string
	OrgID      string
	Name       string
	Prefix     string
	CreatedBy  *string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
	// Access is what the key may do: its creator's access today, or admin for
	// a key without a creator. It is read with the key, never stored.
	Access Access
	// CreatorName is the name of the user the key acts for, "" for a key
	// without a creator.
	CreatorName string
}

// Actor returns the audit actor for requests made with the key.
func (k *APIKey) Actor() Actor {
	return Actor{ID: k.ID, Name: "API key " + k.Name + " (" + k.Prefix + "…)"}
}
