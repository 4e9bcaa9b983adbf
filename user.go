package rolefit

import (
	"time"
)

// Access is what a signed-in user may do in their organisation (not a
// placement role, nor a person's job title).
type Access string

// The roles of rolefit users. An admin can do all a manager can, and also
// manage users, API keys and settings.
const (
	Admin   Access = "admin"
	Manager Access = "manager"
)

// Valid reports whether r is a known role.
func (r Access) Valid() bool { return r == Admin || r == Manager }

// User is a person who signs in to rolefit: an admin or a manager of one
// organisation.
type User struct {
	ID        string
	OrgID     string
	Email     string
	Name      string
	Access    Access
	CreatedAt time.Time
	UpdatedAt time.Time
}

// IsAdmin reports whether the user is an admin.
func (u *User) IsAdmin() bool { return u.Access == Admin }

// NewUser is what it takes to create a user.
type NewUser struct {
	Email    string
	Name     string
	Access   Access
	Password string
}

// Actor is who did something, for the audit log.
type Actor struct {
	ID   string
	Name string
}

// ActorOf returns the audit actor for a user.
func ActorOf(u *User) Actor { return Actor{ID: u.ID, Name: u.Name + " <" + u.Email + ">"} }

// Clean trims a new user's name and e-mail address and returns the user
// with what is wrong, by field. Their password is checked where it is
// hashed, against the list of passwords too common to use
// (internal/store).
func (nu NewUser) Clean() (NewUser, map[string]string) {
	fields := map[string]string{}
	var msg string
	if nu.Email, msg = NormaliseEmail(nu.Email); msg != "" {
		fields["email"] = msg
	}
	if nu.Name, msg = CleanName(nu.Name, 200); msg != "" {
		fields["name"] = msg
	}
	if !nu.Access.Valid() {
		fields["access"] = "must be admin or manager"
	}
	return nu, fields
}
