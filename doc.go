// Package rolefit holds the things rolefit reasons about, free of storage
// and of HTTP: an organisation and its settings; the people it assesses
// (candidates and staff), their invitations and responses; the users who
// sign in and their access (admin or manager); API keys; placement roles
// with their compensation plans and hiring figures; performance records;
// and the audit log's entries. Each carries the rules about it, so every
// caller asks the same method (Invitation.CanExtend, RoleInput.Check,
// NewPerson.Clean).
//
// internal/store maps these to rows; internal/app takes and returns them
// in its use cases; internal/server writes its own shapes of them for the
// JSON API, so a column can change without changing a public shape, and
// the reverse. The science and the money (internal/assess,
// internal/placement, internal/econ) are pure packages beside this one.
package rolefit
